"""Trajectory templates, follow-up plans and their actions (R-CASE-8)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Header, Path, Response
from pydantic import Field

from api.dependencies import AuditedReadUowDep, ClockDep, GuardDep, ReadUowDep, UowDep
from api.openapi import errors
from api.routers.cases.schemas import (
    ActionCreate,
    ActionRead,
    ActionUpdate,
    PlanCreate,
    PlanRead,
    to_action,
    to_plan,
)
from api.schemas import ApiModel
from api.security import AccessClaims
from domain.cases import plans
from domain.cases.model import FollowUpPlan, TemplateStep, TrajectoryTemplate

router = APIRouter(tags=["Cases"])
CellId = Annotated[uuid.UUID, Path(alias="cellId")]
CaseId = Annotated[uuid.UUID, Path(alias="caseId")]
ActionId = Annotated[uuid.UUID, Path(alias="actionId")]
IfMatch = Annotated[str | None, Header(alias="If-Match", description="The plan's ETag")]
CHANGES = errors(400, 401, 403, 404, 409, 412, 428)


class StepBody(ApiModel):
    description: str = Field(min_length=1, max_length=1000)
    day_offset: int = Field(ge=0, le=3650)


class TemplateCreate(ApiModel):
    name: str = Field(min_length=1, max_length=200)
    steps: list[StepBody] = Field(min_length=1, max_length=50)


class TemplateRead(ApiModel):
    id: uuid.UUID
    name: str
    steps: list[StepBody]
    created_at: datetime


class TemplateList(ApiModel):
    items: list[TemplateRead]
    total: int


class MyActionRead(ActionRead):
    case: uuid.UUID
    case_code: str
    plan_version: int = Field(description='The plan\'s version: send If-Match: "plan-<version>"')


class MyActionList(ApiModel):
    items: list[MyActionRead]
    total: int


def to_template(template: TrajectoryTemplate) -> TemplateRead:
    return TemplateRead(
        id=template.id,
        name=template.name,
        steps=[
            StepBody(description=s.description, day_offset=s.day_offset) for s in template.steps
        ],
        created_at=template.created_at,
    )


def plan_response(plan: FollowUpPlan, response: Response, today: date) -> PlanRead:
    response.headers["ETag"] = plan.etag
    return to_plan(plan, today)


@router.get(
    "/cells/{cellId}/trajectoryTemplates",
    summary="List the trajectory templates of a cell",
    response_model=TemplateList,
    responses=errors(401, 404),
)
async def list_templates(
    cell_id: CellId, claims: AccessClaims, uow: ReadUowDep, clock: ClockDep
) -> TemplateList:
    items = [to_template(t) for t in await plans.list_templates(uow, clock, claims, cell_id)]
    return TemplateList(items=items, total=len(items))


@router.post(
    "/cells/{cellId}/trajectoryTemplates",
    summary="Add a trajectory template",
    status_code=201,
    response_model=TemplateRead,
    responses=errors(400, 401, 403, 404),
)
async def create_template(
    cell_id: CellId,
    body: TemplateCreate,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
    guard: GuardDep,
) -> TemplateRead:
    steps = tuple(TemplateStep(s.description, s.day_offset) for s in body.steps)
    return to_template(
        await plans.create_template(uow, clock, guard, claims, cell_id, body.name, steps)
    )


@router.post(
    "/cases/{caseId}/plan",
    summary="Start the follow-up plan",
    status_code=201,
    response_model=PlanRead,
    response_model_exclude_none=True,
    responses=errors(400, 401, 403, 404, 409),
)
async def start_plan(
    case_id: CaseId,
    body: PlanCreate,
    response: Response,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
) -> PlanRead:
    """From a template: its steps become actions of the reference holder, to adapt per case."""
    plan = await plans.start_plan(uow, clock, claims, case_id, body.template)
    response.headers["Location"] = f"/api/v1/cases/{case_id}/plan"
    return plan_response(plan, response, clock.now().date())


@router.post(
    "/cases/{caseId}/plan/actions",
    summary="Add an action to the plan",
    status_code=201,
    response_model=PlanRead,
    response_model_exclude_none=True,
    responses=CHANGES,
)
async def create_action(
    case_id: CaseId,
    body: ActionCreate,
    response: Response,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
    guard: GuardDep,
    if_match: IfMatch = None,
) -> PlanRead:
    """Carried by a partner taking part in the case (R-CASE-8). Needs the plan's `If-Match`."""
    draft = plans.ActionDraft(body.description, body.organisation, body.due_on)
    plan = await plans.add_action(uow, clock, guard, claims, case_id, draft, if_match)
    return plan_response(plan, response, clock.now().date())


@router.patch(
    "/cases/{caseId}/plan/actions/{actionId}",
    summary="Update an action or report progress",
    response_model=PlanRead,
    response_model_exclude_none=True,
    responses=CHANGES,
)
async def update_action(
    case_id: CaseId,
    action_id: ActionId,
    body: ActionUpdate,
    response: Response,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
    guard: GuardDep,
    if_match: IfMatch = None,
) -> PlanRead:
    """The carrying partner reports status and progress notes; the chair adapts the action."""
    change = plans.ActionChange(
        body.status, body.note, body.due_on, body.description, body.organisation
    )
    plan = await plans.change_action(
        uow, clock, guard, claims, case_id, action_id, change, if_match
    )
    return plan_response(plan, response, clock.now().date())


@router.get(
    "/cells/{cellId}/myActions",
    summary="List my organisation's open actions",
    response_model=MyActionList,
    responses=errors(401, 403, 404),
)
async def list_my_actions(
    cell_id: CellId, claims: AccessClaims, uow: AuditedReadUowDep, clock: ClockDep
) -> MyActionList:
    today = clock.now().date()
    items = [
        MyActionRead(
            **to_action(item.action, today).model_dump(),
            case=item.case_id,
            case_code=item.case_code,
            plan_version=item.plan_version,
        )
        for item in await plans.my_actions(uow, clock, claims, cell_id)
    ]
    return MyActionList(items=items, total=len(items))
