"""Organisations, tables and members, changed only when every composition rule still holds."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from domain.cells import composing
from domain.cells.composition import CompositionReport, composition_report
from domain.cells.errors import SecondStrategicTable
from domain.cells.model import Cell, Member, Organisation, ProsecutorDecision, Table
from domain.cells.setup import audit, managed_cell, visible_cell
from domain.cells.vocabulary import Function, OrganisationType, Participation, TableKind
from domain.identity.model import User
from domain.identity.principal import load_principal
from domain.identity.tokens import TokenClaims
from domain.shared.clock import Clock
from domain.shared.errors import InputIssue, InvalidInput, NotFound
from domain.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class OrganisationChange:
    name: str | None = None
    participation: Participation | None = None
    school_contact: bool | None = None


@dataclass(frozen=True, slots=True)
class Seat:
    """A professional to seat: an existing account, by e-mail."""

    email: str
    organisation_id: uuid.UUID
    function: Function
    clearance_expires_on: date | None = None


@dataclass(frozen=True, slots=True)
class MemberChange:
    function: Function | None = None
    clearance_expires_on: date | None = None


async def add_organisation(
    uow: UnitOfWork,
    clock: Clock,
    claims: TokenClaims,
    cell_id: uuid.UUID,
    name: str,
    kind: OrganisationType,
) -> Organisation:
    """Any type can be recorded, excluded ones included: the refusal comes when seating them."""
    if not name.strip():
        raise InvalidInput([InputIssue("name", "requiredInput")])
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        cell = await managed_cell(uow, principal, cell_id)
        organisation = Organisation(uuid.uuid4(), cell.id, name.strip(), kind, created_at=now)
        await uow.cells.add_organisation(organisation)
        await uow.audit.record(
            audit(cell.id, principal, "organisation.create", "organisation", organisation.id)
        )
        await uow.commit()
    return organisation


async def change_organisation(
    uow: UnitOfWork,
    clock: Clock,
    claims: TokenClaims,
    cell_id: uuid.UUID,
    organisation_id: uuid.UUID,
    change: OrganisationChange,
) -> Organisation:
    """R-MEM-11: an organisation may withdraw (or become an informal link through the DRO) at any
    time, never refused; its members leave every table. R-MEM-13: a CLB can be the contact for
    all schools (one at a time)."""
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        cell = await managed_cell(uow, principal, cell_id)
        organisation = cell.organisation(organisation_id)
        if organisation is None:
            raise NotFound()
        if change.name is not None:
            if not change.name.strip():
                raise InvalidInput([InputIssue("name", "requiredInput")])
            organisation.name = change.name.strip()
        if change.school_contact is not None:
            for changed in composing.designate_school_contact(
                cell, organisation.id, change.school_contact
            ):
                await uow.cells.save_organisation(changed)
        if change.participation is not None:
            for member in composing.change_participation(
                cell, organisation.id, change.participation, now
            ):
                await uow.cells.save_member(member)
        await uow.cells.save_organisation(organisation)
        await uow.audit.record(
            audit(cell.id, principal, "organisation.update", "organisation", organisation.id)
        )
        await uow.commit()
    return organisation


async def add_strategic_table(
    uow: UnitOfWork,
    clock: Clock,
    claims: TokenClaims,
    cell_id: uuid.UUID,
    prosecutor_decision: ProsecutorDecision | None,
) -> Table:
    """R-TAB-1: the strategic table is optional, and there is at most one."""
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        cell = await managed_cell(uow, principal, cell_id)
        if cell.table(TableKind.strategic) is not None:
            raise SecondStrategicTable()
        table = Table(uuid.uuid4(), cell.id, TableKind.strategic, now, prosecutor_decision)
        await uow.cells.add_table(table)
        await uow.audit.record(audit(cell.id, principal, "table.create", "table", table.id))
        await uow.commit()
    return table


async def record_prosecutor_decision(
    uow: UnitOfWork,
    clock: Clock,
    claims: TokenClaims,
    cell_id: uuid.UUID,
    decision: ProsecutorDecision | None,
) -> Table:
    """R-MEM-6: the procureur des Konings' decision on the strategic table (None withdraws it)."""
    async with uow:
        principal = await load_principal(uow, claims, clock.now())
        cell = await managed_cell(uow, principal, cell_id)
        table = composing.table_of(cell, TableKind.strategic)
        table.prosecutor_decision = decision
        await uow.cells.save_table(table)
        await uow.audit.record(
            audit(cell.id, principal, "table.prosecutorDecision", "table", table.id)
        )
        await uow.commit()
    return table


