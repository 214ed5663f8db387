"""`tafel jobs deliver`: send the due deliveries of the outbox.

Idempotent and safe when runs overlap: each delivery is claimed by a conditional update before it
is sent (a lease of `CLAIM_LEASE`, longer than the sender's time limit), so it is sent by one run
only; the outcome is recorded only by the run that still holds the claim. No transaction is open
while a request is in flight. A run that crashes mid-send leaves the claim to expire and the
delivery is sent again later: receivers deduplicate on `Tafel-Delivery` (at least once).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from domain.audit.model import Actor, AuditRecord
from domain.shared.clock import Clock
from domain.unit_of_work import UnitOfWork
from domain.webhooks.model import Delivery, DeliveryStatus, Webhook
from domain.webhooks.ports import SendOutcome, WebhookSender
from domain.webhooks.signing import signature_header

JOB = "tafel jobs deliver"
CLAIM_LEASE = timedelta(minutes=2)
BATCH = 500
USER_AGENT = "Tafel-Webhooks/1"


@dataclass
class DeliveryRun:
    """What one run did, for the command's output."""

    delivered: list[uuid.UUID] = field(default_factory=list)
    failed: list[uuid.UUID] = field(default_factory=list)
    disabled: list[uuid.UUID] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Claim:
    token: str
    delivery: Delivery
    webhook: Webhook


def request_headers(delivery: Delivery, secret: str, timestamp: int) -> dict[str, str]:
    """The headers of one attempt; the signature covers the timestamp and the raw body."""
    return {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "Tafel-Event": delivery.event_type.value,
        "Tafel-Delivery": str(delivery.id),
        "Tafel-Signature": signature_header(secret, timestamp, delivery.body.encode()),
    }


async def deliver_due(
    factory: Callable[[], UnitOfWork], clock: Clock, sender: WebhookSender, *, limit: int = BATCH
) -> DeliveryRun:
    """Send what is due now. Once a receiver fails in this run, its other deliveries wait for a
    later run, so an outage does not burn through the failure count in one burst."""
    run = DeliveryRun()
    async with factory() as uow:
        due = await uow.webhooks.due(clock.now(), limit)
    failing: set[uuid.UUID] = set()
    for item in due:
        if item.webhook_id in failing:
            continue
        claim = await _claim(factory, clock, item.delivery_id)
        if claim is None:
            continue
        body = claim.delivery.body.encode()
        headers = request_headers(
            claim.delivery, claim.webhook.secret, int(clock.now().timestamp())
        )
        outcome = await sender.send(claim.webhook.url, headers, body)
        await _record(factory, clock, claim, outcome, run)
        if not outcome.ok:
            failing.add(item.webhook_id)
    return run


async def _claim(
    factory: Callable[[], UnitOfWork], clock: Clock, delivery_id: uuid.UUID
) -> Claim | None:
    now = clock.now()
    token = uuid.uuid4().hex
    async with factory() as uow:
        if not await uow.webhooks.claim(delivery_id, token, now, now + CLAIM_LEASE):
            return None
        delivery = await uow.webhooks.delivery(delivery_id)
        webhook = await uow.webhooks.get(delivery.webhook_id) if delivery else None
        if delivery is None or webhook is None or not webhook.is_active:
            return None
        await uow.commit()
    return Claim(token, delivery, webhook)


async def _record(
    factory: Callable[[], UnitOfWork],
    clock: Clock,
    claim: Claim,
    outcome: SendOutcome,
    run: DeliveryRun,
) -> None:
    """Store the attempt; the webhook row is locked so concurrent outcomes count correctly."""
    now = clock.now()
    async with factory() as uow:
        webhook = await uow.webhooks.get(claim.webhook.id, for_update=True)
        delivery = await uow.webhooks.delivery(claim.delivery.id)
        if webhook is None or delivery is None:
            return  # deleted while in flight
        if outcome.ok and outcome.status_code is not None:
            delivery.succeeded(now, outcome.status_code)
        else:
            delivery.failed(now, outcome.status_code, outcome.error)
        if not await uow.webhooks.save_delivery(delivery, claim.token):
            return  # the lease expired and another run took over: its outcome counts
        if delivery.status is DeliveryStatus.delivered:
            webhook.record_success()
            run.delivered.append(delivery.id)
        else:
            run.failed.append(delivery.id)
            if webhook.record_failure(now):
                run.disabled.append(webhook.id)
                await uow.audit.record(
                    AuditRecord(
                        str(webhook.cell_id),
                        Actor.system(JOB),
                        "webhook.disable",
                        "webhook",
                        str(webhook.id),
                    )
                )
        await uow.webhooks.save(webhook)
        if not webhook.is_active:
            await uow.webhooks.fail_pending(webhook.id)
        await uow.commit()
