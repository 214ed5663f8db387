import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';

import { session } from '@/api/session';
import { fakeApi, json, problem, renderWithQuery } from '@/testing/render';

import { MeetingRoom } from './MeetingRoom';

const CELL = '11111111-1111-4111-8111-111111111111';
const MEETING = '44444444-4444-4444-8444-444444444444';
const CHAIR = '22222222-2222-4222-8222-222222222222';
const CLB = '33333333-3333-4333-8333-333333333333';

function meeting(status: string, attendance: object[] = []) {
  return {
    id: MEETING,
    cell: CELL,
    table: 'operational',
    startsAt: '2026-05-14T12:00:00Z',
    endsAt: '2026-05-14T14:00:00Z',
    place: 'Stadhuis, zaal 2',
    onlineLink: '',
    status,
    invitees: [
      { user: CHAIR, displayName: 'Noor Vermeulen' },
      { user: CLB, displayName: 'Sara De Smet' },
    ],
    agenda: [{ id: 'item-1', position: 1, purpose: 'admission', case: 'case-1', caseCode: 'C-2026-0007', invitees: [] }],
    attendance,
  };
}

const tables = () => json(200, { total: 0, items: [] });
const organisations = () => json(200, { total: 0, items: [] });

function renderRoom(roles: string[]) {
  const router = createMemoryRouter(
    [{ path: '/meetings/:id', element: <MeetingRoom meetingId={MEETING} userId={CHAIR} rolesIn={() => roles} /> }],
    { initialEntries: [`/meetings/${MEETING}`] },
  );
  return renderWithQuery(<RouterProvider router={router} />);
}

describe('the meeting room', () => {
  it('shows the chair the refusal to open an out-of-balance table in place, with its rule (R-MEM-4)', async () => {
    const api = fakeApi({
      [`GET /api/v1/meetings/${MEETING}`]: () => json(200, meeting('planned')),
      [`GET /api/v1/cells/${CELL}/tables`]: tables,
      [`GET /api/v1/cells/${CELL}/organisations`]: organisations,
      [`PATCH /api/v1/meetings/${MEETING}`]: () =>
        problem(409, 'tableCannotMeet', 'Deze tafel is uit evenwicht en vergadert niet.', { rule: 'R-MEM-4' }),
    });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    const user = userEvent.setup();
    renderRoom(['operationalChair']);

    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Vergadering – Operationele tafel');
    expect(screen.getByText('Stadhuis, zaal 2')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Zitting openen' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Deze tafel is uit evenwicht en vergadert niet.');
    expect(screen.getByText('Regel R-MEM-4')).toBeInTheDocument();
    expect(screen.getByText(/ten hoogste een derde van de leden/)).toBeInTheDocument();
    expect(await api.calls(`PATCH /api/v1/meetings/${MEETING}`)[0]?.json()).toEqual({ status: 'inSession' });
  });

  it('asks an attendee to confirm the secrecy before the session view opens (R-PRIV-4)', async () => {
    const api = fakeApi({
      [`GET /api/v1/meetings/${MEETING}`]: [
        () => json(200, meeting('inSession', [{ user: CHAIR, displayName: 'Noor Vermeulen', present: true, acknowledged: false }])),
        () => json(200, meeting('inSession', [{ user: CHAIR, displayName: 'Noor Vermeulen', present: true, acknowledged: true }])),
      ],
      [`GET /api/v1/cells/${CELL}`]: () =>
        json(200, { id: CELL, confidentialityTerms: { version: 1, text: 'Alles blijft aan tafel.', publishedAt: '2026-01-01T00:00:00Z' } }),
      [`GET /api/v1/cells/${CELL}/tables`]: tables,
      [`GET /api/v1/cells/${CELL}/organisations`]: organisations,
      [`POST /api/v1/meetings/${MEETING}/acknowledgement`]: () => new Response(null, { status: 204 }),
      [`GET /api/v1/meetings/${MEETING}/minutes`]: () => json(200, { meeting: MEETING, entries: [] }),
    });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    const user = userEvent.setup();
    renderRoom(['operationalMember']);

    const checkIn = await screen.findByRole('region', { name: 'Inchecken: geheimhouding van deze vergadering' });
    expect(await screen.findByText('Alles blijft aan tafel.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Agenda' })).toBeNull();
    const submit = screen.getByRole('button', { name: 'Inchecken' });
    expect(submit).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: /Ik bevestig/ }));
    await user.click(submit);

    expect(await screen.findByRole('region', { name: 'Agenda' })).toBeInTheDocument();
    expect(checkIn).not.toBeInTheDocument();
    expect(api.calls(`POST /api/v1/meetings/${MEETING}/acknowledgement`)).toHaveLength(1);
    // Not the chair: no attendance, no decision form.
    expect(screen.queryByRole('region', { name: 'Aanwezigheden' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Beslissing vastleggen' })).toBeNull();
    expect(screen.getByRole('heading', { name: /Agendapunt 1 van 1: Opname — casus C-2026-0007/ })).toBeInTheDocument();
  });
});
