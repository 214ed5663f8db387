"""Bodies of the webhook endpoints. The secret appears in one response only: the creation."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import Field

from api.pagination import Page
from api.schemas import ApiModel
from domain.webhooks.events import EventType
from domain.webhooks.model import Delivery, DeliveryStatus, Webhook, WebhookStatus
from domain.webhooks.targets import MAX_URL_LENGTH


class WebhookCreate(ApiModel):
    url: str = Field(
        min_length=1,
        max_length=MAX_URL_LENGTH,
        description="`https://` on a public address; redirects are not followed",
        examples=["https://agenda.lindebeek.example/tafel/webhooks"],
    )
    events: list[EventType] = Field(min_length=1, max_length=len(EventType))


class WebhookRead(ApiModel):
    id: uuid.UUID
    url: str
    events: list[EventType]
    status: WebhookStatus = Field(
        description="`disabled` after five failed attempts in a row; register it again to resume"
    )
    consecutive_failures: int
    created_at: datetime
    disabled_at: datetime | None = None


class WebhookCreated(WebhookRead):
    secret: str = Field(
        description="The signing secret (HMAC-SHA256 key, as UTF-8). Shown once, never again."
    )


class WebhookList(ApiModel):
    items: list[WebhookRead]
    total: int


class DeliveryRead(ApiModel):
    """One entry of the delivery log; the payload itself is not shown again."""

    id: uuid.UUID = Field(description="Also sent as the `Tafel-Delivery` header")
    event: EventType
    event_id: uuid.UUID = Field(description="The payload's `id`, shared by all its deliveries")
    status: DeliveryStatus
    attempts: int
    last_status_code: int | None = Field(default=None, description="HTTP status of the last try")
    last_error: str | None = Field(
        default=None,
        description=(
            "`timeout`, `connectionFailed`, `addressNotPublic`, `notHttps` or `requestFailed`"
        ),
    )
    created_at: datetime
    last_attempt_at: datetime | None = None
    next_attempt_at: datetime | None = Field(default=None, description="While pending")
    delivered_at: datetime | None = None


class DeliveryPage(Page):
    items: list[DeliveryRead]


def to_read(webhook: Webhook) -> WebhookRead:
    return WebhookRead(
        id=webhook.id,
        url=webhook.url,
        events=sorted(webhook.events),
        status=webhook.status,
        consecutive_failures=webhook.consecutive_failures,
        created_at=webhook.created_at,
        disabled_at=webhook.disabled_at,
    )


def to_delivery(delivery: Delivery) -> DeliveryRead:
    pending = delivery.status is DeliveryStatus.pending
    return DeliveryRead(
        id=delivery.id,
        event=delivery.event_type,
        event_id=delivery.event_id,
        status=delivery.status,
        attempts=delivery.attempts,
        last_status_code=delivery.last_status_code,
        last_error=delivery.last_error,
        created_at=delivery.created_at,
        last_attempt_at=delivery.last_attempt_at,
        next_attempt_at=delivery.next_attempt_at if pending else None,
        delivered_at=delivery.delivered_at,
    )
