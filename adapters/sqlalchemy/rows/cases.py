"""Cases: structured content only, no column for who the person is (R-PRIV-1)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from adapters.sqlalchemy.base import Base
from adapters.sqlalchemy.types import UtcDateTime


class CaseRow(Base):
    __tablename__ = "case_file"
    __table_args__ = (UniqueConstraint("cell_id", "code"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    cell_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("cell.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(16))
    municipality: Mapped[str] = mapped_column(String(5))
    age_band: Mapped[str] = mapped_column(String(16))
    phenomenon: Mapped[str | None] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(8))
    submitted_by: Mapped[uuid.UUID] = mapped_column(Uuid)
    reference_holder: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"))
    prior_handling: Mapped[str | None] = mapped_column(Text)
    professional_assessment: Mapped[str | None] = mapped_column(Text)
    requested_follow_up: Mapped[str | None] = mapped_column(Text)
    problematic: Mapped[bool] = mapped_column(Boolean, default=False)
    problematic_since: Mapped[datetime | None] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(16), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    purged_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class CaseProblemRow(Base):
    __tablename__ = "case_problem"

    case_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("case_file.id", ondelete="CASCADE"), primary_key=True
    )
    problem: Mapped[str] = mapped_column(String(24), primary_key=True)


class CaseTransitionRow(Base):
    __tablename__ = "case_transition"

    case_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("case_file.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    from_status: Mapped[str] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    by: Mapped[uuid.UUID] = mapped_column(Uuid)
    meeting_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    decision: Mapped[str | None] = mapped_column(String(16))
    threat_not_particularly_high: Mapped[bool | None] = mapped_column(Boolean)
    willing_to_cooperate: Mapped[bool | None] = mapped_column(Boolean)
    no_heavy_milieu_contacts: Mapped[bool | None] = mapped_column(Boolean)
    closure_reason: Mapped[str | None] = mapped_column(String(16))


class CaseParticipantRow(Base):
    __tablename__ = "case_participant"

    case_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("case_file.id", ondelete="CASCADE"), primary_key=True
    )
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisation.id"), primary_key=True
    )


class SignalRow(Base):
    __tablename__ = "case_signal"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    case_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("case_file.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"))
    observed_on: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[uuid.UUID] = mapped_column(Uuid)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)


class PlanRow(Base):
    __tablename__ = "follow_up_plan"

    case_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("case_file.id", ondelete="CASCADE"), primary_key=True
    )
    version: Mapped[int] = mapped_column(Integer)
    template_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    started_on: Mapped[date] = mapped_column(Date)


class PlanActionRow(Base):
    __tablename__ = "plan_action"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    case_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("case_file.id", ondelete="CASCADE"), index=True
    )
    cell_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("cell.id", ondelete="CASCADE"), index=True
    )
    description: Mapped[str] = mapped_column(Text)
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"))
    due_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ActionNoteRow(Base):
    __tablename__ = "action_note"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    action_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("plan_action.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    by: Mapped[uuid.UUID] = mapped_column(Uuid)
    text: Mapped[str] = mapped_column(Text)


class TemplateRow(Base):
    __tablename__ = "trajectory_template"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    cell_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("cell.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    steps: Mapped[str] = mapped_column(Text)  # JSON: [[description, dayOffset], ...]
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class InformationCardRow(Base):
    __tablename__ = "information_card"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    case_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("case_file.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    non_classified_attested: Mapped[bool] = mapped_column(Boolean)
    added_by: Mapped[uuid.UUID] = mapped_column(Uuid)
    added_at: Mapped[datetime] = mapped_column(UtcDateTime)
