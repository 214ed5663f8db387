"""The meeting in session: attendance and its acknowledgement of secrecy (R-PRIV-4), decisions
that move the cases on the agenda and name the meeting (R-CASE-5), and minutes with decisions,
actions, owners and deadlines only, released to those present."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from domain.cases import work
from domain.cases.lifecycle import WeighingAssessments, WeighingDecision
from domain.cells.composition import table_report
from domain.identity.principal import Principal, load_principal
from domain.identity.tokens import TokenClaims
from domain.meetings.errors import (
    AgendaItemWithoutCase,
    MeetingAcknowledgementRequired,
    MeetingNotInSession,
    MeetingNotPlanned,
    NotPresent,
    TableCannotMeet,
)
from domain.meetings.model import Attendance, Meeting, MeetingStatus, MinutesEntry, MinutesKind
from domain.meetings.planning import audit, require_chair_of, seated_users, visible_meeting
from domain.privacy.guard import PrivacyGuard
from domain.shared.clock import Clock
from domain.shared.errors import InputIssue, InvalidInput, NotFound
from domain.unit_of_work import UnitOfWork


class Decision(StrEnum):
    """What the table decides on a case item; each maps onto the case lifecycle (R-CASE-5/6/7)."""

    admit = "admit"
    not_admitted = "notAdmitted"
    start_weighing = "startWeighing"
    weigh = "weigh"
    start_evaluation = "startEvaluation"
    resume_follow_up = "resumeFollowUp"
    close = "close"
    mark_problematic = "markProblematic"
    unmark_problematic = "unmarkProblematic"


@dataclass(frozen=True, slots=True)
class DecisionDraft:
    agenda_item_id: uuid.UUID
    decision: Decision
    note: str | None = None
    assessments: WeighingAssessments | None = None
    weighing: WeighingDecision | None = None


@dataclass(frozen=True, slots=True)
class ActionDraft:
    text: str
    owner_organisation_id: uuid.UUID | None
    deadline: date | None
    agenda_item_id: uuid.UUID | None = None


async def _running(uow: UnitOfWork, principal: Principal, meeting_id: uuid.UUID) -> Meeting:
    meeting = await visible_meeting(uow, principal, meeting_id, for_update=True)
    require_chair_of(principal, meeting.cell_id, meeting.table)
    if meeting.status is not MeetingStatus.in_session:
        raise MeetingNotInSession()
    return meeting


async def open_session(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, meeting_id: uuid.UUID
) -> Meeting:
    """R-MEM-4: an out-of-balance table, or one without a valid chair, does not meet."""
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        meeting = await visible_meeting(uow, principal, meeting_id, for_update=True)
        require_chair_of(principal, meeting.cell_id, meeting.table)
        if meeting.status is not MeetingStatus.planned:
            raise MeetingNotPlanned()
        cell = await uow.cells.get(
            meeting.cell_id, seen=principal.cell_revisions.get(meeting.cell_id)
        )
        table = cell.table(meeting.table) if cell else None
        if cell is None or table is None:
            raise NotFound()
        if not table_report(cell, table).meetings_allowed:
            raise TableCannotMeet()
        meeting.status = MeetingStatus.in_session
        meeting.opened_at = now
        await uow.meetings.save(meeting)
        await uow.audit.record(audit(meeting, principal, "meeting.open"))
        await uow.commit()
    return meeting


async def record_attendance(
    uow: UnitOfWork,
    clock: Clock,
    claims: TokenClaims,
    meeting_id: uuid.UUID,
    present: dict[uuid.UUID, bool],
) -> Meeting:
    """The chair records who is effectively present: invitees and members of the table only.
    This attendance is what a feedback form's consensus counts (R-FB-2)."""
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        meeting = await _running(uow, principal, meeting_id)
        cell = await uow.cells.get(
            meeting.cell_id, seen=principal.cell_revisions.get(meeting.cell_id)
        )
        allowed = seated_users(cell, meeting.table) if cell else frozenset()
        for user, is_present in present.items():
            if user not in allowed and not meeting.invited(user):
                raise InvalidInput([InputIssue("attendance", "referencedResourceNotFound")])
            previous = meeting.attendance.get(user)
            acknowledged = previous.acknowledged_at if previous and is_present else None
            meeting.attendance[user] = Attendance(user, is_present, now, acknowledged)
        await uow.meetings.save(meeting)
        await uow.audit.record(audit(meeting, principal, "meeting.attendance"))
        await uow.commit()
    return meeting


async def acknowledge_secrecy(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, meeting_id: uuid.UUID
) -> Meeting:
    """R-PRIV-4: an attendee confirms, for this meeting, that what is shared stays at the table."""
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        meeting = await visible_meeting(uow, principal, meeting_id, for_update=True)
        record = meeting.attendance.get(principal.user_id)
        if record is None or not record.present:
            raise NotPresent()
        record.acknowledged_at = now
        await uow.meetings.save(meeting)
        await uow.audit.record(audit(meeting, principal, "meeting.acknowledge"))
        await uow.commit()
    return meeting


