"""A step committed while a case is being read (found by `make chaos` on PostgreSQL, then on the
case list; the list now reads no history, the case page still does).

Under READ COMMITTED each statement sees its own snapshot: the case is read, another user's step
commits, then its transitions are read — an old status beside a newer history. The page must
still answer 200 with the status the history ends in; the list used to answer 500
(`SqlAlchemyCaseRepository._histories` reads the lagging rows again).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import httpx
import pytest

from adapters.sqlalchemy.repositories.cases import SqlAlchemyCaseRepository
from adapters.sqlalchemy.rows.cases import CaseRow
from domain.cases.lifecycle import Transition
from tests.support.cases import step, submit
from tests.support.scenario import CellScenario


@pytest.fixture(params=["postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    """PostgreSQL only: a SQLite transaction keeps one snapshot for all its statements."""
    return str(request.param)


Histories = Callable[[SqlAlchemyCaseRepository, Sequence[CaseRow]], Awaitable[Any]]


async def test_a_step_committed_between_the_case_and_its_history_is_shown_whole(
    client: httpx.AsyncClient, cell: CellScenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    submitted = await submit(client, cell, cell["clb"])
    assert submitted.status_code == 201, submitted.text
    case = submitted.json()["id"]
    original: Histories = SqlAlchemyCaseRepository._histories
    interleaved: list[int] = []
    started = False

    async def step_in_between(
        repository: SqlAlchemyCaseRepository, rows: Sequence[CaseRow]
    ) -> dict[Any, list[Transition]]:
        nonlocal started
        if not started:  # the page has read the case row; the chair admits the case right now
            started = True  # (the step reads the case through here too)
            interleaved.append((await step(client, cell, case, "admit")).status_code)
        result: dict[Any, list[Transition]] = await original(repository, rows)
        return result

    monkeypatch.setattr(SqlAlchemyCaseRepository, "_histories", step_in_between)
    read = await client.get(f"/api/v1/cases/{case}", headers=cell["dro"].headers)

    assert interleaved == [201]
    assert read.status_code == 200, read.text
    assert read.json()["status"] == "fileBuilding"  # what admitting leads to, not the stale status
    assert [step["toStatus"] for step in read.json()["timeline"]] == ["fileBuilding"]
