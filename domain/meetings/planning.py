"""Planning meetings: time and place, invitations per meeting and per agenda item (R-TAB-2), and
an agenda that never brings a case to the strategic table (R-TAB-3)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from domain.audit.model import AuditRecord
from domain.cases.access import is_participant, organisations_of
from domain.cells.model import Cell
from domain.cells.vocabulary import TableKind
from domain.identity.principal import CellRole, Principal, load_principal
from domain.identity.tokens import TokenClaims
from domain.meetings.errors import (
    ChairRunsTheMeeting,
    InviteeNotAtTable,
    MeetingNotPlanned,
    NoCasesAtStrategicTable,
)
from domain.meetings.model import AgendaItem, AgendaPurpose, Meeting, MeetingStatus
from domain.privacy.guard import PrivacyGuard
from domain.shared.clock import Clock
from domain.shared.errors import InputIssue, InvalidInput, NotFound
from domain.unit_of_work import UnitOfWork
from domain.webhooks.events import EventType, MeetingFacts, WebhookEvent

CHAIR_OF = {
    TableKind.operational: CellRole.operational_chair,
    TableKind.strategic: CellRole.strategic_chair,
}
MEMBER_OF = {
    TableKind.operational: frozenset({CellRole.operational_chair, CellRole.operational_member}),
    TableKind.strategic: frozenset({CellRole.strategic_chair, CellRole.strategic_member}),
}


@dataclass(frozen=True, slots=True)
class ItemDraft:
    purpose: AgendaPurpose
    case_id: uuid.UUID | None = None
    title: str | None = None
    invitees: frozenset[uuid.UUID] = frozenset()


@dataclass(frozen=True, slots=True)
class MeetingDraft:
    table: TableKind
    starts_at: datetime
    ends_at: datetime
    place: str = ""
    online_link: str = ""
    invitees: frozenset[uuid.UUID] = frozenset()
    agenda: tuple[ItemDraft, ...] = ()


def audit(meeting: Meeting, principal: Principal, action: str) -> AuditRecord:
    return AuditRecord(str(meeting.cell_id), principal.actor, action, "meeting", str(meeting.id))


async def announce(uow: UnitOfWork, meeting: Meeting, kind: EventType, now: datetime) -> None:
    """Tell the cell's webhooks (calendars of municipal systems): table, times, place only."""
    facts = MeetingFacts(
        meeting.id, meeting.table, meeting.starts_at, meeting.ends_at, meeting.place
    )
    await uow.webhooks.publish(WebhookEvent(kind, meeting.cell_id, now, meeting=facts))


def require_chair_of(principal: Principal, cell_id: uuid.UUID, table: TableKind) -> None:
    if CHAIR_OF[table] not in principal.roles_in(cell_id):
        raise ChairRunsTheMeeting()


def seated_users(cell: Cell, table: TableKind) -> frozenset[uuid.UUID]:
    seated = cell.table(table)
    return frozenset(m.user_id for m in seated.active_members()) if seated else frozenset()


async def check_agenda(
    uow: UnitOfWork,
    principal: Principal,
    cell: Cell,
    table: TableKind,
    items: tuple[ItemDraft, ...],
) -> None:
    """R-TAB-3: no case at the strategic table. R-TAB-2: an item's own invitees are members of the
    operational table whose organisation takes part in that case."""
    members = seated_users(cell, TableKind.operational)
    for index, item in enumerate(items):
        if table is TableKind.strategic and (
            item.case_id is not None or item.purpose is not AgendaPurpose.general
        ):
            raise NoCasesAtStrategicTable()
        if item.purpose is AgendaPurpose.general:
            if item.case_id is not None or not (item.title or "").strip():
                raise InvalidInput([InputIssue(f"agenda[{index}].title", "requiredInput")])
            continue
        if item.case_id is None:
            raise InvalidInput([InputIssue(f"agenda[{index}].case", "requiredInput")])
        case = await uow.cases.get(item.case_id)
        if (
            case is None
            or case.cell_id != cell.id
            or case.purged_at is not None
            or not is_participant(principal, case, cell)
        ):
            raise InvalidInput([InputIssue(f"agenda[{index}].case", "referencedResourceNotFound")])
        for user in item.invitees:
            if user not in members or not organisations_of(cell, user) & case.participants:
                raise InviteeNotAtTable()


def agenda_from(drafts: tuple[ItemDraft, ...]) -> list[AgendaItem]:
    return [
        AgendaItem(
            uuid.uuid4(),
            position,
            d.purpose,
            d.case_id,
            (d.title or "").strip() or None,
            set(d.invitees),
        )
        for position, d in enumerate(drafts, start=1)
    ]


def check_times(draft: MeetingDraft) -> None:
    if draft.ends_at <= draft.starts_at:
        raise InvalidInput([InputIssue("endsAt", "endBeforeStart")])
    if not draft.place.strip() and not draft.online_link.strip():
        raise InvalidInput([InputIssue("place", "placeOrLinkRequired")])


