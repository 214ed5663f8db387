"""The read model of oversight: aggregates computed by the database, a constant number of
queries whatever the number of cases."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol


@dataclass(frozen=True, slots=True)
class StepRecord:
    """The lifecycle steps of the cell's cases from one status to another, anonymous: how many
    days each case then stayed where it went (until its next step, or until now for the phase
    it is in). One record per pair of statuses, not per case: the database groups them."""

    from_status: str
    to_status: str
    days: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class AcknowledgementRecord:
    user_id: uuid.UUID
    version: int
    at: datetime


@dataclass(frozen=True, slots=True)
class PurgeRecord:
    day: date
    cases: int


@dataclass(frozen=True, slots=True)
class Figures:
    """What a statistics page counts, read together."""

    counts: dict[str, dict[str, int]]
    steps: list[StepRecord]


class OversightReader(Protocol):
    """Counts and records for statistics and the evidence pack of one cell."""

    async def figures(
        self, cell_id: uuid.UUID, dimensions: Sequence[str], today: date, now: datetime
    ) -> Figures:
        """Counts per label for each of the dimensions asked, and every lifecycle step, read
        together (one statement).

        Cases (not purged or purged alike): `status`, `problem`, `phenomenon`, `municipality`,
        `source` (`ltf` or the reference holder's organisation type). Plan actions: `actions`
        (per status) and `overdue` (open actions due before `today`, under the label
        `overdue`). A dimension with nothing to count maps to an empty count.

        Steps: grouped by where they came from and went to, with the days until the case's
        next step (steps ordered by time, then by their order in the case) or until `now` for
        its last; the submission counts as a step from "" to `registered` at the case's
        creation."""
        ...

    async def acknowledgements(self, cell_id: uuid.UUID) -> list[AcknowledgementRecord]: ...

    async def reads_by_actor(self, cell_id: uuid.UUID, since: str) -> dict[str, int]:
        """`case.read` audit events of the cell per actor id since an ISO time."""
        ...

    async def purges(self, cell_id: uuid.UUID) -> list[PurgeRecord]:
        """Cases purged per day (R-PRIV-6), from the audit trail."""
        ...

    async def retention_runs(self, since: str) -> list[str]:
        """Times of retention runs (platform chain) since an ISO time."""
        ...


class EvidenceDocument(Protocol):
    """Renders the evidence pack as a printable document (PDF)."""

    def render(self, pack: object, language: str) -> bytes:
        """The document; `pack` is a `domain.oversight.evidence.EvidencePack`."""
        ...

    def filename(self, cell_name: str, computed_at: datetime) -> str:
        """The file name to save it under (the cell and the day, in every language)."""
        ...
