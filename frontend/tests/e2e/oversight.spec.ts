import { readFile } from 'node:fs/promises';

import type { APIRequestContext } from '@playwright/test';

import { apiToken, demoAccount, logIn } from './accounts';
import { expect, expectNoAccessibilityViolations, test } from './fixtures';

// Issue #8 "Oversight". The mayor chairs the strategic table of the demo cell "LIVC-R Lindebeek":
// the figures come first on the home page, the dashboard draws every breakdown next to its table
// with counts below five as <5 (R-TAB-3), and the evidence pack downloads as the server's PDF. The
// platform administrator deactivates and reactivates a cell of its own.

const DEMO_CELL = 'LIVC-R Lindebeek';
/** Cases the test submits itself: enough for one shown count next to the suppressed ones. */
const SUBMITTED = 5;
// Other specs bring cases of their own to the demo cell: a shown count is five or more.
const SHOWN = /^([5-9]|[1-9]\d+)$/;

function daysAgo(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() - days);
  return date.toISOString().slice(0, 10);
}

interface Listed {
  items: { id: string; name: string; type?: string; active?: boolean }[];
}

/**
 * The chair (the DRO, of the municipal prevention service) submits cases in Lindebeek (99001)
 * through the API, so the step "Aanmelding" counts five: the demo seed has no cases.
 */
async function submitCases(request: APIRequestContext, count: number): Promise<void> {
  const token = await apiToken(request, demoAccount('chair'));
  const headers = { Authorization: `Bearer ${token}` };
  const cells = (await (await request.get('/api/v1/cells', { headers })).json()) as Listed;
  const cell = cells.items.find((candidate) => candidate.name === DEMO_CELL);
  if (cell === undefined) throw new Error(`${DEMO_CELL} is not among the chair's cells`);
  const organisations = (await (
    await request.get(`/api/v1/cells/${cell.id}/organisations`, { headers })
  ).json()) as Listed;
  const prevention = organisations.items.find((o) => o.type === 'municipalPreventionService');
  if (prevention === undefined) throw new Error('no prevention service in the demo cell');
  for (let index = 0; index < count; index += 1) {
    const created = await request.post(`/api/v1/cells/${cell.id}/cases`, {
      headers,
      data: {
        organisation: prevention.id,
        municipality: '99001',
        ageBand: 'from18To24',
        initialProblems: ['socialIsolation'],
        priorHandling: 'Twee gesprekken met de preventiewerker; doorverwijzing naar het CAW besproken.',
        professionalAssessment: 'Trekt zich terug uit het verenigingsleven en zoekt contact met een extremistische groep online.',
        signals: [{ observedOn: daysAgo(10 + index), description: 'Deelt berichten van een extremistische groep in een open chatgroep.' }],
      },
    });
    expect(created.status()).toBe(201);
  }
}

