"""The audit chain's append in one call (PostgreSQL): lock, head, hashes and inserts.

Every audited request took two round trips to append: the chain's lock and head
(`tafel_audit_lock_head`, migration 0012), then the insert of an event hashed in Python. This
function does both in one statement, for one event or several of one chain (a case read and the
information cards it shows), and hashes in SQL the bytes `domain.audit.model.canonical` hashes in
Python: a JSON array of the fields in a fixed order, separators without spaces, strings escaped by
`to_json` exactly as `json.dumps(..., ensure_ascii=False)` escapes them (`\\"`, `\\\\`, `\\b`,
`\\f`, `\\n`, `\\r`, `\\t`, other control characters as `\\u00xx` in lower case, everything else
verbatim). The domain's verifier re-hashes every appended event; the tests append identifiers
with quotes, backslashes, control and astral characters and check it agrees.

One statement is its own transaction in autocommit: an audited read no longer needs BEGIN and
COMMIT around its append, and the lock is held for the statement only. Inside a transaction the
lock is held to its end, as before. The lock key is unchanged, and `tafel_audit_lock_head` stays
for a server of the previous release running during an upgrade. SQLite has nothing to add: its
write transactions hold the database lock and the application hashes.

Revision ID: 0013_audit_append
Revises: 0012_audit_lock_head
Created: 2026-11-29 08:30 UTC
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0013_audit_append"
down_revision: str | None = "0012_audit_lock_head"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# `use_column`: the output columns (seq, prev_hash, hash) are also the table's column names.
POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION tafel_audit_append(
    chain_name text, occurred text, actor_types text[], actor_ids text[], actions text[],
    object_types text[], object_ids text[], outcomes text[]
) RETURNS TABLE (seq bigint, prev_hash text, hash text) LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
    head_seq bigint;
    head_hash text;
    digest text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || chain_name, 0));
    SELECT e.seq, e.hash INTO head_seq, head_hash FROM audit_event AS e
    WHERE e.chain = chain_name ORDER BY e.seq DESC LIMIT 1;
    IF NOT FOUND THEN
        head_seq := 0;
        head_hash := repeat('0', 64);
    END IF;
    FOR i IN 1 .. coalesce(cardinality(actions), 0) LOOP
        head_seq := head_seq + 1;
        digest := encode(sha256(convert_to(
            '[' || to_json(chain_name)::text || ',' || head_seq::text
            || ',' || to_json(occurred)::text || ',' || to_json(actor_types[i])::text
            || ',' || to_json(actor_ids[i])::text || ',' || to_json(actions[i])::text
            || ',' || to_json(object_types[i])::text || ',' || to_json(object_ids[i])::text
            || ',' || to_json(outcomes[i])::text || ',' || to_json(head_hash)::text || ']',
            'UTF8')), 'hex');
        INSERT INTO audit_event (chain, seq, occurred_at, actor_type, actor_id, action,
                                 object_type, object_id, outcome, prev_hash, hash)
        VALUES (chain_name, head_seq, occurred, actor_types[i], actor_ids[i], actions[i],
                object_types[i], object_ids[i], outcomes[i], head_hash, digest);
        seq := head_seq;
        prev_hash := head_hash;
        hash := digest;
        RETURN NEXT;
        head_hash := digest;
    END LOOP;
END
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_FUNCTION)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "DROP FUNCTION IF EXISTS tafel_audit_append(text, text, text[], text[], text[], "
            "text[], text[], text[])"
        )
