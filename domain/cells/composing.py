"""Changing a cell's composition in memory, every rule checked before anything changes.

The use cases load the cell, call one of these, and store what changed; the property tests call
them directly on random sequences of commands.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from domain.cells import rules
from domain.cells.errors import AlreadyMember, NotAMember
from domain.cells.model import Cell, Member, Organisation, Table
from domain.cells.vocabulary import Function, Participation, TableKind
from domain.shared.errors import InputIssue, InvalidInput, NotFound


def table_of(cell: Cell, kind: TableKind) -> Table:
    table = cell.table(kind)
    if table is None:
        raise NotFound()
    return table


def organisation_of(cell: Cell, organisation_id: uuid.UUID, field: str) -> Organisation:
    organisation = cell.organisation(organisation_id)
    if organisation is None:
        raise InvalidInput([InputIssue(field, "referencedResourceNotFound")])
    return organisation


def active_member(cell: Cell, member_id: uuid.UUID) -> tuple[Table, Member]:
    found = cell.member(member_id)
    if found is None or not found[1].active:
        raise NotFound()
    return found


def seat(
    cell: Cell,
    kind: TableKind,
    user_id: uuid.UUID,
    organisation_id: uuid.UUID,
    function: Function,
    now: datetime,
    clearance_expires_on: date | None = None,
) -> Member:
    """A new member, after the exclusions (R-MEM-5, 6, 7, 9), voluntary participation (R-MEM-11),
    police share (R-MEM-4) and clearance (R-MEM-12) rules."""
    table = table_of(cell, kind)
    if any(member.user_id == user_id for member in table.active_members()):
        raise AlreadyMember()
    organisation = organisation_of(cell, organisation_id, "organisation")
    rules.check_seat(cell, table, organisation, function)
    if clearance_expires_on is not None:
        rules.check_clearance(function)
    member = Member(
        id=uuid.uuid4(),
        table_id=table.id,
        user_id=user_id,
        organisation_id=organisation.id,
        function=function,
        joined_at=now,
        clearance_expires_on=clearance_expires_on,
    )
    table.members.append(member)
    return member


def change_function(cell: Cell, member_id: uuid.UUID, function: Function) -> Member:
    table, member = active_member(cell, member_id)
    if function is not member.function:
        rules.check_function_change(cell, table, member, function)
        member.function = function
        if function is not Function.information_officer:
            member.clearance_expires_on = None
    return member


def record_clearance(cell: Cell, member_id: uuid.UUID, expires_on: date) -> Member:
    """R-MEM-12: the clearance is recorded for the information officer only."""
    _, member = active_member(cell, member_id)
    rules.check_clearance(member.function)
    member.clearance_expires_on = expires_on
    return member


def withdraw(cell: Cell, member_id: uuid.UUID, now: datetime) -> Member:
    """R-MEM-11: never refused. It may leave the police above one third (the table is then out of
    balance, R-MEM-4) or the chair vacant: both are reported, not prevented."""
    _, member = active_member(cell, member_id)
    member.left_at, member.is_chair = now, False
    return member


def appoint_chair(cell: Cell, kind: TableKind, member_id: uuid.UUID) -> list[Member]:
    """R-MEM-1, R-MEM-2, R-MEM-3. Returns the members whose chair flag changed."""
    table = table_of(cell, kind)
    member = next((m for m in table.active_members() if m.id == member_id), None)
    if member is None:
        raise NotAMember()
    rules.check_chair(cell, table, member, member.function)
    changed = [m for m in table.active_members() if m.is_chair and m.id != member.id]
    for other in changed:
        other.is_chair = False
    member.is_chair = True
    return [*changed, member]


def change_participation(
    cell: Cell, organisation_id: uuid.UUID, participation: Participation, now: datetime
) -> list[Member]:
    """R-MEM-11: an organisation that stops sitting takes its members off every table."""
    organisation = cell.organisation(organisation_id)
    if organisation is None:
        raise NotFound()
    organisation.participation = participation
    if organisation.takes_part:
        return []
    leaving = [
        member
        for table in cell.tables
        for member in table.active_members()
        if member.organisation_id == organisation.id
    ]
    for member in leaving:
        member.left_at, member.is_chair = now, False
    return leaving


def designate_school_contact(
    cell: Cell, organisation_id: uuid.UUID, on: bool
) -> list[Organisation]:
    """R-MEM-13: one CLB at a time is the contact for all schools. Returns changed organisations."""
    organisation = cell.organisation(organisation_id)
    if organisation is None:
        raise NotFound()
    if not on:
        organisation.school_contact = False
        return [organisation]
    rules.check_school_contact(organisation)
    changed = [o for o in cell.organisations if o.school_contact and o.id != organisation.id]
    for other in changed:
        other.school_contact = False
    organisation.school_contact = True
    return [*changed, organisation]
