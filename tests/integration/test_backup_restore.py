"""`tafel backup` and `tafel restore` on both databases: every row comes back exactly, the audit
chain still verifies, purged content never comes back (R-PRIV-6), and a restore that should not
happen changes nothing."""

from __future__ import annotations

import asyncio
import io
import json
import tarfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text

import migrations
from adapters.backup.archive import DUMPS, MANIFEST
from adapters.backup.database import DatabaseBackup
from adapters.sqlalchemy.engine import make_engine
from api.cli import main, restore
from api.dependencies import Services
from api.settings import Settings
from domain.cases.retention import purge_expired
from tests.conftest import Scenarios
from tests.support.cases import retained_case
from tests.support.clock import MutableClock
from tests.support.databases import downgrade
from tests.support.retention import closed_case_with_content, columns_mentioning
from tests.support.scenario import CellScenario
from tests.support.world import World

CANARY = "Kanarie-B4K sprak over zijn neef op de sportclub"
RETENTION_DAYS = 730  # the scenario's cell keeps closed cases P730D


@pytest.fixture
def target_url(backend: str, scenarios: Scenarios) -> Iterator[str]:
    """A second fresh, migrated database of the same backend, to restore into."""
    databases = scenarios.databases(backend)
    url = databases.fresh()
    yield url
    databases.drop(url)


async def tafel(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, url: str, *args: str
) -> tuple[int, str, str]:
    """The command as cron runs it, on `url`; in a thread, since it runs its own event loop."""
    monkeypatch.setenv("TAFEL_DATABASE_URL", url)
    capsys.readouterr()
    status = await asyncio.to_thread(main, list(args))
    output = capsys.readouterr()
    return status, output.out, output.err


async def failed_restore(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, url: str, *args: str
) -> tuple[str, str]:
    """`tafel restore …` that must fail (exit 1) and leave every row of `url` as it was."""
    before = DatabaseBackup(url).checksums()
    status, out, err = await tafel(capsys, monkeypatch, url, "restore", *args)
    assert status == 1
    assert DatabaseBackup(url).checksums() == before
    return out, err


async def columns_mentioning_at(url: str, needle: str) -> list[str]:
    engine = make_engine(url)
    try:
        return await columns_mentioning(engine, needle)
    finally:
        await engine.dispose()


def settings_for(url: str) -> Settings:
    return Settings(database_url=url, spa_dir=Path("/nonexistent"), password_hashing="fast")


async def change_and_drop(url: str) -> None:
    engine = make_engine(url)
    async with engine.begin() as connection:
        await connection.execute(text("DELETE FROM case_signal"))
        await connection.execute(text("UPDATE cell SET name = 'Changed'"))
        await connection.execute(text("DROP TABLE webhook_delivery"))
    await engine.dispose()


async def test_a_backup_restores_every_row_exactly(
    world: World, database_url: str, target_url: str, tmp_path: Path
) -> None:
    file = tmp_path / "tafel.backup"
    source = DatabaseBackup(database_url)
    manifest = await asyncio.to_thread(source.backup, file)
    assert manifest.tables == await asyncio.to_thread(source.checksums)
    for table in ("case_signal", "meeting", "feedback_version", "webhook", "audit_event"):
        assert manifest.tables[table].rows > 0, table
    assert file.stat().st_mode & 0o077 == 0, "case content: readable by its owner only"

    await change_and_drop(database_url)
    assert await asyncio.to_thread(source.checksums) != manifest.tables
    for url in (target_url, database_url):  # into a fresh database, and over the changed one
        report = await asyncio.to_thread(DatabaseBackup(url).restore, file)
        assert report.mismatched == []
        assert await asyncio.to_thread(DatabaseBackup(url).checksums) == manifest.tables


async def test_restore_command_checks_rows_and_the_audit_chain(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    world: World,
    database_url: str,
    target_url: str,
    tmp_path: Path,
) -> None:
    file = tmp_path / "tafel.backup"
    status, out, err = await tafel(capsys, monkeypatch, database_url, "backup", str(file))
    assert status == 0, err
    assert "audit_event" in out

    status, out, err = await tafel(capsys, monkeypatch, target_url, "restore", str(file))
    assert status == 0, err
    assert "row checksums match the backup" in out
    assert "purged 0 cases" in out
    assert "audit trail intact" in out
    before = DatabaseBackup(database_url).checksums()
    after = DatabaseBackup(target_url).checksums()
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"audit_event"}, "only the restore's own events are new"
    assert after["audit_event"].rows == before["audit_event"].rows + 2  # restore, retention run


