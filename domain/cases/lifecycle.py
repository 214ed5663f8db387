"""The case lifecycle (R-CASE-5) and the weighing decision that ends or continues it (R-CASE-6/7).

aanmelding → dossiervorming → dossierweging → dossieraanpak → dossierevaluatie → afsluiting.
`Lifecycle` is a small state machine the Case aggregate composes: it knows the order of the steps
and who moved the case when (and in which meeting), nothing about the case's content.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from domain.shared.errors import RuleViolation


class CaseStatus(StrEnum):
    """The steps of R-CASE-5, in order."""

    registered = "registered"  # aanmelding
    file_building = "fileBuilding"  # dossiervorming
    weighing = "weighing"  # dossierweging
    follow_up = "followUp"  # dossieraanpak
    evaluation = "evaluation"  # dossierevaluatie
    closed = "closed"  # afsluiting


class WeighingDecision(StrEnum):
    """The table's joint decision at the end of the weighing (R-CASE-6)."""

    retained = "retained"
    not_retained = "notRetained"
    referred = "referred"  # primary follow-up by the LTF (R-CASE-7)


# No `withdrawn`: a partner withdrawing before the weighing would skip it (R-CASE-5) and end the
# case without the table's joint decision (R-CASE-2, R-CASE-6). A partner who no longer wants the
# case asks the table, which decides "not admitted" or "not retained", on the record.
class ClosureReason(StrEnum):
    not_retained = "notRetained"  # at admission or at weighing (R-CASE-6)
    referred = "referred"  # to the LTF at weighing (R-CASE-7)
    completed = "completed"  # after the evaluation


# The steps R-CASE-5 allows from each status. Admission may also end the case (R-CASE-6 applies
# from the first discussion), weighing ends it unless retained, evaluation may go back.
_NEXT: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.registered: frozenset({CaseStatus.file_building, CaseStatus.closed}),
    CaseStatus.file_building: frozenset({CaseStatus.weighing}),
    CaseStatus.weighing: frozenset({CaseStatus.follow_up, CaseStatus.closed}),
    CaseStatus.follow_up: frozenset({CaseStatus.evaluation}),
    CaseStatus.evaluation: frozenset({CaseStatus.follow_up, CaseStatus.closed}),
    CaseStatus.closed: frozenset(),
}


def next_statuses(status: CaseStatus) -> frozenset[CaseStatus]:
    """The statuses one command can lead to from `status` (R-CASE-5): the order depends on the
    status alone, so a list can show the next step without reading a case's history."""
    return _NEXT[status]


# Where each weighing decision leads, and why the case closes if it does.
_OUTCOME: dict[WeighingDecision, tuple[CaseStatus, ClosureReason | None]] = {
    WeighingDecision.retained: (CaseStatus.follow_up, None),
    WeighingDecision.not_retained: (CaseStatus.closed, ClosureReason.not_retained),
    WeighingDecision.referred: (CaseStatus.closed, ClosureReason.referred),
}

# Why the case closes when it closes outside the weighing.
_CLOSING_REASON: dict[CaseStatus, ClosureReason] = {
    CaseStatus.registered: ClosureReason.not_retained,
    CaseStatus.evaluation: ClosureReason.completed,
}


class OutOfOrderTransition(RuleViolation):
    """R-CASE-5: the steps follow in order; only the evaluation may go back, to the follow-up."""

    code = "outOfOrderTransition"
    rule = "R-CASE-5"

    def __init__(self, from_status: CaseStatus, to_status: CaseStatus) -> None:
        super().__init__(**{"from": str(from_status), "to": str(to_status)})
        self.from_status = from_status
        self.to_status = to_status


class TransitionBeforePrevious(RuleViolation):
    """R-CASE-5: the steps follow in order in time too, so the history reads as it happened."""

    code = "transitionBeforePrevious"
    rule = "R-CASE-5"

    def __init__(self, at: datetime, previous_at: datetime) -> None:
        super().__init__(at=at.isoformat(), previousAt=previous_at.isoformat())


class CaseClosed(RuleViolation):
    """R-CASE-6: a closed case is closed for every partner and never reopens; only a new
    submission with new signals can bring the matter back."""

    code = "caseClosed"
    rule = "R-CASE-6"

    def __init__(self, reason: ClosureReason | None, to_status: CaseStatus) -> None:
        super().__init__(reason=str(reason), to=str(to_status))


