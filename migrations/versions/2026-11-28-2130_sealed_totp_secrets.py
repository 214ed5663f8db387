"""TOTP seeds sealed at rest (AES-GCM, `AesGcmSecretBox`): the column grows to hold the sealed
form. Seeds stored in clear stay readable and are sealed at the account's next save (a login);
the migration cannot seal them itself, as it does not hold `TAFEL_SECRET_KEY`.

Revision ID: 0009_sealed_totp
Revises: 0008_feedback
Created: 2026-11-28 21:30 UTC
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_sealed_totp"
down_revision: str | None = "0008_feedback"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return  # SQLite does not enforce a VARCHAR length; rebuilding the table is not worth it
    op.alter_column(
        "user_account",
        "totp_secret",
        existing_type=sa.String(length=64),
        type_=sa.String(length=200),
        existing_nullable=True,
    )


def downgrade() -> None:
    # A sealed seed does not fit the old column: it cannot be opened without the key, so the
    # accounts enrol their authenticator again after a downgrade.
    op.execute(
        "UPDATE user_account SET totp_secret = NULL, totp_confirmed = false "
        "WHERE length(totp_secret) > 64"
    )
    with op.batch_alter_table("user_account") as table:
        table.alter_column(
            "totp_secret",
            existing_type=sa.String(length=200),
            type_=sa.String(length=64),
            existing_nullable=True,
        )
