"""Intake and the table's work on a case."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from api.dependencies import AuditedReadUowDep, ClockDep, GuardDep, ReadUowDep, UowDep
from api.openapi import errors
from api.routers.cases.schemas import (
    CardCreate,
    CardRead,
    CaseCreate,
    CaseRead,
    CaseSummaryPage,
    CaseUpdate,
    ParticipantCreate,
    SignalCreate,
    SignalRead,
    TransitionCreate,
    WeighingCreate,
    to_card,
    to_plan,
    to_signal,
    to_summary,
    to_transition,
)
from api.security import AccessClaims
from domain.cases import cards, intake, work
from domain.cases.lifecycle import CaseStatus, WeighingAssessments
from domain.cases.ports import CaseFilter
from domain.shared.clock import Clock

router = APIRouter(tags=["Cases"])
CellId = Annotated[uuid.UUID, Path(alias="cellId")]
CaseId = Annotated[uuid.UUID, Path(alias="caseId")]
OrganisationId = Annotated[uuid.UUID, Path(alias="organisationId")]
CONTENT = errors(400, 401, 403, 404, 409)


@router.get(
    "/cells/{cellId}/cases",
    summary="List the cases of a cell",
    response_model=CaseSummaryPage,
    responses=errors(400, 401, 404),
)
async def list_cases(
    cell_id: CellId,
    claims: AccessClaims,
    uow: ReadUowDep,
    clock: ClockDep,
    status: Annotated[list[CaseStatus] | None, Query(description="Repeat for several")] = None,
    problematic: bool | None = None,
    municipality: Annotated[str | None, Query(pattern=r"^\d{5}$")] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    page_size: Annotated[int, Query(alias="pageSize", ge=1, le=100)] = 50,
) -> CaseSummaryPage:
    """Code, status, problematic mark, municipality, next step — no content, and filters on those
    only: Tafel keeps no register of persons and offers no search in case content."""
    cases, total, mine = await work.list_cases(
        uow,
        clock,
        claims,
        cell_id,
        CaseFilter(
            tuple(status or ()), problematic, municipality, (page - 1) * page_size, page_size
        ),
    )
    return CaseSummaryPage(
        items=[to_summary(case, case.id in mine) for case in cases],
        total=total,
        page=page,
        page_size=page_size,
    )


@router.post(
    "/cells/{cellId}/cases",
    summary="Submit a case",
    status_code=201,
    response_model=CaseRead,
    response_model_exclude_none=True,
    responses=CONTENT,
)
async def submit_case(
    cell_id: CellId,
    body: CaseCreate,
    response: Response,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
    guard: GuardDep,
) -> CaseRead:
    """By a member of a partner organisation of the operational table, or by the information
    officer for the LTF (R-CASE-1, R-CASE-3). The case is *registered*; the table decides."""
    case = await intake.submit_case(
        uow,
        clock,
        guard,
        claims,
        cell_id,
        intake.Submission(
            organisation_id=body.organisation,
            source=body.source,
            municipality=body.municipality,
            age_band=body.age_band,
            initial_problems=frozenset(body.initial_problems),
            prior_handling=body.prior_handling,
            professional_assessment=body.professional_assessment,
            signals=tuple(intake.SignalDraft(s.observed_on, s.description) for s in body.signals),
            phenomenon=body.phenomenon,
            requested_follow_up=body.requested_follow_up,
        ),
    )
    response.headers["Location"] = f"/api/v1/cases/{case.id}"
    return await _content(uow, clock, claims, case.id)


async def _content(uow: UowDep, clock: Clock, claims: AccessClaims, case_id: uuid.UUID) -> CaseRead:
    content = await work.read_case(uow, clock, claims, case_id)
    case = content.case
    today = clock.now().date()
    return CaseRead(
        id=case.id,
        cell=case.cell_id,
        code=case.code,
        status=case.status,
        problematic=case.problematic,
        municipality=case.municipality,
        age_band=case.age_band,
        minor=case.minor,
        initial_problems=sorted(case.initial_problems),
        phenomenon=case.phenomenon,
        source=case.source,
        reference_holder=case.reference_holder,
        participants=sorted(case.participants, key=str),
        prior_handling=case.prior_handling,
        professional_assessment=case.professional_assessment,
        requested_follow_up=case.requested_follow_up,
        created_at=case.created_at,
        next_steps=sorted(case.lifecycle.allowed_targets()),
        timeline=[to_transition(step, content.people) for step in case.lifecycle.history],
        signals=[to_signal(s, content.participant_names) for s in content.signals],
        information_cards=[to_card(c) for c in content.cards],
        plan=to_plan(content.plan, today) if content.plan else None,
    )


@router.get(
    "/cases/{caseId}",
    summary="Read a case",
    response_model=CaseRead,
    response_model_exclude_none=True,
    responses=errors(401, 403, 404),
)
async def get_case(
    case_id: CaseId, claims: AccessClaims, uow: AuditedReadUowDep, clock: ClockDep
) -> CaseRead:
    """Participants only (R-PRIV-5), after acknowledging the terms (R-PRIV-4). Audited."""
    return await _content(uow, clock, claims, case_id)


@router.patch(
    "/cases/{caseId}",
    summary="Mark a case problematic or not",
    response_model=CaseRead,
    response_model_exclude_none=True,
    responses=CONTENT,
)
async def update_case(
    case_id: CaseId, body: CaseUpdate, claims: AccessClaims, uow: UowDep, clock: ClockDep
) -> CaseRead:
    """R-CASE-10, by the chair: a problematic case makes the table meet weekly (R-CAD-2)."""
    await work.mark_problematic(uow, clock, claims, case_id, body.problematic)
    return await _content(uow, clock, claims, case_id)


@router.post(
    "/cases/{caseId}/transitions",
    summary="Record a lifecycle decision",
    status_code=201,
    response_model=CaseRead,
    response_model_exclude_none=True,
    responses=CONTENT,
)
async def create_transition(
    case_id: CaseId, body: TransitionCreate, claims: AccessClaims, uow: UowDep, clock: ClockDep
) -> CaseRead:
    """R-CASE-5 in order: admit, not admitted, start weighing, start evaluation, resume follow-up,
    close. Any other order is refused with the rule."""
    await work.move_case(uow, clock, claims, case_id, body.step)
    return await _content(uow, clock, claims, case_id)


@router.post(
    "/cases/{caseId}/weighing",
    summary="Record the weighing decision",
    status_code=201,
    response_model=CaseRead,
    response_model_exclude_none=True,
    responses=CONTENT,
)
async def weigh_case(
    case_id: CaseId, body: WeighingCreate, claims: AccessClaims, uow: UowDep, clock: ClockDep
) -> CaseRead:
    """R-CASE-6/7: retained (three favourable assessments), not retained, or referred."""
    assessments = WeighingAssessments(
        body.threat_not_particularly_high, body.willing_to_cooperate, body.no_heavy_milieu_contacts
    )
    await work.weigh_case(uow, clock, claims, case_id, assessments, body.decision)
    return await _content(uow, clock, claims, case_id)


@router.post(
    "/cases/{caseId}/signals",
    summary="Add a signal",
    status_code=201,
    response_model=SignalRead,
    responses=CONTENT,
)
async def add_signal(
    case_id: CaseId,
    body: SignalCreate,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
    guard: GuardDep,
) -> SignalRead:
    """R-CASE-9: a dated, objective signal from the caller's organisation."""
    signal = await work.add_signal(
        uow, clock, guard, claims, case_id, body.observed_on, body.description
    )
    return to_signal(signal, {})


