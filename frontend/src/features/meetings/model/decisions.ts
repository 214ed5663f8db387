/**
 * The table's decisions on a case item (R-CASE-5/6/7) and how the minutes name them. The server
 * writes a decision into the minutes as its code, and a weighing with its outcome after a colon
 * (`weigh:retained`).
 */
import type { TFunction } from 'i18next';

import type { AgendaPurpose, CaseStatus, Decision, WeighingDecision } from '../api/use-meetings';

export const DECISIONS: readonly Decision[] = [
  'admit',
  'notAdmitted',
  'startWeighing',
  'weigh',
  'startEvaluation',
  'resumeFollowUp',
  'close',
  'markProblematic',
  'unmarkProblematic',
];

export const WEIGHING_DECISIONS: readonly WeighingDecision[] = ['retained', 'notRetained', 'referred'];

export const PURPOSES: readonly AgendaPurpose[] = ['admission', 'weighing', 'evaluation', 'feedbackForm', 'general'];

/** What an item on the agenda for this purpose usually decides. */
const SUGGESTED: Record<AgendaPurpose, readonly Decision[]> = {
  admission: ['admit', 'notAdmitted', 'startWeighing'],
  weighing: ['startWeighing', 'weigh'],
  evaluation: ['startEvaluation', 'resumeFollowUp', 'close'],
  feedbackForm: [],
  general: [],
};

/** The decisions for an item, those its purpose suggests first; every one stays possible. */
export function decisionChoices(purpose: AgendaPurpose): { suggested: Decision[]; others: Decision[] } {
  const suggested = [...SUGGESTED[purpose]];
  return { suggested, others: DECISIONS.filter((decision) => !suggested.includes(decision)) };
}

/** Whether an item of this purpose is about a case (everything but a general item). */
export function concernsCase(purpose: AgendaPurpose): boolean {
  return purpose !== 'general';
}

/** The purpose a case is put on the agenda for, from the step it is in. */
export function purposeForStatus(status: CaseStatus): AgendaPurpose {
  switch (status) {
    case 'registered':
      return 'admission';
    case 'fileBuilding':
    case 'weighing':
      return 'weighing';
    case 'followUp':
    case 'evaluation':
      return 'evaluation';
    case 'closed':
      return 'general';
  }
}

function isDecision(value: string): value is Decision {
  return (DECISIONS as readonly string[]).includes(value);
}

function isWeighingDecision(value: string): value is WeighingDecision {
  return (WEIGHING_DECISIONS as readonly string[]).includes(value);
}

export interface RecordedDecision {
  decision: Decision;
  weighing: WeighingDecision | null;
}

/** A decision as the minutes hold it (`admit`, `weigh:referred`); `null` when it is unknown. */
export function parseRecordedDecision(value: string | null | undefined): RecordedDecision | null {
  if (value === null || value === undefined) return null;
  const [code = '', outcome] = value.split(':', 2);
  if (!isDecision(code)) return null;
  if (outcome === undefined) return { decision: code, weighing: null };
  return isWeighingDecision(outcome) ? { decision: code, weighing: outcome } : null;
}

/**
 * The decision in words: "Admitted to the file building", "Weighed: referred to the LTF". A code
 * the app does not know yet is shown as it is rather than hidden.
 */
export function decisionLabel(value: string | null | undefined, t: TFunction): string {
  const recorded = parseRecordedDecision(value);
  if (recorded === null) return value ?? '';
  if (recorded.weighing === null) return t(`meetings.decisionDone.${recorded.decision}`);
  return t('meetings.decisionDone.weighedAs', { outcome: t(`vocab.weighingDecision.${recorded.weighing}`) });
}
