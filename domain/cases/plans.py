"""The personal follow-up plan (R-CASE-8): started from a standard trajectory template of the
cell, adapted to the case, each action carried by a partner within its own field. Several people
edit a plan, so every change names the version it starts from (`If-Match`)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from domain.audit.model import AuditRecord
from domain.cases.access import (
    open_case,
    operational_cell,
    organisations_of,
    require_acknowledged,
    require_case_work,
)
from domain.cases.errors import ActionOutsidePartners, PlanExists, PlanNeedsFollowUp
from domain.cases.lifecycle import CaseStatus
from domain.cases.model import (
    ActionNote,
    Case,
    FollowUpPlan,
    PlanAction,
    TemplateStep,
    TrajectoryTemplate,
)
from domain.cases.vocabulary import ActionStatus
from domain.cases.work import record, require_chair
from domain.cells.model import Cell
from domain.identity.principal import CellRole, Principal, load_principal
from domain.identity.tokens import TokenClaims
from domain.privacy.guard import PrivacyGuard
from domain.shared.clock import Clock
from domain.shared.errors import (
    InputIssue,
    InvalidInput,
    NotFound,
    PermissionDenied,
    StaleVersion,
    VersionRequired,
)
from domain.unit_of_work import UnitOfWork

ACTIVE_STATUSES = (CaseStatus.follow_up, CaseStatus.evaluation)


@dataclass(frozen=True, slots=True)
class ActionDraft:
    description: str
    organisation_id: uuid.UUID
    due_on: date


@dataclass(frozen=True, slots=True)
class ActionChange:
    status: ActionStatus | None = None
    note: str | None = None
    due_on: date | None = None
    description: str | None = None
    organisation_id: uuid.UUID | None = None


def check_version(plan: FollowUpPlan, if_match: str | None) -> None:
    """Optimistic concurrency: a stale version is refused (412), a missing one too (428)."""
    if if_match is None:
        raise VersionRequired()
    if if_match.strip() != plan.etag:
        raise StaleVersion()


def check_carrier(case: Case, cell: Cell, organisation_id: uuid.UUID) -> None:
    """R-CASE-8: actions are carried by partners taking part in the case, within their field."""
    organisation = cell.organisation(organisation_id)
    if (
        organisation is None
        or not organisation.takes_part
        or organisation_id not in case.participants
    ):
        raise ActionOutsidePartners()


async def list_templates(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, cell_id: uuid.UUID
) -> list[TrajectoryTemplate]:
    async with uow:
        principal = await load_principal(uow, claims, clock.now())
        cell = await operational_cell(uow, principal, cell_id)
        return await uow.templates.for_cell(cell.id)


async def create_template(
    uow: UnitOfWork,
    clock: Clock,
    guard: PrivacyGuard,
    claims: TokenClaims,
    cell_id: uuid.UUID,
    name: str,
    steps: tuple[TemplateStep, ...],
) -> TrajectoryTemplate:
    guard.check(
        {"name": name, **{f"steps[{i}].description": s.description for i, s in enumerate(steps)}}
    )
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        cell = await operational_cell(uow, principal, cell_id)
        require_chair(principal, cell)
        template = TrajectoryTemplate(uuid.uuid4(), cell.id, name.strip(), steps, now)
        await uow.templates.add(template)
        await uow.audit.record(
            record_for_cell(cell, principal, "template.create", "template", template.id)
        )
        await uow.commit()
    return template


def record_for_cell(
    cell: Cell, principal: Principal, action: str, kind: str, object_id: object
) -> AuditRecord:
    return AuditRecord(str(cell.id), principal.actor, action, kind, str(object_id))


async def start_plan(
    uow: UnitOfWork,
    clock: Clock,
    claims: TokenClaims,
    case_id: uuid.UUID,
    template_id: uuid.UUID | None,
) -> FollowUpPlan:
    """From a template (its steps become actions of the reference holder, to adapt) or empty."""
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        case, cell = await open_case(uow, principal, case_id, for_update=True)
        require_chair(principal, cell)
        require_case_work(cell)
        if case.status not in ACTIVE_STATUSES:
            raise PlanNeedsFollowUp()
        if await uow.cases.plan(case.id) is not None:
            raise PlanExists()
        plan = FollowUpPlan(case.id, 1, template_id, now.date())
        if template_id is not None:
            template = await uow.templates.get(template_id)
            if template is None or template.cell_id != cell.id:
                raise InvalidInput([InputIssue("template", "referencedResourceNotFound")])
            plan.actions = [
                PlanAction(
                    uuid.uuid4(),
                    case.id,
                    step.description,
                    case.reference_holder,
                    now.date() + timedelta(days=step.day_offset),
                    created_at=now,
                )
                for step in template.steps
            ]
        await uow.cases.save_plan(plan)
        for action in plan.actions:
            await uow.cases.save_action(action)
        await uow.audit.record(record(case, principal, "plan.start", "plan", case.id))
        await uow.commit()
    return plan


async def _plan_for_change(
    uow: UnitOfWork, principal: Principal, case_id: uuid.UUID, if_match: str | None
) -> tuple[Case, Cell, FollowUpPlan]:
    case, cell = await open_case(uow, principal, case_id, for_update=True)
    require_case_work(cell)
    if case.status not in ACTIVE_STATUSES:
        raise PlanNeedsFollowUp()
    plan = await uow.cases.plan(case.id)
    if plan is None:
        raise NotFound()
    check_version(plan, if_match)
    return case, cell, plan


async def add_action(
    uow: UnitOfWork,
    clock: Clock,
    guard: PrivacyGuard,
    claims: TokenClaims,
    case_id: uuid.UUID,
    draft: ActionDraft,
    if_match: str | None,
) -> FollowUpPlan:
    guard.check({"description": draft.description})
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        case, cell, plan = await _plan_for_change(uow, principal, case_id, if_match)
        require_chair(principal, cell)
        check_carrier(case, cell, draft.organisation_id)
        action = PlanAction(
            uuid.uuid4(),
            case.id,
            draft.description.strip(),
            draft.organisation_id,
            draft.due_on,
            created_at=now,
        )
        plan.actions.append(action)
        plan.version += 1
        await uow.cases.save_action(action)
        await uow.cases.save_plan(plan)
        await uow.audit.record(record(case, principal, "action.create", "action", action.id))
        await uow.commit()
    return plan


async def change_action(
    uow: UnitOfWork,
    clock: Clock,
    guard: PrivacyGuard,
    claims: TokenClaims,
    case_id: uuid.UUID,
    action_id: uuid.UUID,
    change: ActionChange,
    if_match: str | None,
) -> FollowUpPlan:
    """The chair adapts any action; the carrying partner reports progress on its own."""
    guard.check({"note": change.note, "description": change.description})
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        case, cell, plan = await _plan_for_change(uow, principal, case_id, if_match)
        action = next((a for a in plan.actions if a.id == action_id), None)
        if action is None:
            raise NotFound()
        chair = CellRole.operational_chair in principal.roles_in(cell.id)
        carrier = action.organisation_id in organisations_of(cell, principal.user_id)
        if not (chair or carrier):
            raise PermissionDenied()
        if not chair and (change.description or change.organisation_id or change.due_on):
            raise PermissionDenied()
        if change.organisation_id is not None:
            check_carrier(case, cell, change.organisation_id)
            action.organisation_id = change.organisation_id
        if change.description is not None:
            action.description = change.description.strip()
        if change.due_on is not None:
            action.due_on = change.due_on
        if change.status is not None:
            action.status = change.status
        if change.note:
            action.notes.append(ActionNote(now, principal.user_id, change.note.strip()))
        plan.version += 1
        await uow.cases.save_action(action)
        await uow.cases.save_plan(plan)
        await uow.audit.record(record(case, principal, "action.update", "action", action.id))
        await uow.commit()
    return plan


@dataclass(frozen=True, slots=True)
class MyAction:
    action: PlanAction
    case_code: str
    case_id: uuid.UUID
    plan_version: int


async def my_actions(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, cell_id: uuid.UUID
) -> list[MyAction]:
    """Open actions carried by the caller's organisations, in cases where they take part."""
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        cell = await operational_cell(uow, principal, cell_id)
        require_acknowledged(principal, cell)
        mine = organisations_of(cell, principal.user_id)
        actions = await uow.cases.actions_of(cell.id, mine)
        result = []
        seen: set[uuid.UUID] = set()
        for action in actions:
            case = await uow.cases.get(action.case_id)
            if case is None or case.purged_at is not None or not case.participants & mine:
                continue
            if case.id not in seen:
                seen.add(case.id)
                await uow.audit.record(record(case, principal, "case.read", "case", case.id))
            plan = await uow.cases.plan(case.id)
            result.append(MyAction(action, case.code, case.id, plan.version if plan else 0))
        await uow.commit()
    return sorted(result, key=lambda item: item.action.due_on)
