import type { APIRequestContext } from '@playwright/test';

import { apiToken, demoAccount, logIn, MEMBER_NEW_PASSWORD } from './accounts';
import { expect, expectNoAccessibilityViolations, test } from './fixtures';

// Issue "Meetings and cadence". In the demo cell "LIVC-R Lindebeek": the CLB member submits a case
// (through the API, with the CLB's own token); the chair (the DRO) sees the cadence card flag the
// missing constitutive meeting (R-CAD-1), plans a meeting with that case on the agenda for
// admission, opens it, checks the members in, confirms the secrecy of the meeting (R-PRIV-4; the
// others confirm through the API), records the admission and the start of the weighing (the case
// moves, and its timeline names the meeting), records an action, closes the meeting and reads the
// minutes.
//
// Files run in alphabetical order: login.spec.ts runs before this one and changes the CLB member's
// password, so the CLB signs in with either password (MEMBER_NEW_PASSWORD). Each account's TOTP
// step is accepted once: the tokens are fetched in the background while the chair works, so a
// wait for the next step (an account used by the previous file) costs no time.

const DEMO_CELL = 'LIVC-R Lindebeek';

function isoDay(offsetDays = 0): string {
  const date = new Date();
  date.setDate(date.getDate() + offsetDays);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${String(date.getFullYear())}-${month}-${day}`;
}

interface Listed {
  items: { id: string; name: string }[];
}

/** The CLB member submits a case to the demo cell: the reference holder is the CLB. */
async function submitCase(request: APIRequestContext, token: string) {
  const headers = { Authorization: `Bearer ${token}` };
  const cells = (await (await request.get('/api/v1/cells', { headers })).json()) as Listed;
  const cell = cells.items.find((item) => item.name === DEMO_CELL);
  if (cell === undefined) throw new Error('the demo cell is missing');
  const organisations = (await (
    await request.get(`/api/v1/cells/${cell.id}/organisations`, { headers })
  ).json()) as Listed;
  const clb = organisations.items.find((item) => item.name === 'CLB Lindebeek');
  if (clb === undefined) throw new Error('the CLB is missing');
  const created = await request.post(`/api/v1/cells/${cell.id}/cases`, {
    headers,
    data: {
      organisation: clb.id,
      municipality: '99001',
      ageBand: 'from16To17',
      initialProblems: ['school', 'socialIsolation'],
      priorHandling: 'Vier gesprekken met de leerling en de ouders sinds oktober; begeleiding door het CLB loopt.',
      professionalAssessment: 'Trekt zich terug uit de klasgroep en wijst leerkrachten af; de ouders vragen hulp.',
      signals: [{ observedOn: isoDay(-9), description: 'Verspreidt in de klasgroep filmpjes van een radicale prediker.' }],
    },
  });
  expect(created.status()).toBe(201);
  const kase = (await created.json()) as { id: string; code: string };
  return { cellId: cell.id, caseId: kase.id, code: kase.code };
}

/** An attendee confirms the secrecy of the meeting with their own token (R-PRIV-4). */
async function acknowledge(request: APIRequestContext, token: Promise<string>, meetingId: string) {
  const answer = await request.post(`/api/v1/meetings/${meetingId}/acknowledgement`, {
    headers: { Authorization: `Bearer ${await token}` },
  });
  expect(answer.status()).toBe(204);
}

test('the chair plans a meeting with a case, runs it with checked-in members and reads the minutes', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const chair = demoAccount('chair');
  const clbMember = demoAccount('member');
  const officer = demoAccount('informationOfficer');
  const alderman = demoAccount('alderman');

  // In the background: the case from the CLB, and the tokens of the members who confirm by API.
  const clbToken = apiToken(request, clbMember, [clbMember.password, MEMBER_NEW_PASSWORD]);
  const submitted = clbToken.then((token) => submitCase(request, token));
  const officerToken = apiToken(request, officer);
  const aldermanToken = apiToken(request, alderman);
  // Fail the test, not the runner, when one of them is refused before it is awaited.
  for (const pending of [submitted, officerToken, aldermanToken]) pending.catch(() => undefined);

  // The chair's home page: the cadence card of the demo cell flags the constitutive meeting.
  await page.goto('/');
  await logIn(page, chair);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Vergaderingen – ${DEMO_CELL}` }) });
  await expect(card.getByText(/^Vergaderritme: /)).toBeVisible();
  await expect(card.getByText(/De samenstellende vergadering .* \(R-CAD-1\)/)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Vergaderingen' })).toBeVisible();

  // The planner, once the case exists: the table's members are invited, the case is on the agenda.
  const { cellId, caseId, code } = await submitted;
  await card.getByRole('link', { name: 'Vergadering plannen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vergadering plannen' })).toBeVisible();
  await expect(page.getByText('Tafel: Operationele tafel')).toBeVisible();
  await page.getByLabel('Datum', { exact: true }).fill(isoDay());
  await page.getByLabel('Begin', { exact: true }).fill('14:00');
  await page.getByLabel('Einde', { exact: true }).fill('15:30');
  await page.getByLabel('Plaats', { exact: true }).fill('Stadhuis Lindebeek, zaal 2');
  const invitees = page.getByRole('group', { name: 'Uitgenodigde leden' });
  await expect(invitees.getByRole('checkbox')).toHaveCount(3);
  for (const box of await invitees.getByRole('checkbox').all()) await expect(box).toBeChecked();
  await page.getByRole('button', { name: 'Agendapunt toevoegen' }).click();
  const item = page.getByRole('group', { name: 'Agendapunt 1' });
  await expect(item.getByLabel('Waarvoor')).toBeFocused();
  await item.getByLabel('Casus', { exact: true }).selectOption({ label: `${code} – Aanmelding` });
  await expect(item.getByLabel('Waarvoor')).toHaveValue('admission');
  await expectNoAccessibilityViolations(page);
  await page.getByRole('button', { name: 'Vergadering plannen' }).click();

  // The meeting room: the chair opens the session and checks the members in.
  await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
  const meetingId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Vergadering – Operationele tafel');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Gepland');
  await expect(page.getByText(`Opname — casus ${code}`)).toBeVisible();
  await page.getByRole('button', { name: 'Zitting openen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('In zitting');

  const attendance = page.getByRole('region', { name: 'Aanwezigheden' });
  for (const name of [chair.displayName, /Sara De Smet/, officer.displayName, alderman.displayName]) {
    await attendance.getByRole('checkbox', { name }).check();
  }
  await attendance.getByRole('button', { name: 'Aanwezigheden opslaan' }).click();
  await expect(attendance.getByText('De aanwezigheden zijn opgeslagen.')).toBeVisible();
  await expect(attendance.getByText('4 aanwezig, van wie 0 de geheimhouding bevestigden.')).toBeVisible();

  // Each attendee confirms the secrecy of this meeting: the others by API, the chair at check-in.
  await Promise.all([
    acknowledge(request, clbToken, meetingId),
    acknowledge(request, officerToken, meetingId),
    acknowledge(request, aldermanToken, meetingId),
  ]);
  const checkIn = page.getByRole('region', { name: 'Inchecken: geheimhouding van deze vergadering' });
  await expect(page.getByRole('region', { name: 'Agenda' })).toHaveCount(0);
  await checkIn.getByRole('checkbox', { name: /Ik bevestig dat alles wat op deze vergadering gedeeld wordt/ }).check();
  await checkIn.getByRole('button', { name: 'Inchecken' }).click();
  await expect(attendance.getByText('4 aanwezig, van wie 4 de geheimhouding bevestigden.')).toBeVisible();

  // The agenda, item by item: the chair records the table's decisions in place.
  const current = page.getByRole('article', { name: `Agendapunt 1 van 1: Opname — casus ${code}` });
  await expect(current).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await current.getByLabel('Beslissing', { exact: true }).selectOption('admit');
  await current.getByRole('button', { name: 'Beslissing vastleggen' }).click();
  await expect(current.getByText(`Vastgelegd voor casus ${code}: Opgenomen: naar dossiervorming.`)).toBeVisible();
  await current.getByLabel('Beslissing', { exact: true }).selectOption('startWeighing');
  await current.getByRole('button', { name: 'Beslissing vastleggen' }).click();
  await expect(current.getByText(`Vastgelegd voor casus ${code}: Weging gestart.`)).toBeVisible();
  await expect(current.getByRole('listitem').filter({ hasText: 'Opgenomen: naar dossiervorming' })).toBeVisible();

  await current.getByLabel('Actie', { exact: true }).fill('Het CLB bespreekt de verdere begeleiding met de ouders.');
  await current.getByLabel('Eigenaar (organisatie)').selectOption({ label: 'CLB Lindebeek' });
  await current.getByLabel('Tegen (optioneel)').fill(isoDay(14));
  await current.getByRole('button', { name: 'Actie vastleggen' }).click();
  await expect(current.getByText('De actie is vastgelegd.')).toBeVisible();

  await page.getByRole('button', { name: 'Vergadering afsluiten' }).click();
  await page.getByRole('button', { name: 'Bevestigen: afsluiten' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Gehouden');

  // The minutes: decisions in words, the action with its owner and deadline.
  await page.getByRole('link', { name: 'Notulen lezen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notulen – Operationele tafel' })).toBeVisible();
  const minutesItem = page.getByRole('region', { name: `1. Opname — casus ${code}` });
  await expect(minutesItem.getByRole('listitem').filter({ hasText: 'Opgenomen: naar dossiervorming' })).toBeVisible();
  await expect(minutesItem.getByRole('listitem').filter({ hasText: 'Weging gestart' })).toBeVisible();
  const action = minutesItem.getByRole('row').filter({ hasText: 'Het CLB bespreekt de verdere begeleiding met de ouders.' });
  await expect(action).toContainText('CLB Lindebeek');
  const deadline = new Intl.DateTimeFormat('nl-BE', { dateStyle: 'long' }).format(new Date(`${isoDay(14)}T12:00:00`));
  await expect(action).toContainText(deadline);
  await expect(page.getByText(/Aanwezig/).first()).toBeVisible();
  await expectNoAccessibilityViolations(page);

  // The month view: today's meeting in the grid, and under it as a link once the day is chosen.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Vergaderingen' }).click();
  // The chair of the cell the cells test set up has a choice of cells first.
  const chooser = page.getByRole('link', { name: DEMO_CELL });
  const views = page.getByRole('navigation', { name: 'Weergave' });
  await expect(chooser.or(views)).toBeVisible();
  if (await chooser.isVisible()) await chooser.click();
  await views.getByRole('link', { name: 'Maand' }).click();
  const today = page.getByRole('grid').getByRole('button', { name: /1 vergadering/ });
  await expect(today).toHaveAttribute('aria-current', 'date');
  await today.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect(today).toBeFocused();
  await expect(page.getByRole('region', { name: /^Vergaderingen op / }).getByRole('link', { name: /Operationele tafel/ })).toHaveAttribute(
    'href',
    `/meetings/${meetingId}`,
  );
  await expectNoAccessibilityViolations(page);

  // The case moved, and its timeline names the meeting.
  await page.goto(`/cells/${cellId}/cases/${caseId}?tab=timeline`);
  await expect(page.getByText('Stap: Dossierweging')).toBeVisible();
  const timeline = page.getByRole('tabpanel', { name: 'Tijdlijn' });
  await expect(timeline.getByText('Van Dossiervorming naar Dossierweging')).toBeVisible();
  await expect(timeline.getByRole('link', { name: 'Beslist op een vergadering van de tafel' }).first()).toHaveAttribute(
    'href',
    `/meetings/${meetingId}`,
  );
});
