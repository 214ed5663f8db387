import { describe, expect, it } from 'vitest';

import {
  diffContent,
  displayValue,
  draftIssues,
  draftOf,
  emptyDraft,
  inputId,
  inputOfIssue,
  MAX_TEXT_LENGTH,
  toContent,
  type FeedbackContent,
} from './content';

const CONTENT: FeedbackContent = {
  effectivenessScore: 3,
  effectivenessExplanation: 'De begeleiding loopt.',
  willingnessToCooperateScore: 4,
  willingnessToCooperateExplanation: 'Komt op elke afspraak.',
  distanceFromExtremistIdeasScore: 2,
  distanceFromExtremistIdeasExplanation: 'Eerste twijfels.',
  followUpStillUseful: true,
  cellHasEnoughOptions: false,
  followUpExplanation: 'Een mentor ontbreekt.',
  otherElements: '',
  ableAndWillingToCommitTerroristActs: 'concern',
  keyAssessmentMotivation: 'Zoekt contact met een radicale groep.',
};

describe('the feedback draft (R-FB-1)', () => {
  it('names every missing choice and text in the form’s order, but not the optional other elements', () => {
    const issues = draftIssues(emptyDraft());
    expect(issues.map((issue) => `${issue.field}:${issue.code}`)).toEqual([
      'effectivenessScore:scoreMissing',
      'effectivenessExplanation:textMissing',
      'willingnessToCooperateScore:scoreMissing',
      'willingnessToCooperateExplanation:textMissing',
      'distanceFromExtremistIdeasScore:scoreMissing',
      'distanceFromExtremistIdeasExplanation:textMissing',
      'followUpStillUseful:choiceMissing',
      'cellHasEnoughOptions:choiceMissing',
      'followUpExplanation:textMissing',
      'ableAndWillingToCommitTerroristActs:choiceMissing',
      'keyAssessmentMotivation:textMissing',
    ]);
  });

  it('refuses blank and overlong texts, the optional one included when too long', () => {
    const draft = draftOf(CONTENT);
    draft.texts.effectivenessExplanation = '   ';
    draft.texts.otherElements = 'x'.repeat(MAX_TEXT_LENGTH + 1);
    expect(draftIssues(draft)).toEqual([
      { field: 'effectivenessExplanation', code: 'textMissing' },
      { field: 'otherElements', code: 'textTooLong' },
    ]);
  });

  it('turns a saved version into a draft and back without loss, trimming texts', () => {
    const draft = draftOf(CONTENT);
    expect(draftIssues(draft)).toEqual([]);
    expect(toContent(draft)).toEqual(CONTENT);
    draft.texts.followUpExplanation = '  Een mentor ontbreekt.\n';
    expect(toContent(draft).followUpExplanation).toBe('Een mentor ontbreekt.');
    expect(() => toContent(emptyDraft())).toThrow();
  });

  it('ties each field and each server issue to its input (a choice to its first option)', () => {
    expect(inputId('effectivenessExplanation')).toBe('feedback-effectivenessExplanation');
    expect(inputId('effectivenessScore')).toBe('feedback-effectivenessScore-0');
    expect(inputId('reason')).toBe('feedback-reason');
    expect(inputOfIssue('ableAndWillingToCommitTerroristActs')).toBe('feedback-ableAndWillingToCommitTerroristActs-0');
    expect(inputOfIssue('keyAssessmentMotivation')).toBe('feedback-keyAssessmentMotivation');
    expect(inputOfIssue('somethingElse')).toBeUndefined();
    expect(inputOfIssue(undefined)).toBeUndefined();
  });
});

describe('comparing versions', () => {
  it('lists the changed fields in the form’s order with before and after', () => {
    const after: FeedbackContent = { ...CONTENT, keyAssessmentMotivation: 'Anders.', effectivenessScore: 4, cellHasEnoughOptions: true };
    expect(diffContent(CONTENT, after)).toEqual([
      { field: 'effectivenessScore', old: 3, new: 4 },
      { field: 'cellHasEnoughOptions', old: false, new: true },
      { field: 'keyAssessmentMotivation', old: 'Zoekt contact met een radicale groep.', new: 'Anders.' },
    ]);
    expect(diffContent(CONTENT, { ...CONTENT })).toEqual([]);
  });

  it('says how each value reads: scale step, yes/no, key assessment, text, empty, or as it is', () => {
    expect(displayValue('distanceFromExtremistIdeasScore', 2)).toEqual({ kind: 'score', criterion: 'distanceFromExtremistIdeas', score: 2 });
    expect(displayValue('followUpStillUseful', false)).toEqual({ kind: 'flag', value: false });
    expect(displayValue('ableAndWillingToCommitTerroristActs', 'seriousConcern')).toEqual({ kind: 'keyAssessment', value: 'seriousConcern' });
    expect(displayValue('otherElements', 'Aanbeveling.')).toEqual({ kind: 'text', value: 'Aanbeveling.' });
    expect(displayValue('otherElements', '')).toEqual({ kind: 'empty' });
    expect(displayValue('effectivenessScore', null)).toEqual({ kind: 'empty' });
    // A newer server's field or an unknown value is shown, not hidden.
    expect(displayValue('effectivenessScore', 9)).toEqual({ kind: 'raw', value: '9' });
    expect(displayValue('newField', true)).toEqual({ kind: 'raw', value: 'true' });
  });
});