test('the mayor reads the figures with <5 for small counts, in Dutch and French, and downloads the evidence pack', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await submitCases(request, SUBMITTED);
  const mayor = demoAccount('mayor');

  // The figures come first on the strategic table's home page.
  await page.goto('/');
  await logIn(page, mayor);
  const summary = page.getByRole('region', { name: `Cijfers van ${DEMO_CELL}` });
  await expect(summary).toBeVisible();
  await expect(summary.getByText('Casussen', { exact: true })).toBeVisible();
  await expect(summary).toContainText('niet getoond onder vijf casussen');
  await expectNoAccessibilityViolations(page);
  await summary.getByRole('link', { name: 'Alle cijfers, met grafieken en tabellen' }).click();

  // Every chart has its table beside it; a small count reads <5 in both.
  await expect(page.getByRole('heading', { level: 1, name: 'Cijfers' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Toezicht' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByRole('heading', { level: 2, name: 'Waarom staat er soms «<5»?' })).toBeVisible();
  const byStep = page.getByRole('table', { name: 'Casussen per stap: tabel' });
  await expect(byStep.getByRole('row', { name: /^Aanmelding/ }).getByRole('cell')).toHaveText(SHOWN);
  const evaluation = byStep.getByRole('row', { name: /^Dossierevaluatie/ }).getByRole('cell');
  await expect(evaluation).toContainText('<5');
  await expect(evaluation).toContainText('minder dan vijf'); // what a screen reader says
  const chart = page.getByRole('img', { name: 'Staafdiagram: Casussen per stap. Dezelfde cijfers staan in de tabel ernaast.' });
  await expect(chart.locator('svg.recharts-surface')).toBeVisible();
  // One solid bar (five submissions), hatched placeholders labelled <5 for the other steps.
  await expect(chart.locator('path.chart__bar--shown')).toHaveCount(1);
  await expect(chart.locator('path.chart__bar--suppressed')).toHaveCount(5);
  await expect(chart.locator('text').filter({ hasText: /^<5$/ })).toHaveCount(5);
  await expect(chart.locator('text').filter({ hasText: SHOWN }).first()).toBeVisible();
  const byMunicipality = page.getByRole('table', { name: 'Casussen per gemeente: tabel' });
  await expect(byMunicipality.getByRole('row', { name: /^Lindebeek \(99001\)/ }).getByRole('cell')).toHaveText(SHOWN);
  await expect(page.getByRole('table', { name: 'Vergaderritme van de operationele tafel: tabel' }).getByRole('row')).toHaveCount(13);
  await expectNoAccessibilityViolations(page);

  // In French: headings, labels and the explanation follow the language.
  await page.getByLabel('Taal').selectOption('fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Chiffres' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Dossiers par étape' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Pourquoi certains chiffres indiquent-ils « <5 » ?' })).toBeVisible();
  const parEtape = page.getByRole('table', { name: 'Dossiers par étape : tableau' });
  await expect(parEtape.getByRole('row', { name: /^Signalement/ }).getByRole('cell')).toHaveText(SHOWN);
  await expect(parEtape.getByRole('row', { name: /^Évaluation/ }).getByRole('cell')).toContainText('<5');
  await expect(
    page.getByRole('img', { name: 'Diagramme en barres : Dossiers par étape. Les mêmes chiffres figurent dans le tableau à côté.' }),
  ).toBeVisible();

  // The evidence pack, and the server's PDF of it with the session's token.
  await page.getByRole('link', { name: 'Ouvrir le dossier de preuves de conformité' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dossier de preuves de conformité' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: "Chaîne d'audit (R-AUD-1)" })).toBeVisible();
  await expect(page.getByText(/^Intacte lors du calcul : \d+ événements dans la chaîne\.$/)).toBeVisible();
  await expect(page.locator('code.hash').first()).toHaveText(/^[0-9a-f]{64}$/);
  const composition = page.getByRole('table', { name: 'Composition à la fin de chaque mois' });
  await expect(composition.getByRole('row').nth(1)).toContainText('Constituée');
  // feedback.spec transmits a form in the same demo cell when it runs first; either state is fine.
  await expect(page.getByRole('heading', { name: 'Formulaires de retour transmis à la LTF (R-FB-2, R-FB-3)' })).toBeVisible();
  await expect(
    page.getByText("Aucun formulaire de retour n'a encore été transmis.").or(page.getByText('Hash de la version transmise')).first(),
  ).toBeVisible();
  await expectNoAccessibilityViolations(page);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^evidence-[a-z0-9-]+-\d{8}\.pdf$/);
  const content = await readFile(await file.path());
  expect(content.subarray(0, 4).toString('latin1')).toBe('%PDF');
  await expect(page.getByText(`${file.suggestedFilename()} a été téléchargé.`)).toBeVisible();
});

test('the platform administrator deactivates a cell after a confirmation, then reactivates it', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const admin = demoAccount('platformAdministrator');
  const token = await apiToken(request, admin);
  const headers = { Authorization: `Bearer ${token}` };
  const name = `LIVC-R Heidedal ${String(Date.now()).slice(-5)}`;
  const created = await request.post('/api/v1/cells', {
    headers,
    data: {
      name,
      municipalities: [{ nisCode: '99201', name: 'Heidedal' }],
      workingLanguage: 'nl',
      retention: 'P730D',
      confidentialityTerms: 'Wat aan deze tafel gedeeld wordt, blijft aan deze tafel (art. 458ter Sw.).',
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  await page.goto('/cells');
  await logIn(page, admin);
  await expect(page.getByRole('heading', { level: 1, name: 'Cellen' })).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
  await expect(row).toContainText('Actief');

  // The confirmation says what deactivation means before anything happens.
  const deactivate = row.getByRole('button', { name: `Cel deactiveren: ${name}` });
  await deactivate.click();
  const dialog = page.getByRole('dialog', { name: `${name} deactiveren?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('De leden verliezen meteen elke toegang tot de cel');
  await expect(dialog).toContainText('de gegevens blijven bewaard tot de bewaartermijn van de cel (730 dagen');
  await expectNoAccessibilityViolations(page);
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  await expect(dialog).toBeHidden();
  await expect(deactivate).toBeFocused();
  await expect(row).toContainText('Actief');

  await deactivate.click();
  await dialog.getByRole('button', { name: 'Ja, deactiveren' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `${name} is gedeactiveerd.` })).toBeVisible();
  await expect(row).toContainText('Niet actief');

  const reactivate = row.getByRole('button', { name: `Cel heractiveren: ${name}` });
  await reactivate.click();
  const again = page.getByRole('dialog', { name: `${name} heractiveren?` });
  await expect(again).toContainText('krijgen meteen weer toegang');
  await again.getByRole('button', { name: 'Ja, heractiveren' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${name} is weer actief.` })).toBeVisible();
  await expect(row).toContainText('Actief');
  await expect(row).not.toContainText('Niet actief');

  const stored = (await (await request.get(`/api/v1/cells/${id}`, { headers })).json()) as { active: boolean };
  expect(stored.active).toBe(true);
});
