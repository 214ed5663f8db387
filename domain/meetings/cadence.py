"""How often a cell's tables must meet, when the next operational meeting is due and whether it is
overdue (R-CAD-1 … R-CAD-4, R-CAD-6).

A pure function of its input: the caller counts the open and problematic cases (R-CASE-10), looks
up the held operational meetings and takes `now` from the Clock port. R-CAD-5 (a meeting on a
member's request or for a case) only ever adds meetings, so it changes no duty computed here.

Choices the guidance leaves open, made here once so every screen explains the same figures:

- *A month* (R-CAD-3) is the same day and time of the next calendar month, in UTC, clamped to the
  last day of a shorter month (31 January → 28/29 February). It is what a chair means by "a month
  after 15 March", and it is never shorter than 28 days, so it is always slower than weekly.
- *The reference* of a due date is the later of the last held operational meeting and
  `mode_since`, the moment the current mode began. A duty counts from the moment it applies: a
  cell in sleep mode that takes in a case on 20 March owes a meeting by 20 April, not by a month
  after a meeting held last year; a monthly cell whose first case is marked problematic on
  20 March owes a meeting by 27 March. The table marks cases problematic in a meeting, so the two
  moments usually coincide and the due date is simply 7 days after that meeting. When they do
  not, a switch to weekly can land up to 7 days after the monthly date it replaces; the input
  does not say what the previous mode was, and counting from the last meeting instead would make
  a cell leaving sleep mode overdue at once.
- *The constitutive meeting* (R-CAD-1) is due at once: from `cell_established_at` when known,
  otherwise from `now` (due, not yet overdue). Until it is held the cell is flagged whatever its
  cases, in sleep mode too: the guidance asks for the exercise even without any case.
- *Days overdue* are whole days past the due moment, so a meeting a few hours late is overdue
  with 0 days ("due since today").
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum

WEEK = timedelta(days=7)
_DAY = timedelta(days=1)


class CadenceMode(StrEnum):
    """The pace R-CAD-2 … R-CAD-4 set for the operational table, fastest first."""

    weekly = "weekly"
    monthly = "monthly"
    sleep = "sleep"  # slaapstand: meetings only ad hoc


class CadenceExplanation(StrEnum):
    """Why the cadence is what it is; the API turns it and its params into a sentence."""

    weekly_because_problematic = "weeklyBecauseProblematic"  # R-CAD-2
    monthly_because_open_cases = "monthlyBecauseOpenCases"  # R-CAD-3
    sleep_no_open_cases = "sleepNoOpenCases"  # R-CAD-4
    constitutive_meeting_missing = "constitutiveMeetingMissing"  # R-CAD-1
    strategic_ad_hoc = "strategicAdHoc"  # R-CAD-6


@dataclass(frozen=True, slots=True)
class CadenceInput:
    """What the cadence of a cell's operational table depends on.

    `mode_since` is when the current mode began (the first case admitted after sleep mode, the
    first case marked problematic, the last problematic mark lifted); `cell_established_at` is when
    the cell was set up. Both are optional and only move a due date later, never earlier.
    """

    open_cases: int
    problematic_open_cases: int
    last_held_operational_meeting: datetime | None
    first_held_operational_meeting: datetime | None
    now: datetime
    mode_since: datetime | None = None
    cell_established_at: datetime | None = None

    def __post_init__(self) -> None:
        # The counts and meetings come from the repositories, not from a user: an inconsistency is
        # a bug upstream, not a refusal to explain.
        if not 0 <= self.problematic_open_cases <= self.open_cases:
            raise ValueError("problematic open cases must be between 0 and the open cases")
        moments = (
            self.last_held_operational_meeting,
            self.first_held_operational_meeting,
            self.now,
            self.mode_since,
            self.cell_established_at,
        )
        if any(m is not None and m.utcoffset() is None for m in moments):
            raise ValueError("cadence times must be timezone-aware")
        first, last = self.first_held_operational_meeting, self.last_held_operational_meeting
        if (first is None) != (last is None) or (first and last and last < first):
            raise ValueError("the last held meeting cannot precede the first")

    @property
    def constitutive_meeting_held(self) -> bool:
        """R-CAD-1: the cell has held at least one operational meeting."""
        return self.first_held_operational_meeting is not None


@dataclass(frozen=True, slots=True)
class CadenceStatus:
    """Where a table stands with its cadence. `due_from` is the reference `next_due` counts from;
    both are None when meetings are only ad hoc (R-CAD-4, R-CAD-6)."""

    mode: CadenceMode
    next_due: datetime | None
    overdue: bool
    days_overdue: int
    constitutive_meeting_held: bool
    explanation: CadenceExplanation
    explanation_params: dict[str, int] = field(default_factory=dict)
    due_from: datetime | None = None


def cadence_mode(open_cases: int, problematic_open_cases: int) -> CadenceMode:
    """R-CAD-2: weekly with at least one problematic open case; R-CAD-3: monthly with open cases
    none of which is problematic; R-CAD-4: sleep mode without open cases."""
    if problematic_open_cases > 0:
        return CadenceMode.weekly
    if open_cases > 0:
        return CadenceMode.monthly
    return CadenceMode.sleep


def one_month_after(moment: datetime) -> datetime:
    """R-CAD-3's month: the same day and time next calendar month (UTC), clamped to its last day."""
    utc = moment.astimezone(UTC)
    year, month = (utc.year + 1, 1) if utc.month == 12 else (utc.year, utc.month + 1)
    day = min(utc.day, calendar.monthrange(year, month)[1])
    return utc.replace(year=year, month=month, day=day)


