"""Belgif `/health`: UP when the database answers, DOWN (503) otherwise, no details."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from api.dependencies import HealthProbeDep
from api.schemas import ApiModel

router = APIRouter(tags=["Monitoring"])


class Health(ApiModel):
    """The service status; UP and DOWN are Belgif's deliberate exception to lowerCamelCase."""

    status: Literal["UP", "DOWN"]


@router.get(
    "/health",
    summary="Check the health of the service",
    response_model=Health,
    responses={503: {"model": Health, "description": "The database is unreachable"}},
    openapi_extra={"security": []},
)
async def check_health(probe: HealthProbeDep) -> JSONResponse:
    up = await probe()
    return JSONResponse({"status": "UP" if up else "DOWN"}, status_code=200 if up else 503)
