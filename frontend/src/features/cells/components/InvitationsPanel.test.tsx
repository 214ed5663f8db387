import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';

import { session } from '@/api/session';
import { fakeApi, json, problem, renderWithQuery } from '@/testing/render';

import { InvitationsPanel } from './InvitationsPanel';

const CELL = '11111111-1111-4111-8111-111111111111';
const PENDING = '22222222-2222-4222-8222-222222222222';
const ACCEPTED = '33333333-3333-4333-8333-333333333333';
const EXPIRED = '44444444-4444-4444-8444-444444444444';
const LIST = `GET /api/v1/cells/${CELL}/invitations`;
const renewal = (id: string) => `POST /api/v1/cells/${CELL}/invitations/${id}/renewal`;

/** What `format.instant` shows in Dutch (Belgian conventions). */
const instant = (iso: string) =>
  new Intl.DateTimeFormat('nl-BE', { dateStyle: 'long', timeStyle: 'medium' }).format(new Date(iso));

const pending = {
  id: PENDING,
  user: '55555555-5555-4555-8555-555555555555',
  email: 'lotte@lindebeek.example',
  displayName: 'Lotte Peeters',
  state: 'pending',
  createdAt: '2026-05-10T08:00:00Z',
  expiresAt: '2026-05-17T08:00:00Z',
};
const accepted = {
  id: ACCEPTED,
  user: '66666666-6666-4666-8666-666666666666',
  email: 'jonas@lindebeek.example',
  displayName: 'Jonas Maes',
  state: 'accepted',
  createdAt: '2026-05-01T08:00:00Z',
  expiresAt: '2026-05-08T08:00:00Z',
  acceptedAt: '2026-05-02T09:30:00Z',
};
const expired = {
  id: EXPIRED,
  user: '77777777-7777-4777-8777-777777777777',
  email: 'ines@lindebeek.example',
  displayName: 'Ines Claes',
  state: 'expired',
  createdAt: '2026-04-01T08:00:00Z',
  expiresAt: '2026-04-08T08:00:00Z',
};

function render() {
  const router = createMemoryRouter([{ path: '/', element: <InvitationsPanel cellId={CELL} /> }]);
  return renderWithQuery(<RouterProvider router={router} />);
}

function rowOf(name: string): HTMLElement {
  const row = screen.getByRole('rowheader', { name }).closest('tr');
  if (row === null) throw new Error(`no row for ${name}`);
  return row;
}

describe('the invitations of a cell', () => {
  it('lists them with their state and dates; only an open one gets a new link', async () => {
    const api = fakeApi({
      [LIST]: () => json(200, { items: [pending, accepted, expired], total: 3 }),
    });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    render();

    const table = await screen.findByRole('table', { name: 'Verstuurde uitnodigingen' });
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual([
      'Naam',
      'E-mailadres',
      'Toestand',
      'Verstuurd op',
      'Link geldig tot',
      'Acties',
    ]);

    const open = rowOf('Lotte Peeters');
    expect(open).toHaveTextContent('lotte@lindebeek.example');
    expect(within(open).getByText('Openstaand')).toBeInTheDocument();
    expect(open).toHaveTextContent(instant(pending.createdAt));
    expect(open).toHaveTextContent(instant(pending.expiresAt));
    expect(within(open).getByRole('button', { name: 'Nieuwe link sturen: Lotte Peeters' })).toBeEnabled();

    const done = rowOf('Jonas Maes');
    expect(within(done).getByText('Aanvaard')).toBeInTheDocument();
    expect(done).toHaveTextContent(`Aanvaard op ${instant(accepted.acceptedAt)}`);
    expect(within(done).queryByRole('button')).not.toBeInTheDocument();

    const late = rowOf('Ines Claes');
    expect(within(late).getByText('Verlopen')).toBeInTheDocument();
    expect(within(late).getByRole('button', { name: 'Nieuwe link sturen: Ines Claes' })).toBeInTheDocument();
  });

  it('says when there are none yet', async () => {
    vi.stubGlobal('fetch', fakeApi({ [LIST]: () => json(200, { items: [], total: 0 }) }).fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    render();
    expect(await screen.findByText('Nog geen uitnodigingen.')).toBeInTheDocument();
  });

  it('sends a new link for an expired invitation and reads the list again', async () => {
    const renewedUntil = '2026-05-21T10:00:00Z';
    const api = fakeApi({
      [LIST]: [
        () => json(200, { items: [expired], total: 1 }),
        () => json(200, { items: [{ ...expired, state: 'pending', expiresAt: renewedUntil }], total: 1 }),
      ],
      [renewal(EXPIRED)]: () =>
        json(201, { ...expired, state: 'pending', expiresAt: renewedUntil, mailSent: true }),
    });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    const user = userEvent.setup();
    render();

    await user.click(await screen.findByRole('button', { name: 'Nieuwe link sturen: Ines Claes' }));

    expect(
      await screen.findByText(
        `Er is een nieuwe link verstuurd naar ines@lindebeek.example. Hij is geldig tot ${instant(renewedUntil)}.`,
      ),
    ).toBeInTheDocument();
    expect(api.calls(renewal(EXPIRED))).toHaveLength(1);
    await waitFor(() => {
      expect(within(rowOf('Ines Claes')).getByText('Openstaand')).toBeInTheDocument();
    });
    expect(api.calls(LIST)).toHaveLength(2);
  });

  it('explains a refusal in the server’s words when the invitation was accepted meanwhile', async () => {
    const detail = 'Deze uitnodiging is al aanvaard; de professional kan gewoon aanmelden.';
    const api = fakeApi({
      [LIST]: [
        () => json(200, { items: [pending], total: 1 }),
        () =>
          json(200, {
            items: [{ ...pending, state: 'accepted', acceptedAt: '2026-05-11T08:00:00Z' }],
            total: 1,
          }),
      ],
      [renewal(PENDING)]: () => problem(409, 'invitationAlreadyAccepted', detail),
    });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    const user = userEvent.setup();
    render();

    await user.click(await screen.findByRole('button', { name: 'Nieuwe link sturen: Lotte Peeters' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(detail);
    await waitFor(() => {
      expect(within(rowOf('Lotte Peeters')).getByText('Aanvaard')).toBeInTheDocument();
    });
    expect(within(rowOf('Lotte Peeters')).queryByRole('button')).not.toBeInTheDocument();
    expect(within(rowOf('Lotte Peeters')).getByRole('alert')).toHaveTextContent(detail);
  });

  it('lists a new invitation once it has been sent', async () => {
    const api = fakeApi({
      [LIST]: [
        () => json(200, { items: [], total: 0 }),
        () => json(200, { items: [pending], total: 1 }),
      ],
      [`POST /api/v1/cells/${CELL}/invitations`]: () =>
        json(201, { id: PENDING, user: pending.user, expiresAt: pending.expiresAt, mailSent: true }),
    });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    const user = userEvent.setup();
    render();

    expect(await screen.findByText('Nog geen uitnodigingen.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('E-mailadres'), pending.email);
    await user.type(screen.getByLabelText('Naam'), pending.displayName);
    await user.click(screen.getByRole('button', { name: 'Uitnodiging versturen' }));

    expect(await screen.findByRole('rowheader', { name: 'Lotte Peeters' })).toBeInTheDocument();
    expect(await api.calls(`POST /api/v1/cells/${CELL}/invitations`)[0]?.json()).toEqual({
      email: pending.email,
      displayName: pending.displayName,
      language: 'nl',
    });
  });
});
