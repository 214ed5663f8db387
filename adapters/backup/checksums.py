"""Row checksums per table: SHA-256 over each row's values, rows ordered by primary key.

They prove that a restore gave back exactly what was backed up. Values are read as the driver
returns them (no type processing, which could fail on or hide odd stored values) and encoded
canonically, so the same data hashes the same on any server of the same backend: text keys sort
byte-wise (`COLLATE "C"` on PostgreSQL, SQLite's default), and times are taken to UTC whatever the
session's time zone.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime, time

from sqlalchemy import Connection, String, inspect
from sqlalchemy.engine.interfaces import ReflectedColumn

from adapters.backup.archive import TableChecksum

BATCH = 1000


def table_checksums(connection: Connection) -> dict[str, TableChecksum]:
    """Every table of the database, `alembic_version` included."""
    inspector = inspect(connection)
    # One catalogue query for all tables, instead of two per table.
    columns = {name: found for (_, name), found in inspector.get_multi_columns().items()}
    keys = {
        name: found.get("constrained_columns") or []
        for (_, name), found in inspector.get_multi_pk_constraint().items()
    }
    return {
        name: _checksum(connection, name, columns[name], keys.get(name, []))
        for name in sorted(columns)
    }


def row_counts(connection: Connection) -> dict[str, int]:
    quote = connection.dialect.identifier_preparer.quote
    counts = {}
    for name in sorted(inspect(connection).get_table_names()):
        statement = f"SELECT COUNT(*) FROM {quote(name)}"  # noqa: S608 - reflected names, quoted
        counts[name] = int(connection.exec_driver_sql(statement).scalar_one())
    return counts


def _checksum(
    connection: Connection, table: str, columns: list[ReflectedColumn], keys: list[str]
) -> TableChecksum:
    quote = connection.dialect.identifier_preparer.quote
    text_columns = {column["name"] for column in columns if isinstance(column["type"], String)}
    byte_wise = ' COLLATE "C"' if connection.dialect.name == "postgresql" else ""
    order = ", ".join(
        quote(key) + (byte_wise if key in text_columns else "")
        for key in keys or [column["name"] for column in columns]
    )
    selected = ", ".join(quote(column["name"]) for column in columns)
    result = connection.exec_driver_sql(
        f"SELECT {selected} FROM {quote(table)} ORDER BY {order}"  # noqa: S608 - reflected names, quoted
    )
    digest = hashlib.sha256()
    rows = 0
    while batch := result.fetchmany(BATCH):
        for row in batch:
            digest.update(_encode(tuple(row)))
            rows += 1
    return TableChecksum(rows, digest.hexdigest())


def _encode(row: tuple[object, ...]) -> bytes:
    return json.dumps([_canonical(value) for value in row], separators=(",", ":")).encode() + b"\n"


def _canonical(value: object) -> object:
    """A JSON value that tells types apart (the text "1" is not the number 1)."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, bytes | bytearray | memoryview):
        return {"bytes": bytes(value).hex()}
    if isinstance(value, datetime) and value.tzinfo is not None:
        value = value.astimezone(UTC)
    return {type(value).__name__: _text(value)}


def _text(value: object) -> str:
    if isinstance(value, float):
        return value.hex()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, separators=(",", ":"))
    return str(value)  # UUID, Decimal, timedelta and anything else with a faithful text form
