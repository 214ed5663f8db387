import { readFile } from 'node:fs/promises';

import type { APIRequestContext, Locator, Page } from '@playwright/test';

import { apiToken, demoAccount, logIn, MEMBER_NEW_PASSWORD } from './accounts';
import { expect, expectNoAccessibilityViolations, secondBrowser, test } from './fixtures';

// Issue #7 "Feedback to the Local Task Force". In the demo cell a case of the CLB is in follow-up
// (set up through the API). The chair drafts the feedback form in the case's editor; at a meeting
// in session with the form on its agenda the three present participants (chair, CLB counsellor,
// information officer) approve version 1 (R-FB-2). The chair then edits the form: every approval is
// void, and the information officer's open panel shows it within one poll. All three approve
// version 2, the information officer transmits it to the LTF (R-FB-3) and downloads the PDF.
// The chair and the information officer work in the browser (two contexts); the CLB counsellor
// gives her verdicts through the API. Files run in alphabetical order: this one runs before
// login.spec.ts, which changes the CLB member's password; either password is tried.

const DEMO_CELL = 'LIVC-R Lindebeek';

interface Listed {
  items: { id: string; name: string }[];
}

function api(request: APIRequestContext, token: string) {
  const headers = { Authorization: `Bearer ${token}` };
  return {
    async get<T>(path: string): Promise<T> {
      const answer = await request.get(path, { headers });
      expect(answer.status(), `GET ${path}`).toBe(200);
      return (await answer.json()) as T;
    },
    async send<T>(method: 'post' | 'put' | 'patch', path: string, data?: object, status = 200): Promise<T> {
      const answer = await request[method](path, { headers, ...(data === undefined ? {} : { data }) });
      expect(answer.status(), `${method.toUpperCase()} ${path}: ${await answer.text()}`).toBe(status);
      return (status === 204 ? undefined : await answer.json()) as T;
    },
  };
}

type Api = ReturnType<typeof api>;

/** The CLB member submits a case; the chair admits it and weighs it retained: it is in follow-up. */
async function caseInFollowUp(clb: Api, chair: Api) {
  const cells = await clb.get<Listed>('/api/v1/cells');
  const cell = cells.items.find((item) => item.name === DEMO_CELL);
  if (cell === undefined) throw new Error('the demo cell is missing');
  const organisations = await clb.get<Listed>(`/api/v1/cells/${cell.id}/organisations`);
  const organisation = organisations.items.find((item) => item.name === 'CLB Lindebeek');
  if (organisation === undefined) throw new Error('the CLB is missing');
  const observedOn = new Date(Date.now() - 12 * 86_400_000).toISOString().slice(0, 10);
  const kase = await clb.send<{ id: string; code: string }>(
    'post',
    `/api/v1/cells/${cell.id}/cases`,
    {
      organisation: organisation.id,
      municipality: '99001',
      ageBand: 'from16To17',
      initialProblems: ['school', 'socialIsolation'],
      priorHandling: 'Drie gesprekken met de leerling en de ouders; begeleiding door het CLB loopt sinds oktober.',
      professionalAssessment: 'Trekt zich terug uit de klasgroep en verspreidt filmpjes van een radicale prediker.',
      signals: [{ observedOn, description: 'Toont in de klas filmpjes van een radicale prediker.' }],
    },
    201,
  );
  for (const step of ['admit', 'startWeighing']) {
    await chair.send('post', `/api/v1/cases/${kase.id}/transitions`, { step }, 201);
  }
  const weighed = await chair.send<{ status: string }>('post', `/api/v1/cases/${kase.id}/weighing`, {
    threatNotParticularlyHigh: true,
    willingToCooperate: true,
    noHeavyMilieuContacts: true,
    decision: 'retained',
  }, 201);
  expect(weighed.status).toBe('followUp');
  return { cellId: cell.id, caseId: kase.id, code: kase.code };
}

