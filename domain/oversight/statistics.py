"""The strategic table's figures (R-TAB-3): how the cell works, never who it discusses.

Every count below five is shown as "<5"; rates and medians appear only over enough cases; no
case code or content is ever part of a figure.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.cases.lifecycle import CaseStatus
from domain.cases.vocabulary import ActionStatus, CaseSource, InitialProblem, PhenomenonLabel
from domain.cells.clients import require_scope
from domain.cells.model import Cell
from domain.cells.vocabulary import TableKind
from domain.identity.model import Scope
from domain.identity.principal import load_principal
from domain.identity.tokens import TokenClaims
from domain.meetings.cadence import CadenceStatus
from domain.meetings.status import cadence_from
from domain.oversight.access import require_oversight
from domain.oversight.months import per_month
from domain.oversight.ports import StepRecord
from domain.oversight.suppression import Count, count, days, share
from domain.shared.clock import Clock
from domain.shared.errors import NotFound
from domain.unit_of_work import UnitOfWork

DIMENSIONS = ("status", "problem", "phenomenon", "municipality", "source")
YEAR = timedelta(days=365)


@dataclass(frozen=True, slots=True)
class Statistics:
    cell_id: uuid.UUID
    computed_at: datetime
    breakdowns: dict[str, dict[str, Count]]
    total_cases: Count
    admission_rate: float | None
    median_days_in_phase: dict[str, float | None]
    meetings_per_month: dict[str, int]
    cadence: CadenceStatus
    actions: dict[str, Count]
    action_completion: float | None


def phase_durations(steps: list[StepRecord]) -> dict[str, list[float]]:
    """How long cases stayed in each phase (the store counts a phase still running until now);
    a closed case spends no time in a phase."""
    durations: dict[str, list[float]] = defaultdict(list)
    for step in steps:
        if step.to_status != "closed":
            durations[step.to_status].extend(step.days)
    return durations


def vocabulary(cell: Cell) -> dict[str, list[str]]:
    """Every label a breakdown can have, so that a zero is shown (as "<5") like any small count
    and the absence of a row never tells more than its presence."""
    return {
        "status": [str(s) for s in CaseStatus],
        "problem": [str(p) for p in InitialProblem],
        "phenomenon": [str(p) for p in PhenomenonLabel],
        "municipality": [m.nis_code for m in cell.municipalities],
        "source": [str(CaseSource.ltf), *sorted({str(o.type) for o in cell.organisations})],
        "actions": [*(str(s) for s in ActionStatus), "overdue"],
    }


def complete(labels: list[str], raw: dict[str, int]) -> dict[str, Count]:
    """Known labels in their own order, then any other label found (e.g. an old vocabulary)."""
    extra = sorted(set(raw) - set(labels))
    return {label: count(raw.get(label, 0)) for label in [*labels, *extra]}


def admission(steps: list[StepRecord]) -> tuple[int, int]:
    """Admitted and not admitted, among the submissions the table decided on."""
    admitted = sum(
        len(s.days)
        for s in steps
        if s.from_status == "registered" and s.to_status == "fileBuilding"
    )
    refused = sum(
        len(s.days) for s in steps if s.from_status == "registered" and s.to_status == "closed"
    )
    return admitted, admitted + refused


async def statistics(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, cell_id: uuid.UUID
) -> Statistics:
    """For those who oversee the cell (R-TAB-3) and its integration clients with
    `statistics:read`."""
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        if principal.client is not None:
            if principal.client.cell_id != cell_id:
                raise NotFound()
            require_scope(principal, Scope.statistics_read)
        else:
            require_oversight(principal, cell_id)
        cell = await uow.cells.get(cell_id, seen=principal.cell_revisions.get(cell_id))
        if cell is None:
            raise NotFound()
        figures = await uow.oversight.figures(
            cell.id, (*DIMENSIONS, "actions", "overdue"), now.date(), now
        )
        rhythm = await uow.meetings.rhythm(cell.id, TableKind.operational, now - YEAR)
    raw, steps = figures.counts, figures.steps
    labels = vocabulary(cell)
    durations = phase_durations(steps)
    admitted, decided = admission(steps)
    actions = {**raw["actions"], "overdue": raw["overdue"].get("overdue", 0)}
    done = actions.get("done", 0)
    carried = sum(value for key, value in actions.items() if key not in ("overdue", "cancelled"))
    return Statistics(
        cell_id=cell.id,
        computed_at=now,
        breakdowns={
            dimension: complete(labels[dimension], raw[dimension]) for dimension in DIMENSIONS
        },
        total_cases=count(sum(raw["status"].values())),
        admission_rate=share(admitted, decided),
        median_days_in_phase={phase: days(values) for phase, values in sorted(durations.items())},
        # Meetings are not people: their numbers need no suppression.
        meetings_per_month=per_month(rhythm.held_since, now),
        cadence=cadence_from(rhythm, cell, now),
        actions=complete(labels["actions"], actions),
        action_completion=share(done, carried),
    )
