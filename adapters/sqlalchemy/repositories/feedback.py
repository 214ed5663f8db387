"""Feedback forms on SQLAlchemy; content stored as its canonical JSON."""

from __future__ import annotations

import json
import uuid
from collections.abc import Collection
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sqlalchemy.rows.feedback import (
    FeedbackFormRow,
    FeedbackVerdictRow,
    FeedbackVersionRow,
    IdempotencyRow,
)
from domain.feedback.content import FeedbackContent, KeyAssessment
from domain.feedback.form import Approval, FeedbackForm, FormVersion, Transmission, Verdict
from domain.feedback.ports import ConsensusRecord, FeedbackRepository, IdempotencyStore


def content_from(canonical: dict[str, object]) -> FeedbackContent:
    """The inverse of `FeedbackContent.canonical()` (lowerCamelCase keys)."""

    def text(name: str) -> str:
        return str(canonical[name])

    def score(name: str) -> int:
        value = canonical[name]
        if not isinstance(value, int):
            raise TypeError(name)
        return value

    return FeedbackContent(
        effectiveness_score=score("effectivenessScore"),
        effectiveness_explanation=text("effectivenessExplanation"),
        willingness_to_cooperate_score=score("willingnessToCooperateScore"),
        willingness_to_cooperate_explanation=text("willingnessToCooperateExplanation"),
        distance_from_extremist_ideas_score=score("distanceFromExtremistIdeasScore"),
        distance_from_extremist_ideas_explanation=text("distanceFromExtremistIdeasExplanation"),
        follow_up_still_useful=bool(canonical["followUpStillUseful"]),
        cell_has_enough_options=bool(canonical["cellHasEnoughOptions"]),
        follow_up_explanation=text("followUpExplanation"),
        other_elements=text("otherElements"),
        able_and_willing_to_commit_terrorist_acts=KeyAssessment(
            text("ableAndWillingToCommitTerroristActs")
        ),
        key_assessment_motivation=text("keyAssessmentMotivation"),
    )


def _version(row: FeedbackVersionRow) -> FormVersion:
    return FormVersion(
        row.number, content_from(json.loads(row.content)), row.hash, row.created_at, row.created_by
    )