async def seat_member(
    uow: UnitOfWork,
    clock: Clock,
    claims: TokenClaims,
    cell_id: uuid.UUID,
    kind: TableKind,
    seat: Seat,
) -> Member:
    """Seat a professional at a table, after every rule of R-MEM (exclusions first)."""
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        cell = await managed_cell(uow, principal, cell_id)
        user = await uow.users.by_email(seat.email)
        if user is None:
            raise InvalidInput([InputIssue("email", "referencedResourceNotFound")])
        member = composing.seat(
            cell,
            kind,
            user.id,
            seat.organisation_id,
            seat.function,
            now,
            seat.clearance_expires_on,
        )
        await uow.cells.add_member(member)
        await uow.audit.record(audit(cell.id, principal, "member.add", "member", member.id))
        await uow.commit()
    return member


async def change_member(
    uow: UnitOfWork,
    clock: Clock,
    claims: TokenClaims,
    cell_id: uuid.UUID,
    member_id: uuid.UUID,
    change: MemberChange,
) -> Member:
    async with uow:
        principal = await load_principal(uow, claims, clock.now())
        cell = await managed_cell(uow, principal, cell_id)
        member = composing.active_member(cell, member_id)[1]
        if change.function is not None:
            composing.change_function(cell, member_id, change.function)
        if change.clearance_expires_on is not None:
            composing.record_clearance(cell, member_id, change.clearance_expires_on)
        await uow.cells.save_member(member)
        await uow.audit.record(audit(cell.id, principal, "member.update", "member", member.id))
        await uow.commit()
    return member


async def withdraw_member(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, cell_id: uuid.UUID, member_id: uuid.UUID
) -> Member:
    """R-MEM-11: leaving is never refused — by the member themselves or by a chair. If it leaves
    the police above one third, the table is out of balance (R-MEM-4) and does not meet until
    restored; a chair who leaves leaves the chair vacant."""
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        cell = await visible_cell(uow, principal, cell_id, for_update=True)
        _, member = composing.active_member(cell, member_id)
        own = principal.user is not None and member.user_id == principal.user_id
        if not own:
            await managed_cell(uow, principal, cell_id)
        composing.withdraw(cell, member_id, now)
        await uow.cells.save_member(member)
        await uow.audit.record(audit(cell.id, principal, "member.withdraw", "member", member.id))
        await uow.commit()
    return member


async def appoint_chair(
    uow: UnitOfWork,
    clock: Clock,
    claims: TokenClaims,
    cell_id: uuid.UUID,
    kind: TableKind,
    member_id: uuid.UUID,
) -> Member:
    """R-MEM-1, R-MEM-2, R-MEM-3: the mayor chairs the strategic table, the DRO the operational
    one, and never anyone of the police. The previous chair stays a member."""
    async with uow:
        principal = await load_principal(uow, claims, clock.now())
        cell = await managed_cell(uow, principal, cell_id)
        changed = composing.appoint_chair(cell, kind, member_id)
        for updated in changed:
            await uow.cells.save_member(updated)
        member = changed[-1]
        await uow.audit.record(audit(cell.id, principal, "member.chair", "member", member.id))
        await uow.commit()
    return member


@dataclass(frozen=True, slots=True)
class CompositionView:
    """A cell's composition with who is who (members are professionals: their names are not the
    personal data the guidance forbids) and the report of the rules."""

    cell: Cell
    people: dict[uuid.UUID, User]
    acknowledged: frozenset[uuid.UUID]
    report: CompositionReport


async def composition(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, cell_id: uuid.UUID
) -> CompositionView:
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        cell = await visible_cell(uow, principal, cell_id)
        acknowledged = (
            await uow.cells.acknowledged(cell.id, cell.terms.version) if cell.terms else frozenset()
        )
        people = await uow.users.get_many(
            member.user_id for table in cell.tables for member in table.members
        )
        report = composition_report(cell, now.date(), acknowledged)
        return CompositionView(cell, people, acknowledged, report)
