"""A step committed while the case list is being read (found by `make chaos` on PostgreSQL).

Under READ COMMITTED each statement sees its own snapshot: the cases are read, another user's
step commits, then their transitions are read — an old status beside a newer history. The list
must still answer 200 with the status the history ends in; it used to answer 500
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


async def test_a_step_committed_between_the_two_reads_is_shown_whole(
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
        if not started:  # the list has read the case rows; the chair admits the case right now
            started = True  # (the step reads the case through here too)
            interleaved.append((await step(client, cell, case, "admit")).status_code)
        result: dict[Any, list[Transition]] = await original(repository, rows)
        return result

    monkeypatch.setattr(SqlAlchemyCaseRepository, "_histories", step_in_between)
    listed = await client.get(f"/api/v1/cells/{cell.cell}/cases", headers=cell["dro"].headers)

    assert interleaved == [201]
    assert listed.status_code == 200, listed.text
    (item,) = [c for c in listed.json()["items"] if c["id"] == case]
    assert item["status"] == "fileBuilding"  # what admitting leads to, not the stale status
