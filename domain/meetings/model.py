"""Meetings of a table: invitations (R-TAB-2), agenda, attendance and its per-meeting
acknowledgement of secrecy (R-PRIV-4), decisions and minutes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from domain.cells.vocabulary import TableKind


class MeetingStatus(StrEnum):
    planned = "planned"
    in_session = "inSession"
    held = "held"
    cancelled = "cancelled"


class AgendaPurpose(StrEnum):
    """What a case is on the agenda for; `general` items carry no case (the only kind a strategic
    meeting may have, R-TAB-3)."""

    admission = "admission"
    weighing = "weighing"
    evaluation = "evaluation"
    feedback_form = "feedbackForm"
    general = "general"


class MinutesKind(StrEnum):
    decision = "decision"
    action = "action"


@dataclass
class AgendaItem:
    id: uuid.UUID
    position: int
    purpose: AgendaPurpose
    case_id: uuid.UUID | None = None
    title: str | None = None
    invitees: set[uuid.UUID] = field(default_factory=set)


@dataclass
class Attendance:
    """Recorded by the chair; `acknowledged_at` is the attendee's own confirmation of secrecy for
    this meeting (R-PRIV-4), asked before the session view opens."""

    user_id: uuid.UUID
    present: bool
    recorded_at: datetime
    acknowledged_at: datetime | None = None


@dataclass
class MinutesEntry:
    """Minutes hold decisions, actions, owners and deadlines only — no narrative (R-PRIV-1)."""

    id: uuid.UUID
    kind: MinutesKind
    text: str
    recorded_by: uuid.UUID
    recorded_at: datetime
    agenda_item_id: uuid.UUID | None = None
    case_id: uuid.UUID | None = None
    owner_organisation_id: uuid.UUID | None = None
    deadline: date | None = None
    decision: str | None = None


@dataclass
class Meeting:
    id: uuid.UUID
    cell_id: uuid.UUID
    table: TableKind
    starts_at: datetime
    ends_at: datetime
    created_by: uuid.UUID
    created_at: datetime
    place: str = ""
    online_link: str = ""
    status: MeetingStatus = MeetingStatus.planned
    invitees: set[uuid.UUID] = field(default_factory=set)
    agenda: list[AgendaItem] = field(default_factory=list)
    attendance: dict[uuid.UUID, Attendance] = field(default_factory=dict)
    minutes: list[MinutesEntry] = field(default_factory=list)
    opened_at: datetime | None = None
    closed_at: datetime | None = None

    @property
    def present(self) -> frozenset[uuid.UUID]:
        """The effectively participating members, as a feedback form's consensus reads (R-FB-2)."""
        return frozenset(user for user, record in self.attendance.items() if record.present)

    def item(self, item_id: uuid.UUID) -> AgendaItem | None:
        return next((item for item in self.agenda if item.id == item_id), None)

    def invited(self, user_id: uuid.UUID) -> bool:
        return user_id in self.invitees or any(user_id in item.invitees for item in self.agenda)


class RequestOrigin(StrEnum):
    member = "member"
    case = "case"


class RequestStatus(StrEnum):
    open = "open"
    accepted = "accepted"
    declined = "declined"


@dataclass
class MeetingRequest:
    """R-CAD-5: a member asks for a meeting, or a case that must be discussed raises one."""

    id: uuid.UUID
    cell_id: uuid.UUID
    origin: RequestOrigin
    created_at: datetime
    requested_by: uuid.UUID | None = None
    reason: str | None = None
    case_id: uuid.UUID | None = None
    purpose: AgendaPurpose | None = None
    status: RequestStatus = RequestStatus.open
    answered_by: uuid.UUID | None = None
    answered_at: datetime | None = None
    answer: str | None = None
    meeting_id: uuid.UUID | None = None
