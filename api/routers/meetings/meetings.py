"""Meetings: planning, the session, attendance, decisions and minutes; the cadence."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from api.dependencies import AuditedReadUowDep, ClockDep, GuardDep, LanguageDep, ReadUowDep, UowDep
from api.i18n import translate
from api.openapi import errors
from api.routers.meetings.schemas import (
    AttendanceUpdate,
    CadenceRead,
    DecisionCreate,
    MeetingCreate,
    MeetingList,
    MeetingRead,
    MeetingReplan,
    MeetingStatusChange,
    MinutesActionCreate,
    MinutesEntryRead,
    MinutesRead,
    to_meeting,
)
from api.schemas import QueryMoment
from api.security import AccessClaims
from domain.cases.lifecycle import WeighingAssessments
from domain.cells.vocabulary import TableKind
from domain.meetings import planning, session, status
from domain.meetings.model import Meeting, MeetingStatus
from domain.shared.errors import InputIssue, InvalidInput

router = APIRouter(tags=["Meetings"])
CellId = Annotated[uuid.UUID, Path(alias="cellId")]
MeetingId = Annotated[uuid.UUID, Path(alias="meetingId")]
CHANGES = errors(400, 401, 403, 404, 409)


@router.get(
    "/cells/{cellId}/cadence",
    summary="Read the meeting cadence of a cell",
    response_model=CadenceRead,
    response_model_exclude_none=True,
    responses=errors(401, 403, 404),
)
async def get_cadence(
    cell_id: CellId, claims: AccessClaims, uow: ReadUowDep, clock: ClockDep, language: LanguageDep
) -> CadenceRead:
    """Weekly with a problematic case (R-CAD-2), monthly with open cases (R-CAD-3), asleep
    otherwise (R-CAD-4); a cell that never held its constitutive meeting is flagged (R-CAD-1).
    Members and integration clients with `cadence:read`."""
    cadence = await status.cell_cadence(uow, clock, claims, cell_id)
    params = dict(cadence.explanation_params)
    due = cadence.next_due.date().isoformat() if cadence.next_due else ""
    return CadenceRead(
        mode=cadence.mode,
        next_due=cadence.next_due,
        overdue=cadence.overdue,
        days_overdue=cadence.days_overdue,
        constitutive_meeting_held=cadence.constitutive_meeting_held,
        explanation=str(cadence.explanation),
        explanation_text=translate(
            f"cadence.{cadence.explanation}", language, {**params, "due": due}
        ),
        open_cases=params.get("openCases", 0),
        problematic_cases=params.get("problematicCases", 0),
    )


@router.get(
    "/cells/{cellId}/meetings",
    summary="List the meetings of my tables",
    response_model=MeetingList,
    responses=errors(400, 401, 404),
)
async def list_meetings(
    cell_id: CellId,
    claims: AccessClaims,
    uow: ReadUowDep,
    clock: ClockDep,
    since: Annotated[QueryMoment | None, Query()] = None,
    until: Annotated[QueryMoment | None, Query()] = None,
) -> MeetingList:
    meetings = await planning.list_meetings(uow, clock, claims, cell_id, since, until)
    items = [to_meeting(view) for view in meetings]
    return MeetingList(items=items, total=len(items))


def _draft(body: MeetingCreate | MeetingReplan, table: TableKind) -> planning.MeetingDraft:
    return planning.MeetingDraft(
        table=table,
        starts_at=body.starts_at,
        ends_at=body.ends_at,
        place=body.place,
        online_link=body.online_link,
        invitees=frozenset(body.invitees),
        agenda=tuple(
            planning.ItemDraft(item.purpose, item.case, item.title, frozenset(item.invitees))
            for item in body.agenda
        ),
    )


async def _read(
    uow: UowDep, clock: ClockDep, claims: AccessClaims, meeting_id: uuid.UUID
) -> MeetingRead:
    return to_meeting(await planning.get_meeting(uow, clock, claims, meeting_id))


@router.post(
    "/cells/{cellId}/meetings",
    summary="Plan a meeting",
    status_code=201,
    response_model=MeetingRead,
    responses=CHANGES,
)
async def plan_meeting(
    cell_id: CellId,
    body: MeetingCreate,
    response: Response,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
    guard: GuardDep,
) -> MeetingRead:
    """The table's chair plans it and invites from its members (R-TAB-2); a strategic meeting
    carries no case (R-TAB-3)."""
    meeting = await planning.plan_meeting(
        uow, clock, guard, claims, cell_id, _draft(body, body.table)
    )
    response.headers["Location"] = f"/api/v1/meetings/{meeting.id}"
    return await _read(uow, clock, claims, meeting.id)


@router.get(
    "/meetings/{meetingId}",
    summary="Read a meeting",
    response_model=MeetingRead,
    responses=errors(401, 404),
)
async def get_meeting(
    meeting_id: MeetingId, claims: AccessClaims, uow: ReadUowDep, clock: ClockDep
) -> MeetingRead:
    return await _read(uow, clock, claims, meeting_id)


@router.put(
    "/meetings/{meetingId}",
    summary="Change a planned meeting",
    response_model=MeetingRead,
    responses=CHANGES,
)
async def replan_meeting(
    meeting_id: MeetingId,
    body: MeetingReplan,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
    guard: GuardDep,
) -> MeetingRead:
    current = await planning.get_meeting(uow, clock, claims, meeting_id)
    await planning.replan_meeting(
        uow, clock, guard, claims, meeting_id, _draft(body, current.meeting.table)
    )
    return await _read(uow, clock, claims, meeting_id)


@router.patch(
    "/meetings/{meetingId}",
    summary="Open, close or cancel a meeting",
    response_model=MeetingRead,
    responses=CHANGES,
)
async def change_meeting_status(
    meeting_id: MeetingId,
    body: MeetingStatusChange,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
) -> MeetingRead:
    """`inSession` opens it (not for an out-of-balance table, R-MEM-4), `held` closes it,
    `cancelled` cancels a planned one."""
    changes = {
        MeetingStatus.in_session: session.open_session,
        MeetingStatus.held: session.close_session,
        MeetingStatus.cancelled: planning.cancel_meeting,
    }
    change = changes.get(body.status)
    if change is None:
        raise InvalidInput([InputIssue("status", "invalidMeetingStatus")])
    await change(uow, clock, claims, meeting_id)
    return await _read(uow, clock, claims, meeting_id)


@router.put(
    "/meetings/{meetingId}/attendance",
    summary="Record who is effectively present",
    response_model=MeetingRead,
    responses=CHANGES,
)
async def record_attendance(
    meeting_id: MeetingId,
    body: AttendanceUpdate,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
) -> MeetingRead:
    """By the chair, in session. This attendance is what a feedback form's consensus counts."""
    present = dict.fromkeys(body.present, True) | dict.fromkeys(body.absent, False)
    await session.record_attendance(uow, clock, claims, meeting_id, present)
    return await _read(uow, clock, claims, meeting_id)


