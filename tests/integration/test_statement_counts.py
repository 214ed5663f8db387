"""The main read endpoints send as many SQL statements for a cell with 3 cases as for one with 30:
no query per case, per signal, per agenda item or per plan action (issue 9 item 7; `make bench`
measures the same endpoints on the national data set).

Counted with SQLAlchemy's `before_cursor_execute` on the app's engine, one request at a time.
What a request shows does change its count on purpose: a case page writes one audit event per
information card shown (R-INFO-2), so the cases compared here carry none.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import event

from api.dependencies import Services
from domain.identity.model import PlatformRole
from domain.identity.principal import CellRole, load_principal
from domain.identity.tokens import TokenType
from tests.support.cases import add_cards, retained_case, submit
from tests.support.clock import MutableClock
from tests.support.feedback import form_in_meeting, verdict
from tests.support.identity import grant, log_in
from tests.support.meetings import plan
from tests.support.scenario import CellScenario
from tests.support.statements import counting, sending

SMALL = 3
LARGER = 30


async def statements(
    client: httpx.AsyncClient, services: Services, path: str, headers: dict[str, str]
) -> int:
    with counting(services) as counted:
        response = await client.get(path, headers=headers)
    assert response.status_code == 200, response.text
    return counted[0]


async def counts(
    client: httpx.AsyncClient, services: Services, cell: CellScenario, case: str, meeting: str
) -> dict[str, int]:
    chair = cell["dro"].headers
    paths = {
        "case list": f"/api/v1/cells/{cell.cell}/cases",
        "case page": f"/api/v1/cases/{case}",
        "cadence": f"/api/v1/cells/{cell.cell}/cadence",
        "meeting agenda": f"/api/v1/meetings/{meeting}",
        "statistics": f"/api/v1/cells/{cell.cell}/statistics",
    }
    return {name: await statements(client, services, path, chair) for name, path in paths.items()}


async def add_signals(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock, case: str, count: int
) -> None:
    for day in range(count):
        response = await client.post(
            f"/api/v1/cases/{case}/signals",
            json={
                "observedOn": (clock.now().date() - timedelta(days=day + 1)).isoformat(),
                "description": "Nieuw signaal op school, gemeld door de leerkracht.",
            },
            headers=cell["clb"].headers,
        )
        assert response.status_code == 201, response.text


async def start_plan(client: httpx.AsyncClient, cell: CellScenario, case: str) -> str:
    """The plan's ETag."""
    started = await client.post(f"/api/v1/cases/{case}/plan", json={}, headers=cell["dro"].headers)
    assert started.status_code == 201, started.text
    return started.headers["ETag"]


async def add_actions(
    client: httpx.AsyncClient, cell: CellScenario, case: str, etag: str, count: int
) -> str:
    """`count` actions carried by the CLB; the plan's new ETag."""
    chair = cell["dro"].headers
    for number in range(count):
        response = await client.post(
            f"/api/v1/cases/{case}/plan/actions",
            json={
                "description": f"Opvolgingsgesprek {number + 1} met de trajectbegeleider.",
                "organisation": cell.organisations["clb"],
                "dueOn": "2030-01-15",
            },
            headers={**chair, "If-Match": etag},
        )
        assert response.status_code == 201, response.text
        etag = response.headers["ETag"]
    return etag


