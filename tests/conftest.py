"""Fixtures shared by every test: databases on both backends, the app, an HTTP client."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from api.app import create_app
from api.dependencies import Services, build_services
from api.settings import Settings
from tests.support.clock import MutableClock
from tests.support.databases import PostgresDatabases, SqliteDatabases, postgres_admin_url

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def sqlite_databases(tmp_path_factory: pytest.TempPathFactory) -> SqliteDatabases:
    return SqliteDatabases(tmp_path_factory.mktemp("sqlite"))


@pytest.fixture(scope="session")
def postgres_databases() -> Iterator[PostgresDatabases | None]:
    admin_url = postgres_admin_url()
    if admin_url is None:
        yield None
        return
    databases = PostgresDatabases(admin_url)
    yield databases
    databases.close()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def database_url(
    backend: str,
    sqlite_databases: SqliteDatabases,
    postgres_databases: PostgresDatabases | None,
) -> Iterator[str]:
    """A fresh, migrated database of the parametrised backend."""
    if backend == "postgresql":
        if postgres_databases is None:
            pytest.skip("PostgreSQL not configured (set TAFEL_TEST_POSTGRES_URL)")
        url = postgres_databases.fresh()
        yield url
        postgres_databases.drop(url)
        return
    url = sqlite_databases.fresh()
    yield url
    sqlite_databases.drop(url)


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(
        database_url=database_url, spa_dir=Path("/nonexistent"), password_hashing="fast"
    )


@pytest.fixture
def clock() -> MutableClock:
    return MutableClock()


@pytest.fixture
def services(settings: Settings, clock: MutableClock) -> Services:
    return build_services(settings, clock=clock)


@pytest.fixture
def app(settings: Settings, services: Services) -> FastAPI:
    return create_app(settings, services=services)


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="https://tafel.test") as http:
        yield http
    await app.state.services.close()
