"""What webhooks need from the outside: an outbox (the publisher), persistence, and a sender.

`uow.webhooks` is one object that is both the `WebhookRepository` and the `EventPublisher`: other
contexts depend on the narrow `EventPublisher` and call `await uow.webhooks.publish(event)` inside
their own transaction, so an event is recorded exactly when the change it reports is committed.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from domain.webhooks.events import WebhookEvent
from domain.webhooks.model import Delivery, Webhook


class EventPublisher(Protocol):
    """Publishes domain events to the webhooks of the event's cell."""

    async def publish(self, event: WebhookEvent) -> None:
        """Write one pending delivery per active webhook of `event.cell_id` subscribed to
        `event.type`, in the caller's unit of work (an outbox: nothing is sent now, and nothing
        is written if the caller rolls back)."""
        ...


@dataclass(frozen=True, slots=True)
class DueDelivery:
    delivery_id: uuid.UUID
    webhook_id: uuid.UUID


class WebhookRepository(EventPublisher, Protocol):
    """Webhooks, their outbox of deliveries, and the delivery log."""

    async def add(self, webhook: Webhook) -> None: ...

    async def get(self, webhook_id: uuid.UUID, *, for_update: bool = False) -> Webhook | None:
        """The webhook with its secret in clear, or None."""
        ...

    async def save(self, webhook: Webhook) -> None:
        """Store status, failure count and disabling time."""
        ...

    async def remove(self, webhook_id: uuid.UUID) -> None:
        """Delete the webhook and its delivery log."""
        ...

    async def for_cell(self, cell_id: uuid.UUID) -> list[Webhook]:
        """The cell's webhooks, newest first."""
        ...

    async def deliveries(
        self, webhook_id: uuid.UUID, offset: int, limit: int
    ) -> tuple[list[Delivery], int]:
        """A page of the delivery log, newest first, and the total."""
        ...

    async def delivery(self, delivery_id: uuid.UUID) -> Delivery | None: ...

    async def save_delivery(self, delivery: Delivery, claim_token: str) -> bool:
        """Store the outcome of an attempt and release the claim, only if the claim taken with
        `claim_token` still holds (False when its lease expired and another run took over)."""
        ...

    async def due(self, now: datetime, limit: int) -> list[DueDelivery]:
        """Pending deliveries of active webhooks whose next attempt is due and that nobody holds
        a live claim on, oldest due first."""
        ...

    async def claim(
        self, delivery_id: uuid.UUID, token: str, now: datetime, until: datetime
    ) -> bool:
        """Atomically take a due delivery until `until`; False when another run holds it or it is
        no longer due (a conditional update, so two overlapping runs never both win)."""
        ...

    async def fail_pending(self, webhook_id: uuid.UUID) -> int:
        """Mark every pending delivery of a disabled webhook failed; how many."""
        ...


@dataclass(frozen=True, slots=True)
class SendOutcome:
    """What came back: an HTTP status, or none and a short error code (`timeout`,
    `connectionFailed`, `addressNotPublic`, `notHttps`, `requestFailed`) — never the receiver's
    text."""

    status_code: int | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


class WebhookSender(Protocol):
    """Sends one signed request, without following redirects."""

    async def send(self, url: str, headers: Mapping[str, str], body: bytes) -> SendOutcome: ...
