import type { components } from '@/api/schema';

import {
  inDays,
  RETENTION_MAX_DAYS,
  RETENTION_MIN_DAYS,
  toIsoDuration,
  type RetentionUnit,
} from './duration';
import type { LegalBasisKind, WorkingLanguage } from './vocabulary';

export type CellCreate = components['schemas']['CellCreate'];

/** The set-up of a new cell, in the order the wizard asks for it. */
export const WIZARD_STEPS = [
  'basics',
  'municipalities',
  'legalBasis',
  'retention',
  'terms',
  'review',
] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export interface MunicipalityDraft {
  /** A stable key for React while rows are added and removed. */
  key: number;
  nisCode: string;
  name: string;
}

export interface CellDraft {
  name: string;
  workingLanguage: WorkingLanguage;
  municipalities: MunicipalityDraft[];
  /** `later`: no legal basis yet — then no case work until it is recorded (R-PRIV-3). */
  legalBasisKind: LegalBasisKind | 'later';
  legalBasisReference: string;
  legalBasisDecidedOn: string;
  retentionValue: string;
  retentionUnit: RetentionUnit;
  terms: string;
}

export type DraftIssueCode =
  | 'nameMissing'
  | 'municipalitiesMissing'
  | 'nisCodeInvalid'
  | 'nisCodeDuplicate'
  | 'municipalityNameMissing'
  | 'referenceMissing'
  | 'decidedOnMissing'
  | 'decidedOnInFuture'
  | 'retentionInvalid'
  | 'retentionOutOfRange'
  | 'termsMissing';

export interface DraftIssue {
  /** The id of the input the issue is about. */
  fieldId: string;
  code: DraftIssueCode;
}

export const FIELD = {
  name: 'cell-name',
  workingLanguage: 'cell-language',
  municipalities: 'cell-municipalities',
  nisCode: (index: number) => `cell-municipality-${String(index)}-nis`,
  municipalityName: (index: number) => `cell-municipality-${String(index)}-name`,
  legalBasisKind: 'cell-legal-kind',
  legalBasisReference: 'cell-legal-reference',
  legalBasisDecidedOn: 'cell-legal-date',
  retentionValue: 'cell-retention-value',
  terms: 'cell-terms',
} as const;

const NIS_CODE = /^\d{5}$/;
const WHOLE_NUMBER = /^\d+$/;

export function emptyDraft(terms: string): CellDraft {
  return {
    name: '',
    workingLanguage: 'nl',
    municipalities: [{ key: 0, nisCode: '', name: '' }],
    legalBasisKind: 'law',
    legalBasisReference: '',
    legalBasisDecidedOn: '',
    retentionValue: '24',
    retentionUnit: 'months',
    terms,
  };
}

/** The retention in days, or `null` when the field does not hold a whole number. */
export function retentionDays(draft: Pick<CellDraft, 'retentionValue' | 'retentionUnit'>): number | null {
  const text = draft.retentionValue.trim();
  return WHOLE_NUMBER.test(text) ? inDays(Number(text), draft.retentionUnit) : null;
}

function municipalityIssues(draft: CellDraft): DraftIssue[] {
  const filled = draft.municipalities;
  if (filled.length === 0) return [{ fieldId: FIELD.municipalities, code: 'municipalitiesMissing' }];
  const issues: DraftIssue[] = [];
  const seen = new Set<string>();
  filled.forEach((municipality, index) => {
    const code = municipality.nisCode.trim();
    if (!NIS_CODE.test(code)) issues.push({ fieldId: FIELD.nisCode(index), code: 'nisCodeInvalid' });
    else if (seen.has(code)) issues.push({ fieldId: FIELD.nisCode(index), code: 'nisCodeDuplicate' });
    seen.add(code);
    if (municipality.name.trim() === '') {
      issues.push({ fieldId: FIELD.municipalityName(index), code: 'municipalityNameMissing' });
    }
  });
  return issues;
}

