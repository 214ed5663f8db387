import type { Page } from '@playwright/test';

import { demoAccount, logIn } from './accounts';
import { expect, expectNoAccessibilityViolations, secondBrowser, test } from './fixtures';

// Issue "Cases". In the demo cell "LIVC-R Lindebeek": the CLB member submits a case through the
// privacy guard (R-PRIV-2), the chair (the DRO) admits and weighs it and starts a plan from a
// template; the CLB, reference holder and so carrier of the template's actions, completes one.
// Files run in alphabetical order: this one runs before login.spec.ts, which changes the CLB
// member's password.

/** A valid Belgian national register number (its checksum holds): the guard must catch it. */
const NATIONAL_REGISTER_NUMBER = '85.07.30-033.28';
const DEMO_CELL = 'LIVC-R Lindebeek';

function daysAgo(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() - days);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${String(date.getFullYear())}-${month}-${day}`;
}

/** Through the main menu to the cases of the demo cell (a chooser appears when there are several). */
async function openCases(page: Page) {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Casussen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Casussen' })).toBeVisible();
  const chooser = page.getByRole('link', { name: DEMO_CELL });
  if (await chooser.isVisible()) await chooser.click();
  await expect(page).toHaveURL(/\/cells\/[^/]+\/cases$/);
}

test('a partner submits a case through the privacy guard; the chair weighs it and plans; the partner completes an action', async ({
  page,
  browser,
  baseURL,
  pageProblems,
}) => {
  test.setTimeout(120_000);
  const member = demoAccount('member');
  const chair = demoAccount('chair');

  // The CLB counsellor submits a case.
  await page.goto('/');
  await logIn(page, member);
  await openCases(page);
  await page.getByRole('link', { name: 'Casus aanmelden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Casus aanmelden' })).toBeVisible();
  await expect(page.getByText('U meldt aan namens CLB Lindebeek, die referentiehouder wordt.')).toBeVisible();

  const prior = page.getByLabel('Wat heeft uw organisatie al gedaan?');
  await prior.fill(
    `Sinds september drie gesprekken met de leerling en de ouders; rijksregisternummer ${NATIONAL_REGISTER_NUMBER} is bij ons gekend.`,
  );
  // The live helper, while typing: the span is highlighted and explained, tied to the field.
  const warning = page.getByText('Dit lijkt een rijksregisternummer (R-PRIV-2).');
  await expect(warning).toBeVisible();
  await expect(page.locator('#intake-prior-handling-privacy mark')).toHaveText(NATIONAL_REGISTER_NUMBER);
  await expect(prior).toHaveAccessibleDescription(/Dit lijkt een rijksregisternummer/);

  await page
    .getByLabel('Uw professionele inschatting')
    .fill('Toenemende terugtrekking uit de klasgroep en afwijzing van leerkrachten; de ouders maken zich zorgen.');
  const first = page.getByRole('group', { name: 'Signaal 1' });
  await first.getByLabel('Datum van de vaststelling').fill(daysAgo(20));
  await first.getByLabel('Wat werd vastgesteld?').fill('Deelt in de klas filmpjes van een radicale prediker.');
  await page.getByRole('button', { name: 'Nog een signaal toevoegen' }).click();
  const second = page.getByRole('group', { name: 'Signaal 2' });
  await expect(second.getByLabel('Datum van de vaststelling')).toBeFocused();
  await second.getByLabel('Datum van de vaststelling').fill(daysAgo(6));
  await second.getByLabel('Wat werd vastgesteld?').fill('Weigert sinds twee weken deel te nemen aan de groepswerken.');
  await page.getByRole('checkbox', { name: 'School', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Identiteit' }).check();
  await page.getByRole('radio', { name: '16 of 17' }).check();
  await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Oosterveld' });
  await expect(page.getByLabel('Fenomeenlabel (optioneel)')).toHaveValue('');
  await expectNoAccessibilityViolations(page);

  // The server refuses it too, tied to the field and naming the rule.
  await page.getByRole('button', { name: 'Casus aanmelden' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Dit lijkt een rijksregisternummer (R-PRIV-2).');
  await expect(summary).toContainText('Regel R-PRIV-2');
  await expect(prior).toHaveAttribute('aria-invalid', 'true');
  await expectNoAccessibilityViolations(page);
  await summary.getByRole('link', { name: 'Dit lijkt een rijksregisternummer (R-PRIV-2).' }).click();
  await expect(prior).toBeFocused();

  // Without the number the helper is satisfied and the case is registered.
  await prior.fill('Sinds september drie gesprekken met de leerling en de ouders; begeleiding door het CLB loopt.');
  await expect(page.locator('#intake-prior-handling-privacy')).toHaveText('Geen persoonsgegevens herkend.');
  await page.getByRole('button', { name: 'Casus aanmelden' }).click();

  await expect(page).toHaveURL(/\/cells\/[^/]+\/cases\/[0-9a-f-]{36}$/);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText('Casus');
  const code = (await heading.locator('code').innerText()).trim();
  await expect(page.getByText(`Casus ${code} is aangemeld. De tafel beslist over de opname (R-CASE-2).`)).toBeVisible();
  await expect(page.getByText('Stap: Aanmelding')).toBeVisible();
  // Not the chair: no lifecycle buttons, only what happens next.
  await expect(page.getByRole('button', { name: 'Opnemen: naar dossiervorming' })).toHaveCount(0);
  await expectNoAccessibilityViolations(page);
  const caseUrl = new URL(page.url()).pathname;

  // The chair, in another browser, opens the case and takes the table's decisions.
  const { context, page: chairPage } = await secondBrowser(browser, baseURL, pageProblems);
  await chairPage.goto(caseUrl);
  await logIn(chairPage, chair);
  await expect(chairPage.getByRole('heading', { level: 1 })).toContainText(code);
  await chairPage.getByRole('button', { name: 'Opnemen: naar dossiervorming' }).click();
  await expect(chairPage.getByText('Stap: Dossiervorming')).toBeVisible();
  await chairPage.getByRole('button', { name: 'Weging starten' }).click();
  await expect(chairPage.getByText('Stap: Dossierweging')).toBeVisible();
  await expect(chairPage.getByRole('button', { name: 'Opnemen: naar dossiervorming' })).toHaveCount(0);
  await chairPage.getByRole('button', { name: 'Naar de weging' }).click();
  await expect(chairPage.getByRole('tab', { name: 'Weging' })).toHaveAttribute('aria-selected', 'true');

  // Retained needs three favourable assessments (R-CASE-7): with two it is refused, explained.
  const weighing = chairPage.getByRole('tabpanel', { name: 'Weging' });
  await weighing.getByRole('checkbox', { name: 'De dreiging is niet bijzonder hoog' }).check();
  await weighing.getByRole('checkbox', { name: 'De persoon is bereid om mee te werken' }).check();
  await weighing.getByRole('radio', { name: 'Behouden: opvolging door de LIVC-R' }).check();
  await expect(weighing.getByText(/Behouden vraagt drie gunstige inschattingen \(R-CASE-7\)/)).toBeVisible();
  await weighing.getByRole('button', { name: 'Beslissing vastleggen' }).click();
  const refusal = weighing.getByRole('alert');
  await expect(refusal).toContainText('Regel R-CASE-7');
  await expect(weighing.getByText(/De richtlijn laat de cel enkel de primaire opvolging nemen/)).toBeVisible();

  await weighing.getByRole('checkbox', { name: 'Geen zware contacten in het milieu' }).check();
  await weighing.getByRole('button', { name: 'Beslissing vastleggen' }).click();
  await expect(chairPage.getByText('Stap: Dossieraanpak')).toBeVisible();

  // The plan, from a template: its steps become actions of the reference holder (the CLB).
  const plan = chairPage.getByRole('tabpanel', { name: 'Plan en acties' });
  await plan.getByRole('radio', { name: 'Schoolse en gezinsondersteuning / School and family support' }).check();
  await plan.getByRole('button', { name: 'Plan starten' }).click();
  const action = 'Gesprek met leerling en ouders door het CLB';
  await expect(plan.getByText(action, { exact: true })).toBeVisible();
  await expect(plan.getByText('Gedragen door CLB Lindebeek').first()).toBeVisible();
  await expect(plan.getByText('Versie 1.')).toBeVisible();
  await chairPage.getByRole('tab', { name: 'Tijdlijn' }).click();
  const timeline = chairPage.getByRole('tabpanel', { name: 'Tijdlijn' });
  await expect(timeline.getByText('Van Dossierweging naar Dossieraanpak')).toBeVisible();
  await expect(timeline.getByText('Beslissing: Behouden: opvolging door de LIVC-R')).toBeVisible();
  await expect(timeline.getByText('Deelt in de klas filmpjes van een radicale prediker.')).toBeVisible();
  await expectNoAccessibilityViolations(chairPage);
  await context.close();

  // The CLB counsellor completes the action from "My actions", with a note.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn acties' }).click();
  const chooser = page.getByRole('link', { name: DEMO_CELL });
  if (await chooser.isVisible()) await chooser.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn acties' })).toBeVisible();
  const item = page.getByRole('listitem').filter({ hasText: action }).filter({ hasText: code });
  await expect(item).toBeVisible();
  await item.getByLabel('Stand van zaken').selectOption({ label: 'Afgewerkt' });
  await item.getByLabel('Notitie').fill('Gesprek gevoerd met de leerling en beide ouders; afspraken gemaakt.');
  await item.getByRole('button', { name: 'Voortgang opslaan' }).click();
  await expect(page.getByText(`${action}: Afgewerkt.`)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: action }).filter({ hasText: code })).toHaveCount(0);

  // The case's plan shows it done, with the note.
  await page.goto(`${caseUrl}?tab=plan`);
  const done = page.getByRole('tabpanel', { name: 'Plan en acties' }).getByRole('listitem').filter({ hasText: action });
  await expect(done).toContainText('Afgewerkt');
  await expect(done).toContainText('Gesprek gevoerd met de leerling en beide ouders; afspraken gemaakt.');
});
