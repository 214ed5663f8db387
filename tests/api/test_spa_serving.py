"""The built SPA is served at `/`, deep links fall back to it, `/api/*` stays problem+json."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from api.app import create_app
from api.settings import Settings


@pytest.fixture
def backend() -> str:
    return "sqlite"


@pytest.fixture
async def spa_client(tmp_path: Path, database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><title>Tafel</title><div id=root></div>")
    (dist / "assets" / "app.js").write_text("console.log('tafel')")
    (dist / "favicon.svg").write_text("<svg/>")
    app = create_app(Settings(database_url=database_url, spa_dir=dist))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        yield client
    await app.state.services.close()


async def test_root_serves_the_app_with_a_strict_csp(spa_client: httpx.AsyncClient) -> None:
    response = await spa_client.get("/")
    assert response.status_code == 200
    assert "<title>Tafel</title>" in response.text
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp


async def test_deep_link_falls_back_to_index(spa_client: httpx.AsyncClient) -> None:
    response = await spa_client.get("/cells/abc/members")
    assert response.status_code == 200
    assert "<title>Tafel</title>" in response.text


async def test_assets_and_root_files_are_served(spa_client: httpx.AsyncClient) -> None:
    assert (await spa_client.get("/assets/app.js")).text == "console.log('tafel')"
    assert (await spa_client.get("/favicon.svg")).text == "<svg/>"


async def test_path_traversal_stays_inside_the_app(spa_client: httpx.AsyncClient) -> None:
    response = await spa_client.get("/..%2f..%2fetc/passwd")
    assert "root:" not in response.text


async def test_unknown_api_path_is_not_the_app(spa_client: httpx.AsyncClient) -> None:
    response = await spa_client.get("/api/v1/nothing")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
