"""The cadence of a cell, computed from its open cases and held meetings (R-CAD-1 … R-CAD-6)."""

from __future__ import annotations

import uuid
from datetime import datetime

from domain.cells.access import require_visible
from domain.cells.clients import require_scope
from domain.cells.model import Cell
from domain.cells.vocabulary import TableKind
from domain.identity.model import Scope
from domain.identity.principal import load_principal
from domain.identity.tokens import TokenClaims
from domain.meetings.cadence import CadenceInput, CadenceStatus, operational_cadence
from domain.meetings.ports import Rhythm
from domain.shared.clock import Clock
from domain.shared.errors import NotFound
from domain.unit_of_work import UnitOfWork


def cadence_from(rhythm: Rhythm, cell: Cell, now: datetime) -> CadenceStatus:
    """The weekly rhythm counts from the first problematic mark still standing (R-CAD-2), the
    monthly one from the oldest open case (R-CAD-3)."""
    cases = rhythm.open_cases
    since = cases.first_problematic_since if cases.problematic else cases.oldest_opened_at
    return operational_cadence(
        CadenceInput(
            open_cases=cases.count,
            problematic_open_cases=cases.problematic,
            last_held_operational_meeting=rhythm.last_held,
            first_held_operational_meeting=rhythm.first_held,
            now=now,
            mode_since=since,
            cell_established_at=cell.created_at,
        )
    )


async def cadence_of(uow: UnitOfWork, cell: Cell, now: datetime) -> CadenceStatus:
    """Inside an open unit of work: one read of the cell's open cases and held meetings."""
    rhythm = await uow.meetings.rhythm(cell.id, TableKind.operational, None)
    return cadence_from(rhythm, cell, now)


async def cell_cadence(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, cell_id: uuid.UUID
) -> CadenceStatus:
    """For the cell's members and for integration clients with `cadence:read` (no case content:
    counts only)."""
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        if principal.client is not None:
            if principal.client.cell_id != cell_id:
                raise NotFound()
            require_scope(principal, Scope.cadence_read)
        else:
            require_visible(principal, cell_id)
        cell = await uow.cells.get(cell_id, seen=principal.cell_revisions.get(cell_id))
        if cell is None:
            raise NotFound()
        return await cadence_of(uow, cell, now)
