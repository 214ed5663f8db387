import type { components } from '@/api/schema';

/**
 * The feedback form's content (R-FB-1) as the editor holds it, checked before it is sent, and as
 * the screens show it: one scale from 1 to 5 per criterion (higher is always more favourable to the
 * person), the follow-up question, other elements and the key assessment — each with its motivation.
 */
export type FeedbackContent = components['schemas']['FeedbackContentBody'];
export type KeyAssessment = components['schemas']['KeyAssessment'];
export type ContentField = keyof FeedbackContent;

export const CRITERIA = ['effectiveness', 'willingnessToCooperate', 'distanceFromExtremistIdeas'] as const;
export type Criterion = (typeof CRITERIA)[number];
export const SCORES = [1, 2, 3, 4, 5] as const;
export type Score = (typeof SCORES)[number];
export const KEY_ASSESSMENTS: readonly KeyAssessment[] = ['noIndication', 'concern', 'seriousConcern'];
export const FLAGS = ['followUpStillUseful', 'cellHasEnoughOptions'] as const;
export type Flag = (typeof FLAGS)[number];
/** Every text is at most this long (the server's `maxLength`). */
export const MAX_TEXT_LENGTH = 2000;

export const scoreField = (criterion: Criterion) => `${criterion}Score` as const;
export const explanationField = (criterion: Criterion) => `${criterion}Explanation` as const;

/** The fields in the form's own order (the server's, so a comparison reads top to bottom). */
export const FIELDS: readonly ContentField[] = [
  'effectivenessScore',
  'effectivenessExplanation',
  'willingnessToCooperateScore',
  'willingnessToCooperateExplanation',
  'distanceFromExtremistIdeasScore',
  'distanceFromExtremistIdeasExplanation',
  'followUpStillUseful',
  'cellHasEnoughOptions',
  'followUpExplanation',
  'otherElements',
  'ableAndWillingToCommitTerroristActs',
  'keyAssessmentMotivation',
];

export const TEXT_FIELDS = [
  'effectivenessExplanation',
  'willingnessToCooperateExplanation',
  'distanceFromExtremistIdeasExplanation',
  'followUpExplanation',
  'otherElements',
  'keyAssessmentMotivation',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
/** Only "other elements" may stay empty: the LTF reads the form without having heard the table. */
export const OPTIONAL_TEXTS: readonly TextField[] = ['otherElements'];

/** What the editor holds: a choice not made yet is `null`. */
export interface FeedbackDraft {
  scores: Record<Criterion, Score | null>;
  flags: Record<Flag, boolean | null>;
  keyAssessment: KeyAssessment | null;
  texts: Record<TextField, string>;
}

export function emptyDraft(): FeedbackDraft {
  return {
    scores: { effectiveness: null, willingnessToCooperate: null, distanceFromExtremistIdeas: null },
    flags: { followUpStillUseful: null, cellHasEnoughOptions: null },
    keyAssessment: null,
    texts: {
      effectivenessExplanation: '',
      willingnessToCooperateExplanation: '',
      distanceFromExtremistIdeasExplanation: '',
      followUpExplanation: '',
      otherElements: '',
      keyAssessmentMotivation: '',
    },
  };
}

function isScore(value: number): value is Score {
  return (SCORES as readonly number[]).includes(value);
}

/** A saved version, to edit it. */
export function draftOf(content: FeedbackContent): FeedbackDraft {
  const score = (value: number) => (isScore(value) ? value : null);
  return {
    scores: {
      effectiveness: score(content.effectivenessScore),
      willingnessToCooperate: score(content.willingnessToCooperateScore),
      distanceFromExtremistIdeas: score(content.distanceFromExtremistIdeasScore),
    },
    flags: { followUpStillUseful: content.followUpStillUseful, cellHasEnoughOptions: content.cellHasEnoughOptions },
    keyAssessment: content.ableAndWillingToCommitTerroristActs,
    texts: {
      effectivenessExplanation: content.effectivenessExplanation,
      willingnessToCooperateExplanation: content.willingnessToCooperateExplanation,
      distanceFromExtremistIdeasExplanation: content.distanceFromExtremistIdeasExplanation,
      followUpExplanation: content.followUpExplanation,
      otherElements: content.otherElements,
      keyAssessmentMotivation: content.keyAssessmentMotivation,
    },
  };
}

/** The id of the input a field is edited in; a radio group's first option for a choice. */
export function inputId(field: ContentField | 'reason'): string {
  const id = `feedback-${field}`;
  return (TEXT_FIELDS as readonly string[]).includes(field) || field === 'reason' ? id : `${id}-0`;
}

/** The input a server issue is about (`issues[].name` is the body's field name). */
export function inputOfIssue(name: string | undefined): string | undefined {
  return name !== undefined && (FIELDS as readonly string[]).includes(name) ? inputId(name as ContentField) : undefined;
}

export type DraftIssueCode = 'scoreMissing' | 'choiceMissing' | 'textMissing' | 'textTooLong';

export interface DraftIssue {
  field: ContentField;
  code: DraftIssueCode;
}

/** What is missing or too long, in the form's order; the server checks again (R-FB-1). */
export function draftIssues(draft: FeedbackDraft): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const text = (field: TextField) => {
    const value = draft.texts[field];
    if (value.length > MAX_TEXT_LENGTH) issues.push({ field, code: 'textTooLong' });
    else if (value.trim() === '' && !OPTIONAL_TEXTS.includes(field)) issues.push({ field, code: 'textMissing' });
  };
  for (const criterion of CRITERIA) {
    if (draft.scores[criterion] === null) issues.push({ field: scoreField(criterion), code: 'scoreMissing' });
    text(explanationField(criterion));
  }
  for (const flag of FLAGS) {
    if (draft.flags[flag] === null) issues.push({ field: flag, code: 'choiceMissing' });
  }
  text('followUpExplanation');
  text('otherElements');
  if (draft.keyAssessment === null) issues.push({ field: 'ableAndWillingToCommitTerroristActs', code: 'choiceMissing' });
  text('keyAssessmentMotivation');
  return issues;
}