async def plan_meeting(
    uow: UnitOfWork,
    clock: Clock,
    guard: PrivacyGuard,
    claims: TokenClaims,
    cell_id: uuid.UUID,
    draft: MeetingDraft,
) -> Meeting:
    """The chair of a table plans its meeting and invites from its members (R-TAB-2)."""
    check_times(draft)
    guard.check(
        {f"agenda[{i}].title": item.title for i, item in enumerate(draft.agenda)}
        | {"place": draft.place}
    )
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        if not principal.roles_in(cell_id) & MEMBER_OF[draft.table]:
            raise NotFound()
        require_chair_of(principal, cell_id, draft.table)
        cell = await uow.cells.get(cell_id, seen=principal.cell_revisions.get(cell_id))
        if cell is None or not cell.is_active:
            raise NotFound()
        seated = seated_users(cell, draft.table)
        if not draft.invitees <= seated:
            raise InviteeNotAtTable()
        await check_agenda(uow, principal, cell, draft.table, draft.agenda)
        meeting = Meeting(
            id=uuid.uuid4(),
            cell_id=cell.id,
            table=draft.table,
            starts_at=draft.starts_at,
            ends_at=draft.ends_at,
            created_by=principal.user_id,
            created_at=now,
            place=draft.place.strip(),
            online_link=draft.online_link.strip(),
            invitees=set(draft.invitees) | {principal.user_id},
            agenda=agenda_from(draft.agenda),
        )
        await uow.meetings.add(meeting)
        await uow.audit.record(audit(meeting, principal, "meeting.plan"))
        await announce(uow, meeting, EventType.meeting_planned, now)
        await uow.commit()
    return meeting


async def replan_meeting(
    uow: UnitOfWork,
    clock: Clock,
    guard: PrivacyGuard,
    claims: TokenClaims,
    meeting_id: uuid.UUID,
    draft: MeetingDraft,
) -> Meeting:
    """Change time, place, invitations or agenda of a planned meeting."""
    check_times(draft)
    guard.check(
        {f"agenda[{i}].title": item.title for i, item in enumerate(draft.agenda)}
        | {"place": draft.place}
    )
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        meeting = await visible_meeting(uow, principal, meeting_id, for_update=True)
        require_chair_of(principal, meeting.cell_id, meeting.table)
        if meeting.status is not MeetingStatus.planned:
            raise MeetingNotPlanned()
        cell = await uow.cells.get(
            meeting.cell_id, seen=principal.cell_revisions.get(meeting.cell_id)
        )
        if cell is None:
            raise NotFound()
        if not draft.invitees <= seated_users(cell, meeting.table):
            raise InviteeNotAtTable()
        await check_agenda(uow, principal, cell, meeting.table, draft.agenda)
        meeting.starts_at, meeting.ends_at = draft.starts_at, draft.ends_at
        meeting.place, meeting.online_link = draft.place.strip(), draft.online_link.strip()
        meeting.invitees = set(draft.invitees) | {principal.user_id}
        meeting.agenda = agenda_from(draft.agenda)
        await uow.meetings.save(meeting)
        await uow.audit.record(audit(meeting, principal, "meeting.replan"))
        await announce(uow, meeting, EventType.meeting_updated, now)
        await uow.commit()
    return meeting


async def visible_meeting(
    uow: UnitOfWork, principal: Principal, meeting_id: uuid.UUID, *, for_update: bool = False
) -> Meeting:
    """Members of the meeting's table see it; everyone else gets NotFound."""
    meeting = await uow.meetings.get(meeting_id, for_update=for_update)
    if meeting is None or not principal.roles_in(meeting.cell_id) & MEMBER_OF[meeting.table]:
        raise NotFound()
    return meeting


@dataclass(frozen=True, slots=True)
class MeetingView:
    """A meeting with the pseudonymous codes of the cases on its agenda and who is who."""

    meeting: Meeting
    case_codes: dict[uuid.UUID, str]
    people: dict[uuid.UUID, str]


async def get_meeting(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, meeting_id: uuid.UUID
) -> MeetingView:
    async with uow:
        principal = await load_principal(uow, claims, clock.now())
        meeting = await visible_meeting(uow, principal, meeting_id)
        return await view_of(uow, meeting)


async def view_of(uow: UnitOfWork, meeting: Meeting) -> MeetingView:
    return (await views_of(uow, [meeting]))[0]


async def views_of(uow: UnitOfWork, meetings: list[Meeting]) -> list[MeetingView]:
    """Names and case codes for many meetings in two queries, whatever their number."""
    cases = {i.case_id for m in meetings for i in m.agenda if i.case_id is not None}
    users: set[uuid.UUID] = set()
    for meeting in meetings:
        users |= set(meeting.invitees) | set(meeting.attendance)
        for item in meeting.agenda:
            users |= item.invitees
    codes = await uow.cases.codes(cases)
    people = await uow.users.display_names(users)
    return [MeetingView(meeting, codes, people) for meeting in meetings]


async def list_meetings(
    uow: UnitOfWork,
    clock: Clock,
    claims: TokenClaims,
    cell_id: uuid.UUID,
    since: datetime | None,
    until: datetime | None,
) -> list[MeetingView]:
    """The meetings of the tables the caller sits at."""
    async with uow:
        principal = await load_principal(uow, claims, clock.now())
        roles = principal.roles_in(cell_id)
        tables = {table for table, members in MEMBER_OF.items() if roles & members}
        if not tables:
            raise NotFound()
        meetings = await uow.meetings.for_cell(cell_id, since, until)
        return await views_of(uow, [m for m in meetings if m.table in tables])


async def cancel_meeting(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, meeting_id: uuid.UUID
) -> Meeting:
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        meeting = await visible_meeting(uow, principal, meeting_id, for_update=True)
        require_chair_of(principal, meeting.cell_id, meeting.table)
        if meeting.status is not MeetingStatus.planned:
            raise MeetingNotPlanned()
        meeting.status = MeetingStatus.cancelled
        await uow.meetings.save(meeting)
        await uow.audit.record(audit(meeting, principal, "meeting.cancel"))
        await announce(uow, meeting, EventType.meeting_cancelled, now)
        await uow.commit()
    return meeting
