"""The meeting cadence, rule by rule (R-CAD-1 … R-CAD-4, R-CAD-6), then as properties over random
case counts and dates."""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.meetings.cadence import (
    CadenceExplanation,
    CadenceInput,
    CadenceMode,
    CadenceStatus,
    cadence_mode,
    one_month_after,
    operational_cadence,
    strategic_cadence,
)

M = CadenceMode
E = CadenceExplanation
FIRST = datetime(2026, 1, 12, 18, 0, tzinfo=UTC)
LAST = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
WEEK = timedelta(days=7)


def cadence(
    open_cases: int,
    problematic: int,
    now: datetime,
    last: datetime | None = LAST,
    **extra: datetime | None,
) -> CadenceStatus:
    first = None if last is None else min(FIRST, last)
    return operational_cadence(CadenceInput(open_cases, problematic, last, first, now, **extra))


def test_r_cad_1_flags_a_cell_that_never_met_and_counts_from_its_establishment() -> None:
    established = datetime(2026, 2, 1, 10, 0, tzinfo=UTC)
    now = established + timedelta(days=10, hours=3)
    status = cadence(0, 0, now, last=None, cell_established_at=established)
    assert not status.constitutive_meeting_held
    assert status.explanation is E.constitutive_meeting_missing
    assert status.mode is M.sleep  # the flag holds in sleep mode too
    assert (status.next_due, status.overdue, status.days_overdue) == (established, True, 10)


def test_r_cad_1_without_an_establishment_date_the_meeting_is_due_now() -> None:
    status = cadence(3, 1, LAST, last=None)
    assert (status.mode, status.constitutive_meeting_held) == (M.weekly, False)
    assert (status.next_due, status.overdue, status.days_overdue) == (LAST, False, 0)


def test_r_cad_1_the_flag_clears_with_the_first_meeting() -> None:
    status = cadence(0, 0, LAST + timedelta(days=400))
    assert status.constitutive_meeting_held
    assert status.explanation is E.sleep_no_open_cases


def test_r_cad_2_weekly_with_a_problematic_case() -> None:
    status = cadence(4, 1, LAST + timedelta(days=3))
    assert (status.mode, status.explanation) == (M.weekly, E.weekly_because_problematic)
    assert status.explanation_params == {"openCases": 4, "problematicCases": 1}
    assert (status.due_from, status.next_due) == (LAST, LAST + timedelta(days=7))
    assert not status.overdue


def test_r_cad_2_overdue_just_after_seven_days_not_at_seven_days() -> None:
    assert not cadence(1, 1, LAST + timedelta(days=7)).overdue
    late = cadence(1, 1, LAST + timedelta(days=7, seconds=1))
    assert (late.overdue, late.days_overdue) == (True, 0)
    assert cadence(1, 1, LAST + timedelta(days=9, hours=23)).days_overdue == 2


def test_r_cad_2_counts_from_the_moment_a_case_became_problematic() -> None:
    marked = LAST + timedelta(days=20)
    status = cadence(2, 1, marked + timedelta(days=2), mode_since=marked)
    assert (status.due_from, status.next_due, status.overdue) == (marked, marked + WEEK, False)
    # A mark older than the last meeting changes nothing: the meeting is the reference.
    assert cadence(2, 1, LAST, mode_since=FIRST).next_due == LAST + WEEK


def test_r_cad_3_monthly_with_open_cases_none_problematic() -> None:
    status = cadence(5, 0, LAST + timedelta(days=10))
    assert (status.mode, status.explanation) == (M.monthly, E.monthly_because_open_cases)
    assert status.next_due == datetime(2026, 4, 2, 18, 0, tzinfo=UTC)
    assert not status.overdue


