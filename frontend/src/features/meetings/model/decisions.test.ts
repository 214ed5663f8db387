import { describe, expect, it } from 'vitest';

import { i18n } from '@/i18n';

import { decisionChoices, decisionLabel, parseRecordedDecision, purposeForStatus } from './decisions';

describe('decisions as the minutes hold them', () => {
  it('reads a plain decision and a weighing with its outcome', () => {
    expect(parseRecordedDecision('admit')).toEqual({ decision: 'admit', weighing: null });
    expect(parseRecordedDecision('weigh:referred')).toEqual({ decision: 'weigh', weighing: 'referred' });
  });

  it('does not guess at what it does not know', () => {
    expect(parseRecordedDecision('weigh:maybe')).toBeNull();
    expect(parseRecordedDecision('adjourn')).toBeNull();
    expect(parseRecordedDecision(null)).toBeNull();
    expect(parseRecordedDecision(undefined)).toBeNull();
  });
});

describe('decision labels', () => {
  const t = i18n.t.bind(i18n);

  it('names each decision in words, in Dutch by default', () => {
    expect(decisionLabel('admit', t)).toBe('Opgenomen: naar dossiervorming');
    expect(decisionLabel('startWeighing', t)).toBe('Weging gestart');
    expect(decisionLabel('markProblematic', t)).toBe('Als problematisch gemarkeerd');
  });

  it('names a weighing with its outcome', () => {
    expect(decisionLabel('weigh:retained', t)).toBe('Gewogen: Behouden: opvolging door de LIVC-R');
    expect(decisionLabel('weigh:referred', t)).toBe('Gewogen: Doorverwezen naar de LTF');
  });

  it('follows the UI language', async () => {
    await i18n.changeLanguage('nl');
    const english = i18n.getFixedT('en');
    i18n.addResourceBundle('en', 'translation', (await import('@/i18n/locales/en.json')).default);
    expect(decisionLabel('notAdmitted', english)).toBe('Not admitted: case closed');
    expect(decisionLabel('weigh:notRetained', english)).toBe('Weighed: Not retained (insufficient elements)');
  });

  it('shows an unknown code as it is rather than nothing', () => {
    expect(decisionLabel('adjourn', t)).toBe('adjourn');
    expect(decisionLabel(null, t)).toBe('');
  });
});

describe('decisions per agenda item', () => {
  it('suggests what the purpose usually decides, and keeps every other decision possible', () => {
    const admission = decisionChoices('admission');
    expect(admission.suggested).toEqual(['admit', 'notAdmitted', 'startWeighing']);
    expect(admission.others).toContain('markProblematic');
    expect([...admission.suggested, ...admission.others]).toHaveLength(9);
    expect(decisionChoices('weighing').suggested).toEqual(['startWeighing', 'weigh']);
    expect(decisionChoices('evaluation').suggested).toEqual(['startEvaluation', 'resumeFollowUp', 'close']);
    expect(decisionChoices('feedbackForm').suggested).toEqual([]);
  });

  it('puts a case on the agenda for what its step needs next', () => {
    expect(purposeForStatus('registered')).toBe('admission');
    expect(purposeForStatus('fileBuilding')).toBe('weighing');
    expect(purposeForStatus('weighing')).toBe('weighing');
    expect(purposeForStatus('followUp')).toBe('evaluation');
    expect(purposeForStatus('evaluation')).toBe('evaluation');
  });
});
