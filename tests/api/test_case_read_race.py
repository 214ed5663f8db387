"""A step committed while a case is being read (found by `make chaos` on PostgreSQL, first on the
case list, then on the case page).

Under READ COMMITTED each statement sees its own snapshot. The case page used to read the case,
then its transitions: a step committed in between paired an old status with a newer history, and
the lifecycle check refused the read (500). The case now comes with its history in one statement,
so a step committed while the page is built is either all in it or not at all (the names of the
steps' recorders, read with the page's other records, can only be a superset). Pages of whole
cases (`_hydrate`, used by retention) still read them apart and read the lagging rows again
(`SqlAlchemyCaseRepository._histories`).
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from adapters.sqlalchemy.repositories.cases import SqlAlchemyCaseRepository
from api.dependencies import Services
from domain.cases.model import Case
from tests.support.cases import step, submit
from tests.support.scenario import CellScenario
from tests.support.statements import sending


@pytest.fixture(params=["postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    """PostgreSQL only: a SQLite transaction keeps one snapshot for all its statements."""
    return str(request.param)


Get = Callable[..., Awaitable[Case | None]]


async def test_a_step_committed_while_the_page_is_read_is_all_in_it_or_not_at_all(
    client: httpx.AsyncClient,
    cell: CellScenario,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    submitted = await submit(client, cell, cell["clb"])
    assert submitted.status_code == 201, submitted.text
    case = submitted.json()["id"]
    original: Get = SqlAlchemyCaseRepository.get
    interleaved: list[int] = []

    async def step_right_after(
        repository: SqlAlchemyCaseRepository, case_id: uuid.UUID, **options: Any
    ) -> Case | None:
        found = await original(repository, case_id, **options)
        if not interleaved:  # the page has read the case; the chair admits it right now
            interleaved.append(0)  # (the step reads the case through here too)
            interleaved[0] = (await step(client, cell, case, "admit")).status_code
        return found

    monkeypatch.setattr(SqlAlchemyCaseRepository, "get", step_right_after)
    with sending(services) as statements:
        read = await client.get(f"/api/v1/cases/{case}", headers=cell["dro"].headers)

    assert interleaved == [201]
    assert read.status_code == 200, read.text
    page = read.json()
    # Read before the step committed: the status and the history agree on it.
    assert page["status"] == "registered"
    assert page["timeline"] == []
    # The steps themselves come with the case. The page's other records name the steps'
    # recorders in a later statement: one that sees a newer step only names one person more.
    history = [s for s in statements if "case_transition.seq" in s]
    assert history
    assert all("FROM case_file" in s for s in history), "the history is read with the case"
    again = await client.get(f"/api/v1/cases/{case}", headers=cell["dro"].headers)
    assert again.json()["status"] == "fileBuilding"
    assert [s["toStatus"] for s in again.json()["timeline"]] == ["fileBuilding"]
