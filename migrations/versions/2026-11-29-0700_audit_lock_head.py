"""The audit chain's lock and head in one call (PostgreSQL): every audited request locked the
chain, then read its head, in two round trips.

The two cannot be one plain statement: a statement's snapshot is taken before the lock is
granted, so a head appended by the transaction that held the lock would be missed (a second
event with the same number). A VOLATILE function takes a new snapshot for each query it runs, so
the head is read after the lock is held and sees every append committed meanwhile. The lock key
is the one the application used (`audit:` and the chain, hashed by `hashtextextended`), so a
server still on the previous release and this one exclude each other during an upgrade.
SQLite has nothing to add: its write transactions already hold the database lock.

Revision ID: 0012_audit_lock_head
Revises: 0011_acknowledgements_by_user
Created: 2026-11-29 07:00 UTC
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0012_audit_lock_head"
down_revision: str | None = "0011_acknowledgements_by_user"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# OR REPLACE: a restore of an older backup over a newer database drops the tables, not this
# function, then upgrades.
POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION tafel_audit_lock_head(chain_name varchar)
RETURNS TABLE (seq bigint, hash varchar) LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || chain_name, 0));
    RETURN QUERY
        SELECT e.seq, e.hash FROM audit_event AS e
        WHERE e.chain = chain_name ORDER BY e.seq DESC LIMIT 1;
END
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_FUNCTION)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS tafel_audit_lock_head(varchar)")
