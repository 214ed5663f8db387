"""A cell's revision covers the whole cell: its own row and its confidentiality terms, not only
its composition (migration 0010).

Every request of a member reads the revisions of the member's cells with its standing (the
caller's statement). A process that holds a cell at that revision builds it without reading it
again, which spares a statement on nearly every request; that is only right if any change to
what it holds renews the revision. So the database now also renews it when the cell's row
changes (name, status, working language, retention, legal basis) and when terms are published,
changed or removed.

Revision ID: 0014_cell_revision_covers_cell
Revises: 0013_audit_append
Created: 2026-11-29 09:30 UTC
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0014_cell_revision_covers_cell"
down_revision: str | None = "0013_audit_append"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

POSTGRES_RANDOM = "md5(random()::text || clock_timestamp()::text)"
SQLITE_RANDOM = "lower(hex(randomblob(16)))"

# An update that sets the revision itself (the composition's triggers) keeps what it sets; any
# other update of the row gets a new one. OR REPLACE: see migration 0010.
POSTGRES_FUNCTION = f"""
CREATE OR REPLACE FUNCTION tafel_cell_renewed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.revision := {POSTGRES_RANDOM};
    RETURN NEW;
END
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER cell_renews_revision AFTER UPDATE ON cell FOR EACH ROW "  # noqa: S608
            "WHEN NEW.revision = OLD.revision "
            f"BEGIN UPDATE cell SET revision = {SQLITE_RANDOM} WHERE id = NEW.id; END"
        )
        for event, rows in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",))):
            renew = " ".join(
                f"UPDATE cell SET revision = {SQLITE_RANDOM} WHERE id = {row}.cell_id;"  # noqa: S608
                for row in rows
            )
            op.execute(
                f"CREATE TRIGGER confidentiality_terms_revises_cell_{event.lower()} "
                f"AFTER {event} ON confidentiality_terms FOR EACH ROW BEGIN {renew} END"
            )
        return
    op.execute(POSTGRES_FUNCTION)
    op.execute(
        "CREATE TRIGGER cell_renews_revision BEFORE UPDATE ON cell FOR EACH ROW "
        "WHEN (OLD.revision IS NOT DISTINCT FROM NEW.revision) "
        "EXECUTE FUNCTION tafel_cell_renewed()"
    )
    # Migration 0010's function renews the revision of the row's cell.
    op.execute(
        "CREATE TRIGGER confidentiality_terms_revises_cell AFTER INSERT OR UPDATE OR DELETE "
        "ON confidentiality_terms FOR EACH ROW EXECUTE FUNCTION tafel_cell_revised()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER cell_renews_revision")
        for event in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER confidentiality_terms_revises_cell_{event}")
        return
    op.execute("DROP TRIGGER confidentiality_terms_revises_cell ON confidentiality_terms")
    op.execute("DROP TRIGGER cell_renews_revision ON cell")
    op.execute("DROP FUNCTION tafel_cell_renewed()")
