"""Baseline: an empty schema that every later revision builds on.

Revision ID: 0001_baseline
Revises:
Created: 2026-11-28 13:00 UTC
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0001_baseline"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Nothing yet: the bounded contexts add their tables in their own revisions."""


def downgrade() -> None:
    """Nothing to undo."""