/** The chair plans a meeting with the form on its agenda, opens it and checks the three in. */
async function meetingInSession(chair: Api, cellId: string, caseId: string, present: readonly string[]) {
  const tables = await chair.get<{ items: { kind: string; members: { user: string }[] }[] }>(`/api/v1/cells/${cellId}/tables`);
  const members = tables.items.find((table) => table.kind === 'operational')?.members.map((member) => member.user) ?? [];
  // In the previous month, and left in session: meetings.spec.ts (a later file) expects the only
  // meeting of this month's grid to be its own, and a held meeting would lift its R-CAD-1 flag.
  const startsAt = new Date();
  startsAt.setMonth(startsAt.getMonth() - 1, 1);
  startsAt.setHours(14, 0, 0, 0);
  const meeting = await chair.send<{ id: string }>(
    'post',
    `/api/v1/cells/${cellId}/meetings`,
    {
      table: 'operational',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
      place: 'Stadhuis Lindebeek, zaal 3',
      invitees: members,
      agenda: [{ purpose: 'feedbackForm', case: caseId }],
    },
    201,
  );
  await chair.send('patch', `/api/v1/meetings/${meeting.id}`, { status: 'inSession' });
  await chair.send('put', `/api/v1/meetings/${meeting.id}/attendance`, { present, absent: [] });
  return meeting.id;
}

/** The CLB counsellor approves the version the panel shows, with her own token (R-FB-2). */
async function approveAsClb(clb: Api, caseId: string, meetingId: string, version: number) {
  const forms = await clb.get<{ items: { id: string }[] }>(`/api/v1/cases/${caseId}/feedbackForms`);
  const formId = forms.items[0]?.id ?? '';
  const panel = await clb.get<{ version: number; versionHash: string }>(
    `/api/v1/feedbackForms/${formId}/approvals?meeting=${meetingId}`,
  );
  expect(panel.version).toBe(version);
  await clb.send('post', `/api/v1/feedbackForms/${formId}/approvals`, { meeting: meetingId, versionHash: panel.versionHash, verdict: 'approved' }, 201);
}

/** The approval panel of the meeting room (its name ends with the form's status). */
function approvalPanel(page: Page): Locator {
  return page.getByRole('region', { name: /^Terugkoppelingsfiche – ronde 1/ });
}

function verdictOf(panel: Locator, name: string | RegExp): Locator {
  return panel.getByRole('list', { name: 'Oordelen van de aanwezige leden' }).getByRole('listitem').filter({ hasText: name });
}

