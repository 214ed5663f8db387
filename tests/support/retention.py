"""Closed cases full of a marker text, and a raw sweep for that text: what purge tests need."""

from __future__ import annotations

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.sqlalchemy.base import metadata
from tests.support.cases import retained_case, step
from tests.support.scenario import CellScenario


async def closed_case_with_content(
    client: httpx.AsyncClient, cell: CellScenario, marker: str
) -> str:
    """A case retained, given a signal and an information card carrying `marker`, and closed."""
    case = await retained_case(client, cell)
    signal = await client.post(
        f"/api/v1/cases/{case}/signals",
        json={"observedOn": "2026-01-05", "description": marker},
        headers=cell["clb"].headers,
    )
    assert signal.status_code == 201, signal.text
    card = await client.post(
        f"/api/v1/cases/{case}/informationCards",
        json={"text": f"Kaart: {marker}", "nonClassifiedAttested": True},
        headers=cell["io"].headers,
    )
    assert card.status_code == 201, card.text
    await client.post(f"/api/v1/cases/{case}/plan", json={}, headers=cell["dro"].headers)
    for name in ("startEvaluation", "close"):
        assert (await step(client, cell, case, name)).status_code == 201
    return case


async def columns_mentioning(engine: AsyncEngine, needle: str) -> list[str]:
    """A raw sweep over every text column of every table: `table.column` where `needle` is."""
    found = []
    async with engine.connect() as connection:
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
