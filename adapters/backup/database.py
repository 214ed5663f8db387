"""Back up and restore the database named by a SQLAlchemy URL.

SQLite: Python's `sqlite3` backup API, a consistent copy while the application keeps running.
PostgreSQL: `pg_dump --format=custom` inside an exported snapshot, so the dump and the manifest's
checksums describe the very same state; `pg_restore --clean --if-exists --no-owner` in a single
transaction, so a restore that fails leaves the target as it was.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, create_engine, inspect, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from adapters.backup.archive import (
    DUMPS,
    BackupFailed,
    Manifest,
    TableChecksum,
    file_sha256,
    read_archive,
    write_archive,
)
from adapters.backup.checksums import row_counts, table_checksums
from adapters.sqlalchemy.base import metadata
from adapters.sqlalchemy.rows.cases import CaseRow

TOOL_TIMEOUT_SECONDS = 3600
POSTGRES_DRIVERS = ("postgresql", "postgres", "postgresql+psycopg", "postgresql+psycopg2")


@dataclass(frozen=True, slots=True)
class RestoreReport:
    manifest: Manifest
    tables: dict[str, TableChecksum]

    @property
    def mismatched(self) -> list[str]:
        """Tables whose restored rows differ from the manifest (or are missing or extra)."""
        names = set(self.tables) | set(self.manifest.tables)
        return sorted(n for n in names if self.tables.get(n) != self.manifest.tables.get(n))


class DatabaseBackup:
    """Backups of one database; every failure is a `BackupFailed` that says why."""

    def __init__(self, database_url: str) -> None:
        url = make_url(database_url)
        self._path = Path(url.database or "")
        # libpq reads the password from the environment: never on a command line, where every
        # user of the machine could read it in the process list.
        self._libpq_url = url.set(drivername="postgresql", password=None).render_as_string()
        self._password = url.password
        if url.get_backend_name() == "sqlite":
            if not url.database or url.database == ":memory:":
                raise BackupFailed("an in-memory SQLite database has nothing to back up")
            self.backend = "sqlite"
            self._sync_url = url.set(drivername="sqlite")
        elif url.drivername in POSTGRES_DRIVERS:
            self.backend = "postgresql"
            self._sync_url = url.set(drivername="postgresql+psycopg")
        else:
            raise BackupFailed(f"cannot back up a {url.drivername} database")

    @contextmanager
    def _connect(self, url: URL | None = None) -> Iterator[Connection]:
        engine = create_engine(url or self._sync_url, poolclass=NullPool)
        try:
            with engine.connect() as connection:
                yield connection
        except SQLAlchemyError as error:
            raise BackupFailed(f"database error: {error.__class__.__name__}: {error}") from error
        finally:
            engine.dispose()

    def checksums(self) -> dict[str, TableChecksum]:
        with self._connect() as connection:
            return table_checksums(connection)

    def row_counts(self) -> dict[str, int]:
        """Rows per table of the target; none when it does not exist yet."""
        if self.backend == "sqlite" and not self._path.is_file():
            return {}
        with self._connect() as connection:
            return row_counts(connection)

    def purged_case_ids(self) -> frozenset[uuid.UUID]:
        """Cases whose content was purged here (R-PRIV-6): a restore must purge them again,
        whatever an older backup says about them."""
        if self.backend == "sqlite" and not self._path.is_file():
            return frozenset()
        with self._connect() as connection:
            if not inspect(connection).has_table(CaseRow.__tablename__):
                return frozenset()
            ids = connection.scalars(select(CaseRow.id).where(CaseRow.purged_at.is_not(None)))
            return frozenset(ids)

    def backup(self, path: Path) -> Manifest:
        """Write the backup archive to `path` (replacing it atomically) and return its manifest."""
        created_at = datetime.now(UTC)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Beside the archive, not in /tmp: the backup volume is the one sized for a dump.
            with tempfile.TemporaryDirectory(prefix=".tafel-backup-", dir=path.parent) as temp:
                dump = Path(temp) / DUMPS[self.backend]
                if self.backend == "sqlite":
                    revision, tables = self._sqlite_dump(dump)
                else:
                    revision, tables = self._postgres_dump(dump)
                manifest = Manifest(self.backend, created_at, revision, file_sha256(dump), tables)
                write_archive(path, manifest, dump)
        except OSError as error:
            raise BackupFailed(f"cannot write {path}: {error}") from error
        return manifest

    def read(self, path: Path) -> Manifest:
        """The manifest of a backup that was checked to be whole and to fit this database."""
        with tempfile.TemporaryDirectory(prefix="tafel-restore-") as directory:
            manifest, dump = read_archive(path, Path(directory))
            self._check_dump(manifest, dump)
        return manifest

    def restore(self, path: Path) -> RestoreReport:
        """Replace the database's content with the backup's, then checksum every table."""
        with tempfile.TemporaryDirectory(prefix="tafel-restore-") as directory:
            manifest, dump = read_archive(path, Path(directory))
            self._check_dump(manifest, dump)
            if self.backend == "sqlite":
                self._sqlite_restore(dump)
            else:
                self._postgres_restore(dump, set(manifest.tables))
        return RestoreReport(manifest, self.checksums())

    def _check_dump(self, manifest: Manifest, dump: Path) -> None:
        if manifest.backend != self.backend:
            raise BackupFailed(
                f"this is a {manifest.backend} backup; the database is {self.backend}"
            )
        if self.backend == "sqlite":
            try:
                with closing(sqlite3.connect(f"{dump.as_uri()}?mode=ro", uri=True)) as db:
                    verdict = db.execute("PRAGMA integrity_check").fetchone()
            except sqlite3.Error as error:
                raise BackupFailed(f"the backup's database is unreadable ({error})") from error
            if verdict != ("ok",):
                raise BackupFailed(f"the backup's database is damaged ({verdict})")
        else:
            self._tool("pg_restore", "--list", str(dump))

    def _sqlite_dump(self, dump: Path) -> tuple[str | None, dict[str, TableChecksum]]:
        if not self._path.is_file():
            raise BackupFailed(f"no SQLite database at {self._path}")
        try:
            # mode=rw: a mistyped path must fail, not create an empty database to back up.
            source_uri = f"{self._path.resolve().as_uri()}?mode=rw"
            with (
                closing(sqlite3.connect(source_uri, uri=True, timeout=30)) as source,
                closing(sqlite3.connect(dump)) as copy,
            ):
                source.backup(copy)
                # A self-contained file: no -wal beside it that the archive would miss.
                copy.execute("PRAGMA journal_mode=DELETE")
                # The backup API copies free pages too, and a SQLite built without secure_delete
                # leaves deleted rows' bytes in them: rebuilt, the copy keeps no trace of
                # content purged before the backup.
                copy.execute("VACUUM")
        except sqlite3.Error as error:
            raise BackupFailed(f"SQLite backup failed ({error})") from error
        with self._connect(self._sync_url.set(database=str(dump))) as connection:
            return _revision(connection), table_checksums(connection)

    def _sqlite_restore(self, dump: Path) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with (
                closing(sqlite3.connect(f"{dump.as_uri()}?mode=ro", uri=True)) as source,
                closing(sqlite3.connect(self._path, timeout=30)) as target,
            ):
                # One step: the target is replaced in one transaction or not at all.
                source.backup(target)
        except sqlite3.Error as error:
            raise BackupFailed(f"SQLite restore failed ({error})") from error

    def _postgres_dump(self, dump: Path) -> tuple[str | None, dict[str, TableChecksum]]:
        with self._connect() as connection:
            connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                connection.exec_driver_sql("SET TRANSACTION READ ONLY")
                snapshot = connection.exec_driver_sql("SELECT pg_export_snapshot()").scalar_one()
                self._tool(
                    "pg_dump",
                    "--format=custom",
                    f"--snapshot={snapshot}",
                    f"--file={dump}",
                    f"--dbname={self._libpq_url}",
                )
                return _revision(connection), table_checksums(connection)

    def _postgres_restore(self, dump: Path, tables: set[str]) -> None:
        # Tables a newer migration created are not in an older backup, so `--clean` would leave
        # them, with their rows and foreign keys, in the way of the upgrade that follows. Only
        # Tafel's own tables are dropped; they are empty of anything the backup should keep.
        with self._connect() as connection, connection.begin():
            present = set(inspect(connection).get_table_names())
            for name in sorted((present & set(metadata.tables)) - tables):
                connection.execute(text(f'DROP TABLE IF EXISTS "{name}" CASCADE'))
        self._tool(
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={self._libpq_url}",
            str(dump),
        )

    def _tool(self, name: str, *arguments: str) -> None:
        executable = shutil.which(name) or shutil.which(name, path="/usr/bin")
        if executable is None:
            raise BackupFailed(f"{name} not found: install the PostgreSQL client tools")
        environment = dict(os.environ)
        if self._password:
            environment["PGPASSWORD"] = self._password
        try:
            done = subprocess.run(  # noqa: S603 - fixed program, arguments without a shell
                [executable, *arguments],
                env=environment,
                capture_output=True,
                text=True,
                timeout=TOOL_TIMEOUT_SECONDS,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise BackupFailed(f"{name} failed ({error})") from error
        if done.returncode != 0:
            detail = done.stderr.strip().splitlines()[-3:]
            raise BackupFailed(f"{name} failed: {' / '.join(detail) or done.returncode}")


def _revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return None if revision is None else str(revision)
