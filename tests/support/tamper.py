"""Direct database access that bypasses Tafel, as an attacker with the database would have it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

SQLITE_TRIGGERS = [
    "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
    "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END",
    "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
    "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END",
]


@asynccontextmanager
async def without_audit_triggers(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """A connection on which the append-only triggers do not fire (superuser / file access)."""
    async with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            await connection.execute(text("SET LOCAL session_replication_role = replica"))
            yield connection
        else:
            await connection.execute(text("DROP TRIGGER audit_event_no_update"))
            await connection.execute(text("DROP TRIGGER audit_event_no_delete"))
            yield connection
            for statement in SQLITE_TRIGGERS:
                await connection.execute(text(statement))
