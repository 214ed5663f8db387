"""R-PRIV-6: a case closed longer ago than the cell's retention loses all its content; two runs at
once purge it once; the audit chain still verifies; nothing of it is left in any table."""

from __future__ import annotations

import asyncio

import httpx

from api.dependencies import Services
from domain.audit import use_cases as audit
from domain.cases.retention import purge_expired
from tests.support.cases import submit
from tests.support.clock import MutableClock
from tests.support.identity import log_in
from tests.support.retention import closed_case_with_content, columns_mentioning
from tests.support.scenario import CellScenario

CANARY = "Kanarie-7Q3 sprak over zijn oom in de moskee"


async def test_r_priv_6_purge_removes_every_piece_of_content(
    client: httpx.AsyncClient, services: Services, clock: MutableClock, cell: CellScenario
) -> None:
    case = await closed_case_with_content(client, cell, CANARY)
    still_open = (
        await submit(
            client, cell, cell["clb"], priorHandling=f"Open dossier, {CANARY} niet afgesloten."
        )
    ).json()["id"]
    assert await columns_mentioning(services.engine, "Kanarie-7Q3")
    early = await purge_expired(services.unit_of_work, services.clock)
    assert early.purged == (), "not before the retention period"
    clock.advance(days=731)
    runs = await asyncio.gather(
        purge_expired(services.unit_of_work, services.clock),
        purge_expired(services.unit_of_work, services.clock),
    )
    assert sorted(len(run.purged) for run in runs) == [0, 1], "two runs at once purge once"
    leftovers = await columns_mentioning(services.engine, "Kanarie-7Q3")
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