/** The body to send; call only when `draftIssues` found nothing. Texts are trimmed. */
export function toContent(draft: FeedbackDraft): FeedbackContent {
  const { scores, flags, texts } = draft;
  if (
    scores.effectiveness === null ||
    scores.willingnessToCooperate === null ||
    scores.distanceFromExtremistIdeas === null ||
    flags.followUpStillUseful === null ||
    flags.cellHasEnoughOptions === null ||
    draft.keyAssessment === null
  ) {
    throw new Error('the draft is incomplete');
  }
  return {
    effectivenessScore: scores.effectiveness,
    effectivenessExplanation: texts.effectivenessExplanation.trim(),
    willingnessToCooperateScore: scores.willingnessToCooperate,
    willingnessToCooperateExplanation: texts.willingnessToCooperateExplanation.trim(),
    distanceFromExtremistIdeasScore: scores.distanceFromExtremistIdeas,
    distanceFromExtremistIdeasExplanation: texts.distanceFromExtremistIdeasExplanation.trim(),
    followUpStillUseful: flags.followUpStillUseful,
    cellHasEnoughOptions: flags.cellHasEnoughOptions,
    followUpExplanation: texts.followUpExplanation.trim(),
    otherElements: texts.otherElements.trim(),
    ableAndWillingToCommitTerroristActs: draft.keyAssessment,
    keyAssessmentMotivation: texts.keyAssessmentMotivation.trim(),
  };
}

export type FieldValue = string | number | boolean | null | undefined;

export interface FieldChange {
  field: string;
  old?: FieldValue;
  new?: FieldValue;
}

/** The fields that differ between two contents, in the form's order (as the server compares). */
export function diffContent(before: FeedbackContent, after: FeedbackContent): FieldChange[] {
  return FIELDS.filter((field) => before[field] !== after[field]).map((field) => ({
    field,
    old: before[field],
    new: after[field],
  }));
}

/** How one value of a field reads: the screens put it into words (scale labels, yes/no, …). */
export type DisplayValue =
  | { kind: 'score'; criterion: Criterion; score: Score }
  | { kind: 'flag'; value: boolean }
  | { kind: 'keyAssessment'; value: KeyAssessment }
  | { kind: 'text'; value: string }
  | { kind: 'empty' }
  /** A value the app does not know how to read (a newer server): shown as it is. */
  | { kind: 'raw'; value: string };

const CRITERION_OF_SCORE = new Map<string, Criterion>(CRITERIA.map((criterion) => [scoreField(criterion), criterion]));

export function displayValue(field: string, value: FieldValue): DisplayValue {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  const criterion = CRITERION_OF_SCORE.get(field);
  if (criterion !== undefined && typeof value === 'number' && isScore(value)) return { kind: 'score', criterion, score: value };
  if ((FLAGS as readonly string[]).includes(field) && typeof value === 'boolean') return { kind: 'flag', value };
  if (field === 'ableAndWillingToCommitTerroristActs' && (KEY_ASSESSMENTS as readonly FieldValue[]).includes(value)) {
    return { kind: 'keyAssessment', value: value as KeyAssessment };
  }
  if ((TEXT_FIELDS as readonly string[]).includes(field) && typeof value === 'string') return { kind: 'text', value };
  return { kind: 'raw', value: String(value) };
}

/** Whether `field` is one the app knows (its label is translated). */
export function isKnownField(field: string): field is ContentField {
  return (FIELDS as readonly string[]).includes(field);
}