class AssessmentsNotFavourable(RuleViolation):
    """R-CASE-7: the cell takes the primary follow-up only with three favourable assessments;
    otherwise the decision is `referred` (primary follow-up by the LTF)."""

    code = "assessmentsNotFavourable"
    rule = "R-CASE-7"

    def __init__(self, unfavourable: tuple[str, ...]) -> None:
        super().__init__(unfavourable=list(unfavourable), alternative="referred")
        self.unfavourable = unfavourable


@dataclass(frozen=True, slots=True)
class WeighingAssessments:
    """The three assessments of the weighing that R-CASE-7 requires to be favourable for the cell
    to take the primary follow-up."""

    threat_not_particularly_high: bool
    willing_to_cooperate: bool
    no_heavy_milieu_contacts: bool

    @property
    def unfavourable(self) -> tuple[str, ...]:
        """The unfavourable assessments, named as the API names them."""
        named = (
            ("threatNotParticularlyHigh", self.threat_not_particularly_high),
            ("willingToCooperate", self.willing_to_cooperate),
            ("noHeavyMilieuContacts", self.no_heavy_milieu_contacts),
        )
        return tuple(name for name, favourable in named if not favourable)

    @property
    def all_favourable(self) -> bool:
        return not self.unfavourable


@dataclass(frozen=True, slots=True)
class Transition:
    """One step of a case's lifecycle: who took it, when, and in which meeting (when decided in
    one). A step out of weighing carries the decision and the assessments it rests on; a step
    into `closed` carries why."""

    from_status: CaseStatus
    to_status: CaseStatus
    at: datetime
    by: uuid.UUID
    meeting_id: uuid.UUID | None
    decision: WeighingDecision | None = None
    assessments: WeighingAssessments | None = None
    closure_reason: ClosureReason | None = None

    def __post_init__(self) -> None:
        # `Lifecycle` refuses bad steps with domain errors before building one; these guards catch
        # records rebuilt from storage that no lifecycle could have produced.
        if self.at.utcoffset() is None:
            raise ValueError("a transition time must be timezone-aware")
        if self.to_status not in _NEXT[self.from_status]:
            raise ValueError(f"no step from {self.from_status} to {self.to_status}")
        weighed = self.from_status is CaseStatus.weighing
        if weighed != (self.decision is not None) or weighed != (self.assessments is not None):
            raise ValueError("a decision and its assessments belong to the step out of weighing")
        if self.decision is not None and self.assessments is not None:
            expected = _OUTCOME[self.decision]
            if self.decision is WeighingDecision.retained and not self.assessments.all_favourable:
                raise ValueError("retained without three favourable assessments (R-CASE-7)")
        elif self.to_status is CaseStatus.closed:
            expected = (CaseStatus.closed, _CLOSING_REASON[self.from_status])
        else:
            expected = (self.to_status, None)
        if (self.to_status, self.closure_reason) != expected:
            raise ValueError(f"{self.to_status}/{self.closure_reason} does not fit this step")


