"""Re-hashing a chain to find the first broken link (R-AUD-1), and checking external anchors."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from domain.audit.model import GENESIS_HASH, AuditEvent, chain_hash


@dataclass(frozen=True, slots=True)
class ChainReport:
    """The verdict on one chain. `first_broken_seq` is the lowest sequence number whose event is
    missing, altered or out of place; None when the chain is intact."""

    chain: str
    length: int
    head_hash: str
    first_broken_seq: int | None = None
    reason: str | None = None

    @property
    def intact(self) -> bool:
        return self.first_broken_seq is None


def verify_chain(chain: str, events: Iterable[AuditEvent]) -> ChainReport:
    """Walk the events in stored order; they must be 1, 2, 3… and each must hash to itself."""
    expected_seq = 1
    prev_hash = GENESIS_HASH
    for event in events:
        if event.seq != expected_seq:
            reason = "missing" if event.seq > expected_seq else "outOfOrder"
            return ChainReport(chain, expected_seq - 1, prev_hash, expected_seq, reason)
        if event.prev_hash != prev_hash:
            return ChainReport(chain, expected_seq - 1, prev_hash, event.seq, "brokenLink")
        recomputed = chain_hash(
            chain=event.chain,
            seq=event.seq,
            occurred_at=event.occurred_at,
            actor=event.actor,
            action=event.action,
            object_type=event.object_type,
            object_id=event.object_id,
            outcome=event.outcome,
            prev_hash=event.prev_hash,
        )
        if recomputed != event.hash or event.chain != chain:
            return ChainReport(chain, expected_seq - 1, prev_hash, event.seq, "altered")
        prev_hash = event.hash
        expected_seq += 1
    return ChainReport(chain, expected_seq - 1, prev_hash)


@dataclass(frozen=True, slots=True)
class Anchor:
    """A chain head recorded outside the database: (chain, seq, hash)."""

    chain: str
    seq: int
    hash: str


def check_anchor(anchor: Anchor, report: ChainReport, hash_at_seq: str | None) -> str | None:
    """Why an anchor no longer matches the chain (truncated, or rewritten), or None."""
    if anchor.seq > report.length:
        return "truncated"
    if hash_at_seq != anchor.hash:
        return "rewritten"
    return None
