import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { session } from '@/api/session';
import { fakeApi, json, renderRoutes } from '@/testing/render';

import { routes } from './router';

const ME = {
  id: '4d0f0166-ff81-46ff-b611-e7f1d3380813',
  email: 'dpo@demo.tafel.example',
  displayName: 'Dana Pieters',
  language: 'nl',
  organisation: 'Stad Lindebeek',
  function: 'data protection officer',
  secondFactorEnrolled: true,
  passwordChangeRequired: false,
  platformRoles: ['auditor'],
  cells: [],
};

const EVENT = {
  chain: 'platform',
  seq: 7,
  occurredAt: '2026-05-04T09:30:00Z',
  actorType: 'user',
  actor: ME.id,
  action: 'session.start',
  objectType: 'session',
  object: 'd18f32dc',
  outcome: 'success',
  hash: 'ab',
  prevHash: 'cd',
};

function signIn() {
  session.signIn({ accessToken: 'access', expiresIn: 600 });
}

describe('the route guard', () => {
  it('sends a signed-out visitor to the sign-in page', async () => {
    vi.stubGlobal('fetch', fakeApi({}).fetch);
    renderRoutes(routes, '/audit');
    expect(await screen.findByRole('heading', { level: 1, name: 'Aanmelden' })).toBeInTheDocument();
    expect(screen.getByLabelText('E-mailadres')).toBeInTheDocument();
  });

  it('waits for the start-up refresh before deciding', () => {
    session.reset('unknown');
    vi.stubGlobal('fetch', fakeApi({}).fetch);
    renderRoutes(routes, '/');
    expect(screen.getByRole('status')).toHaveTextContent('Bezig met laden…');
  });

  it('welcomes a signed-in user by name, with the links of their roles', async () => {
    vi.stubGlobal('fetch', fakeApi({ 'GET /api/v1/me': () => json(200, ME) }).fetch);
    signIn();
    renderRoutes(routes, '/');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welkom, Dana Pieters' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Naar de audittrail' })).toHaveAttribute('href', '/audit');
    expect(screen.getByRole('button', { name: 'Afmelden' })).toBeInTheDocument();
  });

  it('holds a user with a one-time password on the password page', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({ 'GET /api/v1/me': () => json(200, { ...ME, passwordChangeRequired: true }) }).fetch,
    );
    signIn();
    renderRoutes(routes, '/audit');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Wachtwoord wijzigen' }),
    ).toBeInTheDocument();
  });

  it('tells a user without an audit role that the audit trail is not for them', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({ 'GET /api/v1/me': () => json(200, { ...ME, platformRoles: [] }) }).fetch,
    );
    signIn();
    renderRoutes(routes, '/audit');

    expect(await screen.findByRole('heading', { level: 1, name: 'Geen toegang' })).toBeInTheDocument();
  });

  it('logs out: the server ends the sessions, the app forgets the token', async () => {
    const api = fakeApi({
      'GET /api/v1/me': () => json(200, ME),
      'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }),
    });
    vi.stubGlobal('fetch', api.fetch);
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/');

    await user.click(await screen.findByRole('button', { name: 'Afmelden' }));

    expect(await screen.findByText('U bent afgemeld.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeInTheDocument();
    expect(api.calls('POST /api/v1/auth/logout')[0]?.headers.get('Authorization')).toBe('Bearer access');
    expect(session.getAccessToken()).toBeNull();
  });
});

