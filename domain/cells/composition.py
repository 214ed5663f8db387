"""The composition report: is the operational table constituted (R-MEM-8), is police presence
balanced (R-MEM-4), is the chair there and valid, is the legal basis recorded (R-PRIV-3), whose
clearance expires (R-MEM-12), who has not acknowledged the terms (R-PRIV-4)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from domain.cells.errors import (
    OperationalChairMustBeDro,
    PoliceCannotChair,
    StrategicChairMustBeMayor,
)
from domain.cells.model import Cell, Table
from domain.cells.rules import check_chair, police_count
from domain.cells.vocabulary import Function, TableKind

CLEARANCE_WARNING = timedelta(days=60)


class FixedParticipant(StrEnum):
    """R-MEM-8: who must sit at the operational table for it to be constituted."""

    mayor_or_dro = "mayorOrDro"
    information_officer = "informationOfficer"
    alderman_social_affairs = "aldermanSocialAffairs"


class ClearanceState(StrEnum):
    """R-MEM-12: why an information officer's clearance needs attention."""

    missing = "missing"
    expiring = "expiring"
    expired = "expired"


# R-MEM-8: the fixed participants of the operational table, each satisfied by any of its functions.
FIXED_PARTICIPANTS: dict[FixedParticipant, frozenset[Function]] = {
    FixedParticipant.mayor_or_dro: frozenset(
        {Function.mayor, Function.designated_radicalisation_officer}
    ),
    FixedParticipant.information_officer: frozenset({Function.information_officer}),
    FixedParticipant.alderman_social_affairs: frozenset(
        {Function.alderman_social_affairs, Function.alderman_mandate}
    ),
}


@dataclass(frozen=True, slots=True)
class TableReport:
    kind: TableKind
    members: int
    police: int
    balanced: bool
    chair: uuid.UUID | None
    chair_valid: bool
    constituted: bool
    missing: tuple[FixedParticipant, ...]

    @property
    def meetings_allowed(self) -> bool:
        """R-MEM-4 and the chair: an out-of-balance or chairless table does not meet."""
        return self.balanced and self.chair_valid


@dataclass(frozen=True, slots=True)
class ClearanceWarning:
    member_id: uuid.UUID
    user_id: uuid.UUID
    expires_on: date | None
    state: ClearanceState


@dataclass(frozen=True, slots=True)
class CompositionReport:
    cell_id: uuid.UUID
    tables: tuple[TableReport, ...]
    legal_basis_recorded: bool
    clearance_warnings: tuple[ClearanceWarning, ...]
    unacknowledged: tuple[uuid.UUID, ...]

    @property
    def operational(self) -> TableReport:
        return next(table for table in self.tables if table.kind is TableKind.operational)

    @property
    def case_work_allowed(self) -> bool:
        """R-MEM-8 and R-PRIV-3: case work needs a constituted table and a legal basis."""
        return self.operational.constituted and self.legal_basis_recorded


def missing_participants(table: Table) -> tuple[FixedParticipant, ...]:
    """R-MEM-8: which fixed participants the operational table still lacks."""
    functions = {member.function for member in table.active_members()}
    return tuple(name for name, options in FIXED_PARTICIPANTS.items() if not functions & options)


def table_report(cell: Cell, table: Table) -> TableReport:
    members = table.active_members()
    police = police_count(cell, table)
    chair = table.chair()
    chair_valid = False
    if chair is not None:
        try:
            check_chair(cell, table, chair, chair.function)
            chair_valid = True
        except (PoliceCannotChair, StrategicChairMustBeMayor, OperationalChairMustBeDro):
            chair_valid = False
    missing = missing_participants(table) if table.kind is TableKind.operational else ()
    return TableReport(
        kind=table.kind,
        members=len(members),
        police=police,
        balanced=police * 3 <= len(members),
        chair=chair.id if chair else None,
        chair_valid=chair_valid,
        constituted=table.kind is TableKind.operational and not missing,
        missing=missing,
    )


def clearance_warnings(cell: Cell, today: date) -> list[ClearanceWarning]:
    """R-MEM-12: information officers whose clearance is missing, expired or expires in 60 days."""
    warnings = []
    for table in cell.tables:
        for member in table.active_members():
            if member.function is not Function.information_officer:
                continue
            expires = member.clearance_expires_on
            if expires is None:
                state = ClearanceState.missing
            elif expires < today:
                state = ClearanceState.expired
            elif expires - today <= CLEARANCE_WARNING:
                state = ClearanceState.expiring
            else:
                continue
            warnings.append(ClearanceWarning(member.id, member.user_id, expires, state))
    return warnings


def composition_report(
    cell: Cell, today: date, acknowledged: frozenset[uuid.UUID]
) -> CompositionReport:
    """`acknowledged`: users who acknowledged the current version of the terms (R-PRIV-4)."""
    seated = {m.user_id for table in cell.tables for m in table.active_members()}
    return CompositionReport(
        cell_id=cell.id,
        tables=tuple(
            table_report(cell, table) for table in sorted(cell.tables, key=lambda t: t.kind)
        ),
        legal_basis_recorded=cell.legal_basis is not None,
        clearance_warnings=tuple(clearance_warnings(cell, today)),
        unacknowledged=tuple(sorted(seated - acknowledged, key=str)),
    )
