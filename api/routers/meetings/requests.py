"""Meeting requests (R-CAD-5)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from api.dependencies import ClockDep, GuardDep, ReadUowDep, UowDep
from api.openapi import errors
from api.routers.meetings.schemas import RequestAnswer, RequestCreate, RequestList, RequestRead
from api.security import AccessClaims
from domain.meetings import requests
from domain.meetings.model import MeetingRequest, RequestStatus

router = APIRouter(prefix="/cells/{cellId}/meetingRequests", tags=["Meetings"])
CellId = Annotated[uuid.UUID, Path(alias="cellId")]
RequestId = Annotated[uuid.UUID, Path(alias="requestId")]


def to_read(
    request: MeetingRequest,
    codes: dict[uuid.UUID, str] | None = None,
    names: dict[uuid.UUID, str] | None = None,
) -> RequestRead:
    return RequestRead(
        id=request.id,
        origin=request.origin,
        status=request.status,
        created_at=request.created_at,
        requested_by=request.requested_by,
        requested_by_name=(names or {}).get(request.requested_by) if request.requested_by else None,
        reason=request.reason,
        case=request.case_id,
        case_code=(codes or {}).get(request.case_id) if request.case_id else None,
        purpose=request.purpose,
        answer=request.answer,
        meeting=request.meeting_id,
    )


@router.get(
    "",
    summary="List meeting requests",
    response_model=RequestList,
    response_model_exclude_none=True,
    responses=errors(400, 401, 404),
)
async def list_requests(
    cell_id: CellId,
    claims: AccessClaims,
    uow: ReadUowDep,
    clock: ClockDep,
    status: Annotated[RequestStatus | None, Query()] = None,
) -> RequestList:
    """The chairs see all requests (those raised by cases too); a member sees their own."""
    listing = await requests.list_requests(uow, clock, claims, cell_id, status)
    items = [to_read(r, listing.case_codes, listing.names) for r in listing.requests]
    return RequestList(items=items, total=len(items))


@router.post(
    "",
    summary="Ask for a meeting",
    status_code=201,
    response_model=RequestRead,
    response_model_exclude_none=True,
    responses=errors(400, 401, 404),
)
async def request_meeting(
    cell_id: CellId,
    body: RequestCreate,
    response: Response,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
    guard: GuardDep,
) -> RequestRead:
    """R-CAD-5: any member may ask the table to meet, with a reason (privacy-guarded)."""
    request = await requests.request_meeting(uow, clock, guard, claims, cell_id, body.reason)
    response.headers["Location"] = f"/api/v1/cells/{cell_id}/meetingRequests/{request.id}"
    return to_read(request)


@router.patch(
    "/{requestId}",
    summary="Answer a meeting request",
    response_model=RequestRead,
    response_model_exclude_none=True,
    responses=errors(400, 401, 403, 404),
)
async def answer_request(
    cell_id: CellId,
    request_id: RequestId,
    body: RequestAnswer,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
    guard: GuardDep,
) -> RequestRead:
    """The chair accepts (optionally naming the meeting) or declines with an answer."""
    request = await requests.answer_request(
        uow, clock, guard, claims, cell_id, request_id, body.status, body.answer, body.meeting
    )
    return to_read(request)
