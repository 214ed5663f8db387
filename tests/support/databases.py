"""Fresh, migrated databases for tests, on SQLite always and on PostgreSQL when configured.

The schema is built once per run with `alembic upgrade head` into a template (a file for SQLite,
a template database for PostgreSQL); each test then gets its own copy in milliseconds.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from api.cli import alembic_config

POSTGRES_ENV = "TAFEL_TEST_POSTGRES_URL"
REQUIRE_POSTGRES_ENV = "TAFEL_REQUIRE_POSTGRES"


def upgrade(url: str) -> None:
    from alembic import command

    command.upgrade(alembic_config(url), "head")  # type: ignore[arg-type]


def downgrade(url: str, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(url), revision)  # type: ignore[arg-type]


def postgres_admin_url() -> str | None:
    """The configured PostgreSQL server, or None; fails instead of skipping when required."""
    url = os.environ.get(POSTGRES_ENV)
    required = os.environ.get(REQUIRE_POSTGRES_ENV) == "1"
    if not url:
        if required:
            pytest.fail(f"{REQUIRE_POSTGRES_ENV}=1 but {POSTGRES_ENV} is not set")
        return None
    try:
        with psycopg.connect(libpq_url(url), connect_timeout=5) as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as error:
        if required:
            pytest.fail(f"PostgreSQL at {POSTGRES_ENV} is unreachable: {error}")
        return None
    return url


def libpq_url(url: str) -> str:
    parsed = make_url(url).set(drivername="postgresql")
    return parsed.render_as_string(hide_password=False)


def with_database(url: str, name: str) -> str:
    return make_url(url).set(database=name).render_as_string(hide_password=False)


class SqliteDatabases:
    """Copies of one migrated SQLite file."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.template = directory / "template.db"
        upgrade(f"sqlite+aiosqlite:///{self.template}")

    def fresh(self, source: str | None = None) -> str:
        """A copy of the migrated template, or of another database of this set (a scenario)."""
        copy = self.directory / f"{uuid.uuid4().hex}.db"
        shutil.copyfile(Path(source.split("///", 1)[1]) if source else self.template, copy)
        return f"sqlite+aiosqlite:///{copy}"

    def drop(self, url: str) -> None:
        path = Path(url.split("///", 1)[1])
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


class PostgresDatabases:
    """Databases created from one migrated template database."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url
        self.template = f"tafel_template_{uuid.uuid4().hex[:8]}"
        self._execute(f'CREATE DATABASE "{self.template}"')
        upgrade(with_database(admin_url, self.template))

    def _execute(self, statement: str) -> None:
        with psycopg.connect(libpq_url(self.admin_url), autocommit=True) as connection:
            connection.execute(statement)

    def fresh(self, source: str | None = None) -> str:
        """A clone of the migrated template, or of another database of this set (a scenario)."""
        name = f"tafel_test_{uuid.uuid4().hex[:12]}"
        template = make_url(source).database if source else self.template
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return with_database(self.admin_url, name)

    def empty(self) -> str:
        name = f"tafel_test_{uuid.uuid4().hex[:12]}"
        self._execute(f'CREATE DATABASE "{name}"')
        return with_database(self.admin_url, name)

    def drop(self, url: str) -> None:
        name = make_url(url).database
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
