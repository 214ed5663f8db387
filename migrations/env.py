"""Alembic environment: async engine from the Tafel URL, metadata from the SQLAlchemy adapter."""

from __future__ import annotations

import asyncio
import os
from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy.engine import Connection

import adapters.sqlalchemy.rows  # noqa: F401  (registers every table on the metadata)
from adapters.sqlalchemy.base import metadata
from adapters.sqlalchemy.engine import make_engine

config = context.config


def database_url() -> str:
    url = config.attributes.get("database_url") or os.environ.get("TAFEL_DATABASE_URL")
    return str(url or "sqlite+aiosqlite:///var/tafel.db")


def render_item(type_: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Migrations must not import application code: render Tafel's column types as plain ones."""
    del autogen_context
    if type_ == "type" and type(obj).__name__ == "UtcDateTime":
        return "sa.DateTime(timezone=True)"
    return False


def run_migrations_offline() -> None:
    context.configure(url=database_url(), target_metadata=metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        render_item=render_item,
        transaction_per_migration=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_migrations_online() -> None:
    engine = make_engine(database_url())
    async with engine.connect() as connection:
        await connection.run_sync(_run)
        await connection.commit()
    await engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
    else:
        asyncio.run(run_migrations_online())
