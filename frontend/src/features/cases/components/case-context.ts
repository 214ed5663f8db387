import type { CaseRead, Organisation, Table } from '../api/use-cases';

/** What the tabs of a case page need besides the case: who the user is, and names for ids. */
export interface CaseContext {
  cellId: string;
  kase: CaseRead;
  chair: boolean;
  informationOfficer: boolean;
  /** The organisations the user represents at the operational table. */
  myOrganisations: ReadonlySet<string>;
  organisations: readonly Organisation[];
  organisationName: (id: string) => string;
  personName: (userId: string) => string;
  municipalityName: (nisCode: string) => string;
}

export function buildContext(options: {
  cellId: string;
  kase: CaseRead;
  roles: readonly string[];
  userId: string;
  organisations: readonly Organisation[];
  tables: readonly Table[];
  municipalities: readonly { nisCode: string; name: string }[];
  someone: string;
}): CaseContext {
  const names = new Map(options.organisations.map((o) => [o.id, o.name]));
  const people = new Map<string, string>();
  const mine = new Set<string>();
  for (const table of options.tables) {
    for (const member of table.members) {
      people.set(member.user, member.displayName);
      if (table.kind === 'operational' && member.user === options.userId) mine.add(member.organisation);
    }
  }
  const municipalities = new Map(options.municipalities.map((m) => [m.nisCode, m.name]));
  return {
    cellId: options.cellId,
    kase: options.kase,
    chair: options.roles.includes('operationalChair'),
    informationOfficer: options.roles.includes('informationOfficer'),
    myOrganisations: mine,
    organisations: options.organisations,
    organisationName: (id) => names.get(id) ?? options.someone,
    personName: (userId) => people.get(userId) ?? options.someone,
    municipalityName: (nisCode) => municipalities.get(nisCode) ?? nisCode,
  };
}
