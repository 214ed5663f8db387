"""Meetings on SQLAlchemy."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    CompoundSelect,
    bindparam,
    delete,
    func,
    literal_column,
    or_,
    select,
    union_all,
)
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sqlalchemy.rows.cases import CaseRow
from adapters.sqlalchemy.rows.meetings import (
    AgendaItemInviteeRow,
    AgendaItemRow,
    AttendanceRow,
    CalendarFeedRow,
    MeetingInviteeRow,
    MeetingRequestRow,
    MeetingRow,
    MinutesEntryRow,
    ReminderRow,
)
from adapters.sqlalchemy.types import UtcDateTime, aware, inline, joined_children, split_ids
from domain.cases.lifecycle import CaseStatus
from domain.cases.ports import OpenCases
from domain.cells.vocabulary import TableKind
from domain.meetings.model import (
    AgendaItem,
    AgendaPurpose,
    Attendance,
    Meeting,
    MeetingRequest,
    MeetingStatus,
    MinutesEntry,
    MinutesKind,
    RequestOrigin,
    RequestStatus,
)
from domain.meetings.ports import MeetingRepository, Rhythm


def _meeting(row: MeetingRow) -> Meeting:
    return Meeting(
        id=row.id,
        cell_id=row.cell_id,
        table=TableKind(row.table_kind),
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        created_by=row.created_by,
        created_at=row.created_at,
        place=row.place,
        online_link=row.online_link,
        status=MeetingStatus(row.status),
        opened_at=row.opened_at,
        closed_at=row.closed_at,
    )


def _request(row: MeetingRequestRow) -> MeetingRequest:
    return MeetingRequest(
        id=row.id,
        cell_id=row.cell_id,
        origin=RequestOrigin(row.origin),
        created_at=row.created_at,
        requested_by=row.requested_by,
        reason=row.reason,
        case_id=row.case_id,
        purpose=AgendaPurpose(row.purpose) if row.purpose else None,
        status=RequestStatus(row.status),
        answered_by=row.answered_by,
        answered_at=row.answered_at,
        answer=row.answer,
        meeting_id=row.meeting_id,
    )


# A table's rhythm, read on every cadence and statistics in one statement (built once): the
# cell's open cases (counts and two moments), the table's first and last held meeting, and the
# start of each meeting held since a moment, as rows of one shape told apart by `kind`. The
# table and the status are written in (see `inline`): one plan, reused.
_OPEN = (CaseRow.cell_id == bindparam("cell_id"), CaseRow.status != str(CaseStatus.closed))
_PROBLEMATIC = CaseRow.problematic.is_(True)
_HELD = (
    MeetingRow.cell_id == bindparam("cell_id"),
    MeetingRow.table_kind == inline("table"),
    MeetingRow.status == inline("held", str(MeetingStatus.held)),
)
RHYTHM: CompoundSelect[Any] = union_all(
    select(
        literal_column("'cases'").label("kind"),
        func.min(CaseRow.created_at).label("first"),
        func.min(func.coalesce(CaseRow.problematic_since, CaseRow.created_at))
        .filter(_PROBLEMATIC)
        .label("last"),
        func.count().label("total"),
        func.count().filter(_PROBLEMATIC).label("problematic"),
    ).where(*_OPEN),
    select(
        literal_column("'held'"),
        func.min(MeetingRow.starts_at),
        func.max(MeetingRow.starts_at),
        func.count(),
        literal_column("0"),
    ).where(*_HELD),
    select(
        literal_column("'since'"),
        MeetingRow.starts_at,
        MeetingRow.starts_at,
        literal_column("1"),
        literal_column("0"),
    ).where(*_HELD, MeetingRow.starts_at >= bindparam("since", type_=UtcDateTime)),
)


# A meeting page (its agenda, invitees, attendance and minutes) is read on every agenda view:
# built once, read as plain rows (building a select, or mapping rows into the identity map, cost
# more than running it).
_IDS: BindParameter[list[uuid.UUID]] = bindparam("ids", expanding=True)
# A meeting with its invitees, and each agenda item with its own, as joined lists: two
# statements fewer on every meeting page.
_INVITEE_LIST = joined_children(
    MeetingInviteeRow.user_id, MeetingInviteeRow.meeting_id == MeetingRow.id
)
_ITEM_INVITEE_LIST = joined_children(
    AgendaItemInviteeRow.user_id, AgendaItemInviteeRow.agenda_item_id == AgendaItemRow.id
)
MEETING = select(MeetingRow, _INVITEE_LIST).where(MeetingRow.id == bindparam("meeting_id"))
MEETING_FOR_UPDATE = MEETING.with_for_update(of=MeetingRow)
MINUTES = (
    select(*MinutesEntryRow.__table__.columns)
    .where(MinutesEntryRow.meeting_id == bindparam("meeting_id"))
    .order_by(MinutesEntryRow.recorded_at)
)
INVITEES = select(MeetingInviteeRow.meeting_id, MeetingInviteeRow.user_id).where(
    MeetingInviteeRow.meeting_id.in_(_IDS)
)
ITEMS = (
    select(
        AgendaItemRow.id,
        AgendaItemRow.meeting_id,
        AgendaItemRow.position,
        AgendaItemRow.purpose,
        AgendaItemRow.case_id,
        AgendaItemRow.title,
        _ITEM_INVITEE_LIST.label("invitees"),
    )
    .where(AgendaItemRow.meeting_id.in_(_IDS))
    .order_by(AgendaItemRow.position)
)
ATTENDANCE = select(*AttendanceRow.__table__.columns).where(AttendanceRow.meeting_id.in_(_IDS))


class SqlAlchemyMeetingRepository(MeetingRepository):
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, meeting_id: uuid.UUID, *, for_update: bool = False) -> Meeting | None:
        statement = MEETING_FOR_UPDATE if for_update else MEETING
        found = (await self.session.execute(statement, {"meeting_id": meeting_id})).first()
        if found is None:
            return None
        row, invitees = found
        meeting = (await self._hydrate([row], {row.id: split_ids(invitees)}))[0]
        minutes = await self.session.execute(MINUTES, {"meeting_id": meeting_id})
        meeting.minutes = [
            MinutesEntry(
                id=m.id,
                kind=MinutesKind(m.kind),
                text=m.text,
                recorded_by=m.recorded_by,
                recorded_at=m.recorded_at,
                agenda_item_id=m.agenda_item_id,
                case_id=m.case_id,
                owner_organisation_id=m.owner_organisation_id,
                deadline=m.deadline,
                decision=m.decision,
            )
            for m in minutes
        ]
        return meeting

    async def _hydrate(
        self,
        rows: Sequence[MeetingRow],
        invitees: dict[uuid.UUID, frozenset[uuid.UUID]] | None = None,
    ) -> list[Meeting]:
        """Meetings with their agenda, invitees and attendance; `invitees` when they were read
        with the rows already."""
        meetings = {row.id: _meeting(row) for row in rows}
        ids = list(meetings)
        if not ids:
            return []
        if invitees is None:
            for meeting_id, user_id in await self.session.execute(INVITEES, {"ids": ids}):
                meetings[meeting_id].invitees.add(user_id)
        else:
            for meeting_id, users in invitees.items():
                meetings[meeting_id].invitees.update(users)
        for item in await self.session.execute(ITEMS, {"ids": ids}):
            agenda_item = AgendaItem(
                item.id, item.position, AgendaPurpose(item.purpose), item.case_id, item.title
            )
            agenda_item.invitees.update(split_ids(item.invitees))
            meetings[item.meeting_id].agenda.append(agenda_item)
        for record in await self.session.execute(ATTENDANCE, {"ids": ids}):
            meetings[record.meeting_id].attendance[record.user_id] = Attendance(
                record.user_id, record.present, record.recorded_at, record.acknowledged_at
            )
        return [meetings[row.id] for row in rows]

    async def add(self, meeting: Meeting) -> None:
        row = MeetingRow(
            id=meeting.id,
            cell_id=meeting.cell_id,
            table_kind=str(meeting.table),
            created_by=meeting.created_by,
            created_at=meeting.created_at,
        )
        self._apply(row, meeting)
        self.session.add(row)
        await self.session.flush()
        await self.save(meeting)

    @staticmethod
    def _apply(row: MeetingRow, meeting: Meeting) -> None:
        row.starts_at, row.ends_at = meeting.starts_at, meeting.ends_at
        row.place, row.online_link = meeting.place, meeting.online_link
        row.status = str(meeting.status)
        row.opened_at, row.closed_at = meeting.opened_at, meeting.closed_at

    async def save(self, meeting: Meeting) -> None:
        row = await self.session.get(MeetingRow, meeting.id)
        if row is None:
            raise LookupError(meeting.id)
        self._apply(row, meeting)
        await self.session.flush()
        await self.session.execute(
            delete(MeetingInviteeRow).where(MeetingInviteeRow.meeting_id == meeting.id)
        )
        self.session.add_all(
            MeetingInviteeRow(meeting_id=meeting.id, user_id=u)
            for u in sorted(meeting.invitees, key=str)
        )
        stored = select(AgendaItemRow.id).where(AgendaItemRow.meeting_id == meeting.id)
        current = {item.id for item in meeting.agenda}
        await self.session.execute(
            delete(AgendaItemInviteeRow).where(AgendaItemInviteeRow.agenda_item_id.in_(stored))
        )
        await self.session.execute(
            delete(AgendaItemRow).where(
                AgendaItemRow.meeting_id == meeting.id,
                AgendaItemRow.id.not_in(list(current) or [uuid.uuid4()]),
            )
        )
        await self.session.flush()
        for item in meeting.agenda:
            existing = await self.session.get(AgendaItemRow, item.id)
            if existing is None:
                existing = AgendaItemRow(id=item.id, meeting_id=meeting.id)
                self.session.add(existing)
            existing.position, existing.purpose = item.position, str(item.purpose)
            existing.case_id, existing.title = item.case_id, item.title
        await self.session.flush()
        self.session.add_all(
            AgendaItemInviteeRow(agenda_item_id=item.id, user_id=user)
            for item in meeting.agenda
            for user in sorted(item.invitees, key=str)
        )
        await self.session.execute(
            delete(AttendanceRow).where(AttendanceRow.meeting_id == meeting.id)
        )
        self.session.add_all(
            AttendanceRow(
                meeting_id=meeting.id,
                user_id=r.user_id,
                present=r.present,
                recorded_at=r.recorded_at,
                acknowledged_at=r.acknowledged_at,
            )
            for r in meeting.attendance.values()
        )
        await self.session.flush()

    async def add_minutes(self, meeting_id: uuid.UUID, entry: MinutesEntry) -> None:
        self.session.add(
            MinutesEntryRow(
                id=entry.id,
                meeting_id=meeting_id,
                agenda_item_id=entry.agenda_item_id,
                case_id=entry.case_id,
                kind=str(entry.kind),
                decision=entry.decision,
                text=entry.text,
                owner_organisation_id=entry.owner_organisation_id,
                deadline=entry.deadline,
                recorded_by=entry.recorded_by,
                recorded_at=entry.recorded_at,
            )
        )
        await self.session.flush()

    async def for_cell(
        self, cell_id: uuid.UUID, since: datetime | None, until: datetime | None
    ) -> list[Meeting]:
        conditions: list[ColumnElement[bool]] = [MeetingRow.cell_id == cell_id]
        if since is not None:
            conditions.append(MeetingRow.starts_at >= since)
        if until is not None:
            conditions.append(MeetingRow.starts_at < until)
        rows = (
            await self.session.scalars(
                select(MeetingRow).where(*conditions).order_by(MeetingRow.starts_at)
            )
        ).all()
        return await self._hydrate(rows)

    async def for_user(self, user_id: uuid.UUID, since: datetime) -> list[Meeting]:
        invited = select(MeetingInviteeRow.meeting_id).where(MeetingInviteeRow.user_id == user_id)
        by_item = (
            select(AgendaItemRow.meeting_id)
            .join(AgendaItemInviteeRow, AgendaItemInviteeRow.agenda_item_id == AgendaItemRow.id)
            .where(AgendaItemInviteeRow.user_id == user_id)
        )
        rows = (
            await self.session.scalars(
                select(MeetingRow)
                .where(
                    or_(MeetingRow.id.in_(invited), MeetingRow.id.in_(by_item)),
                    MeetingRow.starts_at >= since,
                )
                .order_by(MeetingRow.starts_at)
            )
        ).all()
        return await self._hydrate(rows)

    async def rhythm(
        self, cell_id: uuid.UUID, table: TableKind, held_since: datetime | None
    ) -> Rhythm:
        # No moment, no start times: `starts_at >= NULL` holds for no meeting.
        given = {"cell_id": cell_id, "table": str(table), "since": held_since}
        rows = (await self.session.execute(RHYTHM, given)).all()
        cases = next(row for row in rows if row.kind == "cases")
        held = next(row for row in rows if row.kind == "held")
        open_cases = OpenCases(
            int(cases.total), int(cases.problematic), aware(cases.first), aware(cases.last)
        )
        since = sorted(
            moment for row in rows if row.kind == "since" if (moment := aware(row.first))
        )
        return Rhythm(open_cases, aware(held.first), aware(held.last), tuple(since))

    async def starts(self, meeting_ids: Collection[uuid.UUID]) -> dict[uuid.UUID, datetime]:
        if not meeting_ids:
            return {}
        rows = await self.session.execute(
            select(MeetingRow.id, MeetingRow.starts_at).where(MeetingRow.id.in_(list(meeting_ids)))
        )
        return dict(rows.all())

    async def add_request(self, request: MeetingRequest) -> None:
        row = MeetingRequestRow(
            id=request.id,
            cell_id=request.cell_id,
            origin=str(request.origin),
            created_at=request.created_at,
        )
        self._apply_request(row, request)
        self.session.add(row)
        await self.session.flush()

    async def save_request(self, request: MeetingRequest) -> None:
        row = await self.session.get(MeetingRequestRow, request.id)
        if row is None:
            raise LookupError(request.id)
        self._apply_request(row, request)
        await self.session.flush()

    @staticmethod
    def _apply_request(row: MeetingRequestRow, request: MeetingRequest) -> None:
        row.requested_by, row.reason = request.requested_by, request.reason
        row.case_id = request.case_id
        row.purpose = str(request.purpose) if request.purpose else None
        row.status = str(request.status)
        row.answered_by, row.answered_at, row.answer = (
            request.answered_by,
            request.answered_at,
            request.answer,
        )
        row.meeting_id = request.meeting_id

    async def get_request(self, request_id: uuid.UUID) -> MeetingRequest | None:
        row = await self.session.get(MeetingRequestRow, request_id)
        return _request(row) if row else None

    async def requests(
        self, cell_id: uuid.UUID, status: RequestStatus | None
    ) -> list[MeetingRequest]:
        conditions: list[ColumnElement[bool]] = [MeetingRequestRow.cell_id == cell_id]
        if status is not None:
            conditions.append(MeetingRequestRow.status == str(status))
        rows = await self.session.scalars(
            select(MeetingRequestRow)
            .where(*conditions)
            .order_by(MeetingRequestRow.created_at.desc())
        )
        return [_request(row) for row in rows]

    async def open_request_for(self, case_id: uuid.UUID, purpose: str) -> MeetingRequest | None:
        row = await self.session.scalar(
            select(MeetingRequestRow).where(
                MeetingRequestRow.case_id == case_id,
                MeetingRequestRow.purpose == purpose,
                MeetingRequestRow.status == str(RequestStatus.open),
            )
        )
        return _request(row) if row else None

    async def add_feed(self, token_hash: str, user_id: uuid.UUID, at: datetime) -> None:
        self.session.add(CalendarFeedRow(token_hash=token_hash, user_id=user_id, created_at=at))
        await self.session.flush()

    async def remove_feeds(self, user_id: uuid.UUID) -> None:
        await self.session.execute(
            delete(CalendarFeedRow).where(CalendarFeedRow.user_id == user_id)
        )

    async def feed_owner(self, token_hash: str) -> uuid.UUID | None:
        row = await self.session.get(CalendarFeedRow, token_hash)
        return row.user_id if row else None

    async def feed_created(self, user_id: uuid.UUID) -> datetime | None:
        return await self.session.scalar(
            select(func.max(CalendarFeedRow.created_at)).where(CalendarFeedRow.user_id == user_id)
        )

    async def claim_reminder(self, key: str, at: datetime) -> bool:
        # RETURNING tells whether this transaction inserted the key: rowcount is not reliable for
        # INSERT … ON CONFLICT on every driver (psycopg reports -1 here).
        dialect = self.session.get_bind().dialect.name
        insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
        statement = (
            insert(ReminderRow)
            .values(key=key, sent_at=at)
            .on_conflict_do_nothing(index_elements=[ReminderRow.key])
            .returning(ReminderRow.key)
        )
        return (await self.session.execute(statement)).scalar_one_or_none() is not None
