"""Calendar feeds (RFC 5545): they parse, and show table, time and place — never case codes."""

from __future__ import annotations

import httpx
from icalendar import Calendar

from tests.support.cases import submit
from tests.support.clock import MutableClock
from tests.support.identity import bearer
from tests.support.meetings import plan
from tests.support.scenario import CellScenario


async def client_token(client: httpx.AsyncClient, cell: CellScenario, scopes: list[str]) -> str:
    created = (
        await client.post(
            f"/api/v1/cells/{cell.cell}/clients",
            json={"name": "Agenda", "scopes": scopes},
            headers=cell["dro"].headers,
        )
    ).json()
    form = {
        "grant_type": "client_credentials",
        "client_id": created["id"],
        "client_secret": created["clientSecret"],
    }
    return str((await client.post("/api/v1/auth/token", data=form)).json()["access_token"])


async def test_ics_for_clients_with_meetings_read_without_case_codes(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock
) -> None:
    case = (await submit(client, cell, cell["clb"])).json()
    await plan(client, cell, clock, agenda=[{"purpose": "admission", "case": case["id"]}])
    token = await client_token(client, cell, ["meetings:read"])
    response = await client.get(f"/api/v1/cells/{cell.cell}/meetings.ics", headers=bearer(token))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    assert "operationele tafel" in str(events[0]["SUMMARY"])
    assert str(events[0]["LOCATION"]) == "Stadhuis, zaal 2"
    assert case["code"] not in response.text
    assert case["id"] not in response.text


async def test_ics_needs_the_scope(client: httpx.AsyncClient, cell: CellScenario) -> None:
    token = await client_token(client, cell, ["statistics:read"])
    response = await client.get(f"/api/v1/cells/{cell.cell}/meetings.ics", headers=bearer(token))
    assert response.status_code == 403
    assert response.json()["type"] == "urn:problem-type:belgif:missingScope"


async def test_personal_feed_link(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock
) -> None:
    await plan(client, cell, clock)
    mine = "/api/v1/me/calendarFeed"
    assert (await client.get(mine, headers=cell["clb"].headers)).status_code == 404
    created = await client.post(mine, headers=cell["clb"].headers)
    assert created.status_code == 201
    status = await client.get(mine, headers=cell["clb"].headers)
    assert status.json()["createdAt"].startswith(clock.now().date().isoformat())
    assert "url" not in status.json(), "the link is shown once, at creation"
    path = created.json()["url"].split("127.0.0.1:8000", 1)[1]
    feed = await client.get(path)
    assert feed.status_code == 200
    assert len(list(Calendar.from_ical(feed.content).walk("VEVENT"))) == 1
    await client.delete(mine, headers=cell["clb"].headers)
    assert (await client.get(path)).status_code == 404
    assert (await client.get(mine, headers=cell["clb"].headers)).status_code == 404
