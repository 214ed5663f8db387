"""Random command sequences against the lifecycle, checked against a model written from RULES.md.

Hypothesis applies any command in any state, with random assessments and decisions and with times
that mostly move forward. The model says what each command must do (R-CASE-5 order, R-CASE-6
finality, R-CASE-7 assessments); the invariants check the history the lifecycle keeps.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from domain.cases.lifecycle import (
    AssessmentsNotFavourable,
    CaseClosed,
    CaseStatus,
    ClosureReason,
    Lifecycle,
    OutOfOrderTransition,
    Transition,
    TransitionBeforePrevious,
    WeighingAssessments,
    WeighingDecision,
)

S = CaseStatus
D = WeighingDecision
R = ClosureReason
T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

# The model, written from the rule table rather than from the code: command → (from, to, reason).
COMMANDS: dict[str, tuple[CaseStatus, CaseStatus, ClosureReason | None]] = {
    "admit": (S.registered, S.file_building, None),
    "not_admitted": (S.registered, S.closed, R.not_retained),
    "start_weighing": (S.file_building, S.weighing, None),
    "start_evaluation": (S.follow_up, S.evaluation, None),
    "resume_follow_up": (S.evaluation, S.follow_up, None),
    "close": (S.evaluation, S.closed, R.completed),
}
PROGRESS = {
    S.registered: "admit",
    S.file_building: "start_weighing",
    S.follow_up: "start_evaluation",
    S.evaluation: "resume_follow_up",
}
DECISIONS: dict[WeighingDecision, tuple[CaseStatus, ClosureReason | None]] = {
    D.retained: (S.follow_up, None),
    D.not_retained: (S.closed, R.not_retained),
    D.referred: (S.closed, R.referred),
}
ALLOWED_STEPS = {(f, t) for f, t, _ in COMMANDS.values()} | {
    (S.weighing, t) for t, _ in DECISIONS.values()
}

actors = st.sampled_from([uuid.UUID(int=n) for n in range(1, 4)])
meetings = st.none() | st.sampled_from([uuid.UUID(int=n) for n in range(10, 13)])
gaps = st.integers(min_value=0, max_value=40 * 24).map(lambda hours: timedelta(hours=hours))
assessments = st.builds(WeighingAssessments, st.booleans(), st.booleans(), st.booleans())


class LifecycleMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.life = Lifecycle()
        self.now = T0
        self.model_status = S.registered
        self.closed_record: tuple[int, datetime | None, ClosureReason | None] | None = None

    def _expect(
        self,
        from_status: CaseStatus,
        to_status: CaseStatus,
        reason: ClosureReason | None,
        at: datetime,
        outcome: Transition | Exception,
        unfavourable: bool = False,
    ) -> None:
        """Compare what the lifecycle did with what the rules say, then advance the model."""
        last_at = self.life.history[-1].at if self.life.history else None
        if self.model_status is S.closed:
            assert isinstance(outcome, CaseClosed)  # R-CASE-6
        elif self.model_status is not from_status:
            assert isinstance(outcome, OutOfOrderTransition)  # R-CASE-5
            assert outcome.params == {"from": self.model_status, "to": to_status}
        elif last_at is not None and at < last_at:
            assert isinstance(outcome, TransitionBeforePrevious)  # R-CASE-5
        elif unfavourable:
            assert isinstance(outcome, AssessmentsNotFavourable)  # R-CASE-7
        else:
            assert isinstance(outcome, Transition), outcome
            assert (outcome.from_status, outcome.to_status) == (from_status, to_status)
            assert (outcome.closure_reason, outcome.at) == (reason, at)
            self.model_status = to_status
            self.now = max(self.now, at)

    @staticmethod
    def _run(command: Callable[[], object]) -> Transition | Exception:
        """Any refusal must be one of the lifecycle's rule violations; anything else fails."""
        try:
            result = command()
        except (
            CaseClosed,
            OutOfOrderTransition,
            TransitionBeforePrevious,
            AssessmentsNotFavourable,
        ) as refused:
            return refused
        assert isinstance(result, Transition)
        return result

    def _command(self, name: str, gap: timedelta, by: uuid.UUID, meeting: uuid.UUID | None) -> None:
        at = self.now + gap
        outcome = self._run(lambda: getattr(self.life, name)(at, by, meeting))
        self._expect(*COMMANDS[name], at, outcome)
        if isinstance(outcome, Transition):
            assert (outcome.by, outcome.meeting_id) == (by, meeting)

    def _weigh(
        self,
        found: WeighingAssessments,
        decision: WeighingDecision,
        gap: timedelta,
        by: uuid.UUID,
        meeting: uuid.UUID | None,
    ) -> None:
        at = self.now + gap
        outcome = self._run(lambda: self.life.weigh(found, decision, at, by, meeting))
        favourable = (
            found.threat_not_particularly_high
            and found.willing_to_cooperate
            and found.no_heavy_milieu_contacts
        )
        unfavourable = decision is D.retained and not favourable
        self._expect(S.weighing, *DECISIONS[decision], at, outcome, unfavourable)
        if isinstance(outcome, Transition):
            assert (outcome.decision, outcome.assessments) == (decision, found)

    @rule(name=st.sampled_from(sorted(COMMANDS)), gap=gaps, by=actors, meeting=meetings)
    def any_command(
        self, name: str, gap: timedelta, by: uuid.UUID, meeting: uuid.UUID | None
    ) -> None:
        self._command(name, gap, by, meeting)

    @rule(found=assessments, decision=st.sampled_from(D), gap=gaps, by=actors, meeting=meetings)
    def any_weighing(
        self,
        found: WeighingAssessments,
        decision: WeighingDecision,
        gap: timedelta,
        by: uuid.UUID,
        meeting: uuid.UUID | None,
    ) -> None:
        self._weigh(found, decision, gap, by, meeting)

    # Random commands mostly close a case early (half the first steps do); this rule takes the
    # model's next non-closing step, so follow-up, evaluation and its way back are explored too.
    @precondition(lambda self: self.model_status is not S.closed)
    @rule(gap=gaps, by=actors, meeting=meetings)
    def next_step(self, gap: timedelta, by: uuid.UUID, meeting: uuid.UUID | None) -> None:
        if self.model_status is S.weighing:
            self._weigh(WeighingAssessments(True, True, True), D.retained, gap, by, meeting)
        else:
            self._command(PROGRESS[self.model_status], gap, by, meeting)

    @precondition(lambda self: bool(self.life.history))
    @rule(name=st.sampled_from(sorted(COMMANDS)), back=st.integers(min_value=1, max_value=10**6))
    def command_dated_in_the_past(self, name: str, back: int) -> None:
        at = self.life.history[-1].at - timedelta(seconds=back)
        outcome = self._run(lambda: getattr(self.life, name)(at, uuid.uuid4(), None))
        self._expect(*COMMANDS[name], at, outcome)
        assert not isinstance(outcome, Transition)

    @invariant()
    def status_follows_the_model(self) -> None:
        assert self.life.status is self.model_status
        assert self.life.is_closed == (self.model_status is S.closed)
        assert {t for t in S if self.life.can(t)} == {
            t for f, t in ALLOWED_STEPS if f is self.model_status
        }

    @invariant()
    def no_out_of_order_step_is_ever_recorded(self) -> None:
        """R-CASE-5: the history chains from `registered`, with allowed steps, forward in time."""
        expected, previous_at = S.registered, T0
        for step in self.life.history:
            assert step.from_status is expected
            assert (step.from_status, step.to_status) in ALLOWED_STEPS
            assert step.at >= previous_at
            expected, previous_at = step.to_status, step.at
        assert expected is self.life.status
        assert Lifecycle(self.life.status, list(self.life.history)) == self.life

    @invariant()
    def retained_only_with_three_favourable_assessments(self) -> None:
        """R-CASE-7."""
        for step in self.life.history:
            if step.decision is D.retained:
                assert step.assessments is not None
                assert step.assessments.all_favourable

    @invariant()
    def closed_stays_closed(self) -> None:
        """R-CASE-6: once closed, nothing is added and the closure never changes."""
        record = (len(self.life.history), self.life.closed_at, self.life.closure_reason)
        if self.closed_record is not None:
            assert record == self.closed_record
        elif self.life.is_closed:
            assert self.life.history[-1].to_status is S.closed
            self.closed_record = record
        else:
            assert record[1:] == (None, None)


def test_r_case_5_r_case_6_r_case_7_random_commands_keep_the_lifecycle_invariants() -> None:
    run_state_machine_as_test(
        LifecycleMachine,
        settings=settings(max_examples=200, stateful_step_count=30, deadline=None),
    )
