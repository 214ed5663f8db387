"""What the feedback context needs from persistence."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from domain.feedback.form import Approval, FeedbackForm, FormVersion


@dataclass(frozen=True, slots=True)
class ConsensusRecord:
    """When consensus on a version was first reached, and in which meeting (evidence, R-FB-2)."""

    version_hash: str
    meeting_id: uuid.UUID
    at: datetime


class FeedbackRepository(Protocol):
    """Feedback forms with their versions, the verdicts of one meeting, and the transmission."""

    async def get(
        self, form_id: uuid.UUID, meeting_id: uuid.UUID | None = None, *, for_update: bool = False
    ) -> FeedbackForm | None:
        """The form; its verdicts are those given in `meeting_id` on the current version (none
        when no meeting is named). `for_update` serialises concurrent verdicts on one form."""
        ...

    async def for_case(self, case_id: uuid.UUID) -> list[FeedbackForm]:
        """The case's forms, by round (without verdicts)."""
        ...

    async def add(self, form: FeedbackForm) -> None:
        """Store a new form with its first version."""
        ...

    async def add_version(self, form_id: uuid.UUID, version: FormVersion) -> None:
        """Store a new version and void every verdict on the form (R-FB-2)."""
        ...

    async def save_verdict(
        self, form_id: uuid.UUID, meeting_id: uuid.UUID, verdict: Approval
    ) -> None:
        """Create or replace a member's verdict in a meeting."""
        ...

    async def consensus(self, form_id: uuid.UUID) -> ConsensusRecord | None: ...

    async def record_consensus(
        self, form_id: uuid.UUID, record: ConsensusRecord | None
    ) -> None: ...

    async def save_transmission(self, form: FeedbackForm) -> None: ...

    async def transmitted(self, cell_id: uuid.UUID) -> list[FeedbackForm]:
        """The cell's transmitted forms, oldest transmission first."""
        ...

    async def verdicts(
        self, form_ids: Collection[uuid.UUID]
    ) -> dict[uuid.UUID, list[tuple[uuid.UUID, Approval]]]:
        """Every stored verdict on these forms, with its meeting, per form (every form asked
        maps to a list, empty when it has none): one read for the evidence pack's forms."""
        ...


class IdempotencyStore(Protocol):
    """Results of requests made with an `Idempotency-Key`, per user and key."""

    async def recall(self, scope: str) -> tuple[str, str] | None:
        """The stored (fingerprint, result) of this scope, or None."""
        ...

    async def remember(self, scope: str, fingerprint: str, result: str, at: datetime) -> None: ...


@dataclass(frozen=True, slots=True)
class TransmittedForm:
    """What the information officer hands to the LTF: the approved version, and who approved it
    in which meeting — no case content beyond the form itself, no person's identity."""

    cell_name: str
    case_code: str
    round: int
    version: FormVersion
    transmitted_at: datetime
    transmitted_by: str
    meeting_started_at: datetime | None
    approved_by: tuple[str, ...]


class FeedbackDocument(Protocol):
    """Renders a transmitted form as a printable document (PDF)."""

    def render(self, form: TransmittedForm, language: str) -> bytes:
        """The document in the cell's working language."""
        ...
