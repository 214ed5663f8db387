"""Feedback forms to the LTF (R-FB-1..3): versions identified by their content hash, verdicts
per meeting on the current version, the first consensus and the transmission; and the
Idempotency-Key records of approvals.

Revision ID: 0008_feedback
Revises: 0007_webhooks
Created: 2026-11-28 14:50 UTC
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_feedback"
down_revision: str | None = "0007_webhooks"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "idempotency_record",
        sa.Column("scope", sa.String(length=200), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("scope", name=op.f("pk_idempotency_record")),
    )
    op.create_table(
        "feedback_form",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("cell_id", sa.Uuid(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("consensus_hash", sa.String(length=64), nullable=True),
        sa.Column("consensus_meeting_id", sa.Uuid(), nullable=True),
        sa.Column("consensus_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("transmitted_by", sa.Uuid(), nullable=True),
        sa.Column("transmitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("transmitted_hash", sa.String(length=64), nullable=True),
        sa.Column("transmitted_meeting_id", sa.Uuid(), nullable=True),
        sa.Column("transmitted_present", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_feedback_form_case_id_case_file"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["cell_id"], ["cell.id"], name=op.f("fk_feedback_form_cell_id_cell"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_form")),
        sa.UniqueConstraint("case_id", "round", name=op.f("uq_feedback_form_case_id_round")),
    )
    with op.batch_alter_table("feedback_form", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feedback_form_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_feedback_form_cell_id"), ["cell_id"], unique=False)

    op.create_table(
        "feedback_verdict",
        sa.Column("form_id", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("version_hash", sa.String(length=64), nullable=False),
        sa.Column("verdict", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["form_id"],
            ["feedback_form.id"],
            name=op.f("fk_feedback_verdict_form_id_feedback_form"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_feedback_verdict_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["user_account.id"],
            name=op.f("fk_feedback_verdict_member_id_user_account"),
        ),
        sa.PrimaryKeyConstraint(
            "form_id", "meeting_id", "member_id", name=op.f("pk_feedback_verdict")
        ),
    )
    op.create_table(
        "feedback_version",
        sa.Column("form_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["form_id"],
            ["feedback_form.id"],
            name=op.f("fk_feedback_version_form_id_feedback_form"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("form_id", "number", name=op.f("pk_feedback_version")),
    )


def downgrade() -> None:
    op.drop_table("feedback_version")
    op.drop_table("feedback_verdict")
    with op.batch_alter_table("feedback_form", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feedback_form_cell_id"))
        batch_op.drop_index(batch_op.f("ix_feedback_form_case_id"))

    op.drop_table("feedback_form")
    op.drop_table("idempotency_record")
