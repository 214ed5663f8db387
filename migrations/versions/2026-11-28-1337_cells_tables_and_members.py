"""Cells: municipalities (R-SCOPE-1), legal basis (R-PRIV-3), retention (R-PRIV-6), versioned
confidentiality terms and their acknowledgements (R-PRIV-4), organisations, the operational and
strategic tables (R-TAB-1, unique per kind) and their members.

Revision ID: 0003_cells
Revises: 0002_identity_audit
Created: 2026-11-28 13:37 UTC
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_cells"
down_revision: str | None = "0002_identity_audit"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "cell_municipality",
        sa.Column("cell_id", sa.Uuid(), nullable=False),
        sa.Column("nis_code", sa.String(length=5), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cell_id"],
            ["cell.id"],
            name=op.f("fk_cell_municipality_cell_id_cell"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("cell_id", "nis_code", name=op.f("pk_cell_municipality")),
    )
    op.create_table(
        "cell_table",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("cell_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("prosecutor_decision_reference", sa.String(length=200), nullable=True),
        sa.Column("prosecutor_decision_date", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["cell_id"], ["cell.id"], name=op.f("fk_cell_table_cell_id_cell"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cell_table")),
        sa.UniqueConstraint("cell_id", "kind", name=op.f("uq_cell_table_cell_id_kind")),
    )
    op.create_table(
        "confidentiality_terms",
        sa.Column("cell_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["cell_id"],
            ["cell.id"],
            name=op.f("fk_confidentiality_terms_cell_id_cell"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("cell_id", "version", name=op.f("pk_confidentiality_terms")),
    )
    op.create_table(
        "organisation",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("cell_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("participation", sa.String(length=20), nullable=False),
        sa.Column("school_contact", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["cell_id"], ["cell.id"], name=op.f("fk_organisation_cell_id_cell"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation")),
    )
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organisation_cell_id"), ["cell_id"], unique=False)

    op.create_table(
        "terms_acknowledgement",
        sa.Column("cell_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["cell_id"],
            ["cell.id"],
            name=op.f("fk_terms_acknowledgement_cell_id_cell"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_terms_acknowledgement_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "cell_id", "user_id", "version", name=op.f("pk_terms_acknowledgement")
        ),
    )
    op.create_table(
        "member",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("cell_id", sa.Uuid(), nullable=False),
        sa.Column("table_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("function", sa.String(length=40), nullable=False),
        sa.Column("is_chair", sa.Boolean(), nullable=False),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("left_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("clearance_expires_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["cell_id"], ["cell.id"], name=op.f("fk_member_cell_id_cell"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_member_organisation_id_organisation"),
        ),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["cell_table.id"],
            name=op.f("fk_member_table_id_cell_table"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_member_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member")),
    )
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_member_cell_id"), ["cell_id"], unique=False)
        batch_op.create_index("ix_member_user_id_left_at", ["user_id", "left_at"], unique=False)

    with op.batch_alter_table("cell", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("working_language", sa.String(length=2), nullable=False, server_default="nl")
        )
        batch_op.add_column(
            sa.Column("retention_days", sa.Integer(), nullable=False, server_default="730")
        )
        batch_op.add_column(sa.Column("legal_basis_kind", sa.String(length=32), nullable=True))
        batch_op.add_column(
            sa.Column("legal_basis_reference", sa.String(length=300), nullable=True)
        )
        batch_op.add_column(sa.Column("legal_basis_date", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cell", schema=None) as batch_op:
        batch_op.drop_column("legal_basis_date")
        batch_op.drop_column("legal_basis_reference")
        batch_op.drop_column("legal_basis_kind")
        batch_op.drop_column("retention_days")
        batch_op.drop_column("working_language")

    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_index("ix_member_user_id_left_at")
        batch_op.drop_index(batch_op.f("ix_member_cell_id"))

    op.drop_table("member")
    op.drop_table("terms_acknowledgement")
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisation_cell_id"))

    op.drop_table("organisation")
    op.drop_table("confidentiality_terms")
    op.drop_table("cell_table")
    op.drop_table("cell_municipality")
