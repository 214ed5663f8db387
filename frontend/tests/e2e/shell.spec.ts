import { expect, expectNoAccessibilityViolations, test } from './fixtures';

// The shell's public pages: the sign-in page, /status and the not-found page need no account.

test('the language switch changes the text and the choice survives a reload', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');

  await page.getByLabel('Taal').selectOption('fr');

  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  await page.reload();

  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  await expect(page.getByLabel('Langue')).toHaveValue('fr');
  const navigation = page.getByRole('navigation', { name: 'Menu principal' });
  await expect(navigation.getByRole('link', { name: 'État du service' })).toBeVisible();
});

test('a deep link to /status loads after a reload and shows the service UP', async ({ page }) => {
  const response = await page.goto('/status');
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

  await page.reload();

  await expect(page.getByRole('heading', { level: 1, name: 'Dienststatus' })).toBeVisible();
  const status = page.getByRole('status');
  await expect(status).toContainText('UP');
  await expect(status).toContainText('Tafel werkt normaal.');
  await expect(page).toHaveTitle('Dienststatus – Tafel');
});

test('an unknown path shows the not-found page', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
});

test('the skip link is the first stop of the keyboard and leads to the content', async ({
  page,
}) => {
  await page.goto('/status');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.keyboard.press('Tab');
  const skipLink = page.getByRole('link', { name: 'Naar de inhoud' });
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeVisible();

  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});

test.describe('accessibility (WCAG 2.1 AA, axe-core)', () => {
  // The sign-in, home, profile and audit pages are checked in login.spec.ts.
  test('status page', async ({ page }) => {
    await page.goto('/status');
    await expect(page.getByRole('status')).toContainText('UP');
    await expectNoAccessibilityViolations(page);
  });

  test('not-found page, in French', async ({ page }) => {
    await page.goto('/status');
    await page.getByLabel('Taal').selectOption('fr');
    await page.goto('/nulle-part');
    await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });
});
