"""A cell's composition revision: a random token that the database itself renews whenever one of
the cell's municipalities, organisations, tables or members is inserted, changed or deleted.

Nearly every request reads its cell's composition (who sits at which table decides need to know,
R-PRIV-5). A server process keeps the composition it read last and reads it again only when the
token differs, so the token must change with every write, whichever code makes it: triggers, not
the application. A random token (not a counter) never repeats, not after a rolled-back change and
not after a restore from backup.

Revision ID: 0010_cell_revision
Revises: 0009_sealed_totp
Created: 2026-11-29 01:40 UTC
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_cell_revision"
down_revision: str | None = "0009_sealed_totp"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The tables that make up a cell's composition; each has a `cell_id`.
COMPOSITION = ("cell_municipality", "organisation", "cell_table", "member")
POSTGRES_RANDOM = "md5(random()::text || clock_timestamp()::text)"
SQLITE_RANDOM = "lower(hex(randomblob(16)))"

# Every statement below is built from the constants of this file only. OR REPLACE: a restore of
# an older backup over a newer database drops the tables, not this function, then upgrades.
POSTGRES_FUNCTION = f"""
CREATE OR REPLACE FUNCTION tafel_cell_revised() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE cell SET revision = {POSTGRES_RANDOM} WHERE id = OLD.cell_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE cell SET revision = {POSTGRES_RANDOM} WHERE id = NEW.cell_id;
    END IF;
    RETURN NULL;
END
$$
"""  # noqa: S608


def upgrade() -> None:
    op.add_column(
        "cell", sa.Column("revision", sa.String(length=32), nullable=False, server_default="")
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"UPDATE cell SET revision = {SQLITE_RANDOM}")  # noqa: S608
        for table in COMPOSITION:
            for event, rows in (
                ("INSERT", ("NEW",)),
                ("UPDATE", ("OLD", "NEW")),
                ("DELETE", ("OLD",)),
            ):
                renew = " ".join(
                    f"UPDATE cell SET revision = {SQLITE_RANDOM} WHERE id = {row}.cell_id;"  # noqa: S608
                    for row in rows
                )
                op.execute(
                    f"CREATE TRIGGER {table}_revises_cell_{event.lower()} "
                    f"AFTER {event} ON {table} FOR EACH ROW BEGIN {renew} END"
                )
        return
    op.execute(f"UPDATE cell SET revision = {POSTGRES_RANDOM}")  # noqa: S608
    op.execute(POSTGRES_FUNCTION)
    for table in COMPOSITION:
        op.execute(
            f"CREATE TRIGGER {table}_revises_cell AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION tafel_cell_revised()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in COMPOSITION:
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER {table}_revises_cell_{event}")
    else:
        for table in COMPOSITION:
            op.execute(f"DROP TRIGGER {table}_revises_cell ON {table}")
        op.execute("DROP FUNCTION tafel_cell_revised()")
    # Dropped in place (SQLite ≥ 3.35): rebuilding `cell` with foreign keys on would cascade
    # its deletion into every table of the cell.
    op.execute("ALTER TABLE cell DROP COLUMN revision")