function legalBasisIssues(draft: CellDraft, today: string): DraftIssue[] {
  if (draft.legalBasisKind === 'later') return [];
  const issues: DraftIssue[] = [];
  if (draft.legalBasisReference.trim() === '') {
    issues.push({ fieldId: FIELD.legalBasisReference, code: 'referenceMissing' });
  }
  const date = draft.legalBasisDecidedOn;
  if (draft.legalBasisKind === 'prosecutorPermission' && date === '') {
    issues.push({ fieldId: FIELD.legalBasisDecidedOn, code: 'decidedOnMissing' });
  } else if (date !== '' && date > today) {
    issues.push({ fieldId: FIELD.legalBasisDecidedOn, code: 'decidedOnInFuture' });
  }
  return issues;
}

function retentionIssues(draft: CellDraft): DraftIssue[] {
  const days = retentionDays(draft);
  if (days === null || days === 0) return [{ fieldId: FIELD.retentionValue, code: 'retentionInvalid' }];
  if (days < RETENTION_MIN_DAYS || days > RETENTION_MAX_DAYS) {
    return [{ fieldId: FIELD.retentionValue, code: 'retentionOutOfRange' }];
  }
  return [];
}

/** What keeps the wizard from moving on from `step`; `today` is `yyyy-mm-dd`. */
export function stepIssues(step: WizardStep, draft: CellDraft, today: string): DraftIssue[] {
  switch (step) {
    case 'basics':
      return draft.name.trim() === '' ? [{ fieldId: FIELD.name, code: 'nameMissing' }] : [];
    case 'municipalities':
      return municipalityIssues(draft);
    case 'legalBasis':
      return legalBasisIssues(draft, today);
    case 'retention':
      return retentionIssues(draft);
    case 'terms':
      return draft.terms.trim() === '' ? [{ fieldId: FIELD.terms, code: 'termsMissing' }] : [];
    case 'review':
      return WIZARD_STEPS.filter((s) => s !== 'review').flatMap((s) => stepIssues(s, draft, today));
  }
}

/** The body of `POST /cells`: the retention as an ISO duration, the legal basis only when given. */
export function toCellCreate(draft: CellDraft): CellCreate {
  const body: CellCreate = {
    name: draft.name.trim(),
    workingLanguage: draft.workingLanguage,
    municipalities: draft.municipalities.map((m) => ({ nisCode: m.nisCode.trim(), name: m.name.trim() })),
    retention: toIsoDuration(Number(draft.retentionValue.trim()), draft.retentionUnit),
    confidentialityTerms: draft.terms.trim(),
  };
  if (draft.legalBasisKind !== 'later') {
    body.legalBasis = {
      kind: draft.legalBasisKind,
      reference: draft.legalBasisReference.trim(),
      ...(draft.legalBasisDecidedOn === '' ? {} : { decidedOn: draft.legalBasisDecidedOn }),
    };
  }
  return body;
}

const INDEXED = /^municipalities\[(\d+)\]\.(nisCode|name)$/;

/** Where a server issue of `POST /cells` belongs: the step and the input. */
export function locateIssue(name: string | undefined): { step: WizardStep; fieldId: string } | null {
  if (name === undefined) return null;
  const indexed = INDEXED.exec(name);
  if (indexed !== null) {
    const index = Number(indexed[1]);
    const fieldId = indexed[2] === 'nisCode' ? FIELD.nisCode(index) : FIELD.municipalityName(index);
    return { step: 'municipalities', fieldId };
  }
  switch (name) {
    case 'name':
      return { step: 'basics', fieldId: FIELD.name };
    case 'workingLanguage':
      return { step: 'basics', fieldId: `${FIELD.workingLanguage}-0` };
    case 'municipalities':
      return { step: 'municipalities', fieldId: FIELD.municipalities };
    case 'legalBasis.kind':
      return { step: 'legalBasis', fieldId: `${FIELD.legalBasisKind}-0` };
    case 'legalBasis.reference':
      return { step: 'legalBasis', fieldId: FIELD.legalBasisReference };
    case 'legalBasis.decidedOn':
      return { step: 'legalBasis', fieldId: FIELD.legalBasisDecidedOn };
    case 'retention':
      return { step: 'retention', fieldId: FIELD.retentionValue };
    case 'confidentialityTerms':
      return { step: 'terms', fieldId: FIELD.terms };
    default:
      return null;
  }
}
