"""The oversight read model: GROUP BY in the database, a fixed number of statements."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime
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
from adapters.sqlalchemy.rows.meetings import MeetingRow
from domain.audit.model import PLATFORM_CHAIN
from domain.oversight.ports import AcknowledgementRecord, OversightReader, PurgeRecord, StepRecord

OPEN_ACTIONS = ("open", "inProgress")


def _aware(value: object) -> datetime:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if not isinstance(moment, datetime):
        raise TypeError(type(moment))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


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
    column = {
        "status": CaseRow.status,
        "phenomenon": CaseRow.phenomenon,
        "municipality": CaseRow.municipality,
    }[dimension]
    return select(named, column, func.count()).where(cases).group_by(column)


STEPS = (
    select(
        CaseTransitionRow.case_id,
        CaseTransitionRow.from_status,
        CaseTransitionRow.to_status,
        CaseTransitionRow.at,
    )
    .join(CaseRow, CaseRow.id == CaseTransitionRow.case_id)
    .where(CaseRow.cell_id == _CELL_ID)
)


@cache
def _breakdowns(dimensions: tuple[str, ...]) -> CompoundSelect[Any]:
    """Every dimension in one statement (the breakdowns are read together on each request),
    built once per set of dimensions."""
    return union_all(*(_grouped(dimension) for dimension in dimensions))


class SqlAlchemyOversightReader(OversightReader):
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def counts(
        self, cell_id: uuid.UUID, dimensions: Sequence[str]
    ) -> dict[str, dict[str, int]]:
        counted: dict[str, dict[str, int]] = {dimension: {} for dimension in dimensions}
        if not dimensions:
            return counted
        every = _breakdowns(tuple(dimensions))
        for dimension, label, total in await self.session.execute(every, {"cell_id": cell_id}):
            counted[dimension][str(label) if label is not None else "none"] = int(total)
        return counted

    async def steps(self, cell_id: uuid.UUID) -> list[StepRecord]:
        rows = await self.session.execute(STEPS, {"cell_id": cell_id})
        keys: dict[uuid.UUID, int] = {}
        return [
            StepRecord(keys.setdefault(case_id, len(keys)), from_status, to_status, _aware(at))
            for case_id, from_status, to_status, at in rows
        ]

    async def action_counts(self, cell_id: uuid.UUID, today: date) -> dict[str, int]:
        overdue = PlanActionRow.status.in_(OPEN_ACTIONS) & (PlanActionRow.due_on < today)
        rows = await self.session.execute(
            select(PlanActionRow.status, func.count(), func.count().filter(overdue))
            .where(PlanActionRow.cell_id == cell_id)
            .group_by(PlanActionRow.status)
        )
        counts: dict[str, int] = {"overdue": 0}
        for status, total, late in rows:
            counts[str(status)] = int(total)
            counts["overdue"] += int(late)
        return counts

    async def held_meetings(
        self, cell_id: uuid.UUID, table: str, since: datetime
    ) -> list[datetime]:
        rows = await self.session.scalars(
            select(MeetingRow.starts_at).where(
                MeetingRow.cell_id == cell_id,
                MeetingRow.table_kind == table,
                MeetingRow.status == "held",
                MeetingRow.starts_at >= since,
            )
        )
        return [_aware(moment) for moment in rows]

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