@router.post(
    "/meetings/{meetingId}/acknowledgement",
    summary="Confirm the secrecy of this meeting",
    status_code=204,
    responses=errors(401, 403, 404),
)
async def acknowledge_meeting(
    meeting_id: MeetingId, claims: AccessClaims, uow: UowDep, clock: ClockDep
) -> Response:
    """R-PRIV-4: each attendee, before the session view opens."""
    await session.acknowledge_secrecy(uow, clock, claims, meeting_id)
    return Response(status_code=204)


def _minutes(meeting: Meeting) -> MinutesRead:
    return MinutesRead(
        meeting=meeting.id,
        entries=[
            MinutesEntryRead(
                id=e.id,
                kind=e.kind,
                decision=e.decision,
                text=e.text,
                agenda_item=e.agenda_item_id,
                case=e.case_id,
                owner=e.owner_organisation_id,
                deadline=e.deadline,
                recorded_at=e.recorded_at,
            )
            for e in meeting.minutes
        ],
    )


@router.get(
    "/meetings/{meetingId}/minutes",
    summary="Read the minutes",
    response_model=MinutesRead,
    response_model_exclude_none=True,
    responses=errors(401, 403, 404),
)
async def get_minutes(
    meeting_id: MeetingId, claims: AccessClaims, uow: AuditedReadUowDep, clock: ClockDep
) -> MinutesRead:
    """Released to those present who acknowledged the meeting's secrecy."""
    return _minutes(await session.session_view(uow, clock, claims, meeting_id))


@router.post(
    "/meetings/{meetingId}/decisions",
    summary="Record a decision of the table on a case",
    status_code=201,
    response_model=MinutesRead,
    response_model_exclude_none=True,
    responses=CHANGES,
)
async def record_decision(
    meeting_id: MeetingId,
    body: DecisionCreate,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
    guard: GuardDep,
) -> MinutesRead:
    """Moves the case (R-CASE-5/6/7), naming this meeting, and enters the minutes."""
    weighing = body.weighing
    draft = session.DecisionDraft(
        agenda_item_id=body.agenda_item,
        decision=body.decision,
        note=body.note,
        assessments=(
            WeighingAssessments(
                weighing.threat_not_particularly_high,
                weighing.willing_to_cooperate,
                weighing.no_heavy_milieu_contacts,
            )
            if weighing
            else None
        ),
        weighing=weighing.decision if weighing else None,
    )
    return _minutes(await session.decide(uow, clock, guard, claims, meeting_id, draft))


@router.post(
    "/meetings/{meetingId}/actions",
    summary="Record an action in the minutes",
    status_code=201,
    response_model=MinutesRead,
    response_model_exclude_none=True,
    responses=CHANGES,
)
async def record_action(
    meeting_id: MeetingId,
    body: MinutesActionCreate,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
    guard: GuardDep,
) -> MinutesRead:
    draft = session.ActionDraft(body.text, body.owner, body.deadline, body.agenda_item)
    return _minutes(await session.add_action(uow, clock, guard, claims, meeting_id, draft))
