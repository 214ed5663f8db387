"""What the meetings context needs from persistence and from a calendar renderer."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from domain.cases.ports import OpenCases
from domain.cells.vocabulary import TableKind
from domain.meetings.model import Meeting, MeetingRequest, MinutesEntry, RequestStatus


@dataclass(frozen=True, slots=True)
class Rhythm:
    """What a table's rhythm is computed from (R-CAD-1 … R-CAD-6), read together in one
    statement: the cell's open cases (counts and two moments, never the cases), when the table's
    first and last held meetings started, and when each held meeting since a moment started (the
    meetings per month of the statistics and of the evidence pack)."""

    open_cases: OpenCases
    first_held: datetime | None
    last_held: datetime | None
    held_since: tuple[datetime, ...] = ()


class MeetingRepository(Protocol):
    """Meetings with their invitations, agenda, attendance and minutes; requests; feeds."""

    async def get(self, meeting_id: uuid.UUID, *, for_update: bool = False) -> Meeting | None:
        """The meeting with everything it holds."""
        ...

    async def add(self, meeting: Meeting) -> None: ...

    async def save(self, meeting: Meeting) -> None:
        """Store the meeting's fields, invitations, agenda and attendance."""
        ...

    async def add_minutes(self, meeting_id: uuid.UUID, entry: MinutesEntry) -> None: ...

    async def for_cell(
        self, cell_id: uuid.UUID, since: datetime | None, until: datetime | None
    ) -> list[Meeting]:
        """The cell's meetings by start time (without minutes)."""
        ...

    async def for_user(self, user_id: uuid.UUID, since: datetime) -> list[Meeting]:
        """Meetings the user is invited to (any cell), from `since` on."""
        ...

    async def rhythm(
        self, cell_id: uuid.UUID, table: TableKind, held_since: datetime | None
    ) -> Rhythm:
        """The cell's open cases and the table's held meetings; `held_since` None asks for no
        start times."""
        ...

    async def starts(self, meeting_ids: Collection[uuid.UUID]) -> dict[uuid.UUID, datetime]:
        """When each of these meetings starts (missing ones left out)."""
        ...

    async def add_request(self, request: MeetingRequest) -> None: ...

    async def save_request(self, request: MeetingRequest) -> None: ...

    async def get_request(self, request_id: uuid.UUID) -> MeetingRequest | None: ...

    async def requests(
        self, cell_id: uuid.UUID, status: RequestStatus | None
    ) -> list[MeetingRequest]:
        """The cell's meeting requests, newest first."""
        ...

    async def open_request_for(self, case_id: uuid.UUID, purpose: str) -> MeetingRequest | None:
        """An open request of this case for this purpose (raised once, not twice)."""
        ...

    async def add_feed(self, token_hash: str, user_id: uuid.UUID, at: datetime) -> None: ...

    async def remove_feeds(self, user_id: uuid.UUID) -> None: ...

    async def feed_owner(self, token_hash: str) -> uuid.UUID | None: ...

    async def feed_created(self, user_id: uuid.UUID) -> datetime | None:
        """When the user's current personal feed was made (None: there is none)."""
        ...

    async def claim_reminder(self, key: str, at: datetime) -> bool:
        """Record that a reminder is being sent; False when it was already (idempotence)."""
        ...


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """What a calendar shows of a meeting: table, time and place — never case codes."""

    uid: str
    summary: str
    starts_at: datetime
    ends_at: datetime
    location: str
    cancelled: bool
    updated_at: datetime


class CalendarRenderer(Protocol):
    """Renders entries as an RFC 5545 calendar."""

    def render(self, name: str, entries: list[CalendarEntry]) -> bytes:
        """The iCalendar document."""
        ...
