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
