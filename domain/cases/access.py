"""Need to know (R-PRIV-5, R-PRIV-4, R-TAB-3): a case's content opens only for its participants —
the chair, the information officer, the submitting organisation and the partners invited to that
case — after they acknowledged the confidentiality terms. Everyone else gets the same 404 as for a
case that does not exist: strategic-only members, auditors, administrators, clients, other cells."""

from __future__ import annotations

import uuid

from domain.cases.errors import LegalBasisMissing, TableNotConstituted, TermsNotAcknowledged
from domain.cases.model import Case, CaseListing
from domain.cells.composition import missing_participants
from domain.cells.model import Cell
from domain.cells.vocabulary import Function, TableKind
from domain.identity.principal import CellRole, Principal
from domain.shared.errors import NotFound
from domain.unit_of_work import UnitOfWork

OPERATIONAL_ROLES = frozenset(
    {CellRole.operational_chair, CellRole.operational_member, CellRole.information_officer}
)
ALWAYS_PARTICIPANTS = frozenset({CellRole.operational_chair, CellRole.information_officer})


def require_operational(principal: Principal, cell_id: uuid.UUID) -> None:
    """Only people at the operational table deal with cases (R-TAB-3: the strategic table sees
    figures, never cases)."""
    if not principal.roles_in(cell_id) & OPERATIONAL_ROLES:
        raise NotFound()


def organisations_of(cell: Cell, user_id: uuid.UUID) -> frozenset[uuid.UUID]:
    """The organisations a user represents at the operational table."""
    table = cell.table(TableKind.operational)
    if table is None:
        return frozenset()
    return frozenset(m.organisation_id for m in table.active_members() if m.user_id == user_id)


def is_participant(principal: Principal, case: Case | CaseListing, cell: Cell) -> bool:
    """R-PRIV-5: the chair, the information officer, and the members of the case's partners."""
    if principal.roles_in(cell.id) & ALWAYS_PARTICIPANTS:
        return True
    return bool(organisations_of(cell, principal.user_id) & case.participants)


def participant_users(cell: Cell, case: Case) -> frozenset[uuid.UUID]:
    """The users who may read the case (R-PRIV-5): the chair and the information officer, and
    the operational table's members of the case's partner organisations."""
    table = cell.table(TableKind.operational)
    if table is None:
        return frozenset()
    return frozenset(
        member.user_id
        for member in table.active_members()
        if member.is_chair
        or member.function is Function.information_officer
        or member.organisation_id in case.participants
    )


def require_case_work(cell: Cell) -> None:
    """R-MEM-8 and R-PRIV-3: no case work before the table is constituted and the legal basis of
    the consultation is recorded."""
    table = cell.table(TableKind.operational)
    if table is None or missing_participants(table):
        raise TableNotConstituted()
    if cell.legal_basis is None:
        raise LegalBasisMissing()


def require_acknowledged(principal: Principal, cell: Cell) -> None:
    """R-PRIV-4: the current terms are acknowledged before any case content is seen."""
    if cell.terms is None or not principal.has_acknowledged(cell.id, cell.terms.version):
        raise TermsNotAcknowledged()


async def operational_cell(uow: UnitOfWork, principal: Principal, cell_id: uuid.UUID) -> Cell:
    require_operational(principal, cell_id)
    cell = await uow.cells.get(cell_id, seen=principal.cell_revisions.get(cell_id))
    if cell is None or not cell.is_active:
        raise NotFound()
    return cell


async def open_case(
    uow: UnitOfWork, principal: Principal, case_id: uuid.UUID, *, for_update: bool = False
) -> tuple[Case, Cell]:
    """The case and its cell, for a participant who acknowledged the terms; otherwise NotFound
    (or TermsNotAcknowledged for a participant who has not yet)."""
    case = await uow.cases.get(case_id, for_update=for_update)
    if case is None or case.purged_at is not None:
        raise NotFound()
    cell = await operational_cell(uow, principal, case.cell_id)
    if not is_participant(principal, case, cell):
        raise NotFound()
    require_acknowledged(principal, cell)
    return case, cell
