import { readFile } from 'node:fs/promises';

import { apiToken, demoAccount, freshCode, logIn, MEMBER_NEW_PASSWORD } from './accounts';
import { expect, expectNoAccessibilityViolations, test } from './fixtures';

// Each test signs in with another demo account: a TOTP step is accepted once per account.

test('the auditor logs in, stays in across a reload, reads the audit trail and logs out', async ({
  page,
  context,
}) => {
  const auditor = demoAccount('auditor');

  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
  await expectNoAccessibilityViolations(page);

  await page.getByLabel('E-mailadres', { exact: true }).fill(auditor.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(auditor.password);
  await page.getByRole('button', { name: 'Doorgaan' }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Vul uw code in' })).toBeFocused();
  const code = page.getByLabel('Code van zes cijfers');
  await expect(code).toHaveAttribute('inputmode', 'numeric');
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
  await code.fill(await freshCode(auditor.totpSecret));
  await page.getByRole('button', { name: 'Aanmelden' }).click();

  await expect(page).toHaveURL(/\/$/);
  await expect(
    page.getByRole('heading', { level: 1, name: `Welkom, ${auditor.displayName}` }),
  ).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(auditor.displayName);
  await expectNoAccessibilityViolations(page);

  // The refresh token is an httpOnly cookie; nothing about the session is in web storage.
  const cookies = await context.cookies();
  const refresh = cookies.find((cookie) => cookie.name === 'tafel_refresh');
  expect(refresh, 'the refresh cookie is stored').toBeDefined();
  expect(refresh).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/v1/auth' });
  const storage = await page.evaluate(() => ({
    local: Object.keys(window.localStorage),
    session: Object.keys(window.sessionStorage),
  }));
  expect(storage.session).toEqual([]);
  expect(storage.local.filter((key) => key !== 'tafel.language')).toEqual([]);

  // A reload loses the in-memory token; the cookie brings the session back.
  await page.reload();
  await expect(
    page.getByRole('heading', { level: 1, name: `Welkom, ${auditor.displayName}` }),
  ).toBeVisible();

  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Audittrail' }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Audittrail' })).toBeVisible();
  await expect(page.getByText('Alle ketens zijn intact.')).toBeVisible();
  await expect(page.locator('.chain--intact').first()).toContainText('intact');
  // The demo auditor audits the demo cell, whose chain starts with its creation. The other browser
  // tests add many events before this one runs, so the check filters by action rather than
  // counting on the first page.
  const rows = page.getByRole('table').getByRole('row');
  await page.getByLabel('Handeling').fill('cell.create');
  await page.getByRole('button', { name: 'Filters toepassen' }).click();
  await expect(page).toHaveURL(/action=cell\.create/);
  await expect(rows.filter({ hasText: 'cell.create' }).first()).toBeVisible();
  await expectNoAccessibilityViolations(page);

  // The filters go into the address, so the filtered list survives a reload.
  await page.getByLabel('Handeling').fill('no.such.action');
  await page.getByRole('button', { name: 'Filters toepassen' }).click();
  await expect(page).toHaveURL(/action=no\.such\.action/);
  await expect(page.getByText('Geen gebeurtenissen voor deze filters.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Handeling')).toHaveValue('no.such.action');
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await expect(page.getByLabel('Handeling')).toHaveValue('');
  await expect(page).not.toHaveURL(/action=/);
  await expect(rows.nth(1)).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ondertekende ketenkoppen downloaden' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^tafel-audit-anchor-.+\.json$/);
  const anchor = JSON.parse(await readFile(await file.path(), 'utf-8')) as Record<string, unknown>;
  expect(anchor).toHaveProperty('signature');
  expect(anchor).toHaveProperty('heads');
  await expect(page.getByText(`${file.suggestedFilename()} is gedownload.`)).toBeVisible();

  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('U bent afgemeld.')).toBeVisible();
  await expect(page.getByRole('banner')).not.toContainText(auditor.displayName);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
  await expect(page.getByLabel('E-mailadres', { exact: true })).toBeVisible();
  await page.goto('/audit');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('banner')).not.toContainText(auditor.displayName);
});

