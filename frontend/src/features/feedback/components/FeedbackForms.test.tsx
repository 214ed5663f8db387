import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';

import { session } from '@/api/session';
import { fakeApi, json, problem, renderWithQuery } from '@/testing/render';

import type { FeedbackContent } from '../model/content';
import { FeedbackForms } from './FeedbackForms';

const CELL = '11111111-1111-4111-8111-111111111111';
const CASE = '22222222-2222-4222-8222-222222222222';
const FORM = '55555555-5555-4555-8555-555555555555';
const CHAIR = '66666666-6666-4666-8666-666666666666';
const V1 = '1'.repeat(64);
const V2 = '2'.repeat(64);

const CONTENT: FeedbackContent = {
  effectivenessScore: 3,
  effectivenessExplanation: 'De begeleiding loopt.',
  willingnessToCooperateScore: 4,
  willingnessToCooperateExplanation: 'Komt op elke afspraak.',
  distanceFromExtremistIdeasScore: 2,
  distanceFromExtremistIdeasExplanation: 'Eerste twijfels.',
  followUpStillUseful: true,
  cellHasEnoughOptions: true,
  followUpExplanation: 'De cel volgt verder op.',
  otherElements: '',
  ableAndWillingToCommitTerroristActs: 'concern',
  keyAssessmentMotivation: 'Zoekt contact met een radicale groep.',
};

function form(number: number, hash: string, content: FeedbackContent) {
  return {
    id: FORM,
    case: CASE,
    caseCode: 'LB-2026-0007',
    round: 1,
    status: 'draft',
    current: { number, hash, createdAt: '2026-05-14T12:00:00Z', createdBy: CHAIR, content },
    versions: number,
    approvers: [],
    awaiting: [],
    verdicts: [],
    people: [],
  };
}

function renderTab(caseStatus = 'followUp') {
  const router = createMemoryRouter(
    [
      {
        path: '/cells/:cellId/cases/:caseId',
        element: (
          <FeedbackForms
            cellId={CELL}
            caseId={CASE}
            caseCode="LB-2026-0007"
            caseStatus={caseStatus}
            userId={CHAIR}
            chair
            informationOfficer={false}
            personName={(id) => (id === CHAIR ? 'Noor Vermeulen' : 'iemand')}
          />
        ),
      },
    ],
    { initialEntries: [`/cells/${CELL}/cases/${CASE}?tab=feedback`] },
  );
  return renderWithQuery(<RouterProvider router={router} />);
}

const common = {
  [`GET /api/v1/cells/${CELL}/meetings`]: () => json(200, { total: 0, items: [] }),
  'POST /api/v1/privacyChecks': () => json(200, { findings: [] }),
};

describe('the feedback forms of a case', () => {
  it('lets the chair draft the form, refusing an incomplete one with every problem tied to its field', async () => {
    const api = fakeApi({ ...common, [`GET /api/v1/cases/${CASE}/feedbackForms`]: () => json(200, { total: 0, items: [] }) });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    const user = userEvent.setup();
    renderTab();

    expect(await screen.findByRole('heading', { name: 'Terugkoppelingsfiche opstellen – ronde 1' })).toBeInTheDocument();
    const scale = screen.getByRole('group', { name: 'Score effectiviteit' });
    expect(within(scale).getAllByRole('radio')).toHaveLength(5);
    expect(within(scale).getByRole('radio', { name: '5 – doelen bereikt' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Fiche opslaan' }));

    const summary = screen.getByRole('alert');
    expect(summary).toHaveTextContent('Kies een score bij ‘Score effectiviteit’.');
    expect(summary).toHaveTextContent('Vul ‘Motivering van de kerninschatting’ in.');
    expect(summary).not.toHaveTextContent('Andere elementen');
    // jsdom lays nothing out: the summary's link scrolls to the field in a browser only.
    Object.defineProperty(HTMLElement.prototype, 'scrollIntoView', { value: () => undefined, configurable: true });
    await user.click(within(summary).getByRole('link', { name: 'Kies een score bij ‘Score effectiviteit’.' }));
    expect(within(scale).getAllByRole('radio')[0]).toHaveFocus();
    expect(api.calls(`POST /api/v1/cases/${CASE}/feedbackForms`)).toHaveLength(0);
  });

  it('keeps the chair’s changes when someone else saved a newer version, compares them, and saves on top of it', async () => {
    const newer = { ...CONTENT, otherElements: 'Aanbeveling van de IO.' };
    const api = fakeApi({
      ...common,
      [`GET /api/v1/cases/${CASE}/feedbackForms`]: () =>
        json(200, { total: 1, items: [{ id: FORM, round: 1, versions: 1, currentHash: V1, transmitted: false }] }),
      [`GET /api/v1/feedbackForms/${FORM}`]: [() => json(200, form(1, V1, CONTENT)), () => json(200, form(2, V2, newer))],
      [`GET /api/v1/feedbackForms/${FORM}/versions`]: () => json(200, { total: 1, items: [form(1, V1, CONTENT).current] }),
      [`PUT /api/v1/feedbackForms/${FORM}`]: [
        () => problem(412, 'staleVersion', 'Iemand anders heeft deze fiche intussen gewijzigd.'),
        () => json(200, form(3, '3'.repeat(64), { ...CONTENT, keyAssessmentMotivation: 'Nieuwe motivering.' })),
      ],
    });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    const user = userEvent.setup();
    renderTab();

    expect(await screen.findByRole('heading', { name: /Terugkoppelingsfiche LB-2026-0007 – ronde 1/ })).toHaveTextContent('Ontwerp');
    await user.click(screen.getByRole('button', { name: 'Fiche bewerken' }));
    const motivation = screen.getByLabelText('Motivering van de kerninschatting');
    await user.clear(motivation);
    await user.type(motivation, 'Nieuwe motivering.');
    await user.click(screen.getByRole('button', { name: 'Nieuwe versie opslaan' }));

    expect(await screen.findByText(/Iemand anders heeft intussen een nieuwere versie opgeslagen \(versie 2\)/)).toBeInTheDocument();
    expect(motivation).toHaveValue('Nieuwe motivering.');
    await user.click(screen.getByRole('button', { name: 'Vergelijken met versie 2' }));
    const table = screen.getByRole('table', { name: 'Uw wijzigingen tegenover versie 2' });
    expect(within(table).getByRole('row', { name: /Andere elementen/ })).toHaveTextContent('Aanbeveling van de IO.');
    expect(within(table).getByRole('row', { name: /Motivering van de kerninschatting/ })).toHaveTextContent('Nieuwe motivering.');

    await user.click(screen.getByRole('button', { name: 'Mijn wijzigingen behouden bovenop versie 2' }));
    await user.click(screen.getByRole('button', { name: 'Nieuwe versie opslaan' }));

    expect(await screen.findByText('Versie 3 is opgeslagen. Alle eerdere goedkeuringen vervallen (R-FB-2).')).toBeInTheDocument();
    const [first, second] = api.calls(`PUT /api/v1/feedbackForms/${FORM}`);
    expect(first?.headers.get('If-Match')).toBe(`"${V1}"`);
    expect(second?.headers.get('If-Match')).toBe(`"${V2}"`);
  });
});
