"""Event payloads carry ids, table kinds, times, places and cadence facts — nothing else."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import pytest

from domain.cells.vocabulary import TableKind
from domain.meetings.cadence import CadenceMode
from domain.webhooks.events import CadenceFacts, EventType, MeetingFacts, WebhookEvent

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
CELL = uuid.uuid4()
MEETING = MeetingFacts(
    id=uuid.uuid4(),
    table_kind=TableKind.operational,
    starts_at=datetime(2026, 12, 8, 13, 0, tzinfo=UTC),
    ends_at=datetime(2026, 12, 8, 15, 0, tzinfo=UTC),
    place="Stadhuis, zaal 2",
)


def test_meeting_payload_shape() -> None:
    event = WebhookEvent(EventType.meeting_planned, CELL, NOW, meeting=MEETING)
    assert json.loads(event.body()) == {
        "id": str(event.id),
        "type": "meetingPlanned",
        "occurredAt": "2026-12-01T09:00:00Z",
        "cell": str(CELL),
        "meeting": {
            "id": str(MEETING.id),
            "tableKind": "operational",
            "startsAt": "2026-12-08T13:00:00Z",
            "endsAt": "2026-12-08T15:00:00Z",
            "place": "Stadhuis, zaal 2",
        },
    }


def test_cadence_and_request_payloads() -> None:
    overdue = WebhookEvent(
        EventType.cadence_overdue,
        CELL,
        NOW,
        cadence=CadenceFacts(CadenceMode.monthly, datetime(2026, 11, 30, tzinfo=UTC)),
    )
    assert overdue.payload()["cadence"] == {
        "tableKind": "operational",
        "mode": "monthly",
        "dueAt": "2026-11-30T00:00:00Z",
    }
    request = uuid.uuid4()
    requested = WebhookEvent(EventType.meeting_requested, CELL, NOW, meeting_request_id=request)
    assert requested.payload()["meetingRequest"] == {"id": str(request)}
    assert set(requested.payload()) == {"id", "type", "occurredAt", "cell", "meetingRequest"}


@pytest.mark.parametrize("kind", list(EventType))
def test_an_event_without_its_facts_is_a_bug(kind: EventType) -> None:
    with pytest.raises(ValueError, match="needs"):
        WebhookEvent(kind, CELL, NOW)
