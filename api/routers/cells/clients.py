"""Integration clients of a cell (credentials for municipal systems)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, Response
from pydantic import Field

from api.dependencies import ClockDep, ReadUowDep, UowDep
from api.openapi import errors
from api.schemas import ApiModel
from api.security import AccessClaims
from domain.cells import clients
from domain.identity.model import IntegrationClient, Scope

router = APIRouter(prefix="/cells/{cellId}/clients", tags=["Integration"])
CellId = Annotated[uuid.UUID, Path(alias="cellId")]
ClientId = Annotated[uuid.UUID, Path(alias="clientId")]


class ClientCreate(ApiModel):
    name: str = Field(min_length=1, max_length=200, examples=["Agenda stadhuis"])
    scopes: list[Scope] = Field(min_length=1, max_length=len(Scope))


class ClientRead(ApiModel):
    id: uuid.UUID
    name: str
    scopes: list[Scope]
    created_at: datetime
    revoked_at: datetime | None = None
    active: bool


class ClientCreated(ClientRead):
    client_secret: str = Field(description="Shown once; only its hash is stored")


class ClientList(ApiModel):
    items: list[ClientRead]
    total: int


def to_read(client: IntegrationClient) -> ClientRead:
    return ClientRead(
        id=client.id,
        name=client.name,
        scopes=sorted(client.scopes),
        created_at=client.created_at,
        revoked_at=client.revoked_at,
        active=client.is_active,
    )


@router.get(
    "",
    summary="List the integration clients of a cell",
    response_model=ClientList,
    response_model_exclude_none=True,
    responses=errors(401, 403, 404),
)
async def list_clients(
    cell_id: CellId, claims: AccessClaims, uow: ReadUowDep, clock: ClockDep
) -> ClientList:
    items = [to_read(c) for c in await clients.list_clients(uow, clock, claims, cell_id)]
    return ClientList(items=items, total=len(items))


@router.post(
    "",
    summary="Create an integration client",
    status_code=201,
    response_model=ClientCreated,
    response_model_exclude_none=True,
    responses=errors(400, 401, 403, 404),
)
async def create_client(
    cell_id: CellId,
    body: ClientCreate,
    response: Response,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
) -> ClientCreated:
    """Chairs and the platform administrator. No scope ever grants case content."""
    client, secret = await clients.create_client(
        uow, clock, claims, cell_id, body.name, frozenset(body.scopes)
    )
    response.headers["Location"] = f"/api/v1/cells/{cell_id}/clients/{client.id}"
    return ClientCreated(**to_read(client).model_dump(), client_secret=secret)


@router.delete(
    "/{clientId}",
    summary="Revoke an integration client",
    status_code=204,
    responses=errors(401, 403, 404),
)
async def revoke_client(
    cell_id: CellId, client_id: ClientId, claims: AccessClaims, uow: UowDep, clock: ClockDep
) -> Response:
    await clients.revoke_client(uow, clock, claims, cell_id, client_id)
    return Response(status_code=204)