async def test_content_purged_after_the_backup_stays_purged_by_retention(
    client: httpx.AsyncClient,
    services: Services,
    clock: MutableClock,
    cell: CellScenario,
    database_url: str,
    target_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    case = await closed_case_with_content(client, cell, CANARY)
    file = tmp_path / "before-the-purge.backup"
    await asyncio.to_thread(DatabaseBackup(database_url).backup, file)
    clock.advance(days=RETENTION_DAYS + 1)
    purged = await purge_expired(services.unit_of_work, services.clock)
    assert purged.purged == (uuid.UUID(case),)

    # Disaster recovery into another database: only the retention job can know.
    status = await asyncio.to_thread(
        restore, settings_for(target_url), file, confirmed=False, clock=clock
    )
    out = capsys.readouterr().out
    assert status == 0, out
    assert "purged 1 cases: 0 purged here before the restore, 1 whose retention ran out" in out
    assert "audit trail intact" in out
    assert await columns_mentioning_at(target_url, "Kanarie-B4K") == []


async def test_content_purged_here_stays_purged_whatever_the_backup_says(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    client: httpx.AsyncClient,
    services: Services,
    clock: MutableClock,
    cell: CellScenario,
    database_url: str,
    tmp_path: Path,
) -> None:
    await closed_case_with_content(client, cell, CANARY)
    file = tmp_path / "before-the-purge.backup"
    assert (await tafel(capsys, monkeypatch, database_url, "backup", str(file)))[0] == 0
    clock.advance(days=RETENTION_DAYS + 1)
    assert len((await purge_expired(services.unit_of_work, services.clock)).purged) == 1
    await services.engine.dispose()

    # In place, with today's clock: the retention has not run out yet by the real date, so only
    # the purge this database remembers keeps the content away.
    status, out, err = await tafel(capsys, monkeypatch, database_url, "restore", str(file), "--yes")
    assert status == 0, err
    assert "purged 1 cases: 1 purged here before the restore, 0 whose retention ran out" in out
    assert "audit trail intact" in out
    assert await columns_mentioning_at(database_url, "Kanarie-B4K") == []

    after = tmp_path / "after-the-purge.backup"
    assert (await tafel(capsys, monkeypatch, database_url, "backup", str(after)))[0] == 0
    assert b"Kanarie-B4K" not in after.read_bytes(), "no trace in free pages of the copy"


async def test_restore_over_data_needs_yes(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    client: httpx.AsyncClient,
    cell: CellScenario,
    database_url: str,
    tmp_path: Path,
) -> None:
    file = tmp_path / "tafel.backup"
    assert (await tafel(capsys, monkeypatch, database_url, "backup", str(file)))[0] == 0
    await retained_case(client, cell)
    out, err = await failed_restore(capsys, monkeypatch, database_url, str(file))
    assert "restore refused" in err
    assert "--yes" in err
    assert out == ""


def damage(file: Path, how: str) -> None:
    data = file.read_bytes()
    if how == "missing":
        file.unlink()
    elif how == "garbage":
        file.write_bytes(b"not a backup at all\n" * 100)
    elif how == "truncated":
        file.write_bytes(data[: len(data) // 2])
    elif how == "flipped":  # one byte in the middle of the dump: the tar itself stays readable
        with tarfile.open(file) as archive:
            dump = next(m for m in archive.getmembers() if m.name in DUMPS.values())
        at = dump.offset_data + dump.size // 2
        file.write_bytes(data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :])


@pytest.mark.parametrize(
    ("how", "says"),
    [
        ("missing", "no backup file"),
        ("garbage", "not a Tafel backup"),
        ("truncated", "damaged or truncated"),
        ("flipped", "corrupt"),
    ],
)
async def test_a_damaged_backup_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    database_url: str,
    tmp_path: Path,
    how: str,
    says: str,
) -> None:
    file = tmp_path / "tafel.backup"
    assert (await tafel(capsys, monkeypatch, database_url, "backup", str(file)))[0] == 0
    damage(file, how)
    _, err = await failed_restore(capsys, monkeypatch, database_url, str(file), "--yes")
    assert "restore failed" in err
    assert says in err


async def test_a_backup_from_a_newer_schema_is_refused(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    database_url: str,
    target_url: str,
    tmp_path: Path,
) -> None:
    taken = tmp_path / "tafel.backup"
    assert (await tafel(capsys, monkeypatch, database_url, "backup", str(taken)))[0] == 0
    future = tmp_path / "future.backup"
    with tarfile.open(taken) as source, tarfile.open(future, "w") as target:
        for member in source.getmembers():
            content = source.extractfile(member)
            assert content is not None
            data = content.read()
            if member.name == MANIFEST:
                manifest = json.loads(data)
                manifest["alembicRevision"] = "0099_from_the_future"
                data = json.dumps(manifest).encode()
                member.size = len(data)
            else:
                assert member.name in DUMPS.values()
            target.addfile(member, io.BytesIO(data))
    _, err = await failed_restore(capsys, monkeypatch, target_url, str(future))
    assert "0099_from_the_future is newer than this Tafel's" in err


async def test_a_backup_of_an_older_schema_is_restored_and_upgraded(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    database_url: str,
    target_url: str,
    tmp_path: Path,
) -> None:
    script = ScriptDirectory(str(Path(migrations.__file__).parent))
    head = script.get_revision(str(script.get_current_head()))
    assert head is not None
    older = str(head.down_revision)
    await asyncio.to_thread(downgrade, database_url, older)
    file = tmp_path / "older.backup"
    assert (await tafel(capsys, monkeypatch, database_url, "backup", str(file)))[0] == 0

    # The target is at head: its newer tables must give way to the backup's, then come back.
    status, out, err = await tafel(capsys, monkeypatch, target_url, "restore", str(file))
    assert status == 0, err
    assert "row checksums match the backup" in out
    assert f"schema upgraded from {older} to {head.revision}" in out
    assert "audit trail intact" in out
    engine = make_engine(target_url)
    async with engine.connect() as connection:
        revision = await connection.scalar(text("SELECT version_num FROM alembic_version"))
    await engine.dispose()
    assert revision == head.revision