def require_session_view(meeting: Meeting, principal: Principal) -> None:
    """The session view and the minutes open to those present who acknowledged secrecy."""
    record = meeting.attendance.get(principal.user_id)
    if record is None or not record.present:
        raise NotPresent()
    if record.acknowledged_at is None:
        raise MeetingAcknowledgementRequired()


async def session_view(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, meeting_id: uuid.UUID
) -> Meeting:
    async with uow:
        principal = await load_principal(uow, claims, clock.now())
        meeting = await visible_meeting(uow, principal, meeting_id)
        require_session_view(meeting, principal)
        await uow.audit.record(audit(meeting, principal, "meeting.minutes.read"))
        await uow.commit()
    return meeting


async def decide(
    uow: UnitOfWork,
    clock: Clock,
    guard: PrivacyGuard,
    claims: TokenClaims,
    meeting_id: uuid.UUID,
    draft: DecisionDraft,
) -> Meeting:
    """A decision of the table on a case item: it moves the case (naming this meeting) and enters
    the minutes, in one transaction."""
    guard.check({"note": draft.note})
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        meeting = await _running(uow, principal, meeting_id)
        require_session_view(meeting, principal)
        item = meeting.item(draft.agenda_item_id)
        if item is None:
            raise InvalidInput([InputIssue("agendaItem", "referencedResourceNotFound")])
        if item.case_id is None:
            raise AgendaItemWithoutCase()
        if draft.decision is Decision.weigh:
            if draft.assessments is None or draft.weighing is None:
                raise InvalidInput([InputIssue("weighing", "requiredInput")])
            await work.apply_weighing(
                uow, principal, item.case_id, draft.assessments, draft.weighing, now, meeting.id
            )
        elif draft.decision in (Decision.mark_problematic, Decision.unmark_problematic):
            await work.apply_problematic(
                uow, principal, item.case_id, draft.decision is Decision.mark_problematic, now
            )
        else:
            await work.apply_step(
                uow, principal, item.case_id, work.Step(draft.decision.value), now, meeting.id
            )
        label = (
            str(draft.decision) if draft.weighing is None else f"{draft.decision}:{draft.weighing}"
        )
        entry = MinutesEntry(
            uuid.uuid4(),
            MinutesKind.decision,
            (draft.note or "").strip(),
            principal.user_id,
            now,
            agenda_item_id=item.id,
            case_id=item.case_id,
            decision=label,
        )
        meeting.minutes.append(entry)
        await uow.meetings.add_minutes(meeting.id, entry)
        await uow.audit.record(audit(meeting, principal, "meeting.decision"))
        await uow.commit()
    return meeting


async def add_action(
    uow: UnitOfWork,
    clock: Clock,
    guard: PrivacyGuard,
    claims: TokenClaims,
    meeting_id: uuid.UUID,
    draft: ActionDraft,
) -> Meeting:
    """Minutes hold actions with owner and deadline — no narrative."""
    guard.check({"text": draft.text})
    if not draft.text.strip():
        raise InvalidInput([InputIssue("text", "requiredInput")])
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        meeting = await _running(uow, principal, meeting_id)
        item = meeting.item(draft.agenda_item_id) if draft.agenda_item_id else None
        if draft.agenda_item_id is not None and item is None:
            raise InvalidInput([InputIssue("agendaItem", "referencedResourceNotFound")])
        cell = await uow.cells.get(
            meeting.cell_id, seen=principal.cell_revisions.get(meeting.cell_id)
        )
        if draft.owner_organisation_id is not None and (
            cell is None or cell.organisation(draft.owner_organisation_id) is None
        ):
            raise InvalidInput([InputIssue("owner", "referencedResourceNotFound")])
        entry = MinutesEntry(
            uuid.uuid4(),
            MinutesKind.action,
            draft.text.strip(),
            principal.user_id,
            now,
            agenda_item_id=item.id if item else None,
            case_id=item.case_id if item else None,
            owner_organisation_id=draft.owner_organisation_id,
            deadline=draft.deadline,
        )
        meeting.minutes.append(entry)
        await uow.meetings.add_minutes(meeting.id, entry)
        await uow.audit.record(audit(meeting, principal, "meeting.action"))
        await uow.commit()
    return meeting


async def close_session(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, meeting_id: uuid.UUID
) -> Meeting:
    """The meeting is held: it counts for the cadence (R-CAD-1 … R-CAD-3)."""
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        meeting = await _running(uow, principal, meeting_id)
        meeting.status = MeetingStatus.held
        meeting.closed_at = now
        await uow.meetings.save(meeting)
        await uow.audit.record(audit(meeting, principal, "meeting.close"))
        await uow.commit()
    return meeting
