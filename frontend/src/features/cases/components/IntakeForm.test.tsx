import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { session } from '@/api/session';
import { fakeApi, json, problem, renderWithQuery } from '@/testing/render';

import { IntakeForm } from './IntakeForm';

const CELL = '11111111-1111-4111-8111-111111111111';
const USER = '22222222-2222-4222-8222-222222222222';
const CLB = '33333333-3333-4333-8333-333333333333';
const NRN = '85.07.30-033.28';
const PRIOR = `Drie gesprekken met de leerling; rrn ${NRN} is bij ons bekend.`;

function cell() {
  return json(200, {
    id: CELL,
    name: 'LIVC-R Lindebeek',
    municipalities: [
      { nisCode: '99001', name: 'Lindebeek' },
      { nisCode: '99002', name: 'Oosterveld' },
    ],
    workingLanguage: 'nl',
    retention: 'P2Y',
    confidentialityTerms: { version: 1, text: 'Geheim.', publishedAt: '2026-01-01T00:00:00Z' },
    active: true,
    createdAt: '2026-01-01T00:00:00Z',
  });
}

function tables() {
  return json(200, {
    total: 1,
    items: [
      {
        id: 't',
        kind: 'operational',
        members: [
          {
            id: 'm',
            user: USER,
            displayName: 'Sara De Smet',
            email: 'clb@demo.tafel.example',
            organisation: CLB,
            function: 'clbCounsellor',
            chair: false,
            police: false,
            joinedAt: '2026-01-01T00:00:00Z',
            termsAcknowledged: true,
          },
        ],
      },
    ],
  });
}

function organisations() {
  return json(200, {
    total: 1,
    items: [{ id: CLB, name: 'CLB Lindebeek', type: 'clb', participation: 'sitting', schoolContact: false }],
  });
}

describe('the intake form', () => {
  it('ties a refusal of the privacy guard to its field, with the rule', async () => {
    const start = Array.from(PRIOR.slice(0, PRIOR.indexOf(NRN))).length;
    const api = fakeApi({
      [`GET /api/v1/cells/${CELL}`]: cell,
      [`GET /api/v1/cells/${CELL}/tables`]: tables,
      [`GET /api/v1/cells/${CELL}/organisations`]: organisations,
      'POST /api/v1/privacyChecks': () => json(200, { acceptable: true, findings: [] }),
      [`POST /api/v1/cells/${CELL}/cases`]: () =>
        problem(400, 'badRequest', 'De invoer is ongeldig.', {
          rule: 'R-PRIV-2',
          issues: [
            {
              type: 'urn:problem-type:tafel:input:nationalRegisterNumber',
              title: 'Identifier',
              detail: 'Dit lijkt een rijksregisternummer (R-PRIV-2).',
              in: 'body',
              name: 'priorHandling',
              kind: 'nationalRegisterNumber',
              start,
              end: start + NRN.length,
            },
          ],
        }),
    });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    const user = userEvent.setup();
    const submitted = vi.fn();
    renderWithQuery(<IntakeForm cellId={CELL} userId={USER} informationOfficer={false} onSubmitted={submitted} />);

    await screen.findByText('U meldt aan namens CLB Lindebeek, die referentiehouder wordt.');
    // In the order of the guidance: own work, assessment, signals, problems, age, municipality.
    const labels = [...document.querySelectorAll('label, legend')].map((node) => node.textContent);
    expect(labels.indexOf('Wat heeft uw organisatie al gedaan?')).toBeLessThan(labels.indexOf('Uw professionele inschatting'));
    expect(labels.indexOf('Uw professionele inschatting')).toBeLessThan(labels.indexOf('Signaal 1'));
    expect(labels.indexOf('Signaal 1')).toBeLessThan(labels.indexOf('Aanvankelijke problematiek'));
    expect(labels.indexOf('Leeftijdscategorie')).toBeLessThan(labels.indexOf('Gemeente'));

    await user.type(screen.getByLabelText('Wat heeft uw organisatie al gedaan?'), PRIOR);
    await user.type(screen.getByLabelText('Uw professionele inschatting'), 'Toenemende terugtrekking uit de klasgroep.');
    await user.type(screen.getByLabelText('Datum van de vaststelling'), '2026-01-15');
    await user.type(screen.getByLabelText('Wat werd vastgesteld?'), 'Deelt filmpjes van een radicale prediker in de klas.');
    await user.click(screen.getByLabelText('School'));
    await user.click(screen.getByLabelText('16 of 17'));
    await user.selectOptions(screen.getByLabelText('Gemeente'), '99002');
    await user.click(screen.getByRole('button', { name: 'Casus aanmelden' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Dit lijkt een rijksregisternummer (R-PRIV-2).');
    expect(summary).toHaveTextContent('Regel R-PRIV-2');
    const field = screen.getByLabelText('Wat heeft uw organisatie al gedaan?');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/Dit lijkt een rijksregisternummer/);
    expect(document.querySelector('mark')).toHaveTextContent(NRN);
    expect(submitted).not.toHaveBeenCalled();

    const body = (await api.calls(`POST /api/v1/cells/${CELL}/cases`)[0]?.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      organisation: CLB,
      source: 'partner',
      municipality: '99002',
      ageBand: 'from16To17',
      initialProblems: ['school'],
      signals: [{ observedOn: '2026-01-15', description: 'Deelt filmpjes van een radicale prediker in de klas.' }],
    });
    expect(body).not.toHaveProperty('phenomenon');
  });
});
