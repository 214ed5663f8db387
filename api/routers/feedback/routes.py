"""Feedback forms: drafting and versions (ETag = content hash), verdicts on exact versions in
the meeting, transmission by the information officer, and the document for the LTF."""

from __future__ import annotations

import hashlib
import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Request, Response

from api.dependencies import (
    AuditedReadUowDep,
    ClockDep,
    FeedbackDocumentDep,
    GuardDep,
    ReadUowDep,
    UowDep,
)
from api.errors import ApiProblem
from api.openapi import errors
from api.routers.feedback.schemas import (
    ApprovalPanelRead,
    Comparison,
    FeedbackContentBody,
    FeedbackFormList,
    FeedbackFormRead,
    FeedbackFormSummary,
    FieldChangeRead,
    PersonRead,
    TransmissionCreate,
    TransmissionRead,
    VerdictCreate,
    VerdictRead,
    VersionList,
    VersionRead,
)
from api.security import AccessClaims
from domain.feedback import use_cases
from domain.feedback.form import FeedbackForm, FormVersion
from domain.feedback.use_cases import FormView

router = APIRouter(tags=["Feedback"])
CaseId = Annotated[uuid.UUID, Path(alias="caseId")]
FormId = Annotated[uuid.UUID, Path(alias="formId")]
IfMatch = Annotated[str | None, Header(alias="If-Match", description="The current version's ETag")]
IdempotencyKey = Annotated[
    str | None,
    Header(alias="Idempotency-Key", max_length=64, description="Retries return the first result"),
]
CHANGES = errors(400, 401, 403, 404, 409, 412, 428)
PDF = "application/pdf"


def etag(form: FeedbackForm) -> str:
    return f'"{form.current.hash}"'


def version_read(version: FormVersion) -> VersionRead:
    return VersionRead(
        number=version.number,
        hash=version.hash,
        created_at=version.created_at,
        created_by=version.created_by,
        content=FeedbackContentBody.model_validate(version.content.canonical()),
    )


def verdicts_read(view: FormView) -> list[VerdictRead]:
    return [
        VerdictRead(
            member=a.member_id,
            display_name=view.names.get(a.member_id, ""),
            verdict=a.verdict,
            reason=a.reason or None,
            version_hash=a.version_hash,
        )
        for a in view.form.approvals.values()
    ]


def people_read(view: FormView) -> list[PersonRead]:
    return [
        PersonRead(id=user, display_name=name)
        for user, name in sorted(view.names.items(), key=lambda item: item[1])
    ]


def consensus_at(view: FormView) -> datetime | None:
    """Only a consensus on the current version counts; an older one was voided by an edit."""
    consensus = view.consensus
    return consensus.at if consensus and consensus.version_hash == view.form.current.hash else None


def form_read(view: FormView) -> FeedbackFormRead:
    form = view.form
    sent = form.transmission
    return FeedbackFormRead(
        id=form.id,
        case=form.case_id,
        case_code=view.case_code,
        round=form.round,
        status=view.status,
        current=version_read(form.current),
        versions=len(form.versions),
        meeting=view.meeting.id if view.meeting else None,
        approvers=sorted(view.approvers, key=str),
        awaiting=sorted(form.awaiting(view.approvers), key=str),
        verdicts=verdicts_read(view),
        people=people_read(view),
        consensus_reached_at=consensus_at(view),
        transmission=(
            TransmissionRead(
                by=sent.by,
                at=sent.at,
                version_hash=sent.version_hash,
                meeting=sent.meeting_id,
                present_members=sorted(sent.present_members, key=str),
            )
            if sent
            else None
        ),
    )


def answer(view: FormView, response: Response) -> FeedbackFormRead:
    response.headers["ETag"] = etag(view.form)
    return form_read(view)


@router.get(
    "/cases/{caseId}/feedbackForms",
    summary="List the feedback forms of a case",
    response_model=FeedbackFormList,
    responses=errors(401, 403, 404),
)
async def list_feedback_forms(
    case_id: CaseId, claims: AccessClaims, uow: ReadUowDep, clock: ClockDep
) -> FeedbackFormList:
    forms = await use_cases.list_forms(uow, clock, claims, case_id)
    items = [
        FeedbackFormSummary(
            id=f.id,
            round=f.round,
            versions=len(f.versions),
            current_hash=f.current.hash,
            transmitted=f.is_transmitted,
        )
        for f in forms
    ]
    return FeedbackFormList(items=items, total=len(items))


