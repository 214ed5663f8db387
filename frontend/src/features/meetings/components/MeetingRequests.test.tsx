import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';

import { session } from '@/api/session';
import { fakeApi, json, problem, renderWithQuery } from '@/testing/render';

import { MeetingRequests } from './MeetingRequests';

const CELL = '11111111-1111-4111-8111-111111111111';
const REQUEST = '55555555-5555-4555-8555-555555555555';
const CASE = '66666666-6666-4666-8666-666666666666';
const PHONE = '0470 12 34 56';

function render(chair: boolean) {
  const router = createMemoryRouter([
    { path: '/', element: <MeetingRequests cellId={CELL} chair={chair} operational mayAsk /> },
  ]);
  return renderWithQuery(<RouterProvider router={router} />);
}

const noFindings = () => json(200, { acceptable: true, findings: [] });

describe('meeting requests (R-CAD-5)', () => {
  it('lets a member ask with a reason; a refusal of the privacy guard lands on the field, with its rule', async () => {
    const reason = `Nieuwe signalen; de moeder is bereikbaar op ${PHONE}.`;
    const start = reason.indexOf(PHONE);
    const api = fakeApi({
      [`GET /api/v1/cells/${CELL}/meetingRequests`]: () => json(200, { items: [], total: 0 }),
      [`GET /api/v1/cells/${CELL}/cases`]: () => json(200, { items: [], total: 0 }),
      'POST /api/v1/privacyChecks': noFindings,
      [`POST /api/v1/cells/${CELL}/meetingRequests`]: [
        () =>
          problem(400, 'badRequest', 'De tekst bevat persoonsgegevens.', {
            rule: 'R-PRIV-2',
            issues: [
              {
                type: 'urn:problem-type:tafel:input:personalData',
                in: 'body',
                name: 'reason',
                detail: 'Dit lijkt een telefoonnummer (R-PRIV-2).',
                kind: 'phone',
                start,
                end: start + PHONE.length,
              },
            ],
          }),
        () => json(201, { id: REQUEST, origin: 'member', status: 'open', createdAt: '2026-05-14T10:00:00Z', reason: 'Nieuwe signalen.' }),
      ],
    });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    const user = userEvent.setup();
    render(false);

    expect(await screen.findByText('Geen vergaderverzoeken.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Uw verzoeken' })).toBeInTheDocument();
    const field = screen.getByLabelText('Waarom moet de tafel vergaderen?');
    await user.click(screen.getByRole('button', { name: 'Vergadering aanvragen' }));
    expect(await screen.findByRole('link', { name: 'Geef de reden van uw vraag.' })).toBeInTheDocument();

    await user.type(field, reason);
    await user.click(screen.getByRole('button', { name: 'Vergadering aanvragen' }));
    expect(await screen.findByRole('link', { name: 'Dit lijkt een telefoonnummer (R-PRIV-2).' })).toBeInTheDocument();
    expect(screen.getAllByText('Regel R-PRIV-2').length).toBeGreaterThan(0);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(document.querySelector('mark')).toHaveTextContent(PHONE);

    await user.clear(field);
    await user.type(field, 'Nieuwe signalen.');
    await user.click(screen.getByRole('button', { name: 'Vergadering aanvragen' }));
    expect(await screen.findByText('Uw vraag is verstuurd naar de voorzitter.')).toBeInTheDocument();
    expect(await api.calls(`POST /api/v1/cells/${CELL}/meetingRequests`)[1]?.json()).toEqual({ reason: 'Nieuwe signalen.' });
  });

  it('shows the chair a case’s request by its code and sends the answer', async () => {
    const api = fakeApi({
      [`GET /api/v1/cells/${CELL}/meetingRequests`]: () =>
        json(200, {
          total: 1,
          items: [{ id: REQUEST, origin: 'case', status: 'open', createdAt: '2026-05-14T10:00:00Z', case: CASE, purpose: 'admission' }],
        }),
      [`GET /api/v1/cells/${CELL}/cases`]: () =>
        json(200, {
          total: 1,
          items: [{ id: CASE, code: 'K-2026-TKDU', status: 'registered', problematic: false, municipality: '99001', minor: true, createdAt: '2026-05-14T10:00:00Z', nextSteps: [], participant: true }],
        }),
      [`GET /api/v1/cells/${CELL}/meetings`]: () => json(200, { items: [], total: 0 }),
      'POST /api/v1/privacyChecks': noFindings,
      [`PATCH /api/v1/cells/${CELL}/meetingRequests/${REQUEST}`]: () =>
        json(200, { id: REQUEST, origin: 'case', status: 'declined', createdAt: '2026-05-14T10:00:00Z', answer: 'Volgende week.' }),
    });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    const user = userEvent.setup();
    render(true);

    const item = (await screen.findByText('K-2026-TKDU')).closest('li');
    if (item === null) throw new Error('no request');
    expect(item).toHaveTextContent('Bespreking gevraagd (Opname) voor casus K-2026-TKDU');
    expect(within(item).getByText('Open')).toBeInTheDocument();
    await user.click(within(item).getByText('Beantwoorden'));
    await user.click(within(item).getByRole('button', { name: 'Antwoord versturen' }));
    expect(await within(item).findByText('Kies of u het verzoek aanvaardt of weigert.')).toBeInTheDocument();
    await user.click(within(item).getByRole('radio', { name: 'Geweigerd' }));
    await user.type(within(item).getByLabelText('Toelichting (optioneel)'), 'Volgende week.');
    await user.click(within(item).getByRole('button', { name: 'Antwoord versturen' }));
    await vi.waitFor(async () => {
      expect(await api.calls(`PATCH /api/v1/cells/${CELL}/meetingRequests/${REQUEST}`)[0]?.json()).toEqual({
        status: 'declined',
        answer: 'Volgende week.',
        meeting: null,
      });
    });
  });

  it('takes the case code and the asker’s name from the request itself, without reading the cases', async () => {
    const MEMBER = '77777777-7777-4777-8777-777777777777';
    const api = fakeApi({
      [`GET /api/v1/cells/${CELL}/meetingRequests`]: () =>
        json(200, {
          total: 2,
          items: [
            { id: REQUEST, origin: 'case', status: 'open', createdAt: '2026-05-14T10:00:00Z', case: CASE, caseCode: 'K-2026-WXYZ', purpose: 'evaluation' },
            {
              id: '88888888-8888-4888-8888-888888888888',
              origin: 'member',
              status: 'open',
              createdAt: '2026-05-13T10:00:00Z',
              requestedBy: MEMBER,
              requestedByName: 'Sara De Smet',
              reason: 'Nieuwe signalen.',
            },
          ],
        }),
      [`GET /api/v1/cells/${CELL}/meetings`]: () => json(200, { items: [], total: 0 }),
    });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    render(true);

    const fromCase = (await screen.findByText('K-2026-WXYZ')).closest('li');
    expect(fromCase).toHaveTextContent('Bespreking gevraagd (Evaluatie) voor casus K-2026-WXYZ');
    const fromMember = screen.getByText('Gevraagd door Sara De Smet').closest('li');
    expect(fromMember).toHaveTextContent('Nieuwe signalen.');
    expect(screen.queryByText('Gevraagd door een lid')).not.toBeInTheDocument();
    expect(api.calls(`GET /api/v1/cells/${CELL}/cases`)).toHaveLength(0);
  });
});
