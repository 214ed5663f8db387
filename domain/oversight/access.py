"""Who oversees a cell (R-TAB-3): the chairs, the strategic table, the cell's auditors and the
platform's administrators and auditors. They read figures and evidence, never a case."""

from __future__ import annotations

import uuid

from domain.identity.principal import CellRole, Principal
from domain.shared.errors import NotFound

OVERSIGHT_ROLES = frozenset(
    {
        CellRole.operational_chair,
        CellRole.strategic_chair,
        CellRole.strategic_member,
        CellRole.auditor,
    }
)


def oversees(principal: Principal, cell_id: uuid.UUID) -> bool:
    return (
        principal.is_platform_administrator
        or principal.is_platform_auditor
        or bool(principal.roles_in(cell_id) & OVERSIGHT_ROLES)
    )


def require_oversight(principal: Principal, cell_id: uuid.UUID) -> None:
    """Anyone else gets 404, as for a cell that does not exist: partners of the operational
    table work the cases and have no use for the cell's figures."""
    if not oversees(principal, cell_id):
        raise NotFound()
