import type { components } from '@/api/schema';

type Schemas = components['schemas'];
export type OrganisationType = Schemas['OrganisationType'];
export type MemberFunction = Schemas['Function'];
export type Participation = Schemas['Participation'];
export type LegalBasisKind = Schemas['LegalBasisKind'];
export type WorkingLanguage = Schemas['WorkingLanguage'];
export type TableKind = Schemas['TableKind'];
export type Scope = Schemas['Scope'];
export type Language = Schemas['Language'];

/**
 * Every value of a union, checked by the compiler: a value the contract adds and this list lacks
 * is a type error, so the UI never silently misses an option.
 */
export function allOf<T extends string>() {
  return <const A extends readonly T[]>(
    values: A & ([Exclude<T, A[number]>] extends [never] ? unknown : { missing: Exclude<T, A[number]> }),
  ): A => values;
}

/** In the order a chair thinks of them; the types the guidance excludes come last. */
export const ORGANISATION_TYPES = allOf<OrganisationType>()([
  'municipalPreventionService',
  'mayorsOffice',
  'municipalServices',
  'ocmwSocialService',
  'clb',
  'school',
  'caw',
  'vdab',
  'youthCare',
  'hospital',
  'mediationService',
  'justiceHouse',
  'localPolice',
  'entrepreneursAssociation',
  'other',
  'publicProsecutor',
  'securityIntelligenceService',
  'ocad',
  'federalPolice',
]);

/** R-MEM-5, R-MEM-6, R-MEM-7: recorded so that a refusal is explicit, never seated (or only so). */
export const EXCLUDED_ORGANISATION_TYPES: readonly OrganisationType[] = [
  'publicProsecutor',
  'securityIntelligenceService',
  'ocad',
  'federalPolice',
];

export const FUNCTIONS = allOf<MemberFunction>()([
  'mayor',
  'designatedRadicalisationOfficer',
  'preventionWorker',
  'aldermanSocialAffairs',
  'aldermanMandate',
  'departmentHead',
  'informationOfficer',
  'policeChief',
  'policeOfficer',
  'socialWorker',
  'clbCounsellor',
  'youthWorker',
  'jobCoach',
  'justiceAssistant',
  'healthProfessional',
  'mediator',
  'entrepreneurRepresentative',
  'prosecutor',
  'other',
]);

export const PARTICIPATIONS = allOf<Participation>()(['sitting', 'withdrawn', 'informalLink']);
export const LEGAL_BASIS_KINDS = allOf<LegalBasisKind>()(['law', 'regionalDecree', 'prosecutorPermission']);
export const WORKING_LANGUAGES = allOf<WorkingLanguage>()(['nl', 'fr', 'de']);
export const TABLE_KINDS = allOf<TableKind>()(['operational', 'strategic']);
export const SCOPES = allOf<Scope>()(['meetings:read', 'statistics:read', 'cadence:read', 'webhooks:manage']);
export const INVITATION_LANGUAGES = allOf<Language>()(['nl', 'fr', 'de', 'en']);

/** The translation key of a scope (`meetings:read` → `meetingsRead`). */
export function scopeKey(scope: Scope): 'meetingsRead' | 'statisticsRead' | 'cadenceRead' | 'webhooksManage' {
  switch (scope) {
    case 'meetings:read':
      return 'meetingsRead';
    case 'statistics:read':
      return 'statisticsRead';
    case 'cadence:read':
      return 'cadenceRead';
    case 'webhooks:manage':
      return 'webhooksManage';
  }
}
