"""`tafel jobs deliver` against a real HTTP receiver on 127.0.0.1: signed requests, backoff on
failures, disabling after five in a row (audited), at-most-once sending when runs overlap, and
the SSRF guard where the socket is opened."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from adapters.webhooks.sender import HttpxWebhookSender
from api.dependencies import Services
from api.settings import Settings
from domain.audit import use_cases as audit
from domain.audit.ports import AuditQuery
from domain.cells.vocabulary import TableKind
from domain.webhooks.delivery import JOB, DeliveryRun, deliver_due
from domain.webhooks.events import EventType, MeetingFacts, WebhookEvent
from domain.webhooks.model import DeliveryStatus, WebhookStatus
from domain.webhooks.signing import verify
from tests.support.clock import MutableClock
from tests.support.scenario import CellScenario
from tests.support.webhooks import IntegrationClient, Receiver, integration_client, receiver

WEBHOOKS = "/api/v1/webhooks"


@pytest.fixture
def settings(database_url: str) -> Settings:
    """Receivers live on 127.0.0.1 here: the development allowance is on."""
    return Settings(
        database_url=database_url,
        spa_dir=Path("/nonexistent"),
        password_hashing="fast",
        webhook_allow_private=True,
    )


@pytest.fixture
def sink() -> Iterator[Receiver]:
    with receiver() as state:
        yield state


async def registered(
    client: httpx.AsyncClient, cell: CellScenario, url: str, events: list[str] | None = None
) -> tuple[IntegrationClient, dict[str, str]]:
    manager = await integration_client(client, cell, ["webhooks:manage"])
    response = await client.post(
        WEBHOOKS,
        json={"url": url, "events": events or ["meetingPlanned", "meetingCancelled"]},
        headers=manager.headers,
    )
    assert response.status_code == 201, response.text
    return manager, response.json()


async def publish(
    services: Services, cell: str, kind: EventType = EventType.meeting_planned
) -> WebhookEvent:
    """What a meeting use case does: publish in its own unit of work, then commit."""
    now = services.clock.now()
    event = WebhookEvent(
        kind,
        uuid.UUID(cell),
        now,
        meeting=MeetingFacts(
            uuid.uuid4(),
            TableKind.operational,
            now + timedelta(days=7),
            now + timedelta(days=7, hours=2),
            "Stadhuis",
        ),
    )
    uow = services.unit_of_work()
    async with uow:
        await uow.webhooks.publish(event)
        await uow.commit()
    return event


async def deliver(services: Services) -> DeliveryRun:
    return await deliver_due(services.unit_of_work, services.clock, services.webhook_sender)


async def test_a_published_event_reaches_the_receiver_signed(
    client: httpx.AsyncClient,
    services: Services,
    cell: CellScenario,
    cell_b: CellScenario,
    sink: Receiver,
) -> None:
    manager, webhook = await registered(client, cell, sink.url)
    event = await publish(services, cell.cell)
    await publish(services, cell.cell, EventType.meeting_updated)  # not subscribed
    await publish(services, cell_b.cell)  # another cell
    run = await deliver(services)
    assert len(run.delivered) == 1
    assert not run.failed
    (request,) = sink.requests
    assert request.path == "/tafel/hooks"
    assert request.headers["tafel-event"] == "meetingPlanned"
    assert request.headers["tafel-delivery"] == str(run.delivered[0])
    assert request.headers["content-type"] == "application/json"
    now = int(services.clock.now().timestamp())
    assert verify(webhook["secret"], request.headers["tafel-signature"], request.body, now)
    assert not verify("whsec_wrong", request.headers["tafel-signature"], request.body, now)
    assert request.json() == event.payload()
    assert (await deliver(services)).delivered == [], "idempotent: sent once"
    log = await client.get(f"{WEBHOOKS}/{webhook['id']}/deliveries", headers=manager.headers)
    (entry,) = log.json()["items"]
    assert entry["status"] == "delivered"
    assert entry["attempts"] == 1
    assert entry["lastStatusCode"] == 204
    assert entry["event"] == "meetingPlanned"
    assert entry["eventId"] == str(event.id)
    assert "nextAttemptAt" not in entry
    assert "body" not in entry
    assert "payload" not in entry


async def test_the_secret_is_encrypted_at_rest(
    client: httpx.AsyncClient, services: Services, cell: CellScenario, sink: Receiver
) -> None:
    _, webhook = await registered(client, cell, sink.url)
    async with services.engine.connect() as connection:
        stored = (await connection.execute(text("SELECT secret_sealed FROM webhook"))).scalar_one()
    assert webhook["secret"] not in stored
    assert stored.startswith("v1.")


async def test_failing_receiver_is_retried_on_schedule_then_disabled(
    client: httpx.AsyncClient,
    services: Services,
    clock: MutableClock,
    cell: CellScenario,
    sink: Receiver,
) -> None:
    sink.status = 500
    _, webhook = await registered(client, cell, sink.url)
    await publish(services, cell.cell)
    assert len((await deliver(services)).failed) == 1
    for minutes in (1, 5, 30, 120):
        sent = len(sink.requests)
        clock.advance(minutes=minutes, seconds=-1)
        assert (await deliver(services)).failed == [], f"not before {minutes} min"
        clock.advance(seconds=1)
        if minutes == 120:
            await publish(services, cell.cell)  # pending when the webhook is disabled
        run = await deliver(services)
        assert len(sink.requests) == sent + 1
    assert run.disabled == [uuid.UUID(webhook["id"])]
    assert len({request.headers["tafel-delivery"] for request in sink.requests}) == 1
    uow = services.unit_of_work(read_only=True)
    async with uow:
        hook = await uow.webhooks.get(uuid.UUID(webhook["id"]))
        deliveries, total = await uow.webhooks.deliveries(uuid.UUID(webhook["id"]), 0, 10)
        events, _ = await uow.audit.search(AuditQuery(chains=[cell.cell], action="webhook.disable"))
        reports = await audit.verify_chains(uow, [cell.cell])
    assert hook is not None
    assert hook.status is WebhookStatus.disabled
    assert total == 2
    assert {d.status for d in deliveries} == {DeliveryStatus.failed}
    assert max(d.attempts for d in deliveries) == 5
    assert min(d.attempts for d in deliveries) == 0
    (event,) = events
    assert (event.actor.type, event.actor.id, event.object_id) == ("system", JOB, webhook["id"])
    assert all(report.intact for report in reports)
    clock.advance(hours=12)
    await publish(services, cell.cell)
    assert (await deliver(services)).failed == [], "a disabled webhook gets nothing"
    assert len(sink.requests) == 5


async def test_a_success_resets_the_failure_count(
    client: httpx.AsyncClient,
    services: Services,
    clock: MutableClock,
    cell: CellScenario,
    sink: Receiver,
) -> None:
    sink.status = 503
    _, webhook = await registered(client, cell, sink.url)
    await publish(services, cell.cell)
    await deliver(services)
    clock.advance(minutes=1)
    await deliver(services)
    sink.status = 200
    clock.advance(minutes=5)
    assert len((await deliver(services)).delivered) == 1
    uow = services.unit_of_work(read_only=True)
    async with uow:
        hook = await uow.webhooks.get(uuid.UUID(webhook["id"]))
    assert hook is not None
    assert hook.consecutive_failures == 0
    assert hook.is_active


async def test_overlapping_runs_send_each_delivery_once(
    client: httpx.AsyncClient, services: Services, cell: CellScenario, sink: Receiver
) -> None:
    sink.delay_seconds = 0.02
    await registered(client, cell, sink.url)
    await registered(client, cell, sink.url + "/second")
    for _ in range(6):
        await publish(services, cell.cell)
    runs = await asyncio.gather(*(deliver(services) for _ in range(3)))
    sent = [request.headers["tafel-delivery"] for request in sink.requests]
    assert len(sent) == 12
    assert len(set(sent)) == 12
    assert sorted(str(d) for run in runs for d in run.delivered) == sorted(sent)
    assert (await deliver(services)).delivered == []


async def test_a_claim_is_taken_once_until_its_lease_expires(
    client: httpx.AsyncClient, services: Services, cell: CellScenario, sink: Receiver
) -> None:
    await registered(client, cell, sink.url)
    await publish(services, cell.cell)
    now = services.clock.now()
    uow = services.unit_of_work()
    async with uow:
        (due,) = await uow.webhooks.due(now, 10)
        assert await uow.webhooks.claim(due.delivery_id, "a" * 32, now, now + timedelta(minutes=2))
        assert not await uow.webhooks.claim(due.delivery_id, "b" * 32, now, now)
        assert await uow.webhooks.due(now, 10) == []
        later = now + timedelta(minutes=3)
        assert await uow.webhooks.claim(due.delivery_id, "c" * 32, later, later)


async def test_sender_refuses_plain_http_and_private_addresses(sink: Receiver) -> None:
    outcome = await HttpxWebhookSender(allow_private=False).send(sink.url, {}, b"{}")
    assert (outcome.status_code, outcome.error) == (None, "notHttps")
    https_to_loopback = sink.url.replace("http://", "https://")
    outcome = await HttpxWebhookSender(allow_private=False).send(https_to_loopback, {}, b"{}")
    assert outcome.error == "addressNotPublic"
    assert sink.requests == []


async def test_redirects_are_not_followed(sink: Receiver) -> None:
    sink.status = 307
    outcome = await HttpxWebhookSender(allow_private=True).send(sink.url, {}, b"{}")
    assert outcome.status_code == 307
    assert not outcome.ok
    assert len(sink.requests) == 1
