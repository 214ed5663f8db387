"""Engines for SQLite (embedded default) and PostgreSQL (production), with the transaction
behaviour each needs for correct concurrent writes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlalchemy.pool import StaticPool

SQLITE_BUSY_TIMEOUT_SECONDS = 30
# A PostgreSQL server that does not answer (host down, packets dropped) fails a request after
# this long instead of holding it until the client gives up; a refused connection fails at once.
POSTGRES_CONNECT_TIMEOUT_SECONDS = 5
# Execution options a unit of work sets on its connection (see `unit_of_work`).
READ_ONLY = "tafel_read_only"
AUDITED_READ = "tafel_audited_read"
WRITES = ("INSERT", "UPDATE", "DELETE", "MERGE")


class AuditedReadWrites(RuntimeError):
    """An audited reader runs in autocommit: a write of its own would be kept whatever happens
    next. Its one write is the audit trail's append, a single statement (a function call)."""


def normalise_url(url: str) -> str:
    """Accept plain `postgresql://` and `sqlite://` URLs and pick the async drivers."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres", "postgresql+psycopg2"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    elif parsed.drivername == "sqlite":
        parsed = parsed.set(drivername="sqlite+aiosqlite")
    return parsed.render_as_string(hide_password=False)


def make_engine(url: str, *, echo: bool = False) -> AsyncEngine:
    """Build the async engine. SQLite gets `BEGIN IMMEDIATE` write transactions, WAL and foreign
    keys; PostgreSQL gets pessimistic disconnect handling so a database restart heals by itself."""
    url = normalise_url(url)
    if url.startswith("sqlite"):
        return _sqlite_engine(url, echo=echo)
    # A `connect_timeout` in the URL wins over the default.
    connect_args = (
        {}
        if "connect_timeout" in make_url(url).query
        else {"connect_timeout": POSTGRES_CONNECT_TIMEOUT_SECONDS}
    )
    engine = create_async_engine(
        url,
        echo=echo,
        pool_pre_ping=True,
        pool_size=10,
        max_overflow=20,
        pool_timeout=10,
        connect_args=connect_args,
    )

    @event.listens_for(engine.sync_engine, "before_cursor_execute")
    def _audited_read_only_appends(
        connection: Any, _cursor: Any, statement: str, _params: Any, _context: Any, _many: bool
    ) -> None:
        if connection.get_execution_options().get(AUDITED_READ) and (
            statement.lstrip()[:6].upper() in WRITES or "FOR UPDATE" in statement
        ):
            raise AuditedReadWrites(statement.split(None, 1)[0])

    return engine


def _sqlite_engine(url: str, *, echo: bool) -> AsyncEngine:
    in_memory = ":memory:" in url or url.rstrip("/").endswith("+aiosqlite:")
    kwargs: dict[str, Any] = {"connect_args": {"timeout": SQLITE_BUSY_TIMEOUT_SECONDS}}
    if in_memory:
        # One shared connection, otherwise every checkout would see a new empty database.
        kwargs["poolclass"] = StaticPool
        kwargs["connect_args"]["check_same_thread"] = False
    engine = create_async_engine(url, echo=echo, **kwargs)

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from the driver: its legacy mode emits no BEGIN before
        # reads, so read-then-write would not be isolated (472 of 500 updates lost in the probe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if not in_memory:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_SECONDS * 1000}")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Writers take the database lock up front; readers that never write may stay deferred.
        mode = "DEFERRED" if connection.get_execution_options().get(READ_ONLY) else "IMMEDIATE"
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def make_session_factory(engine: AsyncEngine) -> async_sessionmaker[Any]:
    """Sessions that keep loaded objects usable after commit (they are mapped to domain objects)."""
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)
