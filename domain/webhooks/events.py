"""The events a webhook can subscribe to, and the only facts their payloads may carry.

A payload is built from typed facts, never from a free-form dict, so no case code, name or free
text can slip into a message that leaves Tafel (R-PRIV-1): meetings are named by their random id,
table kind, times and place; cadence by its mode and due time; meeting requests by their id.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from domain.cells.vocabulary import TableKind
from domain.meetings.cadence import CadenceMode


class EventType(StrEnum):
    """Event names, as in `events` and the `Tafel-Event` header. Every payload has `id` (the
    event), `type`, `occurredAt` and `cell`; `meetingPlanned`, `meetingUpdated` and
    `meetingCancelled` add `meeting` (`id`, `tableKind`, `startsAt`, `endsAt`, `place`);
    `cadenceOverdue` adds `cadence` (`tableKind`, `mode`, `dueAt`); `meetingRequested` adds
    `meetingRequest` (`id`). No case code, no name, no free text."""

    meeting_planned = "meetingPlanned"
    meeting_updated = "meetingUpdated"
    meeting_cancelled = "meetingCancelled"
    cadence_overdue = "cadenceOverdue"
    meeting_requested = "meetingRequested"


MEETING_EVENTS = frozenset(
    {EventType.meeting_planned, EventType.meeting_updated, EventType.meeting_cancelled}
)


@dataclass(frozen=True, slots=True)
class MeetingFacts:
    """What a calendar needs to know about a meeting — and nothing about its agenda."""

    id: uuid.UUID
    table_kind: TableKind
    starts_at: datetime
    ends_at: datetime
    place: str


@dataclass(frozen=True, slots=True)
class CadenceFacts:
    """Where a table stands with its cadence (R-CAD-2 … R-CAD-4)."""

    mode: CadenceMode
    due_at: datetime | None
    table_kind: TableKind = TableKind.operational


@dataclass(frozen=True, slots=True)
class WebhookEvent:
    """One event of one cell. `meeting`, `cadence` or `meeting_request_id` must be given as the
    type requires; the event id is shared by every delivery of the event."""

    type: EventType
    cell_id: uuid.UUID
    occurred_at: datetime
    meeting: MeetingFacts | None = None
    cadence: CadenceFacts | None = None
    meeting_request_id: uuid.UUID | None = None
    id: uuid.UUID = field(default_factory=uuid.uuid4)

    def __post_init__(self) -> None:
        # Publishing is called by use cases, not by users: a missing fact is a bug upstream.
        if self.type in MEETING_EVENTS and self.meeting is None:
            raise ValueError(f"{self.type} needs the meeting's facts")
        if self.type is EventType.cadence_overdue and self.cadence is None:
            raise ValueError("cadenceOverdue needs the cadence facts")
        if self.type is EventType.meeting_requested and self.meeting_request_id is None:
            raise ValueError("meetingRequested needs the meeting request id")

    def payload(self) -> dict[str, object]:
        """The JSON document sent to receivers (lowerCamelCase, absent rather than null)."""
        document: dict[str, object] = {
            "id": str(self.id),
            "type": self.type.value,
            "occurredAt": instant(self.occurred_at),
            "cell": str(self.cell_id),
        }
        if self.meeting is not None:
            document["meeting"] = {
                "id": str(self.meeting.id),
                "tableKind": self.meeting.table_kind.value,
                "startsAt": instant(self.meeting.starts_at),
                "endsAt": instant(self.meeting.ends_at),
                "place": self.meeting.place,
            }
        if self.cadence is not None:
            cadence: dict[str, object] = {
                "tableKind": self.cadence.table_kind.value,
                "mode": self.cadence.mode.value,
            }
            if self.cadence.due_at is not None:
                cadence["dueAt"] = instant(self.cadence.due_at)
            document["cadence"] = cadence
        if self.meeting_request_id is not None:
            document["meetingRequest"] = {"id": str(self.meeting_request_id)}
        return document

    def body(self) -> str:
        """The payload as compact JSON: the exact text that is stored, signed and sent."""
        return json.dumps(self.payload(), separators=(",", ":"), ensure_ascii=False)


def instant(moment: datetime) -> str:
    """RFC 3339 in UTC with `Z`, seconds precision (Belgif and NL GOV date-time rules)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