@pytest.mark.parametrize(
    ("held", "due"),
    [
        (datetime(2026, 1, 31, 9, tzinfo=UTC), datetime(2026, 2, 28, 9, tzinfo=UTC)),
        (datetime(2028, 1, 31, 9, tzinfo=UTC), datetime(2028, 2, 29, 9, tzinfo=UTC)),
        (datetime(2026, 3, 31, 9, tzinfo=UTC), datetime(2026, 4, 30, 9, tzinfo=UTC)),
        (datetime(2026, 3, 15, 9, tzinfo=UTC), datetime(2026, 4, 15, 9, tzinfo=UTC)),
        (datetime(2026, 12, 20, 9, tzinfo=UTC), datetime(2027, 1, 20, 9, tzinfo=UTC)),
    ],
)
def test_r_cad_3_a_month_is_the_same_day_next_month_clamped(held: datetime, due: datetime) -> None:
    assert cadence(1, 0, held, last=held).next_due == due


def test_r_cad_3_a_month_is_computed_on_the_utc_calendar() -> None:
    # 23:30 UTC on 31 January is already 1 February in Brussels; the month still ends in February.
    brussels_evening = datetime(2026, 2, 1, 0, 30, tzinfo=timezone(timedelta(hours=1)))
    assert one_month_after(brussels_evening) == datetime(2026, 2, 28, 23, 30, tzinfo=UTC)


def test_r_cad_3_a_cell_leaving_sleep_mode_counts_from_its_new_case() -> None:
    admitted = LAST + timedelta(days=200)
    status = cadence(1, 0, admitted + timedelta(days=5), mode_since=admitted)
    assert (status.next_due, status.overdue) == (one_month_after(admitted), False)
    assert cadence(1, 0, admitted + timedelta(days=5)).days_overdue > 150  # without the mark


def test_r_cad_4_sleep_mode_without_open_cases() -> None:
    status = cadence(0, 0, LAST + timedelta(days=365))
    assert (status.mode, status.explanation) == (M.sleep, E.sleep_no_open_cases)
    assert (status.next_due, status.due_from) == (None, None)
    assert (status.overdue, status.days_overdue) == (False, 0)


def test_r_cad_6_the_strategic_table_meets_ad_hoc() -> None:
    status = strategic_cadence()
    assert (status.mode, status.explanation) == (M.sleep, E.strategic_ad_hoc)
    assert (status.next_due, status.overdue, status.days_overdue) == (None, False, 0)
    assert status.constitutive_meeting_held  # R-CAD-1 binds the operational table only


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"open_cases": 1, "problematic_open_cases": 2}, "problematic"),
        ({"open_cases": -1, "problematic_open_cases": 0}, "problematic"),
        ({"first_held_operational_meeting": None}, "precede"),
        ({"first_held_operational_meeting": LAST + WEEK}, "precede"),
        ({"now": datetime(2026, 3, 3)}, "timezone-aware"),  # noqa: DTZ001
    ],
)
def test_refuses_inconsistent_input(kwargs: dict[str, Any], message: str) -> None:
    valid = CadenceInput(2, 1, LAST, FIRST, LAST)
    with pytest.raises(ValueError, match=message):
        replace(valid, **kwargs)


# --- Properties over random counts and dates ----------------------------------------------------

# Hypothesis takes naive bounds and attaches the timezone itself.
moments = st.datetimes(
    min_value=datetime(2020, 1, 1),  # noqa: DTZ001
    max_value=datetime(2035, 12, 31),  # noqa: DTZ001
    timezones=st.just(UTC),
)
spans = st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=120))


@st.composite
def counts(draw: st.DrawFn) -> tuple[int, int]:
    open_cases = draw(st.integers(min_value=0, max_value=40))
    return open_cases, draw(st.integers(min_value=0, max_value=open_cases))


@st.composite
def inputs(draw: st.DrawFn, held: bool | None = None) -> CadenceInput:
    open_cases, problematic = draw(counts())
    first = draw(moments)
    met = draw(st.booleans()) if held is None else held
    last = first + draw(spans) if met else None
    now = (last or first) + draw(st.timedeltas(timedelta(days=-10), timedelta(days=120)))
    return CadenceInput(
        open_cases,
        problematic,
        last,
        first if met else None,
        now,
        mode_since=draw(st.none() | spans.map(lambda d: first + d)),
        cell_established_at=draw(st.none() | spans.map(lambda d: first - d)),
    )


FAST = settings(max_examples=300, deadline=None)


