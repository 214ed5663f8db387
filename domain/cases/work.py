"""The table's work on a case: reading it (audited), signals, the lifecycle decisions, the
problematic mark and the partners taking part."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from domain.audit.model import AuditRecord
from domain.cases.access import (
    is_participant,
    open_case,
    operational_cell,
    organisations_of,
    require_case_work,
)
from domain.cases.errors import ChairDecides
from domain.cases.lifecycle import CaseClosed, WeighingAssessments, WeighingDecision
from domain.cases.model import Case, CaseListing, FollowUpPlan, InformationCard, Signal
from domain.cases.ports import CaseFilter
from domain.cells.model import Cell
from domain.identity.principal import CellRole, Principal, load_principal
from domain.identity.tokens import TokenClaims
from domain.meetings.model import AgendaPurpose
from domain.meetings.requests import raise_case_request
from domain.privacy.guard import PrivacyGuard
from domain.shared.clock import Clock
from domain.shared.errors import InputIssue, InvalidInput, NotFound
from domain.unit_of_work import UnitOfWork


class Step(StrEnum):
    """The lifecycle decisions outside the weighing (R-CASE-5)."""

    admit = "admit"
    not_admitted = "notAdmitted"
    start_weighing = "startWeighing"
    start_evaluation = "startEvaluation"
    resume_follow_up = "resumeFollowUp"
    close = "close"


# R-CAD-5: a case that must be discussed raises a meeting request by itself.
STEP_REQUESTS = {
    Step.start_weighing: AgendaPurpose.weighing,
    Step.start_evaluation: AgendaPurpose.evaluation,
}


@dataclass(frozen=True, slots=True)
class CaseContent:
    """Everything a participant sees of a case."""

    case: Case
    signals: list[Signal]
    cards: list[InformationCard]
    plan: FollowUpPlan | None
    participant_names: dict[uuid.UUID, str]
    people: dict[uuid.UUID, str] = field(default_factory=dict)


def record(
    case: Case, principal: Principal, action: str, kind: str, object_id: object
) -> AuditRecord:
    return AuditRecord(str(case.cell_id), principal.actor, action, kind, str(object_id))


def require_chair(principal: Principal, cell: Cell) -> None:
    """The table decides; its chair records the decision (R-CASE-2, R-CASE-6)."""
    if CellRole.operational_chair not in principal.roles_in(cell.id):
        raise ChairDecides()


async def list_cases(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, cell_id: uuid.UUID, selection: CaseFilter
) -> tuple[list[CaseListing], int, frozenset[uuid.UUID]]:
    """Code, status, problematic mark, municipality — never content (no register). Also returns
    which of the listed cases the caller takes part in."""
    async with uow:
        principal = await load_principal(uow, claims, clock.now())
        cell = await operational_cell(uow, principal, cell_id)
        cases, total = await uow.cases.page(cell.id, selection)
        mine = frozenset(case.id for case in cases if is_participant(principal, case, cell))
        return cases, total, mine


async def read_case(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, case_id: uuid.UUID
) -> CaseContent:
    """The content, for a participant; every read is audited (R-AUD-1), every information card
    view too (R-INFO-2)."""
    async with uow:
        principal = await load_principal(uow, claims, clock.now())
        case, cell = await open_case(uow, principal, case_id)
        records = await uow.cases.content(case.id)
        # The read and every card it shows, appended together: one write, all or nothing.
        await uow.audit.record_all(
            [
                record(case, principal, "case.read", "case", case.id),
                *(
                    record(case, principal, "informationCard.read", "informationCard", card.id)
                    for card in records.cards
                ),
            ]
        )
        await uow.commit()
    names = {org.id: org.name for org in cell.organisations}
    return CaseContent(case, records.signals, records.cards, records.plan, names, records.recorders)


async def add_signal(
    uow: UnitOfWork,
    clock: Clock,
    guard: PrivacyGuard,
    claims: TokenClaims,
    case_id: uuid.UUID,
    observed_on: date,
    description: str,
) -> Signal:
    """R-CASE-9: partners complete the picture over time; each signal names its organisation."""
    now = clock.now()
    guard.check({"description": description})
    if observed_on > now.date():
        raise InvalidInput([InputIssue("observedOn", "signalInFuture")], rule="R-CASE-2")
    async with uow:
        principal = await load_principal(uow, claims, now)
        case, cell = await open_case(uow, principal, case_id, for_update=True)
        require_case_work(cell)
        if not case.is_open:
            raise CaseClosed(case.lifecycle.closure_reason, case.status)
        mine = organisations_of(cell, principal.user_id)
        organisation = next(iter(sorted(mine & case.participants, key=str)), None) or next(
            iter(sorted(mine, key=str)), None
        )
        if organisation is None:
            raise NotFound()
        signal = Signal(
            uuid.uuid4(),
            case.id,
            organisation,
            observed_on,
            description.strip(),
            principal.user_id,
            now,
        )
        await uow.cases.add_signal(signal)
        await uow.audit.record(record(case, principal, "signal.add", "signal", signal.id))
        await uow.commit()
    return signal


async def move_case(
    uow: UnitOfWork,
    clock: Clock,
    claims: TokenClaims,
    case_id: uuid.UUID,
    step: Step,
    meeting_id: uuid.UUID | None = None,
) -> Case:
    """A lifecycle decision of the table (R-CASE-5), recorded by its chair, naming the meeting
    when it was taken in one."""
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        case = await apply_step(uow, principal, case_id, step, now, meeting_id)
        await uow.commit()
    return case


async def apply_step(
    uow: UnitOfWork,
    principal: Principal,
    case_id: uuid.UUID,
    step: Step,
    now: datetime,
    meeting_id: uuid.UUID | None,
) -> Case:
    """`move_case` inside an open unit of work (a meeting's decision composes it)."""
    case, cell = await open_case(uow, principal, case_id, for_update=True)
    require_chair(principal, cell)
    require_case_work(cell)
    lifecycle = case.lifecycle
    moves = {
        Step.admit: lifecycle.admit,
        Step.not_admitted: lifecycle.not_admitted,
        Step.start_weighing: lifecycle.start_weighing,
        Step.start_evaluation: lifecycle.start_evaluation,
        Step.resume_follow_up: lifecycle.resume_follow_up,
        Step.close: lifecycle.close,
    }
    transition = moves[step](now, principal.user_id, meeting_id)
    await uow.cases.add_transition(case, transition)
    if not case.is_open:
        case.problematic = False
    await uow.cases.save(case)
    await uow.audit.record(record(case, principal, f"case.{step}", "case", case.id))
    purpose = STEP_REQUESTS.get(step)
    if purpose is not None:
        await raise_case_request(uow, case, purpose, now)
    return case


async def weigh_case(
    uow: UnitOfWork,
    clock: Clock,
    claims: TokenClaims,
    case_id: uuid.UUID,
    assessments: WeighingAssessments,
    decision: WeighingDecision,
    meeting_id: uuid.UUID | None = None,
) -> Case:
    """R-CASE-6/7: one joint decision — retained (only with three favourable assessments), not
    retained (closed for every partner) or referred (primary follow-up by the LTF)."""
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        case = await apply_weighing(uow, principal, case_id, assessments, decision, now, meeting_id)
        await uow.commit()
    return case


async def apply_weighing(
    uow: UnitOfWork,
    principal: Principal,
    case_id: uuid.UUID,
    assessments: WeighingAssessments,
    decision: WeighingDecision,
    now: datetime,
    meeting_id: uuid.UUID | None,
) -> Case:
    """`weigh_case` inside an open unit of work."""
    case, cell = await open_case(uow, principal, case_id, for_update=True)
    require_chair(principal, cell)
    require_case_work(cell)
    transition = case.lifecycle.weigh(assessments, decision, now, principal.user_id, meeting_id)
    await uow.cases.add_transition(case, transition)
    if not case.is_open:
        case.problematic = False
    await uow.cases.save(case)
    await uow.audit.record(record(case, principal, f"case.weigh.{decision}", "case", case.id))
    return case


async def mark_problematic(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, case_id: uuid.UUID, problematic: bool
) -> Case:
    """R-CASE-10: the table marks a case problematic (which makes the cell meet weekly, R-CAD-2)."""
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        case = await apply_problematic(uow, principal, case_id, problematic, now)
        await uow.commit()
    return case


async def apply_problematic(
    uow: UnitOfWork, principal: Principal, case_id: uuid.UUID, problematic: bool, now: datetime
) -> Case:
    """`mark_problematic` inside an open unit of work."""
    case, cell = await open_case(uow, principal, case_id, for_update=True)
    require_chair(principal, cell)
    if not case.is_open:
        raise CaseClosed(case.lifecycle.closure_reason, case.status)
    if problematic and not case.problematic:
        case.problematic_since = now
    if not problematic:
        case.problematic_since = None
    case.problematic = problematic
    await uow.cases.save(case)
    action = "case.markProblematic" if problematic else "case.unmarkProblematic"
    await uow.audit.record(record(case, principal, action, "case", case.id))
    return case


async def set_partner(
    uow: UnitOfWork,
    clock: Clock,
    claims: TokenClaims,
    case_id: uuid.UUID,
    organisation_id: uuid.UUID,
    taking_part: bool,
) -> Case:
    """R-PRIV-5: the chair invites a partner organisation of the operational table to the case
    (or takes it off); its members see the content from their next request. The reference holder
    always stays."""
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        case, cell = await open_case(uow, principal, case_id, for_update=True)
        require_chair(principal, cell)
        organisation = cell.organisation(organisation_id)
        if organisation is None or not organisation.takes_part:
            raise InvalidInput([InputIssue("organisation", "referencedResourceNotFound")])
        if taking_part:
            case.participants.add(organisation_id)
        elif organisation_id == case.reference_holder:
            raise InvalidInput(
                [InputIssue("organisation", "referenceHolderStays")], rule="R-PRIV-1"
            )
        else:
            case.participants.discard(organisation_id)
        await uow.cases.save(case)
        action = "case.addPartner" if taking_part else "case.removePartner"
        await uow.audit.record(record(case, principal, action, "organisation", organisation_id))
        await uow.commit()
    return case
