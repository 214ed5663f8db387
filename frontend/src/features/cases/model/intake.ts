import type { components } from '@/api/schema';

type Schemas = components['schemas'];
export type CaseCreate = Schemas['CaseCreate'];
export type AgeBand = Schemas['AgeBand'];
export type InitialProblem = Schemas['InitialProblem'];
export type PhenomenonLabel = Schemas['PhenomenonLabel'];
export type CaseSource = Schemas['CaseSource'];

export const AGE_BANDS: readonly AgeBand[] = [
  'under12',
  'from12To15',
  'from16To17',
  'from18To24',
  'from25To34',
  'from35',
];

export const INITIAL_PROBLEMS: readonly InitialProblem[] = [
  'familySituation',
  'identity',
  'school',
  'work',
  'mentalHealth',
  'socialIsolation',
  'addiction',
  'housing',
  'finances',
  'delinquency',
  'onlineBehaviour',
  'other',
];

/** `none` is left out: leaving the label empty already says that (R-CASE-4). */
export const PHENOMENA: readonly PhenomenonLabel[] = ['ftf', 'htf', 'hp', 'childOfFtfHtf'];

/** A sentence, not a word: the filter asks for the partner's own work (R-CASE-2). */
export const MIN_TEXT_LENGTH = 20;

export interface SignalDraft {
  key: number;
  observedOn: string;
  description: string;
}

export interface IntakeDraft {
  organisation: string;
  source: CaseSource;
  priorHandling: string;
  professionalAssessment: string;
  requestedFollowUp: string;
  signals: SignalDraft[];
  initialProblems: InitialProblem[];
  ageBand: AgeBand | '';
  municipality: string;
  phenomenon: PhenomenonLabel | '';
}

export const FIELD = {
  organisation: 'intake-organisation',
  source: 'intake-source',
  priorHandling: 'intake-prior-handling',
  professionalAssessment: 'intake-assessment',
  requestedFollowUp: 'intake-follow-up',
  signals: 'intake-signals',
  signalDate: (index: number) => `intake-signal-${String(index)}-date`,
  signalDescription: (index: number) => `intake-signal-${String(index)}-description`,
  initialProblems: 'intake-problems',
  ageBand: 'intake-age',
  municipality: 'intake-municipality',
  phenomenon: 'intake-phenomenon',
} as const;

export type IntakeIssueCode =
  | 'organisationMissing'
  | 'priorHandlingTooShort'
  | 'assessmentTooShort'
  | 'followUpMissing'
  | 'signalsMissing'
  | 'signalDateMissing'
  | 'signalInFuture'
  | 'signalDescriptionMissing'
  | 'initialProblemsMissing'
  | 'ageBandMissing'
  | 'municipalityMissing';

export interface IntakeIssue {
  fieldId: string;
  code: IntakeIssueCode;
}

export function emptyIntake(organisation: string, municipality: string): IntakeDraft {
  return {
    organisation,
    source: 'partner',
    priorHandling: '',
    professionalAssessment: '',
    requestedFollowUp: '',
    signals: [{ key: 0, observedOn: '', description: '' }],
    initialProblems: [],
    ageBand: '',
    municipality,
    phenomenon: '',
  };
}

/** The intake filter of R-CASE-2 (and R-CASE-3, R-CASE-4), checked before sending; `today` is `yyyy-mm-dd`. */
export function intakeIssues(draft: IntakeDraft, today: string): IntakeIssue[] {
  const issues: IntakeIssue[] = [];
  if (draft.organisation === '') issues.push({ fieldId: FIELD.organisation, code: 'organisationMissing' });
  if (draft.priorHandling.trim().length < MIN_TEXT_LENGTH) {
    issues.push({ fieldId: FIELD.priorHandling, code: 'priorHandlingTooShort' });
  }
  if (draft.professionalAssessment.trim().length < MIN_TEXT_LENGTH) {
    issues.push({ fieldId: FIELD.professionalAssessment, code: 'assessmentTooShort' });
  }
  if (draft.source === 'ltf' && draft.requestedFollowUp.trim() === '') {
    issues.push({ fieldId: FIELD.requestedFollowUp, code: 'followUpMissing' });
  }
  if (draft.signals.length === 0) issues.push({ fieldId: FIELD.signals, code: 'signalsMissing' });
  draft.signals.forEach((signal, index) => {
    if (signal.observedOn === '') issues.push({ fieldId: FIELD.signalDate(index), code: 'signalDateMissing' });
    else if (signal.observedOn > today) issues.push({ fieldId: FIELD.signalDate(index), code: 'signalInFuture' });
    if (signal.description.trim() === '') {
      issues.push({ fieldId: FIELD.signalDescription(index), code: 'signalDescriptionMissing' });
    }
  });
  if (draft.initialProblems.length === 0) {
    issues.push({ fieldId: `${FIELD.initialProblems}-0`, code: 'initialProblemsMissing' });
  }
  if (draft.ageBand === '') issues.push({ fieldId: `${FIELD.ageBand}-0`, code: 'ageBandMissing' });
  if (draft.municipality === '') issues.push({ fieldId: FIELD.municipality, code: 'municipalityMissing' });
  return issues;
}

/** The body of `POST /cells/{cellId}/cases`; call it only when `intakeIssues` found nothing. */
export function toCaseCreate(draft: IntakeDraft): CaseCreate {
  if (draft.ageBand === '') throw new Error('age band missing');
  const body: CaseCreate = {
    organisation: draft.organisation,
    source: draft.source,
    municipality: draft.municipality,
    ageBand: draft.ageBand,
    initialProblems: INITIAL_PROBLEMS.filter((problem) => draft.initialProblems.includes(problem)),
    priorHandling: draft.priorHandling.trim(),
    professionalAssessment: draft.professionalAssessment.trim(),
    signals: draft.signals.map((signal) => ({
      observedOn: signal.observedOn,
      description: signal.description.trim(),
    })),
  };
  if (draft.phenomenon !== '') body.phenomenon = draft.phenomenon;
  if (draft.source === 'ltf') body.requestedFollowUp = draft.requestedFollowUp.trim();
  return body;
}

const SIGNAL_FIELD = /^signals\[(\d+)\]\.(description|observedOn)$/;

/** The input a server issue of the intake is about (`signals[0].description` → its textarea). */
export function intakeFieldOf(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const signal = SIGNAL_FIELD.exec(name);
  if (signal !== null) {
    const index = Number(signal[1]);
    return signal[2] === 'description' ? FIELD.signalDescription(index) : FIELD.signalDate(index);
  }
  switch (name) {
    case 'organisation':
      return FIELD.organisation;
    case 'source':
      return `${FIELD.source}-0`;
    case 'priorHandling':
      return FIELD.priorHandling;
    case 'professionalAssessment':
      return FIELD.professionalAssessment;
    case 'requestedFollowUp':
      return FIELD.requestedFollowUp;
    case 'signals':
      return FIELD.signals;
    case 'initialProblems':
      return `${FIELD.initialProblems}-0`;
    case 'ageBand':
      return `${FIELD.ageBand}-0`;
    case 'municipality':
      return FIELD.municipality;
    case 'phenomenon':
      return FIELD.phenomenon;
    default:
      return undefined;
  }
}
