"""Bodies of the meetings API."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import AwareDatetime, Field

from api.schemas import ApiModel
from domain.cases.lifecycle import WeighingDecision
from domain.cells.vocabulary import TableKind
from domain.meetings.cadence import CadenceMode
from domain.meetings.model import (
    AgendaPurpose,
    MeetingStatus,
    MinutesKind,
    RequestOrigin,
    RequestStatus,
)
from domain.meetings.planning import MeetingView
from domain.meetings.session import Decision


class CadenceRead(ApiModel):
    """R-CAD-1 … R-CAD-4: the rhythm the operational table must keep, explained."""

    mode: CadenceMode
    next_due: datetime | None = None
    overdue: bool
    days_overdue: int
    constitutive_meeting_held: bool
    explanation: str = Field(description="A code (e.g. weeklyBecauseProblematic)")
    explanation_text: str = Field(description="The explanation in the caller's language")
    open_cases: int
    problematic_cases: int


class AgendaItemBody(ApiModel):
    purpose: AgendaPurpose
    case: uuid.UUID | None = Field(
        default=None, description="For admission, weighing, evaluation, feedbackForm"
    )
    title: str | None = Field(default=None, max_length=300, description="For a general item")
    invitees: list[uuid.UUID] = Field(
        default_factory=list, max_length=50, description="Invited for this item only"
    )


class MeetingCreate(ApiModel):
    table: TableKind
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    place: str = Field(default="", max_length=200)
    online_link: str = Field(default="", max_length=500)
    invitees: list[uuid.UUID] = Field(default_factory=list, max_length=100)
    agenda: list[AgendaItemBody] = Field(default_factory=list, max_length=50)


class MeetingReplan(ApiModel):
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    place: str = Field(default="", max_length=200)
    online_link: str = Field(default="", max_length=500)
    invitees: list[uuid.UUID] = Field(default_factory=list, max_length=100)
    agenda: list[AgendaItemBody] = Field(default_factory=list, max_length=50)


class MeetingStatusChange(ApiModel):
    status: MeetingStatus = Field(description="inSession (open), held (close) or cancelled")


class AgendaItemRead(ApiModel):
    id: uuid.UUID
    position: int
    purpose: AgendaPurpose
    case: uuid.UUID | None = None
    case_code: str | None = None
    title: str | None = None
    invitees: list[uuid.UUID]


class PersonRead(ApiModel):
    user: uuid.UUID
    display_name: str


class AttendanceRead(ApiModel):
    user: uuid.UUID
    display_name: str
    present: bool
    acknowledged: bool


class MeetingRead(ApiModel):
    id: uuid.UUID
    cell: uuid.UUID
    table: TableKind
    starts_at: datetime
    ends_at: datetime
    place: str
    online_link: str
    status: MeetingStatus
    invitees: list[PersonRead]
    agenda: list[AgendaItemRead]
    attendance: list[AttendanceRead]


class MeetingList(ApiModel):
    items: list[MeetingRead]
    total: int


class AttendanceUpdate(ApiModel):
    present: list[uuid.UUID] = Field(default_factory=list, max_length=100)
    absent: list[uuid.UUID] = Field(default_factory=list, max_length=100)


class WeighingBody(ApiModel):
    threat_not_particularly_high: bool
    willing_to_cooperate: bool
    no_heavy_milieu_contacts: bool
    decision: WeighingDecision


class DecisionCreate(ApiModel):
    agenda_item: uuid.UUID
    decision: Decision
    note: str | None = Field(default=None, max_length=2000)
    weighing: WeighingBody | None = Field(default=None, description="Required for `weigh`")


class MinutesActionCreate(ApiModel):
    text: str = Field(min_length=1, max_length=1000)
    owner: uuid.UUID | None = Field(default=None, description="The organisation that carries it")
    deadline: date | None = None
    agenda_item: uuid.UUID | None = None


class MinutesEntryRead(ApiModel):
    id: uuid.UUID
    kind: MinutesKind
    decision: str | None = Field(
        default=None,
        description="A `Decision` code; a weighing carries its outcome after a colon "
        "(`weigh:retained`, `weigh:notRetained`, `weigh:referred`)",
    )
    text: str
    agenda_item: uuid.UUID | None = None
    case: uuid.UUID | None = None
    owner: uuid.UUID | None = None
    deadline: date | None = None
    recorded_at: datetime


class MinutesRead(ApiModel):
    """Decisions, actions, owners and deadlines only; released to those present (R-PRIV-4)."""

    meeting: uuid.UUID
    entries: list[MinutesEntryRead]


class RequestCreate(ApiModel):
    reason: str = Field(min_length=1, max_length=1000)


class RequestAnswer(ApiModel):
    status: RequestStatus
    answer: str | None = Field(default=None, max_length=1000)
    meeting: uuid.UUID | None = None


class RequestRead(ApiModel):
    id: uuid.UUID
    origin: RequestOrigin
    status: RequestStatus
    created_at: datetime
    requested_by: uuid.UUID | None = Field(default=None, description="Absent when a case asked")
    requested_by_name: str | None = None
    reason: str | None = None
    case: uuid.UUID | None = None
    case_code: str | None = None
    purpose: AgendaPurpose | None = None
    answer: str | None = None
    meeting: uuid.UUID | None = None


class RequestList(ApiModel):
    items: list[RequestRead]
    total: int


class CalendarFeed(ApiModel):
    url: str = Field(
        description="Your personal feed (keep it private; creating a new one revokes it)"
    )


def to_meeting(view: MeetingView) -> MeetingRead:
    meeting = view.meeting
    return MeetingRead(
        id=meeting.id,
        cell=meeting.cell_id,
        table=meeting.table,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        place=meeting.place,
        online_link=meeting.online_link,
        status=meeting.status,
        invitees=[
            PersonRead(user=u, display_name=view.people.get(u, ""))
            for u in sorted(meeting.invitees, key=str)
        ],
        agenda=[
            AgendaItemRead(
                id=item.id,
                position=item.position,
                purpose=item.purpose,
                case=item.case_id,
                case_code=view.case_codes.get(item.case_id) if item.case_id else None,
                title=item.title,
                invitees=sorted(item.invitees, key=str),
            )
            for item in meeting.agenda
        ],
        attendance=[
            AttendanceRead(
                user=record.user_id,
                display_name=view.people.get(record.user_id, ""),
                present=record.present,
                acknowledged=record.acknowledged_at is not None,
            )
            for record in meeting.attendance.values()
        ],
    )


class CalendarFeedStatus(ApiModel):
    created_at: datetime
