"""R-PRIV-6: a case closed longer ago than the cell's retention loses all its content; two runs at
once purge it once; the audit chain still verifies; nothing of it is left in any table."""

from __future__ import annotations

import asyncio

import httpx
from sqlalchemy import text

from adapters.sqlalchemy.base import metadata
from api.dependencies import Services
from domain.audit import use_cases as audit
from domain.cases.retention import purge_expired
from tests.support.cases import retained_case, step, submit
from tests.support.clock import MutableClock
from tests.support.identity import log_in
from tests.support.scenario import CellScenario

CANARY = "Kanarie-7Q3 sprak over zijn oom in de moskee"


async def closed_case_with_content(client: httpx.AsyncClient, cell: CellScenario) -> str:
    case = await retained_case(client, cell)
    await client.post(
        f"/api/v1/cases/{case}/signals",
        json={"observedOn": "2026-01-05", "description": CANARY},
        headers=cell["clb"].headers,
    )
    await client.post(
        f"/api/v1/cases/{case}/informationCards",
        json={"text": f"Kaart: {CANARY}", "nonClassifiedAttested": True},
        headers=cell["io"].headers,
    )
    await client.post(f"/api/v1/cases/{case}/plan", json={}, headers=cell["dro"].headers)
    for name in ("startEvaluation", "close"):
        assert (await step(client, cell, case, name)).status_code == 201
    return case


async def rows_mentioning(services: Services, needle: str) -> list[str]:
    """A raw sweep over every text column of every table."""
    found = []
    async with services.engine.connect() as connection:
        for table in metadata.sorted_tables:
            for column in table.columns:
                if column.type.python_type is not str:
                    continue
                count = await connection.scalar(
                    text(f'SELECT COUNT(*) FROM "{table.name}" WHERE "{column.name}" LIKE :n'),  # noqa: S608
                    {"n": f"%{needle}%"},
                )
                if count:
                    found.append(f"{table.name}.{column.name}")
    return found


async def test_r_priv_6_purge_removes_every_piece_of_content(
    client: httpx.AsyncClient, services: Services, clock: MutableClock, cell: CellScenario
) -> None:
    case = await closed_case_with_content(client, cell)
    still_open = (
        await submit(
            client, cell, cell["clb"], priorHandling=f"Open dossier, {CANARY} niet afgesloten."
        )
    ).json()["id"]
    assert await rows_mentioning(services, "Kanarie-7Q3")
    early = await purge_expired(services.unit_of_work, services.clock)
    assert early.purged == (), "not before the retention period"
    clock.advance(days=731)
    runs = await asyncio.gather(
        purge_expired(services.unit_of_work, services.clock),
        purge_expired(services.unit_of_work, services.clock),
    )
    assert sorted(len(run.purged) for run in runs) == [0, 1], "two runs at once purge once"
    leftovers = await rows_mentioning(services, "Kanarie-7Q3")
    assert leftovers == ["case_file.prior_handling"], leftovers  # only the open case keeps its text
    uow = services.unit_of_work(read_only=True)
    async with uow:
        reports = await audit.verify_chains(uow, await uow.audit.chains())
    assert all(report.intact for report in reports)
    cell["dro"].token = await log_in(client, cell["dro"].account, clock)  # two years later
    assert (
        await client.get(f"/api/v1/cases/{case}", headers=cell["dro"].headers)
    ).status_code == 404
    assert (
        await client.get(f"/api/v1/cases/{still_open}", headers=cell["dro"].headers)
    ).status_code == 200
    listed = (
        await client.get(f"/api/v1/cells/{cell.cell}/cases", headers=cell["dro"].headers)
    ).json()
    assert case not in [item["id"] for item in listed["items"]]
    again = await purge_expired(services.unit_of_work, services.clock)
    assert again.purged == (), "idempotent"
