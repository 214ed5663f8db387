import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';

import { session } from '@/api/session';
import { fakeApi, json, problem, renderWithQuery } from '@/testing/render';

import type { ApprovalPanel as Panel } from '../model/panel';
import { ApprovalPanel } from './ApprovalPanel';

const CELL = '11111111-1111-4111-8111-111111111111';
const CASE = '22222222-2222-4222-8222-222222222222';
const MEETING = '44444444-4444-4444-8444-444444444444';
const FORM = '55555555-5555-4555-8555-555555555555';
const NOOR = '66666666-6666-4666-8666-666666666666';
const SARA = '77777777-7777-4777-8777-777777777777';
const V1 = 'ab12cd34'.repeat(8);

function panel(change: Partial<Panel> = {}): Panel {
  return {
    form: FORM,
    status: 'draft',
    version: 1,
    versionHash: V1,
    meeting: MEETING,
    approvers: [NOOR, SARA],
    awaiting: [SARA],
    verdicts: [{ member: NOOR, displayName: 'Noor Vermeulen', verdict: 'approved', versionHash: V1 }],
    people: [
      { id: NOOR, displayName: 'Noor Vermeulen' },
      { id: SARA, displayName: 'Sara De Smet' },
    ],
    consensusReachedAt: null,
    transmitted: false,
    ...change,
  };
}

function formAnswer(verdicts: Panel['verdicts'], status: string) {
  return {
    id: FORM,
    case: CASE,
    caseCode: 'LB-2026-0007',
    round: 1,
    status,
    current: { number: 1, hash: V1, createdAt: '2026-05-14T12:00:00Z', createdBy: NOOR, content: {} },
    versions: 1,
    approvers: [NOOR, SARA],
    awaiting: [],
    verdicts,
    people: panel().people,
  };
}

function renderPanel(userId: string, informationOfficer: boolean) {
  const router = createMemoryRouter(
    [
      {
        path: '/meetings/:id',
        element: (
          <ApprovalPanel
            meeting={{ id: MEETING, cell: CELL, status: 'inSession' }}
            caseId={CASE}
            caseCode="LB-2026-0007"
            userId={userId}
            informationOfficer={informationOfficer}
          />
        ),
      },
    ],
    { initialEntries: [`/meetings/${MEETING}`] },
  );
  return renderWithQuery(<RouterProvider router={router} />);
}

const LIST = `GET /api/v1/cases/${CASE}/feedbackForms`;
const APPROVALS = `/api/v1/feedbackForms/${FORM}/approvals`;

