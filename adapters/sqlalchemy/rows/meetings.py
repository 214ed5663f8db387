"""Meetings, their invitations, agenda, attendance, minutes; meeting requests; calendar feeds."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from adapters.sqlalchemy.base import Base
from adapters.sqlalchemy.types import UtcDateTime


class MeetingRow(Base):
    __tablename__ = "meeting"
    __table_args__ = (Index("ix_meeting_cell_id_starts_at", "cell_id", "starts_at"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    cell_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cell.id", ondelete="CASCADE"))
    table_kind: Mapped[str] = mapped_column(String(16))
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime)
    place: Mapped[str] = mapped_column(String(200), default="")
    online_link: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[str] = mapped_column(String(16))
    created_by: Mapped[uuid.UUID] = mapped_column(Uuid)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    opened_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class MeetingInviteeRow(Base):
    __tablename__ = "meeting_invitee"

    meeting_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"), primary_key=True)


class AgendaItemRow(Base):
    __tablename__ = "agenda_item"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    meeting_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    purpose: Mapped[str] = mapped_column(String(16))
    case_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("case_file.id"), index=True)
    title: Mapped[str | None] = mapped_column(String(300))


class AgendaItemInviteeRow(Base):
    __tablename__ = "agenda_item_invitee"

    agenda_item_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"), primary_key=True)


class AttendanceRow(Base):
    __tablename__ = "attendance"

    meeting_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"), primary_key=True)
    present: Mapped[bool] = mapped_column(Boolean)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class MinutesEntryRow(Base):
    __tablename__ = "minutes_entry"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    meeting_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    agenda_item_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    case_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("case_file.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    decision: Mapped[str | None] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    owner_organisation_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    deadline: Mapped[date | None] = mapped_column(Date)
    recorded_by: Mapped[uuid.UUID] = mapped_column(Uuid)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)


class MeetingRequestRow(Base):
    __tablename__ = "meeting_request"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    cell_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("cell.id", ondelete="CASCADE"), index=True
    )
    origin: Mapped[str] = mapped_column(String(8))
    requested_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    reason: Mapped[str | None] = mapped_column(Text)
    case_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("case_file.id"))
    purpose: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    answered_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    answered_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    answer: Mapped[str | None] = mapped_column(Text)
    meeting_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)


class CalendarFeedRow(Base):
    """A member's personal calendar link; only the token's hash is stored."""

    __tablename__ = "calendar_feed"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ReminderRow(Base):
    """One row per reminder sent: the key makes `tafel jobs remind` idempotent across runs."""

    __tablename__ = "reminder_sent"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime)