@router.post(
    "/cases/{caseId}/feedbackForms",
    summary="Draft the feedback form of an evaluation round",
    status_code=201,
    response_model=FeedbackFormRead,
    response_model_exclude_none=True,
    responses=errors(400, 401, 403, 404, 409),
)
async def create_feedback_form(
    case_id: CaseId,
    body: FeedbackContentBody,
    response: Response,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
    guard: GuardDep,
) -> FeedbackFormRead:
    """R-FB-1, by the chair or the information officer, for a case in follow-up or evaluation."""
    form = await use_cases.start_form(uow, clock, guard, claims, case_id, body.to_content())
    response.headers["Location"] = f"/api/v1/feedbackForms/{form.id}"
    return answer(await use_cases.read_form(uow, clock, claims, form.id, None), response)


@router.get(
    "/feedbackForms/{formId}",
    summary="Read a feedback form",
    response_model=FeedbackFormRead,
    response_model_exclude_none=True,
    responses=errors(400, 401, 403, 404),
)
async def get_feedback_form(
    form_id: FormId,
    response: Response,
    claims: AccessClaims,
    uow: AuditedReadUowDep,
    clock: ClockDep,
    meeting: Annotated[
        uuid.UUID | None, Query(description="Show the verdicts given in this meeting")
    ] = None,
) -> FeedbackFormRead:
    """With `?meeting=`, the approval panel: approvers, verdicts, who is still awaited."""
    return answer(await use_cases.read_form(uow, clock, claims, form_id, meeting), response)


@router.put(
    "/feedbackForms/{formId}",
    summary="Save a new version of a feedback form",
    response_model=FeedbackFormRead,
    response_model_exclude_none=True,
    responses=CHANGES,
)
async def update_feedback_form(
    form_id: FormId,
    body: FeedbackContentBody,
    response: Response,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
    guard: GuardDep,
    if_match: IfMatch = None,
) -> FeedbackFormRead:
    """Needs `If-Match` with the version edited (428 without, 412 when stale). Any edit voids
    every approval (R-FB-2)."""
    await use_cases.edit_form(uow, clock, guard, claims, form_id, body.to_content(), if_match)
    return answer(await use_cases.read_form(uow, clock, claims, form_id, None), response)


@router.get(
    "/feedbackForms/{formId}/versions",
    summary="List the versions of a feedback form",
    response_model=VersionList,
    responses=errors(401, 403, 404),
)
async def list_feedback_versions(
    form_id: FormId, claims: AccessClaims, uow: AuditedReadUowDep, clock: ClockDep
) -> VersionList:
    view = await use_cases.read_form(uow, clock, claims, form_id, None)
    items = [version_read(v) for v in view.form.history()]
    return VersionList(items=items, total=len(items))


@router.get(
    "/feedbackForms/{formId}/comparison",
    summary="Compare two versions of a feedback form",
    response_model=Comparison,
    responses=errors(400, 401, 403, 404),
)
async def compare_feedback_versions(
    form_id: FormId,
    claims: AccessClaims,
    uow: AuditedReadUowDep,
    clock: ClockDep,
    from_version: Annotated[int, Query(alias="from", ge=1, le=10_000)],
    to_version: Annotated[int, Query(alias="to", ge=1, le=10_000)],
) -> Comparison:
    view = await use_cases.read_form(uow, clock, claims, form_id, None)
    changes = view.form.compare(from_version, to_version)
    return Comparison(
        from_version=from_version,
        to_version=to_version,
        changes=[FieldChangeRead(field=c.field, old=c.old, new=c.new) for c in changes],
    )


