import type { components } from '@/api/schema';

export type CaseStatus = components['schemas']['CaseStatus'];
export type Step = components['schemas']['Step'];

/** R-CASE-5, in order. */
export const STATUSES: readonly CaseStatus[] = [
  'registered',
  'fileBuilding',
  'weighing',
  'followUp',
  'evaluation',
  'closed',
];

/** The command that moves a case from `from` to `to`, outside the weighing. */
function stepBetween(from: CaseStatus, to: CaseStatus): Step | null {
  if (from === 'registered' && to === 'fileBuilding') return 'admit';
  if (from === 'registered' && to === 'closed') return 'notAdmitted';
  if (from === 'fileBuilding' && to === 'weighing') return 'startWeighing';
  if (from === 'followUp' && to === 'evaluation') return 'startEvaluation';
  if (from === 'evaluation' && to === 'followUp') return 'resumeFollowUp';
  if (from === 'evaluation' && to === 'closed') return 'close';
  return null;
}

/**
 * The buttons the chair gets for the next steps the API allows (`nextSteps`). Leaving the weighing
 * is not a plain step but the weighing decision (R-CASE-6/7): `weigh` says the weighing form is it.
 */
export function nextCommands(
  status: CaseStatus,
  nextSteps: readonly CaseStatus[],
): { steps: Step[]; weigh: boolean } {
  if (status === 'weighing') return { steps: [], weigh: nextSteps.length > 0 };
  const steps = nextSteps
    .map((to) => stepBetween(status, to))
    .filter((step): step is Step => step !== null);
  return { steps, weigh: false };
}

/** Where a status stands in R-CASE-5 (for the progress indicator). */
export function statusIndex(status: CaseStatus): number {
  return STATUSES.indexOf(status);
}
