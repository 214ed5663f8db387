"""Meetings for tests."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import httpx

from tests.support.clock import MutableClock
from tests.support.scenario import CellScenario


def meeting_body(
    cell: CellScenario, clock: MutableClock, *, table: str = "operational", **extra: Any
) -> dict[str, Any]:
    start: datetime = clock.now() + timedelta(days=1)
    people = ("dro", "alderman", "clb", "caw", "io") if table == "operational" else ("mayor",)
    return {
        "table": table,
        "startsAt": start.isoformat(),
        "endsAt": (start + timedelta(hours=2)).isoformat(),
        "place": "Stadhuis, zaal 2",
        "invitees": [str(cell[name].account.id) for name in people],
        **extra,
    }


async def plan(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock, **extra: Any
) -> httpx.Response:
    chair = cell["mayor"] if extra.get("table") == "strategic" else cell["dro"]
    return await client.post(
        f"/api/v1/cells/{cell.cell}/meetings",
        json=meeting_body(cell, clock, **extra),
        headers=chair.headers,
    )


async def open_with(
    client: httpx.AsyncClient, cell: CellScenario, meeting: str, present: tuple[str, ...]
) -> None:
    """Open the session, record who is present, and let each of them acknowledge secrecy."""
    chair = cell["dro"].headers
    opened = await client.patch(
        f"/api/v1/meetings/{meeting}", json={"status": "inSession"}, headers=chair
    )
    assert opened.status_code == 200, opened.text
    attendance = {"present": [str(cell[name].account.id) for name in present]}
    recorded = await client.put(
        f"/api/v1/meetings/{meeting}/attendance", json=attendance, headers=chair
    )
    assert recorded.status_code == 200, recorded.text
    for name in present:
        acknowledged = await client.post(
            f"/api/v1/meetings/{meeting}/acknowledgement", headers=cell[name].headers
        )
        assert acknowledged.status_code == 204, acknowledged.text
