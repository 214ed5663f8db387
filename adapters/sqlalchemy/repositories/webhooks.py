"""Webhooks, the outbox of deliveries, and the publisher writing into it.

Secrets are sealed with AES-GCM before they reach a row and opened when a row becomes a domain
object: the domain sees the secret in clear, the database never does.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ColumnElement, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.security.secret_box import AesGcmSecretBox
from adapters.sqlalchemy.rows.identity import IntegrationClientRow
from adapters.sqlalchemy.rows.webhooks import WebhookDeliveryRow, WebhookRow
from domain.webhooks.events import EventType, WebhookEvent
from domain.webhooks.model import Delivery, DeliveryStatus, Webhook, WebhookStatus
from domain.webhooks.ports import DueDelivery, WebhookRepository


def _events(text: str) -> frozenset[EventType]:
    return frozenset(EventType(value) for value in text.split())


def to_delivery(row: WebhookDeliveryRow) -> Delivery:
    return Delivery(
        id=row.id,
        webhook_id=row.webhook_id,
        event_id=row.event_id,
        event_type=EventType(row.event_type),
        body=row.body,
        created_at=row.created_at,
        next_attempt_at=row.next_attempt_at,
        status=DeliveryStatus(row.status),
        attempts=row.attempts,
        last_attempt_at=row.last_attempt_at,
        last_status_code=row.last_status_code,
        last_error=row.last_error,
        delivered_at=row.delivered_at,
    )


class SqlAlchemyWebhookRepository(WebhookRepository):
    """Also the `EventPublisher`: `publish` adds rows to the caller's session and transaction."""

    def __init__(self, session: AsyncSession, secrets: AesGcmSecretBox) -> None:
        self.session = session
        self.secrets = secrets

    def _to_webhook(self, row: WebhookRow) -> Webhook:
        return Webhook(
            id=row.id,
            cell_id=row.cell_id,
            client_id=row.client_id,
            url=row.url,
            events=_events(row.events),
            secret=self.secrets.open(row.secret_sealed, str(row.id)),
            created_at=row.created_at,
            status=WebhookStatus(row.status),
            consecutive_failures=row.consecutive_failures,
            disabled_at=row.disabled_at,
        )

    async def publish(self, event: WebhookEvent) -> None:
        """Webhooks of a revoked client receive nothing more."""
        rows = await self.session.scalars(
            select(WebhookRow)
            .join(IntegrationClientRow, IntegrationClientRow.id == WebhookRow.client_id)
            .where(
                WebhookRow.cell_id == event.cell_id,
                WebhookRow.status == WebhookStatus.active.value,
                IntegrationClientRow.revoked_at.is_(None),
            )
        )
        body = event.body()
        for row in rows:
            if event.type in _events(row.events):
                self.session.add(
                    WebhookDeliveryRow(
                        id=uuid.uuid4(),
                        webhook_id=row.id,
                        event_id=event.id,
                        event_type=event.type.value,
                        body=body,
                        status=DeliveryStatus.pending.value,
                        attempts=0,
                        created_at=event.occurred_at,
                        next_attempt_at=event.occurred_at,
                    )
                )
        await self.session.flush()

    async def add(self, webhook: Webhook) -> None:
        self.session.add(
            WebhookRow(
                id=webhook.id,
                cell_id=webhook.cell_id,
                client_id=webhook.client_id,
                url=webhook.url,
                events=" ".join(sorted(event.value for event in webhook.events)),
                secret_sealed=self.secrets.seal(webhook.secret, str(webhook.id)),
                status=webhook.status.value,
                consecutive_failures=webhook.consecutive_failures,
                created_at=webhook.created_at,
                disabled_at=webhook.disabled_at,
            )
        )
        await self.session.flush()

    async def get(self, webhook_id: uuid.UUID, *, for_update: bool = False) -> Webhook | None:
        statement = select(WebhookRow).where(WebhookRow.id == webhook_id)
        if for_update:
            statement = statement.with_for_update()
        row = await self.session.scalar(statement)
        return self._to_webhook(row) if row else None

    async def save(self, webhook: Webhook) -> None:
        row = await self.session.get(WebhookRow, webhook.id)
        if row is None:
            raise LookupError(webhook.id)
        row.status = webhook.status.value
        row.consecutive_failures = webhook.consecutive_failures
        row.disabled_at = webhook.disabled_at
        await self.session.flush()

    async def remove(self, webhook_id: uuid.UUID) -> None:
        await self.session.execute(
            delete(WebhookDeliveryRow).where(WebhookDeliveryRow.webhook_id == webhook_id)
        )
        await self.session.execute(delete(WebhookRow).where(WebhookRow.id == webhook_id))

    async def for_cell(self, cell_id: uuid.UUID) -> list[Webhook]:
        rows = await self.session.scalars(
            select(WebhookRow)
            .where(WebhookRow.cell_id == cell_id)
            .order_by(WebhookRow.created_at.desc(), WebhookRow.id)
        )
        return [self._to_webhook(row) for row in rows]

    async def deliveries(
        self, webhook_id: uuid.UUID, offset: int, limit: int
    ) -> tuple[list[Delivery], int]:
        where = WebhookDeliveryRow.webhook_id == webhook_id
        total = await self.session.scalar(
            select(func.count()).select_from(WebhookDeliveryRow).where(where)
        )
        rows = await self.session.scalars(
            select(WebhookDeliveryRow)
            .where(where)
            .order_by(WebhookDeliveryRow.created_at.desc(), WebhookDeliveryRow.id)
            .offset(offset)
            .limit(limit)
        )
        return [to_delivery(row) for row in rows], int(total or 0)

    async def delivery(self, delivery_id: uuid.UUID) -> Delivery | None:
        row = await self.session.get(WebhookDeliveryRow, delivery_id)
        return to_delivery(row) if row else None

    async def save_delivery(self, delivery: Delivery, claim_token: str) -> bool:
        result = await self.session.execute(
            update(WebhookDeliveryRow)
            .where(
                WebhookDeliveryRow.id == delivery.id, WebhookDeliveryRow.claim_token == claim_token
            )
            .values(
                status=delivery.status.value,
                attempts=delivery.attempts,
                next_attempt_at=delivery.next_attempt_at,
                last_attempt_at=delivery.last_attempt_at,
                last_status_code=delivery.last_status_code,
                last_error=delivery.last_error,
                delivered_at=delivery.delivered_at,
                claim_token=None,
                claimed_until=None,
            )
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0) == 1)

    def _claimable(self, now: datetime) -> list[ColumnElement[bool]]:
        return [
            WebhookDeliveryRow.status == DeliveryStatus.pending.value,
            WebhookDeliveryRow.next_attempt_at <= now,
            or_(WebhookDeliveryRow.claimed_until.is_(None), WebhookDeliveryRow.claimed_until < now),
        ]

    async def due(self, now: datetime, limit: int) -> list[DueDelivery]:
        rows = await self.session.execute(
            select(WebhookDeliveryRow.id, WebhookDeliveryRow.webhook_id)
            .join(WebhookRow, WebhookRow.id == WebhookDeliveryRow.webhook_id)
            .where(WebhookRow.status == WebhookStatus.active.value, *self._claimable(now))
            .order_by(WebhookDeliveryRow.next_attempt_at, WebhookDeliveryRow.created_at)
            .limit(limit)
        )
        return [DueDelivery(delivery_id, webhook_id) for delivery_id, webhook_id in rows]

    async def claim(
        self, delivery_id: uuid.UUID, token: str, now: datetime, until: datetime
    ) -> bool:
        # The conditions are evaluated by the UPDATE itself: on PostgreSQL a second writer waits
        # for the first and re-checks them against the committed row; SQLite serialises writers.
        result = await self.session.execute(
            update(WebhookDeliveryRow)
            .where(WebhookDeliveryRow.id == delivery_id, *self._claimable(now))
            .values(claim_token=token, claimed_until=until)
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0) == 1)

    async def fail_pending(self, webhook_id: uuid.UUID) -> int:
        result = await self.session.execute(
            update(WebhookDeliveryRow)
            .where(
                WebhookDeliveryRow.webhook_id == webhook_id,
                WebhookDeliveryRow.status == DeliveryStatus.pending.value,
            )
            .values(status=DeliveryStatus.failed.value, claim_token=None, claimed_until=None)
            .execution_options(synchronize_session=False)
        )
        return int(getattr(result, "rowcount", 0))
