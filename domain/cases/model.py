"""The case aggregate: a pseudonymous code and structured professional content — never who the
person is (R-PRIV-1). The submitting partner keeps the identity and is named reference holder."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from domain.cases.lifecycle import CaseStatus, Lifecycle, next_statuses
from domain.cases.vocabulary import (
    ActionStatus,
    AgeBand,
    CaseSource,
    InitialProblem,
    PhenomenonLabel,
)


@dataclass
class Signal:
    """R-CASE-9: a dated, objective observation, named by the organisation that made it."""

    id: uuid.UUID
    case_id: uuid.UUID
    organisation_id: uuid.UUID
    observed_on: date
    description: str
    recorded_by: uuid.UUID
    recorded_at: datetime


@dataclass
class Case:
    id: uuid.UUID
    cell_id: uuid.UUID
    code: str
    municipality: str
    age_band: AgeBand
    initial_problems: frozenset[InitialProblem]
    source: CaseSource
    submitted_by: uuid.UUID
    reference_holder: uuid.UUID
    prior_handling: str
    professional_assessment: str
    created_at: datetime
    phenomenon: PhenomenonLabel | None = None
    requested_follow_up: str | None = None
    problematic: bool = False
    problematic_since: datetime | None = None
    lifecycle: Lifecycle = field(default_factory=Lifecycle)
    participants: set[uuid.UUID] = field(default_factory=set)
    purged_at: datetime | None = None

    @property
    def status(self) -> CaseStatus:
        return self.lifecycle.status

    @property
    def minor(self) -> bool:
        return self.age_band.minor

    @property
    def is_open(self) -> bool:
        return not self.lifecycle.is_closed


@dataclass(frozen=True, slots=True)
class CaseListing:
    """A line of a cell's case list: what the table sees of every case without opening it: code,
    status, problematic mark, municipality, age band. Never content, never history (no
    register: the list is not a file on persons), and cheap enough to read fifty at a time."""

    id: uuid.UUID
    cell_id: uuid.UUID
    code: str
    status: CaseStatus
    problematic: bool
    municipality: str
    age_band: AgeBand
    created_at: datetime
    participants: frozenset[uuid.UUID] = frozenset()

    @property
    def minor(self) -> bool:
        return self.age_band.minor

    def next_steps(self) -> frozenset[CaseStatus]:
        return next_statuses(self.status)


@dataclass
class ActionNote:
    at: datetime
    by: uuid.UUID
    text: str


@dataclass
class PlanAction:
    """R-CASE-8: one action of the personal plan, carried by a partner within its own field."""

    id: uuid.UUID
    case_id: uuid.UUID
    description: str
    organisation_id: uuid.UUID
    due_on: date
    status: ActionStatus = ActionStatus.open
    created_at: datetime | None = None
    notes: list[ActionNote] = field(default_factory=list)

    def overdue(self, today: date) -> bool:
        return self.status in (ActionStatus.open, ActionStatus.in_progress) and self.due_on < today


@dataclass
class FollowUpPlan:
    """R-CASE-8: the personalised plan, started from a trajectory template and adapted."""

    case_id: uuid.UUID
    version: int
    template_id: uuid.UUID | None
    started_on: date
    actions: list[PlanAction] = field(default_factory=list)

    @property
    def etag(self) -> str:
        return f'"plan-{self.version}"'


@dataclass(frozen=True, slots=True)
class TemplateStep:
    description: str
    day_offset: int


@dataclass
class TrajectoryTemplate:
    """A standard trajectory (R-CASE-8 "gestandaardiseerde scenario's"), per cell."""

    id: uuid.UUID
    cell_id: uuid.UUID
    name: str
    steps: tuple[TemplateStep, ...]
    created_at: datetime


@dataclass
class InformationCard:
    """R-INFO-1/2: an OCAD information card (non-classified only), added by the information
    officer, given for one purpose — the cell's follow-up — and shown only inside its case."""

    id: uuid.UUID
    case_id: uuid.UUID
    text: str
    non_classified_attested: bool
    added_by: uuid.UUID
    added_at: datetime
