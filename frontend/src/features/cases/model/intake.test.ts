import { describe, expect, it } from 'vitest';

import { emptyIntake, FIELD, intakeFieldOf, intakeIssues, toCaseCreate, type IntakeDraft } from './intake';

const TODAY = '2026-05-04';

function draft(change: Partial<IntakeDraft> = {}): IntakeDraft {
  return {
    ...emptyIntake('org-clb', '99001'),
    priorHandling: 'Drie gesprekken met leerling en ouders sinds september.',
    professionalAssessment: 'Toenemende terugtrekking en afwijzing van de klasgroep.',
    signals: [{ key: 0, observedOn: '2026-04-20', description: 'Deelt filmpjes van een radicale prediker.' }],
    initialProblems: ['school', 'identity'],
    ageBand: 'from16To17',
    ...change,
  };
}

describe('the intake filter (R-CASE-2)', () => {
  it('lets a complete submission through', () => {
    expect(intakeIssues(draft(), TODAY)).toEqual([]);
  });

  it('asks for the organisation’s own work, dated signals, problems, age band and municipality', () => {
    const issues = intakeIssues(
      draft({
        priorHandling: 'te kort',
        professionalAssessment: '',
        signals: [{ key: 0, observedOn: '2026-06-01', description: ' ' }],
        initialProblems: [],
        ageBand: '',
        municipality: '',
      }),
      TODAY,
    );
    expect(issues).toEqual([
      { fieldId: FIELD.priorHandling, code: 'priorHandlingTooShort' },
      { fieldId: FIELD.professionalAssessment, code: 'assessmentTooShort' },
      { fieldId: FIELD.signalDate(0), code: 'signalInFuture' },
      { fieldId: FIELD.signalDescription(0), code: 'signalDescriptionMissing' },
      { fieldId: `${FIELD.initialProblems}-0`, code: 'initialProblemsMissing' },
      { fieldId: `${FIELD.ageBand}-0`, code: 'ageBandMissing' },
      { fieldId: FIELD.municipality, code: 'municipalityMissing' },
    ]);
    expect(intakeIssues(draft({ signals: [] }), TODAY)).toEqual([{ fieldId: FIELD.signals, code: 'signalsMissing' }]);
  });

  it('asks the LTF what follow-up it wants (R-CASE-3)', () => {
    expect(intakeIssues(draft({ source: 'ltf' }), TODAY)).toEqual([
      { fieldId: FIELD.requestedFollowUp, code: 'followUpMissing' },
    ]);
  });

  it('sends the label only when chosen (R-CASE-4) and the follow-up only for the LTF', () => {
    const body = toCaseCreate(draft({ requestedFollowUp: 'not sent' }));
    expect(body).not.toHaveProperty('phenomenon');
    expect(body).not.toHaveProperty('requestedFollowUp');
    expect(body.initialProblems).toEqual(['identity', 'school']); // in the vocabulary's order
    expect(toCaseCreate(draft({ phenomenon: 'hp', source: 'ltf', requestedFollowUp: ' Opvolging ' }))).toMatchObject({
      phenomenon: 'hp',
      source: 'ltf',
      requestedFollowUp: 'Opvolging',
    });
  });

  it('ties the server’s issues to the inputs', () => {
    expect(intakeFieldOf('priorHandling')).toBe(FIELD.priorHandling);
    expect(intakeFieldOf('signals[2].description')).toBe(FIELD.signalDescription(2));
    expect(intakeFieldOf('signals[0].observedOn')).toBe(FIELD.signalDate(0));
    expect(intakeFieldOf('ageBand')).toBe(`${FIELD.ageBand}-0`);
    expect(intakeFieldOf('nonsense')).toBeUndefined();
  });
});
