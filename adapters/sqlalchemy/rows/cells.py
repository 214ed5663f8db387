"""Cell set-up: municipalities, terms, organisations, tables, members, acknowledgements."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from adapters.sqlalchemy.base import Base
from adapters.sqlalchemy.types import UtcDateTime


class CellMunicipalityRow(Base):
    __tablename__ = "cell_municipality"

    cell_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("cell.id", ondelete="CASCADE"), primary_key=True
    )
    nis_code: Mapped[str] = mapped_column(String(5), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer)


class ConfidentialityTermsRow(Base):
    __tablename__ = "confidentiality_terms"

    cell_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("cell.id", ondelete="CASCADE"), primary_key=True
    )
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime] = mapped_column(UtcDateTime)


class TermsAcknowledgementRow(Base):
    __tablename__ = "terms_acknowledgement"

    cell_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("cell.id", ondelete="CASCADE"), primary_key=True
    )
    # Indexed on its own too: every request reads the caller's acknowledgements (R-PRIV-4).
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    acknowledged_at: Mapped[datetime] = mapped_column(UtcDateTime)


class OrganisationRow(Base):
    __tablename__ = "organisation"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    cell_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("cell.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(40))
    participation: Mapped[str] = mapped_column(String(20))
    school_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class CellTableRow(Base):
    __tablename__ = "cell_table"
    # R-TAB-1 also in the schema: one table of each kind per cell.
    __table_args__ = (UniqueConstraint("cell_id", "kind"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    cell_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cell.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    prosecutor_decision_reference: Mapped[str | None] = mapped_column(String(200))
    prosecutor_decision_date: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class MemberRow(Base):
    __tablename__ = "member"
    __table_args__ = (Index("ix_member_user_id_left_at", "user_id", "left_at"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    cell_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("cell.id", ondelete="CASCADE"), index=True
    )
    table_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cell_table.id", ondelete="CASCADE"))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"))
    function: Mapped[str] = mapped_column(String(40))
    is_chair: Mapped[bool] = mapped_column(Boolean, default=False)
    joined_at: Mapped[datetime] = mapped_column(UtcDateTime)
    left_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    clearance_expires_on: Mapped[date | None] = mapped_column(Date)


class InvitationRow(Base):
    __tablename__ = "invitation"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    cell_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("cell.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_by: Mapped[uuid.UUID] = mapped_column(Uuid)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    accepted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
