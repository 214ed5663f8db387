"""Bodies of the cases API. Free text is capped; nothing identifies the person discussed."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import Field

from api.schemas import ApiModel
from domain.cases.lifecycle import CaseStatus, ClosureReason, Transition, WeighingDecision
from domain.cases.model import (
    CaseListing,
    FollowUpPlan,
    InformationCard,
    PlanAction,
    Signal,
)
from domain.cases.vocabulary import (
    ActionStatus,
    AgeBand,
    CaseSource,
    InitialProblem,
    PhenomenonLabel,
)
from domain.cases.work import Step

LongText = Field(min_length=1, max_length=4000)


class SignalCreate(ApiModel):
    observed_on: date = Field(description="When it was observed (not in the future)")
    description: str = Field(
        min_length=1, max_length=2000, description="Objective, dated, no identifiers"
    )


class CaseCreate(ApiModel):
    """The intake filter (R-CASE-2): own handling, professional assessment, dated signals."""

    organisation: uuid.UUID = Field(
        description="Your organisation at the operational table: the reference holder"
    )
    source: CaseSource = CaseSource.partner
    municipality: str = Field(
        pattern=r"^\d{5}$", description="NIS code, one of the cell's (R-SCOPE-2)"
    )
    age_band: AgeBand
    initial_problems: list[InitialProblem] = Field(min_length=1, max_length=len(InitialProblem))
    phenomenon: PhenomenonLabel | None = Field(default=None, description="Optional (R-CASE-4)")
    prior_handling: str = LongText
    professional_assessment: str = LongText
    requested_follow_up: str | None = Field(
        default=None, max_length=4000, description="Required from the LTF (R-CASE-3)"
    )
    signals: list[SignalCreate] = Field(min_length=1, max_length=50)


class CaseUpdate(ApiModel):
    problematic: bool = Field(description="R-CASE-10")


class TransitionCreate(ApiModel):
    step: Step


class WeighingCreate(ApiModel):
    """R-CASE-7: retained needs all three assessments favourable."""

    threat_not_particularly_high: bool
    willing_to_cooperate: bool
    no_heavy_milieu_contacts: bool
    decision: WeighingDecision


class ParticipantCreate(ApiModel):
    organisation: uuid.UUID


class CaseSummary(ApiModel):
    """What every operational member sees: never content."""

    id: uuid.UUID
    code: str
    status: CaseStatus
    problematic: bool
    municipality: str
    minor: bool
    created_at: datetime
    next_steps: list[CaseStatus]
    participant: bool = Field(description="Whether the caller takes part (and may open it)")


class CaseSummaryPage(ApiModel):
    items: list[CaseSummary]
    total: int
    page: int
    page_size: int


class TransitionRead(ApiModel):
    from_status: CaseStatus
    to_status: CaseStatus
    at: datetime
    by: uuid.UUID
    by_name: str = Field(default="", description="Who recorded the step")
    meeting: uuid.UUID | None = None
    decision: WeighingDecision | None = None
    closure_reason: ClosureReason | None = None
    threat_not_particularly_high: bool | None = None
    willing_to_cooperate: bool | None = None
    no_heavy_milieu_contacts: bool | None = None


class SignalRead(ApiModel):
    id: uuid.UUID
    organisation: uuid.UUID
    organisation_name: str
    observed_on: date
    description: str
    recorded_at: datetime


class CardRead(ApiModel):
    """R-INFO-2: given by the LTF for one purpose, the cell's follow-up; shown only here."""

    id: uuid.UUID
    text: str
    purpose: str = "cellFollowUpOnly"
    non_classified_attested: bool
    added_at: datetime


class CardCreate(ApiModel):
    text: str = Field(min_length=1, max_length=4000)
    non_classified_attested: bool = Field(
        description="R-INFO-1: the card holds non-classified information only"
    )


class NoteRead(ApiModel):
    at: datetime
    by: uuid.UUID
    text: str


