import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { session } from '@/api/session';
import { fakeApi, json, problem, renderWithQuery } from '@/testing/render';

import { CalendarFeedPanel } from './CalendarFeedPanel';

const FEED = '/api/v1/me/calendarFeed';
const URL = 'https://tafel.lindebeek.example/api/v1/calendarFeeds/secret-token.ics';

/** What `format.instant` shows in Dutch (Belgian conventions). */
const instant = (iso: string) =>
  new Intl.DateTimeFormat('nl-BE', { dateStyle: 'long', timeStyle: 'medium' }).format(new Date(iso));

describe('the personal calendar link', () => {
  it('says there is none yet, makes one, and then says since when it exists', async () => {
    const createdAt = '2026-05-14T10:00:00Z';
    const api = fakeApi({
      [`GET ${FEED}`]: [() => problem(404, 'resourceNotFound', 'Niet gevonden.'), () => json(200, { createdAt })],
      [`POST ${FEED}`]: () => json(201, { url: URL }),
    });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    const user = userEvent.setup();
    renderWithQuery(<CalendarFeedPanel />);

    expect(await screen.findByText('U hebt nog geen agenda-link.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Agenda-link intrekken' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Agenda-link maken' }));

    expect(await screen.findByLabelText('Uw agenda-link')).toHaveValue(URL);
    expect(
      await screen.findByText(`U hebt een agenda-link, gemaakt op ${instant(createdAt)}. Kwijt? Maak een nieuwe.`),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Nieuwe agenda-link maken' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Agenda-link intrekken' })).toBeInTheDocument();
    expect(api.calls(`GET ${FEED}`)).toHaveLength(2);
  });

  it('shows an existing link on arrival, without showing the link itself, and revokes it', async () => {
    const createdAt = '2026-03-02T08:15:00Z';
    const api = fakeApi({
      [`GET ${FEED}`]: () => json(200, { createdAt }),
      [`DELETE ${FEED}`]: () => new Response(null, { status: 204 }),
    });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    const user = userEvent.setup();
    renderWithQuery(<CalendarFeedPanel />);

    expect(
      await screen.findByText(`U hebt een agenda-link, gemaakt op ${instant(createdAt)}. Kwijt? Maak een nieuwe.`),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Uw agenda-link')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Nieuwe agenda-link maken' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Agenda-link intrekken' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Uw agenda-link is ingetrokken en werkt niet meer.');
    expect(screen.getByText('U hebt nog geen agenda-link.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Agenda-link maken' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Agenda-link intrekken' })).not.toBeInTheDocument();
    expect(api.calls(`DELETE ${FEED}`)).toHaveLength(1);
  });

  it('explains a failure to read the link’s status and still offers both actions', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({ [`GET ${FEED}`]: () => problem(503, 'serviceUnavailable', 'Tafel is even niet bereikbaar.') }).fetch,
    );
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    renderWithQuery(<CalendarFeedPanel />);

    expect(await screen.findByRole('alert')).toHaveTextContent('Tafel is even niet bereikbaar.');
    expect(screen.getByRole('button', { name: 'Nieuwe agenda-link maken' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Agenda-link intrekken' })).toBeInTheDocument();
  });
});
