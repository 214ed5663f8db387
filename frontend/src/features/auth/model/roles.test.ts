import { describe, expect, it } from 'vitest';

import { auditedCellIds, canOversee, canOverseeCell, oversightCellIds, strategicCellIds } from './roles';

const MAYOR = { platformRoles: [], cells: [{ cell: 'a', roles: ['strategicChair' as const] }] };
const PARTNER = { platformRoles: [], cells: [{ cell: 'a', roles: ['operationalMember' as const] }] };
const AUDITOR = {
  platformRoles: [],
  cells: [
    { cell: 'a', roles: ['auditor' as const] },
    { cell: 'b', roles: ['operationalMember' as const] },
  ],
};
const PLATFORM_AUDITOR = { platformRoles: ['auditor' as const], cells: [] };

describe('oversight roles (R-TAB-3)', () => {
  it('lets the strategic table, the chairs and the auditors read a cell’s figures', () => {
    expect(canOverseeCell(MAYOR, 'a')).toBe(true);
    expect(canOverseeCell(AUDITOR, 'a')).toBe(true);
    expect(canOverseeCell({ platformRoles: [], cells: [{ cell: 'a', roles: ['operationalChair'] }] }, 'a')).toBe(true);
  });

  it('keeps a partner of the operational table out, and everyone out of other cells', () => {
    expect(canOversee(PARTNER)).toBe(false);
    expect(canOverseeCell(PARTNER, 'a')).toBe(false);
    expect(canOverseeCell(AUDITOR, 'b')).toBe(false);
    expect(canOverseeCell(MAYOR, 'b')).toBe(false);
  });

  it('lets platform roles oversee every cell', () => {
    expect(canOversee(PLATFORM_AUDITOR)).toBe(true);
    expect(canOverseeCell(PLATFORM_AUDITOR, 'anything')).toBe(true);
  });

  it('lists the cells per purpose', () => {
    expect(oversightCellIds(AUDITOR)).toEqual(['a']);
    expect(auditedCellIds(AUDITOR)).toEqual(['a']);
    expect(strategicCellIds(AUDITOR)).toEqual([]);
    expect(strategicCellIds(MAYOR)).toEqual(['a']);
  });
});
