"""Statistics for the strategic table (R-TAB-3) and the compliance evidence pack (R-AUD-1)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Path, Request, Response
from pydantic import Field

from api.dependencies import (
    AuditedReadUowDep,
    ClockDep,
    EvidenceDocumentDep,
    LanguageDep,
    ReadUowDep,
)
from api.errors import ApiProblem
from api.openapi import errors
from api.schemas import ApiModel
from api.security import AccessClaims
from domain.cells.vocabulary import LegalBasisKind
from domain.feedback.form import Verdict
from domain.meetings.cadence import CadenceMode
from domain.oversight import evidence, statistics
from domain.oversight.suppression import Count

router = APIRouter(prefix="/cells/{cellId}", tags=["Oversight"])
CellId = Annotated[uuid.UUID, Path(alias="cellId")]
PDF = "application/pdf"


class CountRead(ApiModel):
    """A count as it may be shown: below five it is `<5` and has no value (suppressed)."""

    display: str = Field(examples=["12", "<5"])
    value: int | None = None


class LabelledCount(ApiModel):
    label: str
    count: CountRead


class PhaseDuration(ApiModel):
    phase: str
    median_days: float | None = Field(default=None, description="Absent below five cases")


class MonthCount(ApiModel):
    month: str
    held: int


class CadenceSummary(ApiModel):
    mode: CadenceMode
    next_due: datetime | None = None
    overdue: bool


class StatisticsRead(ApiModel):
    """Aggregates only: no case code, no content; counts below five suppressed."""

    cell: uuid.UUID
    computed_at: datetime
    total_cases: CountRead
    by_status: list[LabelledCount]
    by_problem: list[LabelledCount]
    by_phenomenon: list[LabelledCount]
    by_municipality: list[LabelledCount]
    by_source: list[LabelledCount] = Field(
        description="`ltf`, or the submitting partner's organisation type"
    )
    admission_rate: float | None = None
    median_days_in_phase: list[PhaseDuration]
    meetings_per_month: list[MonthCount]
    cadence: CadenceSummary
    actions: list[LabelledCount]
    action_completion: float | None = None


class LegalBasisRead(ApiModel):
    kind: LegalBasisKind
    reference: str
    decided_on: date | None = None


class CompositionMonthRead(ApiModel):
    month: str
    members: int
    police: int
    balanced: bool
    constituted: bool


class ApprovalRead(ApiModel):
    member: str
    version_hash: str
    verdict: Verdict
    at: datetime


class FormEvidenceRead(ApiModel):
    form: uuid.UUID
    round: int
    version: int
    version_hash: str
    transmitted_at: datetime
    transmitted_by: str
    meeting: uuid.UUID
    meeting_started_at: datetime | None = None
    present: list[str]
    approvals: list[ApprovalRead]


class AcknowledgementRead(ApiModel):
    member: str
    version: int
    at: datetime


class PurgeRead(ApiModel):
    day: date
    cases: int


class EvidencePackRead(ApiModel):
    """What a DPO signs off: computed at the audit chain head it names."""

    cell: uuid.UUID
    cell_name: str
    computed_at: datetime
    chain_length: int
    chain_head: str
    chain_intact: bool
    first_broken_seq: int | None = None
    legal_basis: LegalBasisRead | None = None
    composition: list[CompositionMonthRead]
    cadence: CadenceSummary
    meetings_per_month: list[MonthCount]
    feedback_forms: list[FormEvidenceRead]
    terms_version: int
    acknowledgements: list[AcknowledgementRead]
    unacknowledged: list[str]
    reads_by_organisation: dict[str, int]
    retention_days: int
    retention_runs: list[str]
    purges: list[PurgeRead]


def counts(values: dict[str, Count]) -> list[LabelledCount]:
    return [
        LabelledCount(label=label, count=CountRead(display=c.display, value=c.value))
        for label, c in values.items()
    ]


@router.get(
    "/statistics",
    summary="Read the statistics of a cell",
    response_model=StatisticsRead,
    response_model_exclude_none=True,
    responses=errors(401, 403, 404),
)
async def get_statistics(
    cell_id: CellId, claims: AccessClaims, uow: ReadUowDep, clock: ClockDep
) -> StatisticsRead:
    """For the cell's members (the strategic table above all) and integration clients with
    `statistics:read`."""
    figures = await statistics.statistics(uow, clock, claims, cell_id)
    breakdowns = figures.breakdowns
    total = figures.total_cases
    return StatisticsRead(
        cell=figures.cell_id,
        computed_at=figures.computed_at,
        total_cases=CountRead(display=total.display, value=total.value),
        by_status=counts(breakdowns["status"]),
        by_problem=counts(breakdowns["problem"]),
        by_phenomenon=counts(breakdowns["phenomenon"]),
        by_municipality=counts(breakdowns["municipality"]),
        by_source=counts(breakdowns["source"]),
        admission_rate=figures.admission_rate,
        median_days_in_phase=[
            PhaseDuration(phase=phase, median_days=value)
            for phase, value in figures.median_days_in_phase.items()
        ],
        meetings_per_month=[
            MonthCount(month=m, held=n) for m, n in figures.meetings_per_month.items()
        ],
        cadence=CadenceSummary(
            mode=figures.cadence.mode,
            next_due=figures.cadence.next_due,
            overdue=figures.cadence.overdue,
        ),
        actions=counts(figures.actions),
        action_completion=figures.action_completion,
    )


def pack_read(pack: evidence.EvidencePack) -> EvidencePackRead:
    basis = pack.legal_basis
    return EvidencePackRead(
        cell=pack.cell_id,
        cell_name=pack.cell_name,
        computed_at=pack.computed_at,
        chain_length=pack.chain_length,
        chain_head=pack.chain_head,
        chain_intact=pack.chain_intact,
        first_broken_seq=pack.first_broken_seq,
        legal_basis=LegalBasisRead(
            kind=basis.kind, reference=basis.reference, decided_on=basis.decided_on
        )
        if basis
        else None,
        composition=[
            CompositionMonthRead(
                month=m.month,
                members=m.members,
                police=m.police,
                balanced=m.balanced,
                constituted=m.constituted,
            )
            for m in pack.composition
        ],
        cadence=CadenceSummary(
            mode=pack.cadence.mode, next_due=pack.cadence.next_due, overdue=pack.cadence.overdue
        ),
        meetings_per_month=[
            MonthCount(month=m, held=n) for m, n in pack.meetings_per_month.items()
        ],
        feedback_forms=[
            FormEvidenceRead(
                form=f.form_id,
                round=f.round,
                version=f.version,
                version_hash=f.version_hash,
                transmitted_at=f.transmitted_at,
                transmitted_by=f.transmitted_by,
                meeting=f.meeting_id,
                meeting_started_at=f.meeting_started_at,
                present=list(f.present),
                approvals=[
                    ApprovalRead(
                        member=a.member, version_hash=a.version_hash, verdict=a.verdict, at=a.at
                    )
                    for a in f.approvals
                ],
            )
            for f in pack.feedback_forms
        ],
        terms_version=pack.terms_version,
        acknowledgements=[
            AcknowledgementRead(member=a.member, version=a.version, at=a.at)
            for a in pack.acknowledgements
        ],
        unacknowledged=list(pack.unacknowledged),
        reads_by_organisation=pack.reads_by_organisation,
        retention_days=pack.retention_days,
        retention_runs=list(pack.retention_runs),
        purges=[PurgeRead(day=p.day, cases=p.cases) for p in pack.purges],
    )


@router.get(
    "/complianceReport",
    summary="Get the compliance evidence pack (JSON or PDF)",
    response_model=EvidencePackRead,
    response_model_exclude_none=True,
    responses={
        200: {"content": {PDF: {"schema": {"type": "string", "format": "binary"}}}},
        **errors(401, 404),
    },
)
async def get_compliance_report(
    cell_id: CellId,
    request: Request,
    claims: AccessClaims,
    uow: AuditedReadUowDep,
    clock: ClockDep,
    language: LanguageDep,
    renderer: EvidenceDocumentDep,
) -> Response | EvidencePackRead:
    """For the mayor, the operational chair, auditors and the platform administrator:
    `Accept: application/pdf` for the printable pack. Never case content."""
    pack = await evidence.evidence_pack(uow, clock, claims, cell_id)
    accept = request.headers.get("accept", "application/json")
    if PDF in accept:
        name = renderer.filename(pack.cell_name, pack.computed_at)
        return Response(
            renderer.render(pack, language),
            media_type=PDF,
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
    if "json" not in accept and "*/*" not in accept:
        raise ApiProblem(406, "notAcceptable")
    return pack_read(pack)
