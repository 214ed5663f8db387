"""Webhooks: integration clients with `webhooks:manage` register receivers for their own cell.
The event types and their payloads are documented on `EventType` (and so in the contract)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response, Security
from fastapi.security.utils import get_authorization_scheme_param

from api.dependencies import ClockDep, ReadUowDep, TokensDep, UowDep, WebhookTargetsDep
from api.openapi import errors
from api.pagination import page_links
from api.routers.webhooks.schemas import (
    DeliveryPage,
    WebhookCreate,
    WebhookCreated,
    WebhookList,
    WebhookRead,
    to_delivery,
    to_read,
)
from api.security import client_credentials
from domain.identity.errors import MissingToken
from domain.identity.model import Scope
from domain.identity.tokens import TokenClaims, TokenType
from domain.webhooks import registration

router = APIRouter(prefix="/webhooks", tags=["Webhooks"])
WebhookId = Annotated[uuid.UUID, Path(alias="webhookId")]


async def client_claims(
    tokens: TokensDep,
    authorization: Annotated[
        str | None, Security(client_credentials, scopes=[Scope.webhooks_manage.value])
    ],
) -> TokenClaims:
    """The verified claims of a client-credentials access token (a user's token verifies too,
    and is then refused by the use case with `missingScope`)."""
    scheme, token = get_authorization_scheme_param(authorization)
    if scheme.lower() != "bearer" or not token:
        raise MissingToken()
    return tokens.verify(token, TokenType.access)


ClientClaims = Annotated[TokenClaims, Depends(client_claims)]


@router.post(
    "",
    summary="Register a webhook",
    status_code=201,
    response_model=WebhookCreated,
    response_model_exclude_none=True,
    responses=errors(400, 401, 403, 409),
)
async def create_webhook(
    body: WebhookCreate,
    response: Response,
    claims: ClientClaims,
    uow: UowDep,
    clock: ClockDep,
    targets: WebhookTargetsDep,
) -> WebhookCreated:
    """The receiver gets `POST` requests with a JSON payload and the headers `Tafel-Event`,
    `Tafel-Delivery` (an id to deduplicate on) and `Tafel-Signature: t=<unix seconds>,v1=<hex>`,
    the HMAC-SHA256 of `{t}.{raw body}` under the secret returned here, once. Any 2xx answer
    counts as delivered; otherwise the delivery is retried after 1 min, 5 min, 30 min, 2 h and
    12 h, and five failures in a row disable the webhook. The URL must be `https://` and resolve
    to public addresses only (400 with an issue on `url` otherwise); redirects are not followed.
    A cell has at most 20 webhooks (409 `tooManyWebhooks`)."""
    webhook = await registration.register_webhook(
        uow,
        clock,
        claims,
        targets,
        registration.NewWebhook(body.url, frozenset(body.events)),
    )
    response.headers["Location"] = f"/api/v1/webhooks/{webhook.id}"
    return WebhookCreated(**to_read(webhook).model_dump(), secret=webhook.secret)


@router.get(
    "",
    summary="List the cell's webhooks",
    response_model=WebhookList,
    response_model_exclude_none=True,
    responses=errors(401, 403),
)
async def list_webhooks(claims: ClientClaims, uow: ReadUowDep, clock: ClockDep) -> WebhookList:
    items = [to_read(w) for w in await registration.list_webhooks(uow, clock, claims)]
    return WebhookList(items=items, total=len(items))


@router.get(
    "/{webhookId}",
    summary="Read a webhook",
    response_model=WebhookRead,
    response_model_exclude_none=True,
    responses=errors(401, 403, 404),
)
async def get_webhook(
    webhook_id: WebhookId, claims: ClientClaims, uow: ReadUowDep, clock: ClockDep
) -> WebhookRead:
    return to_read(await registration.get_webhook(uow, clock, claims, webhook_id))


@router.delete(
    "/{webhookId}",
    summary="Delete a webhook",
    status_code=204,
    responses=errors(401, 403, 404),
)
async def delete_webhook(
    webhook_id: WebhookId, claims: ClientClaims, uow: UowDep, clock: ClockDep
) -> Response:
    """Pending deliveries are dropped with the webhook and its delivery log."""
    await registration.delete_webhook(uow, clock, claims, webhook_id)
    return Response(status_code=204)


@router.get(
    "/{webhookId}/deliveries",
    summary="Read a webhook's delivery log",
    response_model=DeliveryPage,
    response_model_exclude_none=True,
    responses=errors(400, 401, 403, 404),
)
async def list_webhook_deliveries(
    webhook_id: WebhookId,
    request: Request,
    claims: ClientClaims,
    uow: ReadUowDep,
    clock: ClockDep,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    page_size: Annotated[int, Query(alias="pageSize", ge=1, le=100)] = 20,
) -> DeliveryPage:
    """Newest first: event, status, attempts, last HTTP status and times — never the payload."""
    deliveries, total = await registration.list_deliveries(
        uow, clock, claims, webhook_id, (page - 1) * page_size, page_size
    )
    return DeliveryPage(
        items=[to_delivery(d) for d in deliveries], **page_links(request, page, page_size, total)
    )