def operational_cadence(cadence: CadenceInput) -> CadenceStatus:
    """The operational table's cadence: R-CAD-1 (constitutive meeting), R-CAD-2 (weekly with a
    problematic case), R-CAD-3 (monthly with open cases), R-CAD-4 (sleep mode otherwise)."""
    mode = cadence_mode(cadence.open_cases, cadence.problematic_open_cases)
    params = {
        "openCases": cadence.open_cases,
        "problematicCases": cadence.problematic_open_cases,
    }
    last = cadence.last_held_operational_meeting
    if last is None:
        # R-CAD-1 comes before the regular cadence, which needs a first meeting to count from.
        due = (cadence.cell_established_at or cadence.now).astimezone(UTC)
        explanation = CadenceExplanation.constitutive_meeting_missing
        return _due(mode, due, due, cadence.now, False, explanation, params)
    if mode is CadenceMode.sleep:
        explanation = CadenceExplanation.sleep_no_open_cases
        return CadenceStatus(mode, None, False, 0, True, explanation, params)
    reference = max(last, cadence.mode_since or last).astimezone(UTC)
    if mode is CadenceMode.weekly:
        explanation = CadenceExplanation.weekly_because_problematic
        return _due(mode, reference, reference + WEEK, cadence.now, True, explanation, params)
    explanation = CadenceExplanation.monthly_because_open_cases
    next_due = one_month_after(reference)
    return _due(mode, reference, next_due, cadence.now, True, explanation, params)


def strategic_cadence() -> CadenceStatus:
    """R-CAD-6: the strategic table meets ad hoc, so it has no due date and is never overdue.
    R-CAD-1 binds the operational table only, so the strategic table is never flagged."""
    explanation = CadenceExplanation.strategic_ad_hoc
    return CadenceStatus(CadenceMode.sleep, None, False, 0, True, explanation)


def _due(
    mode: CadenceMode,
    due_from: datetime,
    next_due: datetime,
    now: datetime,
    constitutive_meeting_held: bool,
    explanation: CadenceExplanation,
    params: dict[str, int],
) -> CadenceStatus:
    overdue = now > next_due
    days_overdue = (now - next_due) // _DAY if overdue else 0
    return CadenceStatus(
        mode,
        next_due,
        overdue,
        days_overdue,
        constitutive_meeting_held,
        explanation,
        params,
        due_from,
    )
