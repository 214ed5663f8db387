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
    bindparam,
    func,
    literal,
    select,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sqlalchemy.rows.audit import AuditEventRow
from adapters.sqlalchemy.rows.cases import CaseProblemRow, CaseRow, CaseTransitionRow, PlanActionRow
from adapters.sqlalchemy.rows.cells import OrganisationRow, TermsAcknowledgementRow
from adapters.sqlalchemy.types import UtcDateTime, days_between, joined, split
from domain.audit.model import PLATFORM_CHAIN
from domain.cases.lifecycle import CaseStatus
from domain.oversight.ports import AcknowledgementRecord, OversightReader, PurgeRecord, StepRecord

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
# pairs the steps (a window over the case) and subtracts, so no moment is read into Python.
_NEXT_STEP = func.lead(CaseTransitionRow.at).over(
    partition_by=CaseTransitionRow.case_id,
    order_by=(CaseTransitionRow.at, CaseTransitionRow.seq),
)
_NOW = bindparam("now", type_=UtcDateTime)
# A submission records no step: the case is registered from its creation until its first step
# (the table's admission decision), or until now.
_FIRST_STEP = (
    select(func.min(CaseTransitionRow.at))
    .where(CaseTransitionRow.case_id == CaseRow.id)
    .scalar_subquery()
)
_EACH_STEP = union_all(
    select(
        literal("").label("from_status"),
        literal(str(CaseStatus.registered)).label("to_status"),
        days_between(CaseRow.created_at, func.coalesce(_FIRST_STEP, _NOW)).label("days"),
    ).where(CaseRow.cell_id == _CELL_ID),
    select(
        CaseTransitionRow.from_status,
        CaseTransitionRow.to_status,
        days_between(CaseTransitionRow.at, func.coalesce(_NEXT_STEP, _NOW)),
    )
    .join(CaseRow, CaseRow.id == CaseTransitionRow.case_id)
    .where(CaseRow.cell_id == _CELL_ID),
).subquery("each_step")
# Grouped by pair of statuses, the days as one joined list per pair: a dozen rows for the
# hundreds of steps of a cell (reading a row per step was most of the statistics' reads).
STEPS = select(
    _EACH_STEP.c.from_status, _EACH_STEP.c.to_status, joined(_EACH_STEP.c.days)
).group_by(_EACH_STEP.c.from_status, _EACH_STEP.c.to_status)


@cache
def _breakdowns(dimensions: tuple[str, ...]) -> CompoundSelect[Any]:
    """Every dimension in one statement (the breakdowns are read together on each request),
    built once per set of dimensions."""
    return union_all(*(_grouped(dimension) for dimension in dimensions))


class SqlAlchemyOversightReader(OversightReader):
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def counts(
        self, cell_id: uuid.UUID, dimensions: Sequence[str], today: date
    ) -> dict[str, dict[str, int]]:
        counted: dict[str, dict[str, int]] = {dimension: {} for dimension in dimensions}
        if not dimensions:
            return counted
        every = _breakdowns(tuple(dimensions))
        given = {"cell_id": cell_id, "today": today}
        for dimension, label, total in await self.session.execute(every, given):
            counted[dimension][str(label) if label is not None else "none"] = int(total)
        return counted

    async def steps(self, cell_id: uuid.UUID, now: datetime) -> list[StepRecord]:
        rows = await self.session.execute(STEPS, {"cell_id": cell_id, "now": now})
        return [
            StepRecord(source, target, tuple(float(d) for d in split(days)))
            for source, target, days in rows
        ]

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