class ActionRead(ApiModel):
    id: uuid.UUID
    description: str
    organisation: uuid.UUID
    due_on: date
    status: ActionStatus
    overdue: bool
    notes: list[NoteRead]


class PlanRead(ApiModel):
    version: int
    template: uuid.UUID | None = None
    started_on: date
    actions: list[ActionRead]


class PlanCreate(ApiModel):
    template: uuid.UUID | None = Field(
        default=None, description="Start from this trajectory template"
    )


class ActionCreate(ApiModel):
    description: str = Field(min_length=1, max_length=1000)
    organisation: uuid.UUID = Field(description="The partner carrying it (R-CASE-8)")
    due_on: date


class ActionUpdate(ApiModel):
    status: ActionStatus | None = None
    note: str | None = Field(
        default=None, min_length=1, max_length=2000, description="A progress note"
    )
    due_on: date | None = None
    description: str | None = Field(default=None, min_length=1, max_length=1000)
    organisation: uuid.UUID | None = None


class CaseRead(ApiModel):
    """The content, for participants only (every read is audited)."""

    id: uuid.UUID
    cell: uuid.UUID
    code: str
    status: CaseStatus
    problematic: bool
    municipality: str
    age_band: AgeBand
    minor: bool
    initial_problems: list[InitialProblem]
    phenomenon: PhenomenonLabel | None = None
    source: CaseSource
    reference_holder: uuid.UUID
    participants: list[uuid.UUID]
    prior_handling: str
    professional_assessment: str
    requested_follow_up: str | None = None
    created_at: datetime
    next_steps: list[CaseStatus]
    timeline: list[TransitionRead]
    signals: list[SignalRead]
    information_cards: list[CardRead]
    plan: PlanRead | None = None


def to_summary(case: CaseListing, participant: bool) -> CaseSummary:
    return CaseSummary(
        id=case.id,
        code=case.code,
        status=case.status,
        problematic=case.problematic,
        municipality=case.municipality,
        minor=case.minor,
        created_at=case.created_at,
        next_steps=sorted(case.next_steps()),
        participant=participant,
    )


def to_transition(step: Transition, names: dict[uuid.UUID, str] | None = None) -> TransitionRead:
    assessments = step.assessments
    return TransitionRead(
        from_status=step.from_status,
        to_status=step.to_status,
        at=step.at,
        by=step.by,
        by_name=(names or {}).get(step.by, ""),
        meeting=step.meeting_id,
        decision=step.decision,
        closure_reason=step.closure_reason,
        threat_not_particularly_high=assessments.threat_not_particularly_high
        if assessments
        else None,
        willing_to_cooperate=assessments.willing_to_cooperate if assessments else None,
        no_heavy_milieu_contacts=assessments.no_heavy_milieu_contacts if assessments else None,
    )


def to_action(action: PlanAction, today: date) -> ActionRead:
    return ActionRead(
        id=action.id,
        description=action.description,
        organisation=action.organisation_id,
        due_on=action.due_on,
        status=action.status,
        overdue=action.overdue(today),
        notes=[NoteRead(at=n.at, by=n.by, text=n.text) for n in action.notes],
    )


def to_plan(plan: FollowUpPlan, today: date) -> PlanRead:
    return PlanRead(
        version=plan.version,
        template=plan.template_id,
        started_on=plan.started_on,
        actions=[to_action(a, today) for a in plan.actions],
    )


def to_signal(signal: Signal, names: dict[uuid.UUID, str]) -> SignalRead:
    return SignalRead(
        id=signal.id,
        organisation=signal.organisation_id,
        organisation_name=names.get(signal.organisation_id, ""),
        observed_on=signal.observed_on,
        description=signal.description,
        recorded_at=signal.recorded_at,
    )


def to_card(card: InformationCard) -> CardRead:
    return CardRead(
        id=card.id,
        text=card.text,
        non_classified_attested=card.non_classified_attested,
        added_at=card.added_at,
    )
