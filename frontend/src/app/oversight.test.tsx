import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { session } from '@/api/session';
import { fakeApi, json, renderRoutes } from '@/testing/render';

import { routes } from './router';

const CELL = '11111111-1111-4111-8111-111111111111';

function me(roles: string[], platformRoles: string[] = []) {
  return {
    id: '4d0f0166-ff81-46ff-b611-e7f1d3380813',
    email: 'mayor@demo.tafel.example',
    displayName: 'Marc Janssens',
    language: 'nl',
    organisation: 'Stad Lindebeek',
    function: 'mayor',
    secondFactorEnrolled: true,
    passwordChangeRequired: false,
    platformRoles,
    cells: roles.length === 0 ? [] : [{ cell: CELL, roles }],
  };
}

const CELL_READ = {
  id: CELL,
  name: 'LIVC-R Lindebeek',
  municipalities: [
    { nisCode: '99001', name: 'Lindebeek' },
    { nisCode: '99002', name: 'Oosterveld' },
  ],
  workingLanguage: 'nl',
  retention: 'P730D',
  active: true,
  createdAt: '2026-01-05T10:00:00Z',
};

const SUPPRESSED = { display: '<5' };
const STATISTICS = {
  cell: CELL,
  computedAt: '2026-05-14T10:00:00Z',
  totalCases: { display: '7', value: 7 },
  byStatus: [
    { label: 'registered', count: { display: '7', value: 7 } },
    { label: 'closed', count: SUPPRESSED },
  ],
  byProblem: [{ label: 'school', count: SUPPRESSED }],
  byPhenomenon: [{ label: 'none', count: SUPPRESSED }],
  byMunicipality: [
    { label: '99001', count: { display: '6', value: 6 } },
    { label: '99002', count: SUPPRESSED },
  ],
  bySource: [
    { label: 'ltf', count: SUPPRESSED },
    { label: 'clb', count: { display: '5', value: 5 } },
  ],
  admissionRate: 0.625,
  medianDaysInPhase: [{ phase: 'registered', medianDays: 3.5 }, { phase: 'weighing' }],
  meetingsPerMonth: [{ month: '2026-04', held: 2 }],
  cadence: { mode: 'monthly', nextDue: '2026-05-01T10:00:00Z', overdue: true },
  actions: [{ label: 'overdue', count: SUPPRESSED }],
};

function signIn() {
  session.signIn({ accessToken: 'access', expiresIn: 600 });
}

describe('the oversight pages', () => {
  it('keep a partner of the operational table out (R-TAB-3)', async () => {
    vi.stubGlobal('fetch', fakeApi({ 'GET /api/v1/me': () => json(200, me(['operationalMember'])) }).fetch);
    signIn();
    renderRoutes(routes, `/cells/${CELL}/oversight`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Geen toegang' })).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Hoofdmenu' })).queryByRole('link', { name: 'Toezicht' })).toBeNull();
  });

  it('show the mayor every breakdown as a table, small counts as <5 and rates as percentages', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'GET /api/v1/me': () => json(200, me(['strategicChair'])),
        [`GET /api/v1/cells/${CELL}`]: () => json(200, CELL_READ),
        [`GET /api/v1/cells/${CELL}/statistics`]: () => json(200, STATISTICS),
      }).fetch,
    );
    signIn();
    renderRoutes(routes, `/cells/${CELL}/oversight`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Cijfers' })).toBeInTheDocument();
    const byStep = await screen.findByRole('table', { name: 'Casussen per stap: tabel' });
    expect(within(byStep).getByRole('row', { name: /Aanmelding/ })).toHaveTextContent('7');
    const closed = within(byStep).getByRole('row', { name: /Afgesloten/ });
    expect(closed).toHaveTextContent('<5');
    expect(closed).toHaveTextContent('minder dan vijf');
    const byMunicipality = screen.getByRole('table', { name: 'Casussen per gemeente: tabel' });
    expect(within(byMunicipality).getByRole('rowheader', { name: 'Lindebeek (99001)' })).toBeInTheDocument();
    const bySource = screen.getByRole('table', { name: 'Casussen per aanmelder: tabel' });
    expect(within(bySource).getByRole('rowheader', { name: 'Lokale Task Force (via de information officer)' })).toBeInTheDocument();
    expect(within(bySource).getByRole('rowheader', { name: 'CLB' })).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: 'Over tijd' })).toBeInTheDocument();
    expect(screen.getByText('62,5%')).toBeInTheDocument();
    expect(screen.getByText('niet getoond onder vijf acties')).toBeInTheDocument();
    expect(screen.getByText('3,5 dagen')).toBeInTheDocument();
    expect(screen.getByText('Achterstand:')).toBeInTheDocument();
    expect(screen.getByText('Maandelijks')).toBeInTheDocument();
    const meetings = screen.getByRole('table', { name: 'Vergaderritme van de operationele tafel: tabel' });
    expect(within(meetings).getAllByRole('row')).toHaveLength(13);
    expect(within(meetings).getByRole('row', { name: /april 2026/ })).toHaveTextContent('2');
    expect(await screen.findByRole('img', { name: /^Staafdiagram: Casussen per stap\./ })).toBeInTheDocument();
  });

  it('put the figures first on the mayor’s home page', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'GET /api/v1/me': () => json(200, me(['strategicChair'])),
        'GET /api/v1/cells': () => json(200, { items: [CELL_READ], total: 1 }),
        [`GET /api/v1/cells/${CELL}/statistics`]: () => json(200, STATISTICS),
      }).fetch,
    );
    signIn();
    renderRoutes(routes, '/');

    const figures = await screen.findByRole('region', { name: 'Cijfers van LIVC-R Lindebeek' });
    expect(await within(figures).findByText('62,5%')).toBeInTheDocument();
    expect(within(figures).getByRole('link', { name: 'Alle cijfers, met grafieken en tabellen' })).toHaveAttribute(
      'href',
      `/cells/${CELL}/oversight`,
    );
    expect(within(figures).getByRole('link', { name: 'Bewijsdossier naleving' })).toHaveAttribute('href', `/cells/${CELL}/evidence`);
    // Before the roles: the figures are what the strategic table comes for.
    const rolesHeading = screen.getByRole('heading', { level: 2, name: 'Uw rollen' });
    expect(figures.compareDocumentPosition(rolesHeading) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('link the auditor’s home to the evidence pack of the cells they audit', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'GET /api/v1/me': () => json(200, me(['auditor'])),
        'GET /api/v1/cells': () => json(200, { items: [CELL_READ], total: 1 }),
      }).fetch,
    );
    signIn();
    renderRoutes(routes, '/');

    expect(await screen.findByRole('link', { name: 'Bewijsdossier van LIVC-R Lindebeek' })).toHaveAttribute(
      'href',
      `/cells/${CELL}/evidence`,
    );
  });
});
