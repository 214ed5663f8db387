"""The canary scan (RELIABILITY.md §6.2 item 4, §10 family 11): cell B's free text carries marker
words (case texts, signals, plan actions, feedback forms, information cards, minutes, meeting
places and agendas, meeting requests, templates); cell A's users then do everything the access
matrix does, read every list, page and export they can (JSON, PDF, iCalendar, audit pages,
statistics, the evidence pack), and not one marker of B may appear in a response body or header,
in an extracted PDF text, or in a log line written meanwhile.

A positive control proves the scan sees content: A's own markers do show up in what A reads.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pypdfium2
import pytest
from fastapi import FastAPI

from api.dependencies import get_webhook_targets
from domain.webhooks.targets import TargetPolicy
from tests.support.clock import MutableClock
from tests.support.logs import CapturedLogs, capture_logs
from tests.support.matrix import (
    ROLES,
    Context,
    Isolation,
    contract_operations,
    load_matrix,
    needs_copy,
    probes,
    role_headers,
    send,
)
from tests.support.world import DNS, World, marker_prefix

PDF = "application/pdf"


@pytest.fixture
def backend() -> str:
    return "sqlite"


@pytest.fixture(autouse=True)
def public_dns(app: FastAPI) -> None:
    app.dependency_overrides[get_webhook_targets] = lambda: TargetPolicy(DNS)


@pytest.fixture
def logs() -> Iterator[CapturedLogs]:
    with capture_logs() as captured:
        yield captured


def pdf_text(content: bytes) -> str:
    document = pypdfium2.PdfDocument(content)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


class Seen:
    """Everything cell A's users received."""

    def __init__(self) -> None:
        self.texts: list[tuple[str, str]] = []

    def add(self, label: str, response: httpx.Response) -> None:
        headers = "\n".join(f"{key}: {value}" for key, value in response.headers.items())
        self.texts.append((f"{label} headers", headers))
        if response.headers.get("content-type", "").startswith(PDF):
            self.texts.append((f"{label} pdf", pdf_text(response.content)))
        self.texts.append((label, response.content.decode("utf-8", "replace")))

    def containing(self, needle: str) -> list[str]:
        return [label for label, text in self.texts if needle in text]


async def read_everything(http: httpx.AsyncClient, world: World, seen: Seen) -> None:
    """Lists (every page), exports and feeds, as each of cell A's roles."""
    a = world.a.ids
    cell = f"/api/v1/cells/{a['cell']}"
    reads = [
        "/api/v1/me",
        "/api/v1/cells",
        "/api/v1/users?pageSize=100",
        f"{cell}/cases?pageSize=100",
        f"{cell}/meetings",
        f"{cell}/meetingRequests",
        f"{cell}/myActions",
        f"{cell}/trajectoryTemplates",
        f"{cell}/organisations",
        f"{cell}/tables",
        f"{cell}/composition",
        f"{cell}/clients",
        f"{cell}/cadence",
        f"{cell}/statistics",
        f"{cell}/complianceReport",
        f"{cell}/meetings.ics",
        f"/api/v1/cases/{a['caseOwn']}",
        f"/api/v1/cases/{a['caseOwn']}/feedbackForms",
        f"/api/v1/feedbackForms/{a['formSent']}",
        f"/api/v1/feedbackForms/{a['formSent']}/versions",
        f"/api/v1/feedbackForms/{a['formSent']}/transmission",
        f"/api/v1/meetings/{a['meetingLive']}",
        f"/api/v1/meetings/{a['meetingLive']}/minutes",
        f"/api/v1/calendarFeeds/{world.a.feed_token}",
        "/api/v1/audit/verification",
        "/api/v1/audit/anchor",
        "/api/v1/webhooks",
        f"/api/v1/webhooks/{a['webhookOwn']}/deliveries",
    ]
    for role in ROLES:
        headers = role_headers(world, role)
        for path in reads:
            seen.add(f"{role} GET {path}", await http.get(path, headers=headers))
        for path in (
            f"{cell}/complianceReport",
            f"/api/v1/feedbackForms/{a['formSent']}/transmission",
        ):
            pdf = await http.get(path, headers={**headers, "Accept": PDF})
            seen.add(f"{role} GET {path} (PDF)", pdf)
        page = 1
        while True:
            events = await http.get(
                "/api/v1/audit/events",
                params={"pageSize": "200", "page": str(page)},
                headers=headers,
            )
            seen.add(f"{role} audit events page {page}", events)
            if events.status_code != 200 or len(events.json()["items"]) < 200:
                break
            page += 1


async def test_no_marker_of_cell_b_reaches_cell_a(
    world: World,
    app: FastAPI,
    client: httpx.AsyncClient,
    clock: MutableClock,
    database_url: str,
    tmp_path: Path,
    logs: CapturedLogs,
) -> None:
    seen = Seen()
    isolation = Isolation(app, database_url, tmp_path)
    matrix = load_matrix()
    for probe in probes(Context(world, clock), contract_operations(app.openapi())):
        if (
            matrix["operations"][probe.operation].get("kind") == "feed"
            and probe.target == "otherCell"
        ):
            # A feed link is a capability: holding B's secret token is being B's member, which
            # no cell-A user is (the matrix proves it answers; A cannot learn the token).
            continue
        copy = needs_copy(probe, matrix)
        response = await (isolation.send(client, probe) if copy else send(client, probe))
        seen.add(probe.label, response)
    await read_everything(client, world, seen)

    foreign = marker_prefix("b")
    assert seen.containing(foreign) == [], "cell B's text reached cell A"
    assert [line for line in logs.lines if foreign in line] == [], "cell B's text in the logs"
    # The positive control: the scan does see content — A's own case text, minutes, PDF export.
    own = marker_prefix("a")
    found = seen.containing(own)
    assert any("pdf" in label for label in found), "A's transmitted form, in its PDF"
    assert any("minutes" in label for label in found)
    assert len(seen.texts) > 5000