async def submitted(client: httpx.AsyncClient, cell: CellScenario, signals: int) -> str:
    """A case submitted by the CLB with `signals` signals in its intake (registered)."""
    today = datetime.now(UTC).date()
    response = await submit(
        client,
        cell,
        cell["clb"],
        signals=[
            {
                "observedOn": (today - timedelta(days=day + 1)).isoformat(),
                "description": "Deelde in de klas een filmpje met een oproep tot geweld.",
            }
            for day in range(signals)
        ],
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def meeting_with(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock, cases: list[str]
) -> str:
    agenda = [{"purpose": "admission", "case": case} for case in cases]
    response = await plan(client, cell, clock, agenda=agenda)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def test_statements_per_request_do_not_grow_with_the_data(
    client: httpx.AsyncClient, services: Services, cell: CellScenario, clock: MutableClock
) -> None:
    followed = await retained_case(client, cell)
    etag = await add_actions(client, cell, followed, await start_plan(client, cell, followed), 1)
    cases = [followed, *[await submitted(client, cell, 1) for _ in range(SMALL - 1)]]
    small = await counts(
        client, services, cell, followed, await meeting_with(client, cell, clock, cases)
    )

    cases += [await submitted(client, cell, 3) for _ in range(LARGER - SMALL)]
    await add_signals(client, cell, clock, followed, 9)
    await add_actions(client, cell, followed, etag, 9)
    larger = await counts(
        client, services, cell, followed, await meeting_with(client, cell, clock, cases)
    )

    assert larger == small
    assert all(count > 0 for count in small.values())


async def test_the_caller_and_everything_it_holds_are_one_statement(
    services: Services, cell: CellScenario, cell_b: CellScenario, clock: MutableClock
) -> None:
    """Every request resolves its caller: account, session, platform grants, table roles and
    acknowledged terms come in one statement, whatever the caller holds (here a seat, an
    acknowledgement and two grants: one row each)."""
    chair = cell["dro"]
    await grant(services, chair.account, PlatformRole.auditor, uuid.UUID(cell_b.cell))
    await grant(services, chair.account, PlatformRole.platform_administrator, None)
    claims = services.tokens.verify(chair.token, TokenType.access)
    with sending(services) as sent:
        async with services.unit_of_work(read_only=True) as uow:
            principal = await load_principal(uow, claims, clock.now())
    # SQLite's reader opens with BEGIN DEFERRED; PostgreSQL's runs in autocommit.
    assert [s for s in sent if not s.startswith("BEGIN")] == [sent[-1]]
    own, other = uuid.UUID(cell.cell), uuid.UUID(cell_b.cell)
    assert principal.user_id == chair.account.id
    assert {CellRole.operational_chair, CellRole.operational_member} <= principal.roles_in(own)
    assert principal.roles_in(other) == {CellRole.auditor}
    assert principal.is_platform_administrator
    assert principal.has_acknowledged(own, 1)
    assert not principal.has_acknowledged(other, 1)


async def transmitted_form(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock
) -> None:
    """A feedback form approved by everyone present and transmitted. Its people log in afresh
    first: the scenario's tokens were issued while it was built, and each form moves the clock."""
    for who in ("dro", "io", "clb", "mayor"):
        cell[who].token = await log_in(client, cell[who].account, clock)
    form = await form_in_meeting(client, cell, clock)
    for who in ("dro", "io", "clb"):
        clock.advance(minutes=1)
        given = await verdict(client, cell, who, form)
        assert given.status_code == 201, given.text
    sent = await client.post(
        f"/api/v1/feedbackForms/{form.form}/transmission",
        json={"meeting": form.meeting},
        headers=cell["io"].headers,
    )
    assert sent.status_code == 201, sent.text


async def test_the_evidence_pack_reads_its_forms_together(
    client: httpx.AsyncClient, services: Services, cell: CellScenario, clock: MutableClock
) -> None:
    """One transmitted form or three: the same statements (each form's versions, verdicts,
    meeting and people were read one form at a time)."""
    pack = f"/api/v1/cells/{cell.cell}/complianceReport"
    await transmitted_form(client, cell, clock)
    one = await statements(client, services, pack, cell["mayor"].headers)
    for _ in range(2):
        await transmitted_form(client, cell, clock)
    with counting(services) as counted:
        response = await client.get(pack, headers=cell["mayor"].headers)
    assert response.status_code == 200, response.text
    assert len(response.json()["feedbackForms"]) == 3
    assert counted[0] == one


async def test_a_case_page_is_its_reads_and_one_append(
    client: httpx.AsyncClient,
    services: Services,
    cell: CellScenario,
    clock: MutableClock,
    backend: str,
) -> None:
    """R-AUD-1 and R-INFO-2 in one write: the case read and each information card it shows are
    appended by one statement. On PostgreSQL every statement of the page runs in autocommit (no
    BEGIN, no COMMIT round trips): the append is a transaction of its own, sent after the reads
    and before the answer."""
    case = (await submit(client, cell, cell["clb"])).json()["id"]
    await add_cards(client, cell, clock, case)
    sent: list[tuple[str, bool]] = []

    def record(connection: Any, _cursor: object, statement: str, *_rest: object) -> None:
        driver = connection.connection.driver_connection
        sent.append((statement, bool(getattr(driver, "autocommit", False))))

    engine = services.engine.sync_engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        response = await client.get(f"/api/v1/cases/{case}", headers=cell["clb"].headers)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert response.status_code == 200, response.text
    appends = [s for s, _ in sent if "tafel_audit_append" in s or "INSERT INTO audit_event" in s]
    assert len(appends) == 1
    if backend == "postgresql":
        assert all(autocommit for _, autocommit in sent)
        assert sent[-1][0] == appends[0], "the append comes after every read"
    async with services.unit_of_work(read_only=True) as uow:
        trail = [e async for e in uow.audit.events(cell.cell)]
    assert [e.action for e in trail[-3:]] == [
        "case.read",
        "informationCard.read",
        "informationCard.read",
    ]
