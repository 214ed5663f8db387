"""Feedback forms: versions by content hash, verdicts per meeting, the transmission."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from adapters.sqlalchemy.base import Base
from adapters.sqlalchemy.types import UtcDateTime


class FeedbackFormRow(Base):
    __tablename__ = "feedback_form"
    # One form per case and evaluation round (R-FB-1).
    __table_args__ = (UniqueConstraint("case_id", "round"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    case_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("case_file.id", ondelete="CASCADE"), index=True
    )
    cell_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("cell.id", ondelete="CASCADE"), index=True
    )
    round: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    consensus_hash: Mapped[str | None] = mapped_column(String(64))
    consensus_meeting_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    consensus_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    transmitted_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    transmitted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    transmitted_hash: Mapped[str | None] = mapped_column(String(64))
    transmitted_meeting_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    transmitted_present: Mapped[str | None] = mapped_column(Text)  # JSON list of user ids


class FeedbackVersionRow(Base):
    __tablename__ = "feedback_version"

    form_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("feedback_form.id", ondelete="CASCADE"), primary_key=True
    )
    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    hash: Mapped[str] = mapped_column(String(64))
    content: Mapped[str] = mapped_column(Text)  # canonical JSON of the content
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[uuid.UUID] = mapped_column(Uuid)


class FeedbackVerdictRow(Base):
    """A member's last verdict on the current version, in one meeting (R-FB-2)."""

    __tablename__ = "feedback_verdict"

    form_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("feedback_form.id", ondelete="CASCADE"), primary_key=True
    )
    meeting_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"), primary_key=True)
    version_hash: Mapped[str] = mapped_column(String(64))
    verdict: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class IdempotencyRow(Base):
    """`Idempotency-Key` records: (user, key) → the request's fingerprint and its result."""

    __tablename__ = "idempotency_record"

    scope: Mapped[str] = mapped_column(String(200), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    result: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
