"""Stairway: every revision upgrades, downgrades and upgrades again, on both databases."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from api.cli import alembic_config
from tests.support.databases import PostgresDatabases, downgrade, upgrade


def revisions() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))  # type: ignore[arg-type]
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


@pytest.fixture
def empty_database(
    backend: str, tmp_path: Path, postgres_databases: PostgresDatabases | None
) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'stairway.db'}"
        return
    if postgres_databases is None:
        pytest.skip("PostgreSQL not configured (set TAFEL_TEST_POSTGRES_URL)")
    url = postgres_databases.empty()
    yield url
    postgres_databases.drop(url)


def test_revisions_form_one_line_with_date_slug_file_names() -> None:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))  # type: ignore[arg-type]
    assert len(script.get_heads()) == 1
    for revision in script.walk_revisions():
        name = Path(str(revision.path)).name
        assert name[:16].replace("-", "").replace("_", "").isdigit(), name


def test_stairway(empty_database: str) -> None:
    previous = "base"
    for revision in revisions():
        upgrade_to(empty_database, revision)
        downgrade(empty_database, previous)
        upgrade_to(empty_database, revision)
        previous = revision


def upgrade_to(url: str, revision: str) -> None:
    from alembic import command

    command.upgrade(alembic_config(url), revision)  # type: ignore[arg-type]


def test_head_is_reachable(empty_database: str) -> None:
    upgrade(empty_database)
