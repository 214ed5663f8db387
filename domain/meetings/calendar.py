"""Calendar feeds (RFC 5545): table, time and place of meetings — never case codes. For
integration clients with `meetings:read`, and as a personal link per member."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import datetime, timedelta

from domain.cells.clients import require_scope
from domain.cells.vocabulary import TableKind
from domain.identity.model import Scope
from domain.identity.principal import load_principal
from domain.identity.tokens import TokenClaims
from domain.meetings.model import Meeting, MeetingStatus
from domain.meetings.planning import MEMBER_OF
from domain.meetings.ports import CalendarEntry, CalendarRenderer
from domain.shared.clock import Clock
from domain.shared.errors import NotFound
from domain.unit_of_work import UnitOfWork

HORIZON = timedelta(days=90)
TABLE_NAMES = {
    TableKind.operational: "operationele tafel",
    TableKind.strategic: "strategische tafel",
}


def hash_feed_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def entry(meeting: Meeting, cell_name: str) -> CalendarEntry:
    return CalendarEntry(
        uid=f"{meeting.id}@tafel",
        summary=f"{cell_name} – {TABLE_NAMES[meeting.table]}",
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        location=meeting.place or meeting.online_link,
        cancelled=meeting.status is MeetingStatus.cancelled,
        updated_at=meeting.closed_at or meeting.opened_at or meeting.created_at,
    )


async def cell_calendar(
    uow: UnitOfWork,
    clock: Clock,
    renderer: CalendarRenderer,
    claims: TokenClaims,
    cell_id: uuid.UUID,
) -> bytes:
    """The cell's meetings for the coming months (and the last one) as iCalendar."""
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        if principal.client is not None:
            if principal.client.cell_id != cell_id:
                raise NotFound()
            require_scope(principal, Scope.meetings_read)
            tables = set(TableKind)
        else:
            roles = principal.roles_in(cell_id)
            tables = {table for table, members in MEMBER_OF.items() if roles & members}
            if not tables:
                raise NotFound()
        cell = await uow.cells.get(cell_id, seen=principal.cell_revisions.get(cell_id))
        if cell is None:
            raise NotFound()
        meetings = await uow.meetings.for_cell(cell_id, now - HORIZON, now + 4 * HORIZON)
    entries = [entry(m, cell.name) for m in meetings if m.table in tables]
    return renderer.render(cell.name, entries)


async def create_feed(uow: UnitOfWork, clock: Clock, claims: TokenClaims) -> str:
    """A new personal feed token (the previous one stops working). Shown once."""
    now = clock.now()
    token = secrets.token_urlsafe(32)
    async with uow:
        principal = await load_principal(uow, claims, now)
        await uow.meetings.remove_feeds(principal.user_id)
        await uow.meetings.add_feed(hash_feed_token(token), principal.user_id, now)
        await uow.commit()
    return token


async def feed_created(uow: UnitOfWork, clock: Clock, claims: TokenClaims) -> datetime:
    """When my personal feed was made; the link itself is shown only once (it is stored hashed)."""
    async with uow:
        principal = await load_principal(uow, claims, clock.now())
        created = await uow.meetings.feed_created(principal.user_id)
    if created is None:
        raise NotFound()
    return created


async def remove_feed(uow: UnitOfWork, clock: Clock, claims: TokenClaims) -> None:
    async with uow:
        principal = await load_principal(uow, claims, clock.now())
        await uow.meetings.remove_feeds(principal.user_id)
        await uow.commit()


async def personal_calendar(
    uow: UnitOfWork, clock: Clock, renderer: CalendarRenderer, token: str
) -> bytes:
    """The meetings a member is invited to, over every cell where the member still sits."""
    now = clock.now()
    async with uow:
        owner = await uow.meetings.feed_owner(hash_feed_token(token))
        user = await uow.users.get(owner) if owner else None
        if user is None or not user.is_active:
            raise NotFound()
        roles = await uow.memberships.cell_roles(user.id)
        meetings = await uow.meetings.for_user(user.id, now - HORIZON)
        names = {cell.id: cell.name for cell in await uow.cells.list(set(roles))}
    entries = [
        entry(m, names[m.cell_id])
        for m in meetings
        if m.cell_id in names and roles.get(m.cell_id, set()) & MEMBER_OF[m.table]
    ]
    return renderer.render("Tafel", entries)
