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

const HASH = 'a'.repeat(64);
const EVIDENCE = {
  cell: CELL,
  cellName: 'LIVC-R Lindebeek',
  computedAt: '2026-05-14T10:00:00Z',
  chainLength: 42,
  chainHead: 'f'.repeat(64),
  chainIntact: false,
  firstBrokenSeq: 17,
  legalBasis: { kind: 'prosecutorPermission', reference: 'PG/2026/12', decidedOn: '2026-01-10' },
  composition: [{ month: '2026-05', members: 6, police: 3, balanced: false, constituted: true }],
  cadence: { mode: 'weekly', nextDue: '2026-05-20T10:00:00Z', overdue: false },
  meetingsPerMonth: [{ month: '2026-05', held: 3 }],
  feedbackForms: [
    {
      form: '22222222-2222-4222-8222-222222222222',
      round: 2,
      version: 3,
      versionHash: HASH,
      transmittedAt: '2026-05-02T14:00:00Z',
      transmittedBy: 'Pieter Claes',
      meeting: '33333333-3333-4333-8333-333333333333',
      meetingStartedAt: '2026-05-02T09:00:00Z',
      present: ['Noor Vermeulen', 'Pieter Claes'],
      approvals: [
        { member: 'Noor Vermeulen', versionHash: HASH, verdict: 'approved', at: '2026-05-02T10:00:00Z' },
        { member: 'Pieter Claes', versionHash: 'b'.repeat(64), verdict: 'objected', at: '2026-05-02T09:30:00Z' },
      ],
    },
  ],
  termsVersion: 2,
  acknowledgements: [{ member: 'Noor Vermeulen', version: 2, at: '2026-04-01T08:00:00Z' }],
  unacknowledged: ['Pieter Claes'],
  readsByOrganisation: { 'CLB Lindebeek': 12, '-': 1 },
  retentionDays: 730,
  retentionRuns: ['2026-05-01T02:00:00.000000Z'],
  purges: [{ day: '2026-05-01', cases: 2 }],
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

  it('show the evidence pack: a broken chain, the approvals per version, who has not acknowledged', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'GET /api/v1/me': () => json(200, me(['auditor'])),
        [`GET /api/v1/cells/${CELL}/complianceReport`]: () => json(200, EVIDENCE),
      }).fetch,
    );
    signIn();
    renderRoutes(routes, `/cells/${CELL}/evidence`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Bewijsdossier naleving' })).toBeInTheDocument();
    expect(await screen.findByText(/Gebroken bij gebeurtenis 17 \(van 42\)/)).toBeInTheDocument();
    expect(screen.getByText('f'.repeat(64))).toHaveClass('hash');
    expect(screen.getByText(/PG\/2026\/12/)).toHaveTextContent('beslist op 10 januari 2026');
    const composition = screen.getByRole('table', { name: 'Samenstelling op het einde van elke maand' });
    expect(within(composition).getByRole('row', { name: /mei 2026/ })).toHaveTextContent('Niet in evenwicht');
    const form = screen.getByRole('article', { name: 'Ronde 2, versie 3' });
    expect(within(form).getByText(/^op 2 mei 2026 om [0-9:]+ door Pieter Claes$/)).toBeInTheDocument();
    const approvals = within(form).getByRole('table', { name: 'Oordelen over ronde 2, versie 3' });
    expect(within(approvals).getByRole('row', { name: /Noor Vermeulen/ })).toHaveTextContent('Goedgekeurd');
    const objection = within(approvals).getByRole('row', { name: /Pieter Claes/ });
    expect(objection).toHaveTextContent('Bezwaar');
    expect(objection).toHaveTextContent('een andere versie dan de bezorgde');
    expect(screen.getByText('Nog niet bevestigd: Pieter Claes.')).toBeInTheDocument();
    const reads = screen.getByRole('table', { name: 'Inzage per organisatie' });
    expect(within(reads).getByRole('row', { name: /Zonder organisatie/ })).toHaveTextContent('1');
    expect(screen.getByRole('button', { name: 'PDF downloaden' })).toBeInTheDocument();
  });
});
