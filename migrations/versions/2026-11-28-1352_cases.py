"""Cases under privacy by design (R-PRIV-1): structured content, lifecycle transitions (R-CASE-5),
partners (R-PRIV-5), signals (R-CASE-9), follow-up plans and actions from trajectory templates
(R-CASE-8), OCAD information cards (R-INFO-1). No column holds who the person is.

Revision ID: 0005_cases
Revises: 0004_invitations
Created: 2026-11-28 13:52 UTC
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_cases"
down_revision: str | None = "0004_invitations"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "trajectory_template",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("cell_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("steps", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["cell_id"],
            ["cell.id"],
            name=op.f("fk_trajectory_template_cell_id_cell"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trajectory_template")),
    )
    with op.batch_alter_table("trajectory_template", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_trajectory_template_cell_id"), ["cell_id"], unique=False
        )

    op.create_table(
        "case_file",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("cell_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("municipality", sa.String(length=5), nullable=False),
        sa.Column("age_band", sa.String(length=16), nullable=False),
        sa.Column("phenomenon", sa.String(length=16), nullable=True),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("submitted_by", sa.Uuid(), nullable=False),
        sa.Column("reference_holder", sa.Uuid(), nullable=False),
        sa.Column("prior_handling", sa.Text(), nullable=True),
        sa.Column("professional_assessment", sa.Text(), nullable=True),
        sa.Column("requested_follow_up", sa.Text(), nullable=True),
        sa.Column("problematic", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("purged_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["cell_id"], ["cell.id"], name=op.f("fk_case_file_cell_id_cell"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["reference_holder"],
            ["organisation.id"],
            name=op.f("fk_case_file_reference_holder_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_file")),
        sa.UniqueConstraint("cell_id", "code", name=op.f("uq_case_file_cell_id_code")),
    )
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_file_cell_id"), ["cell_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_file_status"), ["status"], unique=False)

    op.create_table(
        "case_participant",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_case_participant_case_id_case_file"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_case_participant_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("case_id", "organisation_id", name=op.f("pk_case_participant")),
    )
    op.create_table(
        "case_problem",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("problem", sa.String(length=24), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_case_problem_case_id_case_file"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("case_id", "problem", name=op.f("pk_case_problem")),
    )
    op.create_table(
        "case_signal",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("observed_on", sa.Date(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.Uuid(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_case_signal_case_id_case_file"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_case_signal_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_signal")),
    )
    with op.batch_alter_table("case_signal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_signal_case_id"), ["case_id"], unique=False)

    op.create_table(
        "case_transition",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("from_status", sa.String(length=16), nullable=False),
        sa.Column("to_status", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), nullable=True),
        sa.Column("decision", sa.String(length=16), nullable=True),
        sa.Column("threat_not_particularly_high", sa.Boolean(), nullable=True),
        sa.Column("willing_to_cooperate", sa.Boolean(), nullable=True),
        sa.Column("no_heavy_milieu_contacts", sa.Boolean(), nullable=True),
        sa.Column("closure_reason", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_case_transition_case_id_case_file"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("case_id", "seq", name=op.f("pk_case_transition")),
    )
    op.create_table(
        "follow_up_plan",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Uuid(), nullable=True),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_follow_up_plan_case_id_case_file"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_follow_up_plan")),
    )
    op.create_table(
        "information_card",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("non_classified_attested", sa.Boolean(), nullable=False),
        sa.Column("added_by", sa.Uuid(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_information_card_case_id_case_file"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_information_card")),
    )
    with op.batch_alter_table("information_card", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_information_card_case_id"), ["case_id"], unique=False)

    op.create_table(
        "plan_action",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("cell_id", sa.Uuid(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_plan_action_case_id_case_file"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["cell_id"], ["cell.id"], name=op.f("fk_plan_action_cell_id_cell"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_plan_action_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_action")),
    )
    with op.batch_alter_table("plan_action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_action_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_action_cell_id"), ["cell_id"], unique=False)

    op.create_table(
        "action_note",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("action_id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.Uuid(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["plan_action.id"],
            name=op.f("fk_action_note_action_id_plan_action"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_note")),
    )
    with op.batch_alter_table("action_note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_action_note_action_id"), ["action_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("action_note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_note_action_id"))

    op.drop_table("action_note")
    with op.batch_alter_table("plan_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_action_cell_id"))
        batch_op.drop_index(batch_op.f("ix_plan_action_case_id"))

    op.drop_table("plan_action")
    with op.batch_alter_table("information_card", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_information_card_case_id"))

    op.drop_table("information_card")
    op.drop_table("follow_up_plan")
    op.drop_table("case_transition")
    with op.batch_alter_table("case_signal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_signal_case_id"))

    op.drop_table("case_signal")
    op.drop_table("case_problem")
    op.drop_table("case_participant")
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_file_status"))
        batch_op.drop_index(batch_op.f("ix_case_file_cell_id"))

    op.drop_table("case_file")
    with op.batch_alter_table("trajectory_template", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trajectory_template_cell_id"))

    op.drop_table("trajectory_template")
