"""The case lifecycle, rule by rule: R-CASE-2, R-CASE-5, R-CASE-6 and R-CASE-7."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

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
from domain.cases.model import CaseListing
from domain.cases.vocabulary import AgeBand
from domain.shared.errors import RuleViolation

S = CaseStatus
D = WeighingDecision
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
CHAIR = uuid.uuid4()
MEETING = uuid.uuid4()
FAVOURABLE = WeighingAssessments(True, True, True)
UNWILLING = WeighingAssessments(True, False, True)


def at(day: int) -> datetime:
    return T0 + timedelta(days=day)


def in_status(status: CaseStatus) -> Lifecycle:
    """A lifecycle walked, in order, up to `status` (closed means completed after evaluation)."""
    life = Lifecycle()
    steps: list[Callable[[int], object]] = [
        lambda d: life.admit(at(d), CHAIR, MEETING),
        lambda d: life.start_weighing(at(d), CHAIR, MEETING),
        lambda d: life.weigh(FAVOURABLE, D.retained, at(d), CHAIR, MEETING),
        lambda d: life.start_evaluation(at(d), CHAIR, MEETING),
        lambda d: life.close(at(d), CHAIR, MEETING),
    ]
    for day, step in enumerate(steps, start=1):
        if life.status is status:
            break
        step(day)
    assert life.status is status
    return life


def test_r_case_2_a_new_case_waits_for_the_tables_admission() -> None:
    life = Lifecycle()
    assert life.status is S.registered
    assert life.history == []
    assert life.allowed_targets() == {S.file_building, S.closed}


def test_r_case_5_walks_every_step_in_order() -> None:
    life = in_status(S.closed)
    assert [(t.from_status, t.to_status) for t in life.history] == [
        (S.registered, S.file_building),
        (S.file_building, S.weighing),
        (S.weighing, S.follow_up),
        (S.follow_up, S.evaluation),
        (S.evaluation, S.closed),
    ]
    assert all(t.by == CHAIR and t.meeting_id == MEETING for t in life.history)
    assert life.closure_reason is ClosureReason.completed
    assert life.closed_at == at(5)


def test_r_case_5_records_the_decision_and_its_assessments_on_the_weighing_step() -> None:
    life = in_status(S.weighing)
    step = life.weigh(FAVOURABLE, D.retained, at(9), CHAIR, None)
    assert step == life.history[-1]
    assert (step.decision, step.assessments, step.meeting_id) == (D.retained, FAVOURABLE, None)
    assert step.closure_reason is None


def test_r_case_5_refuses_skipping_file_building() -> None:
    with pytest.raises(OutOfOrderTransition) as refused:
        Lifecycle().start_weighing(T0, CHAIR, MEETING)
    assert refused.value.params == {"from": "registered", "to": "weighing"}
    assert (refused.value.rule, refused.value.code) == ("R-CASE-5", "outOfOrderTransition")
    assert isinstance(refused.value, RuleViolation)


def test_r_case_5_refuses_skipping_weighing() -> None:
    life = in_status(S.file_building)
    with pytest.raises(OutOfOrderTransition):
        life.weigh(FAVOURABLE, D.retained, at(9), CHAIR, MEETING)
    with pytest.raises(OutOfOrderTransition):
        life.start_evaluation(at(9), CHAIR, MEETING)
    assert life.status is S.file_building
    assert len(life.history) == 1


def test_r_case_5_refuses_closing_a_follow_up_without_evaluation() -> None:
    life = in_status(S.follow_up)
    with pytest.raises(OutOfOrderTransition) as refused:
        life.close(at(9), CHAIR, MEETING)
    assert refused.value.params == {"from": "followUp", "to": "closed"}


def test_r_case_5_refuses_not_admitting_an_admitted_case() -> None:
    with pytest.raises(OutOfOrderTransition):
        in_status(S.file_building).not_admitted(at(9), CHAIR, MEETING)


def test_r_case_5_evaluation_may_return_to_follow_up_and_come_back() -> None:
    life = in_status(S.evaluation)
    life.resume_follow_up(at(9), CHAIR, MEETING)
    assert life.status is S.follow_up
    life.start_evaluation(at(10), CHAIR, MEETING)
    life.close(at(11), CHAIR, MEETING)
    assert life.closed_at == at(11)


def test_r_case_5_follow_up_may_not_resume_itself() -> None:
    with pytest.raises(OutOfOrderTransition):
        in_status(S.follow_up).resume_follow_up(at(9), CHAIR, MEETING)


def test_r_case_5_refuses_a_step_dated_before_the_previous_one() -> None:
    life = in_status(S.file_building)
    with pytest.raises(TransitionBeforePrevious) as refused:
        life.start_weighing(at(0), CHAIR, MEETING)
    assert refused.value.rule == "R-CASE-5"
    life.start_weighing(at(1), CHAIR, MEETING)  # the same moment is fine
    assert life.status is S.weighing


@pytest.mark.parametrize(
    ("status", "targets"),
    [
        (S.registered, {S.file_building, S.closed}),
        (S.file_building, {S.weighing}),
        (S.weighing, {S.follow_up, S.closed}),
        (S.follow_up, {S.evaluation}),
        (S.evaluation, {S.follow_up, S.closed}),
        (S.closed, set()),
    ],
)
def test_r_case_5_offers_only_the_next_steps(status: CaseStatus, targets: set[CaseStatus]) -> None:
    life = in_status(status)
    assert life.allowed_targets() == targets
    assert [t for t in S if life.can(t)] == [t for t in S if t in targets]
    # The case list reads no history: its line offers the same next steps from the status alone.
    line = CaseListing(
        uuid.uuid4(), uuid.uuid4(), "C-1", status, False, "11002", AgeBand.from_35, T0
    )
    assert line.next_steps() == targets


def test_r_case_6_table_may_refuse_at_admission_for_good() -> None:
    life = Lifecycle()
    step = life.not_admitted(T0, CHAIR, MEETING)
    assert (step.to_status, step.closure_reason, step.decision) == (
        S.closed,
        ClosureReason.not_retained,
        None,
    )
    assert life.closed_at == T0
    with pytest.raises(CaseClosed):
        life.admit(at(1), CHAIR, MEETING)


@pytest.mark.parametrize(
    ("decision", "reason"),
    [(D.not_retained, ClosureReason.not_retained), (D.referred, ClosureReason.referred)],
)
def test_r_case_6_not_retained_and_referred_close_the_case_for_every_command(
    decision: WeighingDecision, reason: ClosureReason
) -> None:
    life = in_status(S.weighing)
    life.weigh(UNWILLING, decision, at(9), CHAIR, MEETING)
    assert (life.status, life.closure_reason, life.closed_at) == (S.closed, reason, at(9))
    assert life.allowed_targets() == frozenset()
    commands: list[Callable[[], object]] = [
        lambda: life.admit(at(10), CHAIR, MEETING),
        lambda: life.not_admitted(at(10), CHAIR, MEETING),
        lambda: life.start_weighing(at(10), CHAIR, MEETING),
        lambda: life.weigh(FAVOURABLE, D.retained, at(10), CHAIR, MEETING),
        lambda: life.start_evaluation(at(10), CHAIR, MEETING),
        lambda: life.resume_follow_up(at(10), CHAIR, MEETING),
        lambda: life.close(at(10), CHAIR, MEETING),
    ]
    for command in commands:
        with pytest.raises(CaseClosed) as refused:
            command()
        assert (refused.value.rule, refused.value.code) == ("R-CASE-6", "caseClosed")
        assert refused.value.params["reason"] == reason
    assert len(life.history) == 3


def test_r_case_6_a_completed_case_does_not_reopen_either() -> None:
    with pytest.raises(CaseClosed):
        in_status(S.closed).resume_follow_up(at(9), CHAIR, MEETING)


@pytest.mark.parametrize("flags", list(itertools.product([True, False], repeat=3)))
def test_r_case_7_retains_only_with_three_favourable_assessments(
    flags: tuple[bool, bool, bool],
) -> None:
    assessments = WeighingAssessments(*flags)
    life = in_status(S.weighing)
    if all(flags):
        life.weigh(assessments, D.retained, at(9), CHAIR, MEETING)
        assert life.status is S.follow_up
        return
    with pytest.raises(AssessmentsNotFavourable) as refused:
        life.weigh(assessments, D.retained, at(9), CHAIR, MEETING)
    assert refused.value.rule == "R-CASE-7"
    assert refused.value.params["unfavourable"] == list(assessments.unfavourable)
    assert refused.value.params["alternative"] == D.referred
    assert (life.status, len(life.history)) == (S.weighing, 2)
    life.weigh(assessments, D.referred, at(9), CHAIR, MEETING)
    assert life.closure_reason is ClosureReason.referred


def test_r_case_7_names_the_unfavourable_assessments() -> None:
    assert WeighingAssessments(False, True, False).unfavourable == (
        "threatNotParticularlyHigh",
        "noHeavyMilieuContacts",
    )
    assert FAVOURABLE.all_favourable
    assert not UNWILLING.all_favourable


def test_r_case_7_the_table_may_refer_even_with_favourable_assessments() -> None:
    life = in_status(S.weighing)
    life.weigh(FAVOURABLE, D.referred, at(9), CHAIR, MEETING)
    assert life.closure_reason is ClosureReason.referred


def test_r_case_5_rebuilds_a_stored_lifecycle_only_when_consistent() -> None:
    stored = in_status(S.follow_up)
    assert Lifecycle(stored.status, list(stored.history)) == stored
    with pytest.raises(ValueError, match="does not match"):
        Lifecycle(S.evaluation, list(stored.history))
    with pytest.raises(ValueError, match="history breaks"):
        Lifecycle(S.follow_up, stored.history[1:])
    swapped = [stored.history[1], stored.history[0]]
    with pytest.raises(ValueError, match="history breaks"):
        Lifecycle(S.weighing, swapped)


def test_r_case_7_a_stored_retention_without_favourable_assessments_is_rejected() -> None:
    with pytest.raises(ValueError, match="R-CASE-7"):
        Transition(S.weighing, S.follow_up, T0, CHAIR, MEETING, D.retained, UNWILLING)
    with pytest.raises(ValueError, match="does not fit"):
        Transition(S.weighing, S.closed, T0, CHAIR, MEETING, D.retained, FAVOURABLE)
    with pytest.raises(ValueError, match="does not fit"):
        Transition(S.evaluation, S.closed, T0, CHAIR, MEETING, None, None, ClosureReason.referred)
    with pytest.raises(ValueError, match="no step"):
        Transition(S.registered, S.weighing, T0, CHAIR, MEETING)
    with pytest.raises(ValueError, match="belong to the step out of weighing"):
        Transition(S.weighing, S.follow_up, T0, CHAIR, MEETING)


def test_refuses_naive_times() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        Lifecycle().admit(datetime(2026, 3, 2, 9, 0), CHAIR, MEETING)  # noqa: DTZ001
    assert Lifecycle().closed_at is None
