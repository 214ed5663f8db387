"""What the cases context needs from persistence."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from domain.cases.lifecycle import CaseStatus, Transition
from domain.cases.model import (
    Case,
    CaseListing,
    FollowUpPlan,
    InformationCard,
    PlanAction,
    Signal,
    TrajectoryTemplate,
)


@dataclass(frozen=True, slots=True)
class OpenCases:
    """What the cadence needs of a cell's open cases (R-CASE-10, R-CAD-2 … R-CAD-4): counts and
    two moments, never the cases themselves."""

    count: int = 0
    problematic: int = 0
    oldest_opened_at: datetime | None = None
    # When the earliest current problematic mark was set (its case's opening when unknown).
    first_problematic_since: datetime | None = None


@dataclass(frozen=True, slots=True)
class CaseFilter:
    """R-PRIV / no register: lists filter on status, problematic mark and municipality only."""

    statuses: tuple[CaseStatus, ...] = ()
    problematic: bool | None = None
    municipality: str | None = None
    offset: int = 0
    limit: int = 50


@dataclass(frozen=True, slots=True)
class CaseRecords:
    """A case's records as its page shows them: signals by observation date, information cards
    by addition, the follow-up plan with its actions (by due date) and their notes, and the
    names of whoever recorded its lifecycle steps (the professionals of the table, named as in
    the minutes)."""

    signals: list[Signal]
    cards: list[InformationCard]
    plan: FollowUpPlan | None
    recorders: dict[uuid.UUID, str]


class CaseRepository(Protocol):
    """Cases, their lifecycle, signals, plans and information cards."""

    async def get(self, case_id: uuid.UUID, *, for_update: bool = False) -> Case | None:
        """The case with its lifecycle history and participants (no free text if purged)."""
        ...

    async def code_taken(self, cell_id: uuid.UUID, code: str) -> bool: ...

    async def codes(self, case_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
        """The pseudonymous codes of these cases, in one query (for agendas and lists)."""
        ...

    async def add(self, case: Case) -> None: ...

    async def save(self, case: Case) -> None:
        """Store status, problematic mark and participants."""
        ...

    async def add_transition(self, case: Case, transition: Transition) -> None: ...

    async def page(
        self, cell_id: uuid.UUID, selection: CaseFilter
    ) -> tuple[list[CaseListing], int]:
        """A page of the cell's case list, newest first, and how many cases the filter holds."""
        ...

    async def content(self, case_id: uuid.UUID) -> CaseRecords:
        """What a case page shows beyond the case itself, read together (one statement)."""
        ...

    async def add_signal(self, signal: Signal) -> None: ...

    async def plan(self, case_id: uuid.UUID) -> FollowUpPlan | None: ...

    async def save_plan(self, plan: FollowUpPlan) -> None:
        """Create or update the plan (its version and template)."""
        ...

    async def save_action(self, action: PlanAction) -> None:
        """Create or update an action with its notes."""
        ...

    async def actions_of(
        self, cell_id: uuid.UUID, organisation_ids: frozenset[uuid.UUID]
    ) -> list[PlanAction]:
        """Open actions carried by these organisations, over the cell's cases."""
        ...

    async def add_card(self, card: InformationCard) -> None: ...

    async def closed_before(self, moment: datetime) -> list[Case]:
        """Closed, not yet purged cases (every cell) whose closing is older than `moment`."""
        ...

    async def purge(self, case: Case, at: datetime) -> None:
        """Delete every piece of content of the case; keep the anonymous skeleton for counts."""
        ...


class TemplateRepository(Protocol):
    """Trajectory templates per cell."""

    async def for_cell(self, cell_id: uuid.UUID) -> list[TrajectoryTemplate]: ...

    async def get(self, template_id: uuid.UUID) -> TrajectoryTemplate | None: ...

    async def add(self, template: TrajectoryTemplate) -> None: ...
