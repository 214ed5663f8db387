"""What the audit trail needs from persistence."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from domain.audit.model import AuditEvent, AuditRecord
from domain.audit.verification import ChainReport


@dataclass(frozen=True, slots=True)
class AuditQuery:
    """Filters of the auditor's event browser; all optional, combined with AND."""

    chains: Sequence[str]
    actor_id: str | None = None
    action: str | None = None
    object_type: str | None = None
    object_id: str | None = None
    since: str | None = None
    until: str | None = None
    offset: int = 0
    limit: int = 50


class AuditTrail(Protocol):
    """Appends events to a chain in the caller's transaction and reads chains back."""

    async def record(self, record: AuditRecord) -> AuditEvent:
        """Append one event at the head of its chain. Writers of one chain are serialised, so
        concurrent transactions never fork it; a rollback removes the event with the change."""
        ...

    async def record_all(self, records: Sequence[AuditRecord]) -> list[AuditEvent]:
        """Append several events of one chain together, in order: one write for a read and
        what it showed (a case and its information cards), atomic even where each statement
        commits on its own (an audited reader, see `UnitOfWork`)."""
        ...

    def events(self, chain: str) -> AsyncIterator[AuditEvent]:
        """Every event of a chain in sequence order (streamed, for verification)."""
        ...

    async def confirm_intact(self, chains: Sequence[str]) -> dict[str, ChainReport]:
        """The store's own re-hash of whole chains where it can hash in place (PostgreSQL): the
        reports of the chains it finds intact. A chain it leaves out — no such support, a link
        that does not hold, a field it cannot rebuild byte for byte — the domain walks itself and
        names the first broken sequence number (R-AUD-1); the store never reports a break."""
        ...

    async def chains(self) -> list[str]:
        """The names of every chain that has events."""
        ...

    async def hash_at(self, chain: str, seq: int) -> str | None:
        """The stored hash of one event, for anchor checks."""
        ...

    async def search(self, query: AuditQuery) -> tuple[list[AuditEvent], int]:
        """A page of events matching the query, newest first, and the total count."""
        ...
