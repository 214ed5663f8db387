"""Fixtures shared by every test: databases on both backends, the app, an HTTP client, and
ready-made constituted cells.

Building a constituted cell through the API takes a few dozen requests, so it is done once per
backend and run: the database is then copied for each test (a file copy on SQLite, a template
clone on PostgreSQL), and the test's clock starts where the scenario's ended, so its tokens and
second factors are still valid.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from api.app import create_app
from api.dependencies import Services, build_services, get_webhook_targets
from api.settings import Settings
from domain.webhooks.targets import TargetPolicy
from tests.support.clock import MutableClock
from tests.support.databases import PostgresDatabases, SqliteDatabases, postgres_admin_url
from tests.support.log_scan import SessionLogs
from tests.support.scenario import CellScenario, constituted_cell
from tests.support.world import DNS, World, build_world

BACKENDS = ["sqlite", "postgresql"]
SCENARIO_FIXTURES = frozenset({"cell", "cell_b", "world"})


SESSION_LOGS = SessionLogs()


def pytest_configure(config: pytest.Config) -> None:
    """Every record the app logs at INFO and above (the production level), for the scan below."""
    del config
    root = logging.getLogger()
    root.addHandler(SESSION_LOGS)
    root.setLevel(min(root.level or logging.INFO, logging.INFO))


@pytest.fixture(autouse=True)
def log_hygiene() -> Iterator[None]:
    """Log hygiene: a token, password or national number in a line logged during the test fails
    it (per test, so that it holds with parallel workers and names the test that leaked)."""
    first = len(SESSION_LOGS.lines)
    yield
    found = SESSION_LOGS.report(first)
    if found:
        pytest.fail("log hygiene: a logged line carries a secret:\n" + "\n".join(found))


def make_settings(database_url: str) -> Settings:
    return Settings(
        database_url=database_url, spa_dir=Path("/nonexistent"), password_hashing="fast"
    )


@dataclass
class ScenarioTemplate:
    database: str
    cells: dict[str, CellScenario]
    time: datetime
    world: World | None = None


class Scenarios:
    """Two constituted cells (A and B) per backend, built on first use."""

    def __init__(self, sqlite: SqliteDatabases, postgres: PostgresDatabases | None) -> None:
        self.sqlite = sqlite
        self.postgres = postgres
        self.built: dict[str, ScenarioTemplate] = {}
        self.worlds: dict[str, ScenarioTemplate] = {}

    def databases(self, backend: str) -> SqliteDatabases | PostgresDatabases:
        if backend == "sqlite":
            return self.sqlite
        if self.postgres is None:
            pytest.skip("PostgreSQL not configured (set TAFEL_TEST_POSTGRES_URL)")
        return self.postgres

    async def template(self, backend: str) -> ScenarioTemplate:
        if backend not in self.built:
            url = self.databases(backend).fresh()
            clock = MutableClock()
            settings = make_settings(url)
            services = build_services(settings, clock=clock)
            app = create_app(settings, services=services)
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(
                transport=transport, base_url="https://tafel.test"
            ) as client:
                cells = {
                    "a": await constituted_cell(client, services, clock, prefix="a"),
                    "b": await constituted_cell(client, services, clock, prefix="b"),
                }
            await services.close()
            self.built[backend] = ScenarioTemplate(url, cells, clock.now())
        return self.built[backend]

    async def world(self, backend: str) -> ScenarioTemplate:
        """The two cells populated by `tests.support.world` (cases, meetings, forms, …)."""
        if backend not in self.worlds:
            base = await self.template(backend)
            url = self.databases(backend).fresh(base.database)
            clock = MutableClock(base.time)
            settings = make_settings(url)
            services = build_services(settings, clock=clock)
            app = create_app(settings, services=services)
            app.dependency_overrides[get_webhook_targets] = lambda: TargetPolicy(DNS)
            cells = copy.deepcopy(base.cells)
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(
                transport=transport, base_url="https://tafel.test"
            ) as client:
                world = await build_world(client, services, clock, cells["a"], cells["b"])
            await services.close()
            self.worlds[backend] = ScenarioTemplate(url, cells, clock.now(), world)
        return self.worlds[backend]


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


@pytest.fixture(scope="session")
def scenarios(
    sqlite_databases: SqliteDatabases, postgres_databases: PostgresDatabases | None
) -> Scenarios:
    return Scenarios(sqlite_databases, postgres_databases)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def scenario(
    request: pytest.FixtureRequest, backend: str, scenarios: Scenarios
) -> ScenarioTemplate | None:
    """The ready-made cells, when the test asks for one."""
    if not SCENARIO_FIXTURES & set(request.fixturenames):
        return None
    if "world" in request.fixturenames:
        return await scenarios.world(backend)
    return await scenarios.template(backend)


@pytest.fixture
def database_url(
    backend: str, scenarios: Scenarios, scenario: ScenarioTemplate | None
) -> Iterator[str]:
    """A fresh, migrated database of the parametrised backend (a copy of the scenario's when
    the test uses the ready-made cells)."""
    databases = scenarios.databases(backend)
    url = databases.fresh(scenario.database if scenario else None)
    yield url
    databases.drop(url)


@pytest.fixture
def cell(scenario: ScenarioTemplate | None) -> CellScenario:
    """A constituted cell: DRO (chair), alderman, CLB, CAW, information officer at the
    operational table; the mayor chairing the strategic table; all logged in and acknowledged."""
    assert scenario is not None
    return copy.deepcopy(scenario.cells["a"])


@pytest.fixture
def cell_b(scenario: ScenarioTemplate | None) -> CellScenario:
    """A second, unrelated cell: for isolation tests."""
    assert scenario is not None
    return copy.deepcopy(scenario.cells["b"])


@pytest.fixture
def world(scenario: ScenarioTemplate | None) -> World:
    """Both cells populated (`tests.support.world`); `cell` and `cell_b` are its scenarios. Apps
    of tests using it should install `tests.support.world.DNS` as the webhook resolver."""
    assert scenario is not None
    assert scenario.world is not None
    return copy.deepcopy(scenario.world)


@pytest.fixture
def settings(database_url: str) -> Settings:
    return make_settings(database_url)


@pytest.fixture
def clock(scenario: ScenarioTemplate | None) -> MutableClock:
    return MutableClock(scenario.time if scenario else None)


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
