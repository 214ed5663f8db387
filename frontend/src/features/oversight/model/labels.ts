import type { components } from '@/api/schema';

type Schemas = components['schemas'];
type CaseStatus = Schemas['CaseStatus'];
type InitialProblem = Schemas['InitialProblem'];
type PhenomenonLabel = Schemas['PhenomenonLabel'];
type OrganisationType = Schemas['OrganisationType'];
type ActionStatus = Schemas['ActionStatus'];
type Municipality = Schemas['MunicipalityBody'];

/** The breakdowns of the statistics, and what their labels are. */
export type Dimension = 'status' | 'problem' | 'phenomenon' | 'municipality' | 'source' | 'actions';

/** A label in the UI language: a translation key, or a text that needs none (a municipality). */
export type LabelText =
  | {
      key:
        | `vocab.caseStatus.${CaseStatus}`
        | `vocab.initialProblem.${InitialProblem}`
        | `vocab.phenomenon.${PhenomenonLabel}`
        | `vocab.organisationType.${OrganisationType}`
        | 'vocab.caseSource.ltf'
        | `vocab.actionStatus.${ActionStatus}`
        | 'oversight.actionsOverdue';
    }
  | { text: string };

// Records, not lists: the compiler then insists on every value the contract has.
const CASE_STATUSES: Record<CaseStatus, true> = {
  registered: true,
  fileBuilding: true,
  weighing: true,
  followUp: true,
  evaluation: true,
  closed: true,
};
const INITIAL_PROBLEMS: Record<InitialProblem, true> = {
  familySituation: true,
  identity: true,
  school: true,
  work: true,
  mentalHealth: true,
  socialIsolation: true,
  addiction: true,
  housing: true,
  finances: true,
  delinquency: true,
  onlineBehaviour: true,
  other: true,
};
const PHENOMENA: Record<PhenomenonLabel, true> = { ftf: true, htf: true, hp: true, childOfFtfHtf: true, none: true };
const ORGANISATION_TYPES: Record<OrganisationType, true> = {
  municipalPreventionService: true,
  mayorsOffice: true,
  municipalServices: true,
  ocmwSocialService: true,
  clb: true,
  school: true,
  caw: true,
  vdab: true,
  youthCare: true,
  hospital: true,
  mediationService: true,
  justiceHouse: true,
  localPolice: true,
  entrepreneursAssociation: true,
  publicProsecutor: true,
  securityIntelligenceService: true,
  ocad: true,
  federalPolice: true,
  other: true,
};
const ACTION_STATUSES: Record<ActionStatus, true> = { open: true, inProgress: true, done: true, cancelled: true };

function isIn<T extends string>(values: Record<T, true>, label: string): label is T {
  return Object.hasOwn(values, label);
}

/** A phase of R-CASE-5 (the medians per phase), by the name of its step. */
export function phaseLabel(phase: string): LabelText {
  return isIn(CASE_STATUSES, phase) ? { key: `vocab.caseStatus.${phase}` } : { text: phase };
}

/**
 * The label of one row of a breakdown. A municipality reads as the cell names it, with its NIS
 * code; the source is the LTF or the type of the submitting partner's organisation. A label from
 * an older vocabulary stays as the API sends it rather than disappear.
 */
export function breakdownLabel(
  dimension: Dimension,
  label: string,
  municipalities: readonly Municipality[] = [],
): LabelText {
  switch (dimension) {
    case 'status':
      return phaseLabel(label);
    case 'problem':
      return isIn(INITIAL_PROBLEMS, label) ? { key: `vocab.initialProblem.${label}` } : { text: label };
    case 'phenomenon':
      return isIn(PHENOMENA, label) ? { key: `vocab.phenomenon.${label}` } : { text: label };
    case 'source':
      if (label === 'ltf') return { key: 'vocab.caseSource.ltf' };
      return isIn(ORGANISATION_TYPES, label) ? { key: `vocab.organisationType.${label}` } : { text: label };
    case 'actions':
      if (label === 'overdue') return { key: 'oversight.actionsOverdue' };
      return isIn(ACTION_STATUSES, label) ? { key: `vocab.actionStatus.${label}` } : { text: label };
    case 'municipality': {
      const municipality = municipalities.find((candidate) => candidate.nisCode === label);
      return { text: municipality === undefined ? label : `${municipality.name} (${municipality.nisCode})` };
    }
  }
}
