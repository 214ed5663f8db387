"""Acknowledged terms looked up by user: every request reads the caller's acknowledged terms
versions with the grants and table roles (R-PRIV-4), and the primary key leads with the cell.

Revision ID: 0011_acknowledgements_by_user
Revises: 0010_cell_revision
Created: 2026-11-29 04:30 UTC
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0011_acknowledgements_by_user"
down_revision: str | None = "0010_cell_revision"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_terms_acknowledgement_user_id", "terms_acknowledgement", ["user_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_terms_acknowledgement_user_id", table_name="terms_acknowledgement")
