"""Who may see and change a cell's set-up. A cell the caller has nothing to do with answers
exactly like a cell that does not exist (404), so ids cannot be probed across tenants."""

from __future__ import annotations

import uuid

from domain.identity.principal import CellRole, Principal
from domain.shared.errors import NotFound, PermissionDenied

MANAGERS = frozenset({CellRole.operational_chair, CellRole.strategic_chair})


def can_see(principal: Principal, cell_id: uuid.UUID) -> bool:
    return principal.is_platform_administrator or bool(principal.roles_in(cell_id))


def require_visible(principal: Principal, cell_id: uuid.UUID) -> None:
    if not can_see(principal, cell_id):
        raise NotFound()


def require_manager(principal: Principal, cell_id: uuid.UUID) -> None:
    """The platform administrator (to set a cell up and appoint its chair) and the chairs."""
    require_visible(principal, cell_id)
    if not (principal.is_platform_administrator or principal.roles_in(cell_id) & MANAGERS):
        raise PermissionDenied()
