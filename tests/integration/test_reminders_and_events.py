"""Meetings tell the outside world: planned/cancelled meetings reach registered webhooks (signed,
no case code); `tafel jobs remind` mails each reminder once, even when two runs overlap."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from adapters.mail.mailers import OutboxMailer
from api.dependencies import Services
from api.settings import Settings
from domain.meetings.reminders import send_reminders
from domain.webhooks.delivery import deliver_due
from tests.support.cases import submit
from tests.support.clock import MutableClock
from tests.support.meetings import plan
from tests.support.scenario import CellScenario
from tests.support.webhooks import Receiver, integration_client, receiver


@pytest.fixture
def settings(database_url: str) -> Settings:
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


def mails(services: Services) -> list[str]:
    mailer = services.mailer
    assert isinstance(mailer, OutboxMailer)
    return [str(mail["Subject"]) for mail in mailer.sent]


async def test_planned_and_cancelled_meetings_reach_webhooks_without_case_codes(
    client: httpx.AsyncClient,
    services: Services,
    cell: CellScenario,
    clock: MutableClock,
    sink: Receiver,
) -> None:
    manager = await integration_client(client, cell, ["webhooks:manage"])
    registered = await client.post(
        "/api/v1/webhooks",
        json={"url": sink.url, "events": ["meetingPlanned", "meetingCancelled"]},
        headers=manager.headers,
    )
    assert registered.status_code == 201, registered.text
    case = (await submit(client, cell, cell["clb"])).json()
    meeting = (
        await plan(client, cell, clock, agenda=[{"purpose": "admission", "case": case["id"]}])
    ).json()
    await client.patch(
        f"/api/v1/meetings/{meeting['id']}",
        json={"status": "cancelled"},
        headers=cell["dro"].headers,
    )
    run = await deliver_due(services.unit_of_work, services.clock, services.webhook_sender)
    assert len(run.delivered) == 2
    kinds = sorted(request.headers["tafel-event"] for request in sink.requests)
    assert kinds == ["meetingCancelled", "meetingPlanned"]
    bodies = "".join(request.body.decode() for request in sink.requests)
    assert meeting["id"] in bodies
    assert case["code"] not in bodies
    assert case["id"] not in bodies


async def test_reminders_are_sent_once_even_when_runs_overlap(
    client: httpx.AsyncClient, services: Services, cell: CellScenario, clock: MutableClock
) -> None:
    await submit(client, cell, cell["clb"])
    await plan(client, cell, clock)  # tomorrow
    clock.advance(hours=2)
    runs = await asyncio.gather(
        send_reminders(services.unit_of_work, services.clock, services.mailer),
        send_reminders(services.unit_of_work, services.clock, services.mailer),
    )
    assert sum(run.meetings for run in runs) == 1
    # Both cells of the scenario still owe their constitutive meeting (R-CAD-1).
    assert sum(run.cadence for run in runs) == 2
    subjects = mails(services)
    assert sum("vergadering morgen" in s for s in subjects) == 5, "one mail per invitee"
    assert sum("moet samenkomen" in s for s in subjects) == 2, "each cell's chair hears of it"
    again = await send_reminders(services.unit_of_work, services.clock, services.mailer)
    assert (again.meetings, again.cadence, again.actions) == (0, 0, 0)