@router.get(
    "/feedbackForms/{formId}/approvals",
    summary="Read who approved which version in a meeting",
    response_model=ApprovalPanelRead,
    response_model_exclude_none=True,
    responses={
        304: {"description": "Unchanged since the `ETag` sent in `If-None-Match`"},
        **errors(400, 401, 403, 404),
    },
)
async def get_approval_state(
    form_id: FormId,
    response: Response,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
    meeting: Annotated[uuid.UUID, Query(description="The meeting in which verdicts are given")],
    if_none_match: Annotated[str | None, Header(alias="If-None-Match")] = None,
) -> Response | ApprovalPanelRead:
    """For the live approval panel of the meeting room: no content, so it is not audited as a
    read; send the last `ETag` in `If-None-Match` and get 304 while nothing changed."""
    view = await use_cases.approval_state(uow, clock, claims, form_id, meeting)
    panel = ApprovalPanelRead(
        form=view.form.id,
        status=view.status,
        version=view.form.current.number,
        version_hash=view.form.current.hash,
        meeting=meeting,
        approvers=sorted(view.approvers, key=str),
        awaiting=sorted(view.form.awaiting(view.approvers), key=str),
        verdicts=verdicts_read(view),
        people=people_read(view),
        consensus_reached_at=consensus_at(view),
        transmitted=view.form.is_transmitted,
    )
    tag = '"' + hashlib.sha256(panel.model_dump_json().encode()).hexdigest()[:32] + '"'
    if if_none_match is not None and tag in if_none_match:
        return Response(status_code=304, headers={"ETag": tag})
    response.headers["ETag"] = tag
    return panel


@router.post(
    "/feedbackForms/{formId}/approvals",
    summary="Approve or object to exactly one version",
    status_code=201,
    response_model=FeedbackFormRead,
    response_model_exclude_none=True,
    responses=errors(400, 401, 403, 404, 409, 412, 422),
)
async def give_verdict(
    form_id: FormId,
    body: VerdictCreate,
    response: Response,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
    guard: GuardDep,
    idempotency_key: IdempotencyKey = None,
) -> FeedbackFormRead:
    """R-FB-2: by a member present at the meeting in session that has the form on its agenda,
    on the version hash they read (412 when it is no longer the current one). One objection
    blocks; consensus needs every present participant's approval; no majority fallback."""
    view = await use_cases.give_verdict(
        uow,
        clock,
        guard,
        claims,
        form_id,
        body.meeting,
        body.version_hash,
        body.verdict,
        body.reason,
        idempotency_key,
    )
    return answer(view, response)


@router.post(
    "/feedbackForms/{formId}/transmission",
    summary="Transmit the approved form to the LTF",
    status_code=201,
    response_model=FeedbackFormRead,
    response_model_exclude_none=True,
    responses=errors(400, 401, 403, 404, 409),
)
async def transmit_feedback_form(
    form_id: FormId,
    body: TransmissionCreate,
    response: Response,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
) -> FeedbackFormRead:
    """R-FB-3: the information officer only, once, with consensus on the current version."""
    return answer(await use_cases.transmit(uow, clock, claims, form_id, body.meeting), response)


@router.get(
    "/feedbackForms/{formId}/transmission",
    summary="Get the transmitted form for the LTF (JSON or PDF)",
    response_model=FeedbackFormRead,
    response_model_exclude_none=True,
    responses={
        200: {"content": {PDF: {"schema": {"type": "string", "format": "binary"}}}},
        **errors(401, 403, 404),
    },
)
async def get_transmission(
    form_id: FormId,
    request: Request,
    claims: AccessClaims,
    uow: AuditedReadUowDep,
    clock: ClockDep,
    renderer: FeedbackDocumentDep,
) -> Response | FeedbackFormRead:
    """The information officer's copy: `Accept: application/pdf` for the printable form."""
    view, document, language = await use_cases.export_for_ltf(uow, clock, claims, form_id)
    accept = request.headers.get("accept", "application/json")
    if PDF in accept:
        filename = f"terugkoppeling-{view.case_code}-r{view.form.round}.pdf"
        return Response(
            renderer.render(document, language),
            media_type=PDF,
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )
    if "json" not in accept and "*/*" not in accept:
        raise ApiProblem(406, "notAcceptable")
    return form_read(view)