test('three present members approve, an edit voids, all approve again, the information officer transmits and keeps the PDF', async ({
  page,
  request,
  browser,
  baseURL,
  pageProblems,
}) => {
  test.setTimeout(90_000);
  const chair = demoAccount('chair');
  const officer = demoAccount('informationOfficer');
  const clbMember = demoAccount('member');

  const [chairApi, clbApi, officerApi] = await Promise.all([
    apiToken(request, chair).then((token) => api(request, token)),
    apiToken(request, clbMember, [clbMember.password, MEMBER_NEW_PASSWORD]).then((token) => api(request, token)),
    apiToken(request, officer).then((token) => api(request, token)),
  ]);
  const { cellId, caseId, code } = await caseInFollowUp(clbApi, chairApi);

  // The chair drafts the form in the case's "feedback" tab: scales, yes/no, texts with the helper.
  await page.goto(`/cells/${cellId}/cases/${caseId}?tab=feedback`);
  await logIn(page, chair);
  const tab = page.getByRole('tabpanel', { name: 'Terugkoppeling' });
  await expect(tab.getByRole('heading', { name: 'Terugkoppelingsfiche opstellen – ronde 1' })).toBeVisible();
  await tab.getByRole('group', { name: 'Score effectiviteit' }).getByRole('radio', { name: '3 – gedeeltelijk' }).check();
  await tab.getByLabel('Toelichting bij de effectiviteit').fill('De begeleiding door het CLB loopt; de schoolresultaten verbeteren.');
  await tab.getByRole('group', { name: 'Score medewerking' }).getByRole('radio', { name: '4 – werkt op de meeste punten mee' }).check();
  await tab.getByLabel('Toelichting bij de medewerking').fill('Komt op elke afspraak en brengt zelf onderwerpen aan.');
  await tab
    .getByRole('group', { name: 'Score afstand van extremistische ideeën' })
    .getByRole('radio', { name: '2 – eerste twijfels, nog geen afstand' })
    .check();
  await tab.getByLabel('Toelichting bij de afstand van extremistische ideeën').fill('Twijfelt aan de prediker, maar deelt nog zijn filmpjes.');
  await tab.getByRole('group', { name: 'Is opvolging door de cel nog zinvol?' }).getByRole('radio', { name: 'Ja' }).check();
  await tab.getByRole('group', { name: 'Heeft de cel voldoende mogelijkheden?' }).getByRole('radio', { name: 'Ja' }).check();
  await tab.getByLabel('Toelichting bij de opvolging').fill('De cel volgt verder op met het CLB en de jeugddienst.');
  await tab.getByRole('group', { name: /in staat en bereid is terroristische daden te plegen/ }).getByRole('radio', { name: 'Zorg', exact: true }).check();
  const motivation = tab.getByLabel('Motivering van de kerninschatting');
  await motivation.fill('Geen aanwijzingen van middelen; wel een zorgwekkende interesse in geweld online.');
  await expect(page.locator('#feedback-keyAssessmentMotivation-privacy')).toHaveText('Geen persoonsgegevens herkend.');
  await expectNoAccessibilityViolations(page);
  await tab.getByRole('button', { name: 'Fiche opslaan' }).click();
  const formTitle = tab.getByRole('heading', { level: 3, name: new RegExp(`^Terugkoppelingsfiche ${code} – ronde 1`) });
  await expect(formTitle).toContainText('Ontwerp');
  await expect(tab.getByText(/^Versie 1, opgeslagen op /)).toBeVisible();

  // The meeting in session with the form on its agenda; each of the three confirms the secrecy.
  const chairMe = await chairApi.get<{ id: string }>('/api/v1/me');
  const [clbMe, officerMe] = await Promise.all([clbApi.get<{ id: string }>('/api/v1/me'), officerApi.get<{ id: string }>('/api/v1/me')]);
  const meetingId = await meetingInSession(chairApi, cellId, caseId, [chairMe.id, clbMe.id, officerMe.id]);
  await Promise.all(
    [chairApi, clbApi, officerApi].map((attendee) => attendee.send('post', `/api/v1/meetings/${meetingId}/acknowledgement`, undefined, 204)),
  );

  // The information officer follows the panel in her own browser.
  const { context, page: officerPage } = await secondBrowser(browser, baseURL, pageProblems);
  await officerPage.goto(`/meetings/${meetingId}`);
  await logIn(officerPage, officer);
  const officerPanel = approvalPanel(officerPage);
  await expect(officerPanel.getByText('Versie 1 ligt ter goedkeuring voor.')).toBeVisible();
  await expect(verdictOf(officerPanel, chair.displayName)).toContainText('nog geen oordeel');

  // Version 1: the CLB counsellor approves (the officer's open panel shows it within a poll), then
  // the chair, then the officer — the last approval brings the consensus.
  await approveAsClb(clbApi, caseId, meetingId, 1);
  await expect(verdictOf(officerPanel, clbMember.displayName)).toContainText('keurde versie 1 goed');
  await expect(officerPanel.getByText(`${clbMember.displayName} keurde goed.`)).toBeVisible();
  await page.goto(`/meetings/${meetingId}`);
  const chairPanel = approvalPanel(page);
  await chairPanel.getByRole('button', { name: 'Deze versie goedkeuren' }).click();
  await expect(chairPanel.getByText('U keurde versie 1 goed.')).toBeVisible();
  // Not the information officer: no transmit button for the chair (R-FB-3), only what happens.
  await expect(chairPanel.getByText('Zodra alle aanwezigen goedkeuren, bezorgt de information officer de fiche aan de LTF (R-FB-3).')).toBeVisible();
  await expect(chairPanel.getByRole('button', { name: 'Aan de LTF bezorgen' })).toHaveCount(0);
  await officerPanel.getByRole('button', { name: 'Deze versie goedkeuren' }).click();

  // Consensus, in words and with the status; the officer may transmit.
  await expect(officerPanel.getByText('Goedgekeurd: 3 · Bezwaren: 0 · Nog af te wachten: 0')).toBeVisible();
  await expect(officerPanel.getByRole('heading', { level: 4 })).toContainText('Consensus bereikt');
  await expect(verdictOf(officerPanel, chair.displayName)).toContainText('keurde versie 1 goed');
  await expect(officerPanel.getByRole('button', { name: 'Aan de LTF bezorgen' })).toBeVisible();

  // The chair edits the form: version 2 voids every approval (R-FB-2).
  await page.goto(`/cells/${cellId}/cases/${caseId}?tab=feedback`);
  await tab.getByRole('button', { name: 'Fiche bewerken' }).click();
  await expect(tab.getByText('U bewerkt versie 1.')).toBeVisible();
  await tab.getByLabel('Andere elementen (maatregelen, aanbevelingen)').fill('Aanbeveling: de LTF betrekt de jeugddienst bij haar opvolging.');
  await tab.getByRole('button', { name: 'Nieuwe versie opslaan' }).click();
  await expect(tab.getByText('Versie 2 is opgeslagen. Alle eerdere goedkeuringen vervallen (R-FB-2).')).toBeVisible();

  // The version history compares the two versions field by field.
  await tab.getByRole('button', { name: 'Vergelijken', exact: true }).click();
  const comparison = tab.getByRole('table', { name: 'Wijzigingen van versie 1 naar versie 2' });
  const changed = comparison.getByRole('row', { name: /Andere elementen/ });
  await expect(changed).toContainText('Aanbeveling: de LTF betrekt de jeugddienst bij haar opvolging.');
  await expect(comparison.getByRole('row')).toHaveCount(2);

  // The officer's open panel shows the new version and the voided approvals within one poll.
  await expect(officerPanel.getByText('Versie 2 ligt ter goedkeuring voor.')).toBeVisible({ timeout: 6_000 });
  await expect(officerPanel.getByText('Versie 2 is opgeslagen: alle eerdere oordelen vervallen (R-FB-2).')).toBeVisible();
  await expect(officerPanel.getByText('Goedgekeurd: 0 · Bezwaren: 0 · Nog af te wachten: 3')).toBeVisible();
  await expect(officerPanel.getByRole('button', { name: 'Aan de LTF bezorgen' })).toHaveCount(0);

  // Everyone approves version 2, the officer last.
  await approveAsClb(clbApi, caseId, meetingId, 2);
  await page.goto(`/meetings/${meetingId}`);
  await chairPanel.getByRole('button', { name: 'Deze versie goedkeuren' }).click();
  await expect(chairPanel.getByText('U keurde versie 2 goed.')).toBeVisible();
  await officerPanel.locator('summary', { hasText: 'Versie 2 lezen' }).click();
  await expect(officerPanel.getByText('Aanbeveling: de LTF betrekt de jeugddienst bij haar opvolging.')).toBeVisible();
  await officerPanel.getByRole('button', { name: 'Deze versie goedkeuren' }).click();
  await expect(officerPanel.getByText('U keurde versie 2 goed.')).toBeVisible();
  await expect(officerPanel.getByRole('heading', { level: 4 })).toContainText('Consensus bereikt');
  await expectNoAccessibilityViolations(officerPage);

  // The information officer transmits version 2 and downloads the PDF for the LTF.
  await officerPanel.getByRole('button', { name: 'Aan de LTF bezorgen' }).click();
  await officerPanel.getByRole('button', { name: 'Bevestigen: bezorgen' }).click();
  await expect(officerPanel.getByText('Versie 2 is aan de LTF bezorgd.')).toBeVisible();
  await expect(officerPanel.getByRole('heading', { level: 4 })).toContainText('Bezorgd aan de LTF');
  await expect(officerPanel.getByRole('button', { name: 'Deze versie goedkeuren' })).toHaveCount(0);
  const [download] = await Promise.all([
    officerPage.waitForEvent('download'),
    officerPanel.getByRole('button', { name: 'PDF downloaden' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
  await expect(officerPanel.getByText(`Opgeslagen als ${download.suggestedFilename()}.`)).toBeVisible();

  await context.close();
});