describe('the approval panel in the meeting room', () => {
  it('shows who approved and who is awaited, by name, and sends the member’s approval of exactly this version', async () => {
    const api = fakeApi({
      [LIST]: () => json(200, { total: 1, items: [{ id: FORM, round: 1, versions: 1, currentHash: V1, transmitted: false }] }),
      [`GET ${APPROVALS}`]: () => json(200, panel(), { ETag: '"p1"' }),
      [`POST ${APPROVALS}`]: () =>
        json(
          201,
          formAnswer(
            [
              { member: NOOR, displayName: 'Noor Vermeulen', verdict: 'approved', versionHash: V1 },
              { member: SARA, displayName: 'Sara De Smet', verdict: 'approved', versionHash: V1 },
            ],
            'consensusReached',
          ),
        ),
    });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    const user = userEvent.setup();
    renderPanel(SARA, false);

    const region = await screen.findByRole('region', { name: /Terugkoppelingsfiche – ronde 1/ });
    expect(await within(region).findByText('Versie 1 ligt ter goedkeuring voor.')).toBeInTheDocument();
    expect(within(region).getByText('ab12cd34')).toBeInTheDocument();
    const verdicts = within(region).getByRole('list', { name: 'Oordelen van de aanwezige leden' });
    expect(within(verdicts).getByText('Noor Vermeulen').closest('li')).toHaveTextContent('keurde versie 1 goed');
    expect(within(verdicts).getByText('Sara De Smet').closest('li')).toHaveTextContent('nog geen oordeel');
    // Not the information officer: no transmit button.
    expect(within(region).queryByRole('button', { name: 'Aan de LTF bezorgen' })).toBeNull();

    await user.click(within(region).getByRole('button', { name: 'Deze versie goedkeuren' }));

    expect(await within(region).findByText('U keurde versie 1 goed.')).toBeInTheDocument();
    expect(within(region).getByText('Consensus bereikt')).toBeInTheDocument();
    expect(within(region).getByText('Consensus bereikt: de information officer bezorgt de fiche aan de LTF (R-FB-3).')).toBeInTheDocument();
    const post = api.calls(`POST ${APPROVALS}`)[0];
    expect(await post?.json()).toEqual({ meeting: MEETING, versionHash: V1, verdict: 'approved', reason: '' });
    expect(post?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('asks a reason for an objection and sends it', async () => {
    const api = fakeApi({
      [LIST]: () => json(200, { total: 1, items: [{ id: FORM, round: 1, versions: 1, currentHash: V1, transmitted: false }] }),
      [`GET ${APPROVALS}`]: () => json(200, panel(), { ETag: '"p1"' }),
      'POST /api/v1/privacyChecks': () => json(200, { findings: [] }),
      [`POST ${APPROVALS}`]: () =>
        json(
          201,
          formAnswer(
            [
              { member: NOOR, displayName: 'Noor Vermeulen', verdict: 'approved', versionHash: V1 },
              { member: SARA, displayName: 'Sara De Smet', verdict: 'objected', reason: 'De motivering is te vaag.', versionHash: V1 },
            ],
            'draft',
          ),
        ),
    });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    const user = userEvent.setup();
    renderPanel(SARA, false);

    await user.click(await screen.findByRole('button', { name: 'Bezwaar maken' }));
    const reason = screen.getByLabelText('Waarom maakt u bezwaar?');
    expect(reason).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Bezwaar indienen' }));
    expect(screen.getByText('Zeg waarom u bezwaar maakt.')).toBeInTheDocument();
    expect(api.calls(`POST ${APPROVALS}`)).toHaveLength(0);

    await user.type(reason, 'De motivering is te vaag.');
    await user.click(screen.getByRole('button', { name: 'Bezwaar indienen' }));

    expect(await screen.findByText('Uw bezwaar tegen versie 1 is vastgelegd.')).toBeInTheDocument();
    expect(screen.getByText('De motivering is te vaag.')).toBeInTheDocument();
    expect(await api.calls(`POST ${APPROVALS}`)[0]?.json()).toMatchObject({ verdict: 'objected', reason: 'De motivering is te vaag.' });
  });

  it('lets the information officer transmit once there is consensus, and explains a refusal with its rule', async () => {
    const api = fakeApi({
      [LIST]: () => json(200, { total: 1, items: [{ id: FORM, round: 1, versions: 1, currentHash: V1, transmitted: false }] }),
      [`GET ${APPROVALS}`]: () =>
        json(
          200,
          panel({
            status: 'consensusReached',
            awaiting: [],
            verdicts: [
              { member: NOOR, displayName: 'Noor Vermeulen', verdict: 'approved', versionHash: V1 },
              { member: SARA, displayName: 'Sara De Smet', verdict: 'approved', versionHash: V1 },
            ],
          }),
          { ETag: '"p2"' },
        ),
      [`POST /api/v1/feedbackForms/${FORM}/transmission`]: () =>
        problem(403, 'informationOfficerOnly', 'Enkel de information officer bezorgt de fiche aan de LTF.', { rule: 'R-FB-3' }),
    });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    const user = userEvent.setup();
    renderPanel('io', true);

    await user.click(await screen.findByRole('button', { name: 'Aan de LTF bezorgen' }));
    await user.click(screen.getByRole('button', { name: 'Bevestigen: bezorgen' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Enkel de information officer bezorgt de fiche aan de LTF.');
    expect(screen.getByText('Regel R-FB-3')).toBeInTheDocument();
    expect(screen.getByText(/draagt de eindverantwoordelijkheid/)).toBeInTheDocument();
    expect(await api.calls(`POST /api/v1/feedbackForms/${FORM}/transmission`)[0]?.json()).toEqual({ meeting: MEETING });
  });

  it('tells a member who does not take part in the case that the form is not for them', async () => {
    const api = fakeApi({ [LIST]: () => problem(404, 'resourceNotFound', 'Niet gevonden.') });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    renderPanel('alderman', false);
    expect(await screen.findByText(/enkel voor wie aan de casus deelneemt \(R-PRIV-5\)/)).toBeInTheDocument();
  });
});
