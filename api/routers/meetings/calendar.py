"""Calendar feeds: for integration clients (`meetings:read`) and a personal link per member."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Response

from api.dependencies import CalendarDep, ClockDep, ReadUowDep, SettingsDep, UowDep
from api.openapi import errors
from api.routers.meetings.schemas import CalendarFeed, CalendarFeedStatus
from api.security import AccessClaims
from domain.meetings import calendar

router = APIRouter(tags=["Meetings"])
CellId = Annotated[uuid.UUID, Path(alias="cellId")]
Token = Annotated[str, Path(alias="feedToken", min_length=20, max_length=100)]
ICS = {"content": {"text/calendar": {"schema": {"type": "string"}}}, "description": "RFC 5545"}


@router.get(
    "/cells/{cellId}/meetings.ics",
    summary="Get the cell's meetings as a calendar",
    response_class=Response,
    responses={200: ICS, **errors(401, 403, 404)},
)
async def get_cell_calendar(
    cell_id: CellId, claims: AccessClaims, uow: ReadUowDep, clock: ClockDep, renderer: CalendarDep
) -> Response:
    """Table, time and place — never case codes. Integration clients need `meetings:read`."""
    body = await calendar.cell_calendar(uow, clock, renderer, claims, cell_id)
    return Response(body, media_type="text/calendar; charset=utf-8")


@router.post(
    "/me/calendarFeed",
    summary="Create my personal calendar link",
    status_code=201,
    response_model=CalendarFeed,
    responses=errors(401),
)
async def create_calendar_feed(
    claims: AccessClaims, uow: UowDep, clock: ClockDep, settings: SettingsDep
) -> CalendarFeed:
    """A secret link for a calendar app; creating a new one revokes the old."""
    token = await calendar.create_feed(uow, clock, claims)
    return CalendarFeed(url=f"{settings.public_url.rstrip('/')}/api/v1/calendarFeeds/{token}")


@router.get(
    "/me/calendarFeed",
    summary="Tell whether I have a personal calendar link",
    response_model=CalendarFeedStatus,
    responses=errors(401, 404),
)
async def get_calendar_feed(
    claims: AccessClaims, uow: ReadUowDep, clock: ClockDep
) -> CalendarFeedStatus:
    """404 when there is none. The link itself was shown once, when it was created."""
    return CalendarFeedStatus(created_at=await calendar.feed_created(uow, clock, claims))


@router.delete(
    "/me/calendarFeed",
    summary="Revoke my personal calendar link",
    status_code=204,
    responses=errors(401),
)
async def delete_calendar_feed(claims: AccessClaims, uow: UowDep, clock: ClockDep) -> Response:
    await calendar.remove_feed(uow, clock, claims)
    return Response(status_code=204)


@router.get(
    "/calendarFeeds/{feedToken}",
    summary="Get my meetings as a calendar (personal link)",
    response_class=Response,
    responses={200: ICS, **errors(404)},
    openapi_extra={"security": []},
)
async def get_personal_calendar(
    token: Token, uow: ReadUowDep, clock: ClockDep, renderer: CalendarDep
) -> Response:
    body = await calendar.personal_calendar(uow, clock, renderer, token)
    return Response(body, media_type="text/calendar; charset=utf-8")
