"""The oversight read model: GROUP BY in the database, a fixed number of statements."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    BindParameter,
    CompoundSelect,
    Select,
    String,
    Text,
    bindparam,
    cast,
    func,
    literal,
    literal_column,
    null,
    select,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import Over
from sqlalchemy.sql.functions import FunctionElement

from adapters.sqlalchemy.rows.audit import AuditEventRow
from adapters.sqlalchemy.rows.cases import CaseProblemRow, CaseRow, CaseTransitionRow, PlanActionRow
from adapters.sqlalchemy.rows.cells import OrganisationRow, TermsAcknowledgementRow
from adapters.sqlalchemy.types import UtcDateTime, days_between, joined, split
from domain.audit.model import PLATFORM_CHAIN
from domain.cases.lifecycle import CaseStatus
from domain.oversight.ports import (
    AcknowledgementRecord,
    Figures,
    OversightReader,
    PurgeRecord,
    StepRecord,
)

OPEN_ACTIONS = ("open", "inProgress")


_CELL_ID: BindParameter[uuid.UUID] = bindparam("cell_id")


def _grouped(dimension: str) -> Select[Any, Any, int]:
    cases = CaseRow.cell_id == _CELL_ID
    named = literal(dimension).label("dimension")
    if dimension == "problem":
        return (
            select(named, CaseProblemRow.problem, func.count())
            .join(CaseRow, CaseRow.id == CaseProblemRow.case_id)
            .where(cases)
            .group_by(CaseProblemRow.problem)
        )
    if dimension == "source":
        label = func.coalesce(func.nullif(CaseRow.source, "partner"), OrganisationRow.type)
        # The reference holder is one of the cell's own organisations: saying so lets the
        # database look up a handful of them instead of hashing every organisation.
        return (
            select(named, label, func.count())
            .select_from(CaseRow)
            .join(
                OrganisationRow,
                (OrganisationRow.id == CaseRow.reference_holder)
                & (OrganisationRow.cell_id == _CELL_ID),
            )
            .where(cases)
            .group_by(label)
        )
    if dimension == "actions":
        return (
            select(named, PlanActionRow.status, func.count())
            .where(PlanActionRow.cell_id == _CELL_ID)
            .group_by(PlanActionRow.status)
        )
    if dimension == "overdue":
        return select(named, literal("overdue"), func.count()).where(
            PlanActionRow.cell_id == _CELL_ID,
            PlanActionRow.status.in_(OPEN_ACTIONS),
            PlanActionRow.due_on < bindparam("today"),
        )
    column = {
        "status": CaseRow.status,
        "phenomenon": CaseRow.phenomenon,
        "municipality": CaseRow.municipality,
    }[dimension]
    return select(named, column, func.count()).where(cases).group_by(column)


# Each step with the days until the case's next step, or until now for its last: the database
# pairs the steps (a window over the case) and subtracts, so no moment is read into Python. One
# pass over the cell's cases and their steps (outer-joined: a case may have none yet), numbered
# and paired within each case.


def _in_order(function: FunctionElement[Any]) -> Over[Any]:
    return function.over(
        partition_by=CaseRow.id, order_by=(CaseTransitionRow.at, CaseTransitionRow.seq)
    )


_NOW = bindparam("now", type_=UtcDateTime)
_STEP = (
    select(
        CaseRow.created_at.label("opened"),
        CaseTransitionRow.from_status,
        CaseTransitionRow.to_status,
        CaseTransitionRow.at,
        _in_order(func.lead(CaseTransitionRow.at)).label("next_at"),
        _in_order(func.row_number()).label("n"),
    )
    .select_from(CaseRow)
    .outerjoin(CaseTransitionRow, CaseTransitionRow.case_id == CaseRow.id)
    .where(CaseRow.cell_id == _CELL_ID)
    .cte("step")
)
_EACH_STEP = union_all(
    # A submission records no step: the case is registered from its creation until its first
    # step (the table's admission decision), or until now. (It was a subquery per case.)
    select(
        literal("").label("from_status"),
        literal(str(CaseStatus.registered)).label("to_status"),
        days_between(_STEP.c.opened, func.coalesce(_STEP.c.at, _NOW)).label("days"),
    ).where(_STEP.c.n == 1),
    select(
        _STEP.c.from_status,
        _STEP.c.to_status,
        days_between(_STEP.c.at, func.coalesce(_STEP.c.next_at, _NOW)),
    ).where(_STEP.c.at.is_not(None)),
).subquery("each_step")
# Grouped by pair of statuses, the days as one joined list per pair: a dozen rows for the
# hundreds of steps of a cell (reading a row per step was most of the statistics' reads). As rows
# of the figures' union: the dimension `step`, the source status as the label, the target status
# and the days in the two columns the counts leave empty.
_STEPS = select(
    literal_column("'step'"),
    _EACH_STEP.c.from_status,
    func.count(),
    _EACH_STEP.c.to_status,
    joined(_EACH_STEP.c.days),
).group_by(_EACH_STEP.c.from_status, _EACH_STEP.c.to_status)
_NO_STEP = (cast(null(), String).label("to_status"), cast(null(), Text).label("days"))


@cache
def _figures(dimensions: tuple[str, ...]) -> CompoundSelect[Any]:
    """Every dimension and every step in one statement (a statistics page reads them
    together on each request), built once per set of dimensions."""
    counted = [_grouped(dimension).add_columns(*_NO_STEP) for dimension in dimensions]
    return union_all(*counted, _STEPS)


class SqlAlchemyOversightReader(OversightReader):
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def figures(
        self, cell_id: uuid.UUID, dimensions: Sequence[str], today: date, now: datetime
    ) -> Figures:
        counted: dict[str, dict[str, int]] = {dimension: {} for dimension in dimensions}
        steps: list[StepRecord] = []
        given = {"cell_id": cell_id, "today": today, "now": now}
        rows = await self.session.execute(_figures(tuple(dimensions)), given)
        for dimension, label, total, target, days in rows:
            if dimension == "step":
                steps.append(StepRecord(label, target, tuple(float(d) for d in split(days))))
            else:
                counted[dimension][str(label) if label is not None else "none"] = int(total)
        return Figures(counted, steps)

    async def acknowledgements(self, cell_id: uuid.UUID) -> list[AcknowledgementRecord]:
        rows = await self.session.scalars(
            select(TermsAcknowledgementRow).where(TermsAcknowledgementRow.cell_id == cell_id)
        )
        return [AcknowledgementRecord(r.user_id, r.version, r.acknowledged_at) for r in rows]

    async def reads_by_actor(self, cell_id: uuid.UUID, since: str) -> dict[str, int]:
        rows = await self.session.execute(
            select(AuditEventRow.actor_id, func.count())
            .where(
                AuditEventRow.chain == str(cell_id),
                AuditEventRow.action == "case.read",
                AuditEventRow.occurred_at >= since,
            )
            .group_by(AuditEventRow.actor_id)
        )
        return {str(actor): int(total) for actor, total in rows}

    async def purges(self, cell_id: uuid.UUID) -> list[PurgeRecord]:
        day = func.substr(AuditEventRow.occurred_at, 1, 10)
        rows = await self.session.execute(
            select(day, func.count())
            .where(AuditEventRow.chain == str(cell_id), AuditEventRow.action == "case.purge")
            .group_by(day)
            .order_by(day)
        )
        return [PurgeRecord(date.fromisoformat(str(d)), int(total)) for d, total in rows]

    async def retention_runs(self, since: str) -> list[str]:
        rows = await self.session.scalars(
            select(AuditEventRow.occurred_at)
            .where(
                AuditEventRow.chain == PLATFORM_CHAIN,
                AuditEventRow.action == "retention.run",
                AuditEventRow.occurred_at >= since,
            )
            .order_by(AuditEventRow.occurred_at)
        )
        return list(rows)