@router.post(
    "/cases/{caseId}/participants",
    summary="Invite a partner organisation to the case",
    status_code=204,
    responses=CONTENT,
)
async def add_participant(
    case_id: CaseId, body: ParticipantCreate, claims: AccessClaims, uow: UowDep, clock: ClockDep
) -> Response:
    """R-PRIV-5: need to know — its members see the case from their next request."""
    await work.set_partner(uow, clock, claims, case_id, body.organisation, True)
    return Response(status_code=204)


@router.delete(
    "/cases/{caseId}/participants/{organisationId}",
    summary="Take a partner organisation off the case",
    status_code=204,
    responses=CONTENT,
)
async def remove_participant(
    case_id: CaseId,
    organisation_id: OrganisationId,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
) -> Response:
    """Takes effect on the next request; the reference holder always stays."""
    await work.set_partner(uow, clock, claims, case_id, organisation_id, False)
    return Response(status_code=204)


@router.post(
    "/cases/{caseId}/informationCards",
    summary="Add an OCAD information card",
    status_code=201,
    response_model=CardRead,
    responses=CONTENT,
)
async def add_information_card(
    case_id: CaseId,
    body: CardCreate,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
    guard: GuardDep,
) -> CardRead:
    """R-INFO-1: the information officer only, non-classified information only."""
    card = await cards.add_card(
        uow, clock, guard, claims, case_id, body.text, body.non_classified_attested
    )
    return to_card(card)
