"""The backup file: one tar archive holding `manifest.json` and the database dump.

A single file, so the manifest cannot be lost or swapped apart from its dump. The manifest names
the backend, the time, the Alembic revision, the dump's SHA-256 and every table's row count and
row checksum; restore checks the dump against it before touching the target, and the restored
tables against it afterwards.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

FORMAT = "tafel-backup"
VERSION = 1
MANIFEST = "manifest.json"
DUMPS = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
CHUNK = 1024 * 1024


class BackupFailed(Exception):
    """A backup or restore that could not be done; the message says why, for an operator."""


@dataclass(frozen=True, slots=True)
class TableChecksum:
    rows: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Manifest:
    backend: str
    created_at: datetime
    alembic_revision: str | None
    dump_sha256: str
    tables: dict[str, TableChecksum]

    @property
    def rows(self) -> int:
        return sum(table.rows for table in self.tables.values())

    def to_json(self) -> dict[str, object]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "backend": self.backend,
            "createdAt": self.created_at.isoformat(),
            "alembicRevision": self.alembic_revision,
            "dump": {"name": DUMPS[self.backend], "sha256": self.dump_sha256},
            "tables": {
                name: {"rows": table.rows, "sha256": table.sha256}
                for name, table in sorted(self.tables.items())
            },
        }

    @classmethod
    def from_json(cls, data: object) -> Manifest:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise BackupFailed("not a Tafel backup: the manifest has another format")
        if data.get("version") != VERSION:
            raise BackupFailed(f"backup format version {data.get('version')} is not supported")
        try:
            backend = str(data["backend"])
            revision = data["alembicRevision"]
            return cls(
                backend=backend,
                created_at=datetime.fromisoformat(str(data["createdAt"])),
                alembic_revision=None if revision is None else str(revision),
                dump_sha256=str(data["dump"]["sha256"]),
                tables={
                    str(name): TableChecksum(int(table["rows"]), str(table["sha256"]))
                    for name, table in data["tables"].items()
                },
            )
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise BackupFailed(f"the backup's manifest is damaged ({error!r})") from error


def write_archive(path: Path, manifest: Manifest, dump: Path) -> None:
    """Write atomically (a temporary file renamed over `path`), readable by its owner only: the
    archive holds case content under professional secrecy."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "wb") as file, tarfile.open(fileobj=file, mode="w") as tar:
            text = json.dumps(manifest.to_json(), indent=2).encode()
            _add(tar, MANIFEST, io.BytesIO(text), len(text), manifest.created_at)
            with dump.open("rb") as source:
                _add(tar, DUMPS[manifest.backend], source, dump.stat().st_size, manifest.created_at)
        Path(partial).replace(path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def _add(tar: tarfile.TarFile, name: str, data: IO[bytes], size: int, at: datetime) -> None:
    member = tarfile.TarInfo(name)
    member.size = size
    member.mode = 0o600
    member.mtime = int(at.timestamp())
    tar.addfile(member, data)


def read_archive(path: Path, directory: Path) -> tuple[Manifest, Path]:
    """The manifest and the dump, extracted into `directory` and checked against the manifest's
    SHA-256. Members are read by their known names only, never extracted by the names they
    carry, so a crafted archive cannot write outside `directory`."""
    if not path.is_file():
        raise BackupFailed(f"no backup file at {path}")
    try:
        archive = tarfile.open(path, mode="r:*")  # noqa: SIM115 - closed by the `with` below
    except (tarfile.TarError, OSError) as error:
        raise BackupFailed(f"{path} is not a Tafel backup (not a tar archive)") from error
    try:
        with archive as tar:
            manifest = Manifest.from_json(json.loads(_member(tar, MANIFEST).read()))
            if manifest.backend not in DUMPS:
                raise BackupFailed(f"unknown backend {manifest.backend!r} in the manifest")
            dump = directory / DUMPS[manifest.backend]
            digest = hashlib.sha256()
            with _member(tar, DUMPS[manifest.backend]) as source, dump.open("wb") as target:
                while chunk := source.read(CHUNK):
                    digest.update(chunk)
                    target.write(chunk)
    except json.JSONDecodeError as error:
        raise BackupFailed(f"the manifest of {path} is not JSON ({error})") from error
    except (tarfile.TarError, EOFError, OSError, UnicodeDecodeError) as error:
        raise BackupFailed(f"{path} is damaged or truncated ({error})") from error
    if digest.hexdigest() != manifest.dump_sha256:
        raise BackupFailed(f"{path} is corrupt: its dump does not match the manifest's SHA-256")
    return manifest, dump


def _member(tar: tarfile.TarFile, name: str) -> IO[bytes]:
    try:
        member = tar.getmember(name)
    except KeyError:
        raise BackupFailed(f"not a Tafel backup: {name} is missing") from None
    source = tar.extractfile(member) if member.isfile() else None
    if source is None:
        raise BackupFailed(f"not a Tafel backup: {name} is not a file")
    return source


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
