"""The audit trail table: append-only (triggers), one chain per cell, never forked."""

from __future__ import annotations

from sqlalchemy import BigInteger, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from adapters.sqlalchemy.base import Base


class AuditEventRow(Base):
    __tablename__ = "audit_event"
    __table_args__ = (
        # Two writers that read the same head would insert the same prev_hash: refused, no fork.
        UniqueConstraint("chain", "prev_hash"),
        Index("ix_audit_event_chain_occurred_at", "chain", "occurred_at"),
        Index("ix_audit_event_chain_actor_id", "chain", "actor_id"),
        Index("ix_audit_event_chain_object", "chain", "object_type", "object_id"),
    )

    chain: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    occurred_at: Mapped[str] = mapped_column(String(32))
    actor_type: Mapped[str] = mapped_column(String(16))
    actor_id: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    object_type: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(16))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