@dataclass
class Lifecycle:
    """Where a case stands in R-CASE-5, and the history of how it got there.

    A new case is `registered` and stays there until the table admits it: nothing is admitted
    automatically (R-CASE-2). Each command checks the order (R-CASE-5), refuses any change once
    closed (R-CASE-6), records a `Transition` and returns it.
    """

    status: CaseStatus = CaseStatus.registered
    history: list[Transition] = field(default_factory=list)

    def __post_init__(self) -> None:
        # A lifecycle rebuilt from storage must be one the commands below could have produced.
        expected, previous_at = CaseStatus.registered, None
        for step in self.history:
            if step.from_status is not expected:
                raise ValueError(f"history breaks at {step.from_status}, expected {expected}")
            if previous_at is not None and step.at < previous_at:
                raise ValueError("history goes back in time")
            expected, previous_at = step.to_status, step.at
        if self.status is not expected:
            raise ValueError(f"status {self.status} does not match the history ({expected})")

    @property
    def is_closed(self) -> bool:
        return self.status is CaseStatus.closed

    @property
    def closed_at(self) -> datetime | None:
        """When the case closed; the retention period of R-PRIV-6 runs from here."""
        return self.history[-1].at if self.is_closed else None

    @property
    def closure_reason(self) -> ClosureReason | None:
        return self.history[-1].closure_reason if self.is_closed else None

    def allowed_targets(self) -> frozenset[CaseStatus]:
        """The statuses one command can lead to from here (R-CASE-5), for the UI's next step."""
        return next_statuses(self.status)

    def can(self, target: CaseStatus) -> bool:
        return target in _NEXT[self.status]

    def admit(self, at: datetime, by: uuid.UUID, meeting_id: uuid.UUID | None) -> Transition:
        """The table admits the submission: registered → file building (R-CASE-2, R-CASE-5)."""
        return self._move(CaseStatus.registered, CaseStatus.file_building, at, by, meeting_id)

    def not_admitted(self, at: datetime, by: uuid.UUID, meeting_id: uuid.UUID | None) -> Transition:
        """The table does not admit the submission: registered → closed, not retained. R-CASE-6
        applies from the first discussion: final for every partner."""
        reason = ClosureReason.not_retained
        return self._move(CaseStatus.registered, CaseStatus.closed, at, by, meeting_id, reason)

    def start_weighing(
        self, at: datetime, by: uuid.UUID, meeting_id: uuid.UUID | None
    ) -> Transition:
        """File building → weighing (R-CASE-5)."""
        return self._move(CaseStatus.file_building, CaseStatus.weighing, at, by, meeting_id)

    def weigh(
        self,
        assessments: WeighingAssessments,
        decision: WeighingDecision,
        at: datetime,
        by: uuid.UUID,
        meeting_id: uuid.UUID | None,
    ) -> Transition:
        """The joint decision ending the weighing (R-CASE-6): retained → follow-up; not retained
        or referred → closed for good. Retained needs three favourable assessments (R-CASE-7);
        without them the table refers the case to the LTF."""
        to_status, reason = _OUTCOME[decision]
        return self._move(
            CaseStatus.weighing, to_status, at, by, meeting_id, reason, decision, assessments
        )

    def start_evaluation(
        self, at: datetime, by: uuid.UUID, meeting_id: uuid.UUID | None
    ) -> Transition:
        """Follow-up → evaluation (R-CASE-5)."""
        return self._move(CaseStatus.follow_up, CaseStatus.evaluation, at, by, meeting_id)

    def resume_follow_up(
        self, at: datetime, by: uuid.UUID, meeting_id: uuid.UUID | None
    ) -> Transition:
        """Evaluation → follow-up: the one step back R-CASE-5 allows."""
        return self._move(CaseStatus.evaluation, CaseStatus.follow_up, at, by, meeting_id)

    def close(self, at: datetime, by: uuid.UUID, meeting_id: uuid.UUID | None) -> Transition:
        """Evaluation → closed, completed (R-CASE-5); final like every closure (R-CASE-6)."""
        reason = ClosureReason.completed
        return self._move(CaseStatus.evaluation, CaseStatus.closed, at, by, meeting_id, reason)

    def _move(
        self,
        from_status: CaseStatus,
        to_status: CaseStatus,
        at: datetime,
        by: uuid.UUID,
        meeting_id: uuid.UUID | None,
        closure_reason: ClosureReason | None = None,
        decision: WeighingDecision | None = None,
        assessments: WeighingAssessments | None = None,
    ) -> Transition:
        if at.utcoffset() is None:
            raise ValueError("a transition time must be timezone-aware")
        # Closed first: "this case is closed" explains more than "wrong step" (R-CASE-6).
        if self.is_closed:
            raise CaseClosed(self.closure_reason, to_status)
        if self.status is not from_status:
            raise OutOfOrderTransition(self.status, to_status)
        if self.history and at < self.history[-1].at:
            raise TransitionBeforePrevious(at, self.history[-1].at)
        # The order is checked first: weighing a case that is not in weighing is out of order
        # whatever the assessments say.
        if decision is WeighingDecision.retained and assessments and not assessments.all_favourable:
            raise AssessmentsNotFavourable(assessments.unfavourable)
        step = Transition(
            from_status, to_status, at, by, meeting_id, decision, assessments, closure_reason
        )
        self.history.append(step)
        self.status = to_status
        return step