test('a wrong password shows the server’s message in the UI language', async ({ page }) => {
  const mayor = demoAccount('mayor');
  await page.goto('/login');

  await page.getByLabel('E-mailadres', { exact: true }).fill(mayor.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill('not the password');
  await page.getByRole('button', { name: 'Doorgaan' }).click();

  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Er is een probleem');
  await expect(summary).toContainText('Het e-mailadres, het wachtwoord of de code klopt niet.');
  await expectNoAccessibilityViolations(page);

  await page.getByLabel('Taal').selectOption('fr');
  await page.getByLabel('Mot de passe', { exact: true }).fill('still not the password');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(summary).toContainText("L'adresse e-mail, le mot de passe ou le code est incorrect.");
});

test('empty fields are named in the error summary and tied to their inputs', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Doorgaan' }).click();

  await expect(page.locator('.error-summary')).toBeFocused();
  const email = page.getByLabel('E-mailadres', { exact: true });
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/Vul uw e-mailadres in\./);

  await page.getByRole('link', { name: 'Vul uw wachtwoord in.' }).click();
  await expect(page.getByLabel('Wachtwoord', { exact: true })).toBeFocused();
});

test('a deep link survives the login', async ({ page }) => {
  const officer = demoAccount('informationOfficer');
  await page.goto('/profile');
  await expect(page).toHaveURL(/\/login$/);

  await logIn(page, officer);

  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn profiel' })).toBeVisible();
  await expect(page.getByLabel('Naam', { exact: true })).toHaveValue(officer.displayName);
  // Not an auditor: no audit trail in the menu, and the page says so.
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).not.toContainText('Audittrail');
  await page.goto('/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
});

test('the profile changes name and language; a new password ends the session', async ({ page }) => {
  const member = demoAccount('member');
  await page.goto('/profile');
  await logIn(page, member);
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn profiel' })).toBeVisible();

  await page.getByLabel('Naam', { exact: true }).fill('Sara De Smet-Peeters');
  await page.getByRole('main').getByLabel('Taal').selectOption('en');
  await page.getByRole('button', { name: 'Opslaan' }).click();

  await expect(page.getByText('Your profile has been saved.')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('banner')).toContainText('Sara De Smet-Peeters');
  await expectNoAccessibilityViolations(page);

  // The server's finding, in English, on the field it is about.
  await page.getByLabel('Current password').fill(member.password);
  await page.getByLabel('New password', { exact: true }).fill(`${member.email}-2026`);
  await page.getByLabel('Repeat the new password').fill(`${member.email}-2026`);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByLabel('New password', { exact: true })).toHaveAccessibleDescription(
    /must not contain your e-mail address/,
  );

  const newPassword = MEMBER_NEW_PASSWORD;
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Repeat the new password').fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();

  await expect(page).toHaveURL(/\/login$/);
  await expect(
    page.getByText('Your password has been changed. Log in again with your new password.'),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
});

test('a new account enrols its authenticator and replaces its one-time password', async ({
  page,
  request,
}) => {
  const token = await apiToken(request, demoAccount('platformAdministrator'));
  const email = `new.member.${String(Date.now())}@demo.tafel.example`;
  const created = await request.post('/api/v1/users', {
    data: { email, displayName: 'Nieuw Lid', organisation: 'OCMW Lindebeek' },
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(created.status()).toBe(201);
  const { oneTimePassword } = (await created.json()) as { oneTimePassword: string };

  await page.goto('/');
  await page.getByLabel('E-mailadres', { exact: true }).fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(oneTimePassword);
  await page.getByRole('button', { name: 'Doorgaan' }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Stel uw tweede factor in' })).toBeFocused();
  const qr = page.getByRole('img', { name: 'QR-code om Tafel aan uw authenticatie-app toe te voegen' });
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
  const secret = (await page.locator('.secret__value').innerText()).replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expectNoAccessibilityViolations(page);

  await page.getByLabel('Code van zes cijfers').fill(await freshCode(secret));
  await page.getByRole('button', { name: 'Aanmelden' }).click();

  // A one-time password: nothing else until the user chose their own.
  await expect(page).toHaveURL(/\/change-password$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Wachtwoord wijzigen' })).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/change-password$/);

  await page.getByLabel('Huidig wachtwoord').fill(oneTimePassword);
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('kort');
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('kort');
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.getByLabel('Nieuw wachtwoord', { exact: true })).toHaveAccessibleDescription(
    /minstens 12 tekens lang/,
  );

  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('mijn eigen lange wachtwoord');
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('mijn eigen lange wachtwoord');
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('Uw wachtwoord is gewijzigd.')).toBeVisible();
});
