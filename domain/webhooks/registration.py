"""Registering webhooks: only integration clients holding `webhooks:manage`, only for their own
cell. A user token, or a client without the scope, is refused with `missingScope`; another
cell's webhook is not found (no existence leak). The secret is returned once, at creation."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass

from domain.audit.model import AuditRecord
from domain.identity.errors import MissingScope
from domain.identity.model import IntegrationClient, Scope
from domain.identity.principal import Principal, load_principal
from domain.identity.tokens import TokenClaims
from domain.shared.clock import Clock
from domain.shared.errors import NotFound
from domain.unit_of_work import UnitOfWork
from domain.webhooks.errors import TooManyWebhooks
from domain.webhooks.events import EventType
from domain.webhooks.model import MAX_WEBHOOKS_PER_CELL, SECRET_PREFIX, Delivery, Webhook
from domain.webhooks.targets import TargetPolicy


@dataclass(frozen=True, slots=True)
class NewWebhook:
    url: str
    events: frozenset[EventType]


def require_webhook_client(principal: Principal) -> IntegrationClient:
    """Webhooks are managed by integration clients with `webhooks:manage`, never by users."""
    client = principal.client
    if client is None or Scope.webhooks_manage not in client.scopes:
        raise MissingScope(Scope.webhooks_manage.value)
    return client


def _audit(
    client: IntegrationClient, principal: Principal, action: str, webhook: uuid.UUID
) -> AuditRecord:
    return AuditRecord(str(client.cell_id), principal.actor, action, "webhook", str(webhook))


async def register_webhook(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, targets: TargetPolicy, new: NewWebhook
) -> Webhook:
    """The caller is checked before the URL is resolved, so nobody can use Tafel as a DNS
    oracle; resolution happens outside the transaction, then the caller is checked again."""
    async with uow:
        require_webhook_client(await load_principal(uow, claims, clock.now()))
    url = await targets.vet(new.url)
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        client = require_webhook_client(principal)
        if len(await uow.webhooks.for_cell(client.cell_id)) >= MAX_WEBHOOKS_PER_CELL:
            raise TooManyWebhooks(MAX_WEBHOOKS_PER_CELL)
        webhook = Webhook(
            id=uuid.uuid4(),
            cell_id=client.cell_id,
            client_id=client.id,
            url=url,
            events=new.events,
            secret=SECRET_PREFIX + secrets.token_urlsafe(32),
            created_at=now,
        )
        await uow.webhooks.add(webhook)
        await uow.audit.record(_audit(client, principal, "webhook.create", webhook.id))
        await uow.commit()
    return webhook


async def list_webhooks(uow: UnitOfWork, clock: Clock, claims: TokenClaims) -> list[Webhook]:
    async with uow:
        client = require_webhook_client(await load_principal(uow, claims, clock.now()))
        return await uow.webhooks.for_cell(client.cell_id)


async def _own_webhook(
    uow: UnitOfWork, client: IntegrationClient, webhook_id: uuid.UUID
) -> Webhook:
    webhook = await uow.webhooks.get(webhook_id)
    if webhook is None or webhook.cell_id != client.cell_id:
        raise NotFound()
    return webhook


async def get_webhook(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, webhook_id: uuid.UUID
) -> Webhook:
    async with uow:
        client = require_webhook_client(await load_principal(uow, claims, clock.now()))
        return await _own_webhook(uow, client, webhook_id)


async def delete_webhook(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, webhook_id: uuid.UUID
) -> None:
    """Deletion removes the delivery log with it; the audit trail keeps the fact."""
    async with uow:
        principal = await load_principal(uow, claims, clock.now())
        client = require_webhook_client(principal)
        webhook = await _own_webhook(uow, client, webhook_id)
        await uow.webhooks.remove(webhook.id)
        await uow.audit.record(_audit(client, principal, "webhook.delete", webhook.id))
        await uow.commit()


async def list_deliveries(
    uow: UnitOfWork,
    clock: Clock,
    claims: TokenClaims,
    webhook_id: uuid.UUID,
    offset: int,
    limit: int,
) -> tuple[list[Delivery], int]:
    """The delivery log: event, status, attempts, last HTTP status, times — never the body."""
    async with uow:
        client = require_webhook_client(await load_principal(uow, claims, clock.now()))
        webhook = await _own_webhook(uow, client, webhook_id)
        return await uow.webhooks.deliveries(webhook.id, offset, limit)
