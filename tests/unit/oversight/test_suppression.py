"""R-TAB-3: the strategic table's figures never point at a person — every count below five is
"<5" without its value, rates and medians only over enough cases, zeros shown like small counts."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from domain.oversight.months import per_month
from domain.oversight.ports import StepRecord
from domain.oversight.statistics import admission, complete, phase_durations, vocabulary
from domain.oversight.suppression import count, days, share
from tests.support.cells import NOW, new_cell


def test_r_tab_3_counts_zero_to_six() -> None:
    shown = [count(n) for n in range(7)]
    assert [c.display for c in shown] == ["<5", "<5", "<5", "<5", "<5", "5", "6"]
    assert [c.value for c in shown] == [None, None, None, None, None, 5, 6]
    assert all(c.suppressed for c in shown[:5])


def test_r_tab_3_a_rate_never_gives_a_small_count_away() -> None:
    assert share(4, 100) is None, "4 of 100 would show 4 by multiplication"
    assert share(96, 100) is None, "the rest (4) would be found by subtraction"
    assert share(5, 9) is None
    assert share(5, 10) == 0.5
    assert share(0, 0) is None


def test_r_tab_3_medians_only_over_five_cases() -> None:
    assert days([1.0, 2.0, 3.0, 4.0]) is None
    assert days([5.0, 1.0, 3.0, 2.0, 4.0]) == 3.0
    assert days([1.0, 2.0, 3.0, 4.0, 5.0, 6.0]) == 3.5


@given(st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), st.integers(0, 12)))
def test_r_tab_3_every_label_of_a_breakdown_is_suppressed_below_five(raw: dict[str, int]) -> None:
    labels = ["a", "b", "c"]
    shown = complete(labels, raw)
    assert list(shown)[:3] == labels, "known labels always present, zero included"
    for label, figure in shown.items():
        value = raw.get(label, 0)
        if value < 5:
            assert figure.display == "<5"
            assert figure.value is None
        else:
            assert figure.display == str(value)
            assert figure.value == value


def test_every_breakdown_lists_its_whole_vocabulary() -> None:
    cell = new_cell()
    labels = vocabulary(cell)
    assert labels["status"][0] == "registered"
    assert labels["status"][-1] == "closed"
    assert labels["municipality"] == ["99001"]
    assert labels["source"][0] == "ltf"
    assert "localPolice" in labels["source"]
    assert labels["actions"][-1] == "overdue"


def step(source: str, target: str, *days: float) -> StepRecord:
    return StepRecord(source, target, days or (1.0,))


def test_time_in_each_phase_is_what_the_store_measured_and_closed_cases_spend_none() -> None:
    steps = [
        step("", "registered", 2.0, 10.0),
        step("registered", "fileBuilding", 3.0),
        step("fileBuilding", "closed", 6.0),
        step("followUp", "registered", 4.0),
    ]
    durations = phase_durations(steps)
    assert durations["registered"] == [2.0, 10.0, 4.0]
    assert durations["fileBuilding"] == [3.0]
    assert "closed" not in durations, "a closed case spends no time in a phase"


def test_admission_counts_decisions_on_submissions_only() -> None:
    steps = [
        step("registered", "fileBuilding", 1.0, 2.0),
        step("registered", "closed"),
        step("followUp", "closed"),
        step("", "registered"),
    ]
    assert admission(steps) == (2, 3)


def test_meetings_per_month_cover_twelve_months_with_zeros() -> None:
    now = NOW  # 2 March 2026
    counts = per_month(
        [NOW - timedelta(days=1), NOW - timedelta(days=40), NOW.replace(year=2024)], now
    )
    assert next(iter(counts)) == "2025-04"
    assert list(counts)[-1] == "2026-03"
    assert counts["2026-03"] == 1
    assert counts["2026-02"] == 0
    assert counts["2026-01"] == 1
    assert sum(counts.values()) == 2, "older than a year: not in the figures"
