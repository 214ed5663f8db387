"""A webhook (a receiver URL of one cell, subscribed to some events) and its deliveries.

The secret signs every request; the domain holds it in clear, persistence keeps it encrypted.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from domain.webhooks.events import EventType
from domain.webhooks.retry import retry_delay, should_disable

SECRET_PREFIX = "whsec_"  # noqa: S105 (a prefix that makes leaked secrets recognisable)
MAX_WEBHOOKS_PER_CELL = 20


class WebhookStatus(StrEnum):
    active = "active"
    disabled = "disabled"


class DeliveryStatus(StrEnum):
    pending = "pending"
    delivered = "delivered"
    failed = "failed"


@dataclass
class Webhook:
    """A receiver of one cell, registered by one integration client."""

    id: uuid.UUID
    cell_id: uuid.UUID
    client_id: uuid.UUID
    url: str
    events: frozenset[EventType]
    secret: str
    created_at: datetime
    status: WebhookStatus = WebhookStatus.active
    consecutive_failures: int = 0
    disabled_at: datetime | None = None

    @property
    def is_active(self) -> bool:
        return self.status is WebhookStatus.active

    def record_success(self) -> None:
        """A 2xx answer: the receiver works again, the count of failures starts over."""
        self.consecutive_failures = 0

    def record_failure(self, now: datetime) -> bool:
        """Count a failed attempt; True when this failure disables the webhook."""
        self.consecutive_failures += 1
        if self.is_active and should_disable(self.consecutive_failures):
            self.status = WebhookStatus.disabled
            self.disabled_at = now
            return True
        return False


@dataclass
class Delivery:
    """One event for one webhook: the outbox row and its delivery log entry. `body` is the JSON
    text fixed when the event happened; it is never shown in the log."""

    id: uuid.UUID
    webhook_id: uuid.UUID
    event_id: uuid.UUID
    event_type: EventType
    body: str
    created_at: datetime
    next_attempt_at: datetime
    status: DeliveryStatus = DeliveryStatus.pending
    attempts: int = 0
    last_attempt_at: datetime | None = None
    last_status_code: int | None = None
    last_error: str | None = None
    delivered_at: datetime | None = None

    def succeeded(self, now: datetime, status_code: int) -> None:
        self.attempts += 1
        self.last_attempt_at = now
        self.last_status_code = status_code
        self.last_error = None
        self.status = DeliveryStatus.delivered
        self.delivered_at = now

    def failed(self, now: datetime, status_code: int | None, error: str | None) -> None:
        """Schedule the next attempt by the backoff, or give up when it is exhausted."""
        self.attempts += 1
        self.last_attempt_at = now
        self.last_status_code = status_code
        self.last_error = error
        delay = retry_delay(self.attempts)
        if delay is None:
            self.status = DeliveryStatus.failed
        else:
            self.next_attempt_at = now + delay