describe('the audit page', () => {
  it('shows the chain status in words and the events', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'GET /api/v1/me': () => json(200, ME),
        'GET /api/v1/audit/verification': () =>
          json(200, {
            intact: false,
            chains: [
              { chain: 'platform', length: 12, headHash: 'ff', intact: true },
              { chain: 'c0ffee', length: 9, headHash: 'ee', intact: false, firstBrokenSeq: 4, reason: 'hash mismatch' },
            ],
          }),
        'GET /api/v1/audit/events': () =>
          json(200, { items: [EVENT], total: 1, page: 1, pageSize: 25 }),
      }).fetch,
    );
    signIn();
    renderRoutes(routes, '/audit');

    expect(await screen.findByText(/Minstens één keten is gebroken/)).toBeInTheDocument();
    expect(screen.getByText(/intact: 12 gebeurtenissen in de keten/)).toBeInTheDocument();
    expect(screen.getByText(/gebroken bij gebeurtenis 4/)).toBeInTheDocument();
    expect(await screen.findByText('session.start')).toBeInTheDocument();
    expect(screen.getByText('Geslaagd')).toBeInTheDocument();
  });

  it('sends the filters, the period as whole days, and pages', async () => {
    const api = fakeApi({
      'GET /api/v1/me': () => json(200, ME),
      'GET /api/v1/audit/verification': () => json(200, { intact: true, chains: [] }),
      'GET /api/v1/audit/events': () =>
        json(200, { items: [EVENT], total: 60, page: 1, pageSize: 25, next: 'x' }),
    });
    vi.stubGlobal('fetch', api.fetch);
    signIn();
    const user = userEvent.setup();
    renderRoutes(routes, '/audit');

    await user.type(await screen.findByLabelText('Handeling'), 'session.login');
    await user.type(screen.getByLabelText('Van (datum)'), '2026-05-01');
    await user.type(screen.getByLabelText('Tot en met (datum)'), '2026-05-02');
    await user.click(screen.getByRole('button', { name: 'Filters toepassen' }));

    await waitFor(() => {
      expect(api.calls('GET /api/v1/audit/events').length).toBeGreaterThan(1);
    });
    const last = new URL(api.calls('GET /api/v1/audit/events').at(-1)?.url ?? '');
    expect(last.searchParams.get('action')).toBe('session.login');
    expect(last.searchParams.get('since')).toBe(new Date(2026, 4, 1).toISOString());
    expect(last.searchParams.get('until')).toBe(new Date(2026, 4, 3).toISOString());
    expect(last.searchParams.get('page')).toBe('1');

    await user.click(await screen.findByRole('link', { name: 'Volgende pagina' }));
    await waitFor(() => {
      const url = new URL(api.calls('GET /api/v1/audit/events').at(-1)?.url ?? '');
      expect(url.searchParams.get('page')).toBe('2');
    });
  });
});

describe('the menu and the home page, per role', () => {
  const CELL = '11111111-1111-4111-8111-111111111111';

  it('gives a partner at the operational table the cases and their actions, not the cells', async () => {
    const member = { ...ME, platformRoles: [], cells: [{ cell: CELL, roles: ['operationalMember'] }] };
    vi.stubGlobal('fetch', fakeApi({ 'GET /api/v1/me': () => json(200, member) }).fetch);
    signIn();
    renderRoutes(routes, '/');

    const menu = await screen.findByRole('navigation', { name: 'Hoofdmenu' });
    expect(await within(menu).findByRole('link', { name: 'Casussen' })).toHaveAttribute('href', '/cases');
    expect(within(menu).getByRole('link', { name: 'Mijn acties' })).toHaveAttribute('href', '/my-actions');
    expect(within(menu).queryByRole('link', { name: 'Cellen' })).toBeNull();
    expect(within(menu).queryByRole('link', { name: 'Audittrail' })).toBeNull();
    // One cell: submitting a case goes straight to its intake.
    expect(screen.getByRole('link', { name: 'Een casus aanmelden' })).toHaveAttribute('href', `/cells/${CELL}/cases/new`);
  });

  it('gives the platform administrator the cells and the wizard', async () => {
    const admin = { ...ME, platformRoles: ['platformAdministrator'], cells: [] };
    vi.stubGlobal('fetch', fakeApi({ 'GET /api/v1/me': () => json(200, admin) }).fetch);
    signIn();
    renderRoutes(routes, '/');

    const menu = await screen.findByRole('navigation', { name: 'Hoofdmenu' });
    expect(await within(menu).findByRole('link', { name: 'Cellen' })).toHaveAttribute('href', '/cells');
    expect(within(menu).queryByRole('link', { name: 'Casussen' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Een nieuwe cel opzetten' })).toHaveAttribute('href', '/cells/new');
  });

  it('gives a chair both the cells and the cases', async () => {
    const chair = { ...ME, platformRoles: [], cells: [{ cell: CELL, roles: ['operationalChair'] }] };
    vi.stubGlobal('fetch', fakeApi({ 'GET /api/v1/me': () => json(200, chair) }).fetch);
    signIn();
    renderRoutes(routes, '/');

    const menu = await screen.findByRole('navigation', { name: 'Hoofdmenu' });
    expect(await within(menu).findByRole('link', { name: 'Cellen' })).toBeInTheDocument();
    expect(within(menu).getByRole('link', { name: 'Casussen' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Naar het celbeheer' })).toHaveAttribute('href', '/cells');
  });

  it('keeps the wizard for the platform administrator', async () => {
    const chair = { ...ME, platformRoles: [], cells: [{ cell: CELL, roles: ['operationalChair'] }] };
    vi.stubGlobal('fetch', fakeApi({ 'GET /api/v1/me': () => json(200, chair) }).fetch);
    signIn();
    renderRoutes(routes, '/cells/new');

    expect(await screen.findByRole('heading', { level: 1, name: 'Geen toegang' })).toBeInTheDocument();
  });
});
