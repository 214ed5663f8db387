"""A database that cannot be reached answers 503 problem+json with `Retry-After`, never a 500 or
a trace, and `/health` says DOWN (RELIABILITY.md §10 family 18; `python -m tests.chaos` restarts a
real PostgreSQL under load for the long version).

Each backend is made unreachable without a server: PostgreSQL on a closed port (refused at once),
SQLite in a directory that does not exist (the file cannot be opened).
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import text

from adapters.sqlalchemy.unit_of_work import SqlAlchemyUnitOfWork
from api.app import create_app
from api.dependencies import Services, build_services
from api.settings import Settings
from domain.identity.tokens import TokenClaims, TokenType
from domain.shared.errors import Unavailable

UNREACHABLE = {
    "postgresql": "postgresql+psycopg://tafel@127.0.0.1:9/tafel?connect_timeout=2",
    "sqlite": "sqlite+aiosqlite:////nonexistent/tafel-outage/tafel.db",
}
LEAKS = ("Traceback", "sqlalchemy", "psycopg", "sqlite", "OperationalError", "SELECT", "127.0.0.1")


@pytest.fixture(params=sorted(UNREACHABLE))
async def unreachable(request: pytest.FixtureRequest) -> AsyncIterator[Services]:
    settings = Settings(
        database_url=UNREACHABLE[request.param],
        spa_dir=Path("/nonexistent"),
        password_hashing="fast",
    )
    services = build_services(settings)
    yield services
    await services.close()


@pytest.fixture
async def http(unreachable: Services) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(unreachable.settings, services=unreachable)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="https://tafel.test") as client:
        yield client


def access_token(services: Services) -> str:
    """A well-signed token: the request gets past the token check and fails at the database."""
    now = datetime.now(UTC)
    return services.tokens.issue(
        TokenClaims(
            subject=str(uuid.uuid4()),
            token_type=TokenType.access,
            token_id=uuid.uuid4().hex,
            issued_at=now,
            expires_at=now + timedelta(minutes=5),
            session_id=str(uuid.uuid4()),
        )
    )


def assert_unavailable(response: httpx.Response) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert int(response.headers["retry-after"]) > 0
    body = response.json()
    assert body["type"] == "urn:problem-type:belgif:serviceUnavailable"
    assert body["title"] == "Service Unavailable"
    assert body["status"] == 503
    assert body["detail"]
    assert body["instance"].startswith("urn:uuid:")
    assert not [leak for leak in LEAKS if leak.lower() in response.text.lower()]


async def test_login_answers_503_problem_with_retry_after(http: httpx.AsyncClient) -> None:
    response = await http.post(
        "/api/v1/auth/login",
        json={"email": "niemand@lindebeek.example", "password": "correct horse battery"},
        headers={"Accept-Language": "fr"},
    )
    assert_unavailable(response)
    assert response.headers["content-language"] == "fr"


async def test_authenticated_reads_and_writes_answer_503(
    http: httpx.AsyncClient, unreachable: Services
) -> None:
    headers = {"Authorization": f"Bearer {access_token(unreachable)}"}
    assert_unavailable(await http.get("/api/v1/me", headers=headers))
    assert_unavailable(
        await http.post(
            f"/api/v1/cells/{uuid.uuid4()}/meetingRequests",
            json={"reason": "Graag een extra overleg."},
            headers=headers,
        )
    )


async def test_every_operation_declares_the_503_problem(http: httpx.AsyncClient) -> None:
    """An integrator reads in the contract that any call may meet an outage, and when to retry."""
    document = (await http.get("/api/v1/openapi.json")).json()
    operations = [
        (path, method, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
    ]
    assert operations
    for path, method, operation in operations:
        declared = operation["responses"].get("503")
        assert declared, (method, path)
        if path != "/health":
            assert "application/problem+json" in declared["content"], (method, path)
            assert "Retry-After" in declared["headers"], (method, path)


async def test_health_is_down(http: httpx.AsyncClient) -> None:
    response = await http.get("/health")
    assert response.status_code == 503
    assert response.json() == {"status": "DOWN"}


async def fail_inside(services: Services, error: Exception) -> None:
    async with services.unit_of_work() as uow:
        await uow.audit.chains()
        raise error


async def missing_table(services: Services) -> None:
    async with services.unit_of_work() as uow:
        assert isinstance(uow, SqlAlchemyUnitOfWork)
        await uow.session.execute(text("SELECT * FROM no_such_table_here"))


async def test_only_connection_failures_become_unavailable(settings: Settings) -> None:
    """Inside a unit of work, a lost connection becomes `Unavailable`; a refused constraint and
    a programming error keep their own class (a retry would not cure them)."""
    services = build_services(settings)
    lost = sa_exc.OperationalError("SELECT 1", {}, ConnectionResetError("reset by peer"))
    invalidated = sa_exc.DBAPIError("SELECT 1", {}, OSError("gone"), connection_invalidated=True)
    refused = sa_exc.IntegrityError("INSERT", {}, ValueError("duplicate key"))
    try:
        for error, expected in (
            (lost, Unavailable),
            (invalidated, Unavailable),
            (sa_exc.TimeoutError("QueuePool limit reached"), Unavailable),
            (refused, sa_exc.IntegrityError),
            (RuntimeError("a bug"), RuntimeError),
        ):
            with pytest.raises(expected):
                await fail_inside(services, error)
        # A missing table is no outage (SQLite reports it as an operational error, too).
        with pytest.raises(sa_exc.DBAPIError):
            await missing_table(services)
        # The pool is still usable afterwards.
        async with services.unit_of_work(read_only=True) as uow:
            assert await uow.audit.chains() == []
    finally:
        await services.close()