@FAST
@given(inputs())
def test_r_cad_2_r_cad_3_r_cad_4_mode_matches_the_counts(given_input: CadenceInput) -> None:
    status = operational_cadence(given_input)
    if given_input.problematic_open_cases > 0:
        assert status.mode is M.weekly
    elif given_input.open_cases > 0:
        assert status.mode is M.monthly
    else:
        assert status.mode is M.sleep
    assert status.constitutive_meeting_held == (
        given_input.first_held_operational_meeting is not None
    )


@FAST
@given(inputs(held=True))
def test_r_cad_2_r_cad_3_due_one_period_after_the_later_of_meeting_and_mode_change(
    given_input: CadenceInput,
) -> None:
    status = operational_cadence(given_input)
    if status.mode is M.sleep:
        return
    last = given_input.last_held_operational_meeting
    assert last is not None
    reference = max(last, given_input.mode_since or last)
    assert status.due_from == reference
    assert status.next_due is not None
    if status.mode is M.weekly:
        assert status.next_due - reference == timedelta(days=7)
        return
    # Monthly: the next calendar month, same time, same day unless that month is shorter.
    due = status.next_due
    assert (due.year * 12 + due.month) - (reference.year * 12 + reference.month) == 1
    assert due.time() == reference.time()
    assert due.day == min(reference.day, calendar.monthrange(due.year, due.month)[1])
    assert timedelta(days=28) <= due - reference <= timedelta(days=31)


@FAST
@given(inputs())
def test_r_cad_1_r_cad_2_r_cad_3_r_cad_4_overdue_exactly_when_now_is_past_the_due_date(
    given_input: CadenceInput,
) -> None:
    status = operational_cadence(given_input)
    if status.next_due is None:
        assert (status.overdue, status.days_overdue) == (False, 0)
        return
    assert status.overdue == (given_input.now > status.next_due)
    late = given_input.now - status.next_due
    assert status.days_overdue == (late.days if status.overdue else 0)


@FAST
@given(inputs(held=True))
def test_r_cad_4_sleep_has_no_due_date_and_is_never_overdue(given_input: CadenceInput) -> None:
    status = operational_cadence(replace(given_input, open_cases=0, problematic_open_cases=0))
    assert (status.mode, status.next_due, status.overdue, status.days_overdue) == (
        M.sleep,
        None,
        False,
        0,
    )


def _due_rank(status: CadenceStatus) -> datetime:
    return status.next_due or datetime.max.replace(tzinfo=UTC)


@FAST
@given(inputs(), counts(), st.integers(0, 10), st.integers(0, 10))
def test_r_cad_2_r_cad_3_r_cad_4_more_cases_never_slow_the_cadence(
    given_input: CadenceInput, base: tuple[int, int], more_open: int, more_problematic: int
) -> None:
    fewer = replace(given_input, open_cases=base[0], problematic_open_cases=base[1])
    more_problematic = min(more_problematic, base[0] + more_open - base[1])
    more = replace(
        fewer,
        open_cases=base[0] + more_open,
        problematic_open_cases=base[1] + more_problematic,
    )
    slow, fast = operational_cadence(fewer), operational_cadence(more)
    order = [M.weekly, M.monthly, M.sleep]
    assert order.index(fast.mode) <= order.index(slow.mode)
    assert _due_rank(fast) <= _due_rank(slow)
    assert fast.overdue >= slow.overdue


@FAST
@given(inputs(), st.timedeltas(timedelta(0), timedelta(days=400)))
def test_r_cad_1_r_cad_2_r_cad_3_r_cad_4_time_alone_never_clears_an_overdue_cadence(
    given_input: CadenceInput, later: timedelta
) -> None:
    before = operational_cadence(given_input)
    after = operational_cadence(replace(given_input, now=given_input.now + later))
    if before.overdue:
        assert after.overdue
        assert after.days_overdue >= before.days_overdue
        assert after.next_due == before.next_due


def test_r_cad_2_r_cad_3_r_cad_4_cadence_mode_from_the_counts() -> None:
    assert [cadence_mode(o, p) for o, p in [(0, 0), (3, 0), (3, 1)]] == [
        M.sleep,
        M.monthly,
        M.weekly,
    ]
