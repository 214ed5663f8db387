"""Belgif `/health`: UP with a reachable database, DOWN (503) without one."""

from __future__ import annotations

from pathlib import Path

import httpx

from api.app import create_app
from api.settings import Settings


async def test_health_is_up_on_each_backend(client: httpx.AsyncClient) -> None:
    response = await client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "UP"}
    assert response.headers["content-type"] == "application/json"


async def test_health_is_down_when_the_database_is_unreachable() -> None:
    settings = Settings(
        database_url="postgresql+psycopg://nobody@127.0.0.1:9/none", spa_dir=Path("/none")
    )
    app = create_app(settings)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        response = await client.get("/health")
    await app.state.services.close()
    assert response.status_code == 503
    assert response.json() == {"status": "DOWN"}