class SqlAlchemyFeedbackRepository(FeedbackRepository):
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(
        self, form_id: uuid.UUID, meeting_id: uuid.UUID | None = None, *, for_update: bool = False
    ) -> FeedbackForm | None:
        statement = select(FeedbackFormRow).where(FeedbackFormRow.id == form_id)
        if for_update:
            statement = statement.with_for_update()
        row = await self.session.scalar(statement)
        if row is None:
            return None
        return await self._form(row, meeting_id)

    async def _versions(
        self, form_ids: Collection[uuid.UUID]
    ) -> dict[uuid.UUID, list[FormVersion]]:
        """The versions of these forms, in order, read together."""
        versions: dict[uuid.UUID, list[FormVersion]] = {form_id: [] for form_id in form_ids}
        if form_ids:
            for v in await self.session.scalars(
                select(FeedbackVersionRow)
                .where(FeedbackVersionRow.form_id.in_(list(form_ids)))
                .order_by(FeedbackVersionRow.number)
            ):
                versions[v.form_id].append(_version(v))
        return versions

    async def _form(
        self,
        row: FeedbackFormRow,
        meeting_id: uuid.UUID | None,
        versions: list[FormVersion] | None = None,
    ) -> FeedbackForm:
        if versions is None:
            versions = (await self._versions([row.id]))[row.id]
        current = versions[-1].hash
        approvals: dict[uuid.UUID, Approval] = {}
        if meeting_id is not None:
            for verdict in await self.session.scalars(
                select(FeedbackVerdictRow).where(
                    FeedbackVerdictRow.form_id == row.id,
                    FeedbackVerdictRow.meeting_id == meeting_id,
                    FeedbackVerdictRow.version_hash == current,
                )
            ):
                approvals[verdict.member_id] = Approval(
                    verdict.member_id,
                    verdict.version_hash,
                    Verdict(verdict.verdict),
                    verdict.reason,
                    verdict.at,
                )
        transmission = None
        if (
            row.transmitted_at
            and row.transmitted_by
            and row.transmitted_hash
            and row.transmitted_meeting_id
        ):
            present = frozenset(uuid.UUID(u) for u in json.loads(row.transmitted_present or "[]"))
            transmission = Transmission(
                row.transmitted_by,
                row.transmitted_at,
                row.transmitted_hash,
                row.transmitted_meeting_id,
                present,
            )
        return FeedbackForm(
            row.id, row.case_id, row.cell_id, row.round, versions, approvals, transmission
        )

    async def for_case(self, case_id: uuid.UUID) -> list[FeedbackForm]:
        rows = await self.session.scalars(
            select(FeedbackFormRow)
            .where(FeedbackFormRow.case_id == case_id)
            .order_by(FeedbackFormRow.round)
        )
        return [await self._form(row, None) for row in rows]

    async def add(self, form: FeedbackForm) -> None:
        self.session.add(
            FeedbackFormRow(
                id=form.id,
                case_id=form.case_id,
                cell_id=form.cell_id,
                round=form.round,
                created_at=form.current.created_at,
            )
        )
        await self.session.flush()
        for version in form.versions:
            await self._add_version(form.id, version)

    async def _add_version(self, form_id: uuid.UUID, version: FormVersion) -> None:
        self.session.add(
            FeedbackVersionRow(
                form_id=form_id,
                number=version.number,
                hash=version.hash,
                content=json.dumps(
                    version.content.canonical(),
                    sort_keys=True,
                    separators=(",", ":"),
                    ensure_ascii=False,
                ),
                created_at=version.created_at,
                created_by=version.created_by,
            )
        )
        await self.session.flush()

    async def add_version(self, form_id: uuid.UUID, version: FormVersion) -> None:
        await self._add_version(form_id, version)
        await self.session.execute(
            delete(FeedbackVerdictRow).where(FeedbackVerdictRow.form_id == form_id)
        )

    async def save_verdict(
        self, form_id: uuid.UUID, meeting_id: uuid.UUID, verdict: Approval
    ) -> None:
        row = await self.session.get(FeedbackVerdictRow, (form_id, meeting_id, verdict.member_id))
        if row is None:
            row = FeedbackVerdictRow(
                form_id=form_id, meeting_id=meeting_id, member_id=verdict.member_id
            )
            self.session.add(row)
        row.version_hash = verdict.version_hash
        row.verdict = str(verdict.verdict)
        row.reason = verdict.reason
        row.at = verdict.at
        await self.session.flush()

    async def consensus(self, form_id: uuid.UUID) -> ConsensusRecord | None:
        row = await self.session.get(FeedbackFormRow, form_id)
        if (
            row is None
            or not row.consensus_hash
            or not row.consensus_meeting_id
            or not row.consensus_at
        ):
            return None
        return ConsensusRecord(row.consensus_hash, row.consensus_meeting_id, row.consensus_at)

    async def record_consensus(self, form_id: uuid.UUID, record: ConsensusRecord | None) -> None:
        await self.session.execute(
            update(FeedbackFormRow)
            .where(FeedbackFormRow.id == form_id)
            .values(
                consensus_hash=record.version_hash if record else None,
                consensus_meeting_id=record.meeting_id if record else None,
                consensus_at=record.at if record else None,
            )
        )

    async def save_transmission(self, form: FeedbackForm) -> None:
        sent = form.transmission
        if sent is None:
            return
        await self.session.execute(
            update(FeedbackFormRow)
            .where(FeedbackFormRow.id == form.id)
            .values(
                transmitted_by=sent.by,
                transmitted_at=sent.at,
                transmitted_hash=sent.version_hash,
                transmitted_meeting_id=sent.meeting_id,
                transmitted_present=json.dumps(sorted(str(u) for u in sent.present_members)),
            )
        )

    async def transmitted(self, cell_id: uuid.UUID) -> list[FeedbackForm]:
        rows = (
            await self.session.scalars(
                select(FeedbackFormRow)
                .where(
                    FeedbackFormRow.cell_id == cell_id, FeedbackFormRow.transmitted_at.is_not(None)
                )
                .order_by(FeedbackFormRow.transmitted_at)
            )
        ).all()
        versions = await self._versions([row.id for row in rows])
        return [await self._form(row, None, versions[row.id]) for row in rows]

    async def verdicts(
        self, form_ids: Collection[uuid.UUID]
    ) -> dict[uuid.UUID, list[tuple[uuid.UUID, Approval]]]:
        found: dict[uuid.UUID, list[tuple[uuid.UUID, Approval]]] = {i: [] for i in form_ids}
        if not found:
            return found
        rows = await self.session.scalars(
            select(FeedbackVerdictRow).where(FeedbackVerdictRow.form_id.in_(list(found)))
        )
        for r in rows:
            approval = Approval(r.member_id, r.version_hash, Verdict(r.verdict), r.reason, r.at)
            found[r.form_id].append((r.meeting_id, approval))
        return found


class SqlAlchemyIdempotencyStore(IdempotencyStore):
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def recall(self, scope: str) -> tuple[str, str] | None:
        row = await self.session.get(IdempotencyRow, scope)
        return (row.fingerprint, row.result) if row else None

    async def remember(self, scope: str, fingerprint: str, result: str, at: datetime) -> None:
        insert = (
            postgresql_insert
            if self.session.get_bind().dialect.name == "postgresql"
            else sqlite_insert
        )
        await self.session.execute(
            insert(IdempotencyRow)
            .values(scope=scope, fingerprint=fingerprint, result=result, created_at=at)
            .on_conflict_do_nothing(index_elements=[IdempotencyRow.scope])
        )
