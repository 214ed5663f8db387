import type { components } from '@/api/schema';

type Me = components['schemas']['Me'];
export type PlatformRole = components['schemas']['PlatformRole'];
export type CellRole = components['schemas']['CellRole'];

/** Platform auditors, platform administrators and auditors of a cell may read the audit trail. */
export function canAudit(me: Pick<Me, 'platformRoles' | 'cells'>): boolean {
  return (
    me.platformRoles.length > 0 || me.cells.some((cell) => cell.roles.includes('auditor'))
  );
}

/** Every role the user holds, platform roles first, each cell role once. */
export function heldRoles(me: Pick<Me, 'platformRoles' | 'cells'>): (PlatformRole | CellRole)[] {
  const roles: (PlatformRole | CellRole)[] = [...me.platformRoles];
  for (const cell of me.cells) {
    for (const role of cell.roles) if (!roles.includes(role)) roles.push(role);
  }
  return roles;
}

const CHAIR_ROLES: readonly CellRole[] = ['operationalChair', 'strategicChair'];
/** R-PRIV-5 / R-TAB-3: only the operational table deals with cases. */
export const OPERATIONAL_ROLES: readonly CellRole[] = [
  'operationalChair',
  'operationalMember',
  'informationOfficer',
];

export function isPlatformAdministrator(me: Pick<Me, 'platformRoles'>): boolean {
  return me.platformRoles.includes('platformAdministrator');
}

/** The user's roles in one cell (none when they have nothing to do with it). */
export function rolesIn(me: Pick<Me, 'cells'>, cellId: string): CellRole[] {
  return me.cells.find((cell) => cell.cell === cellId)?.roles ?? [];
}

/** Platform administrators set cells up; the chairs of a cell manage it too. */
export function canManageCells(me: Pick<Me, 'platformRoles' | 'cells'>): boolean {
  return (
    isPlatformAdministrator(me) ||
    me.cells.some((cell) => cell.roles.some((role) => CHAIR_ROLES.includes(role)))
  );
}

export function canManageCell(me: Pick<Me, 'platformRoles' | 'cells'>, cellId: string): boolean {
  return isPlatformAdministrator(me) || rolesIn(me, cellId).some((role) => CHAIR_ROLES.includes(role));
}

/** The cells in which the user sits at the operational table (and so works on cases). */
export function operationalCellIds(me: Pick<Me, 'cells'>): string[] {
  return me.cells
    .filter((cell) => cell.roles.some((role) => OPERATIONAL_ROLES.includes(role)))
    .map((cell) => cell.cell);
}

export function worksOnCases(me: Pick<Me, 'cells'>): boolean {
  return operationalCellIds(me).length > 0;
}

/** Everyone seated at a table of a cell (operational or strategic) takes part in its meetings. */
export const TABLE_ROLES: readonly CellRole[] = [...OPERATIONAL_ROLES, 'strategicChair', 'strategicMember'];

/** The cells in which the user sits at a table (and so has meetings). */
export function tableCellIds(me: Pick<Me, 'cells'>): string[] {
  return me.cells.filter((cell) => cell.roles.some((role) => TABLE_ROLES.includes(role))).map((cell) => cell.cell);
}

export function sitsAtTable(me: Pick<Me, 'cells'>): boolean {
  return tableCellIds(me).length > 0;
}

/** The tables the user chairs in a cell (a table's chair plans and runs its meetings). */
export function chairedTables(me: Pick<Me, 'cells'>, cellId: string): ('operational' | 'strategic')[] {
  const roles = rolesIn(me, cellId);
  const tables: ('operational' | 'strategic')[] = [];
  if (roles.includes('operationalChair')) tables.push('operational');
  if (roles.includes('strategicChair')) tables.push('strategic');
  return tables;
}

/**
 * R-TAB-3: who reads a cell's figures and its compliance evidence pack — the chairs, the strategic
 * table (the mayor) and the cell's auditors; the API's own list for the evidence pack.
 */
export const OVERSIGHT_ROLES: readonly CellRole[] = [
  'operationalChair',
  'strategicChair',
  'strategicMember',
  'auditor',
];
const STRATEGIC_ROLES: readonly CellRole[] = ['strategicChair', 'strategicMember'];

function cellsWith(me: Pick<Me, 'cells'>, roles: readonly CellRole[]): string[] {
  return me.cells.filter((cell) => cell.roles.some((role) => roles.includes(role))).map((cell) => cell.cell);
}

/** The cells whose figures and evidence pack the user reads through a role in the cell. */
export function oversightCellIds(me: Pick<Me, 'cells'>): string[] {
  return cellsWith(me, OVERSIGHT_ROLES);
}

/** The cells in which the user sits at the strategic table (the mayor, who comes for the figures). */
export function strategicCellIds(me: Pick<Me, 'cells'>): string[] {
  return cellsWith(me, STRATEGIC_ROLES);
}

/** The cells the user audits through a grant for that cell. */
export function auditedCellIds(me: Pick<Me, 'cells'>): string[] {
  return cellsWith(me, ['auditor']);
}

/** Platform administrators and auditors oversee every cell; the others the cells of their roles. */
export function canOversee(me: Pick<Me, 'platformRoles' | 'cells'>): boolean {
  return me.platformRoles.length > 0 || oversightCellIds(me).length > 0;
}

export function canOverseeCell(me: Pick<Me, 'platformRoles' | 'cells'>, cellId: string): boolean {
  return me.platformRoles.length > 0 || rolesIn(me, cellId).some((role) => OVERSIGHT_ROLES.includes(role));
}
