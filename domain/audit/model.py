"""Audit events and their hash chain.

An event says who did what to which object and how it ended — never free text, never personal
data of the persons discussed: objects are named by type and pseudonymous id only. Events form one
SHA-256 chain per cell (and one for the platform): each event's hash covers the previous hash and
the event's canonical JSON, so any modification, deletion, insertion or reordering breaks the chain
at the first altered sequence number.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

GENESIS_HASH = "0" * 64
PLATFORM_CHAIN = "platform"


class ActorType(StrEnum):
    user = "user"
    client = "client"
    system = "system"
    anonymous = "anonymous"


class Outcome(StrEnum):
    success = "success"
    denied = "denied"
    failure = "failure"


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acted: a user, an integration client, a scheduled job, or nobody known yet. `type` is
    an ActorType when written; read back from storage it is kept verbatim, so a verifier can hash
    whatever is stored, tampered or not."""

    type: str
    id: str

    @classmethod
    def system(cls, job: str) -> Actor:
        return cls(ActorType.system, job)


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """What a use case asks to record; the trail adds the chain position and the hashes."""

    chain: str
    actor: Actor
    action: str
    object_type: str
    object_id: str
    outcome: Outcome = Outcome.success


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """One link of a chain, as stored."""

    chain: str
    seq: int
    occurred_at: str
    actor: Actor
    action: str
    object_type: str
    object_id: str
    outcome: str
    prev_hash: str
    hash: str


def timestamp(moment: datetime) -> str:
    """The one textual form of a time in the chain (UTC, microseconds), so hashes never depend on a
    driver's or a server's formatting."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(
    chain: str, seq: int, occurred_at: str, record_fields: tuple[str, ...], prev_hash: str
) -> bytes:
    """The bytes that are hashed: a fixed-order JSON array."""
    payload = [chain, seq, occurred_at, *record_fields, prev_hash]
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _fields(
    actor: Actor, action: str, object_type: str, object_id: str, outcome: str
) -> tuple[str, ...]:
    return (str(actor.type), actor.id, action, object_type, object_id, str(outcome))


def chain_hash(
    *,
    chain: str,
    seq: int,
    occurred_at: str,
    actor: Actor,
    action: str,
    object_type: str,
    object_id: str,
    outcome: str,
    prev_hash: str,
) -> str:
    fields = _fields(actor, action, object_type, object_id, outcome)
    return hashlib.sha256(canonical(chain, seq, occurred_at, fields, prev_hash)).hexdigest()


def link(record: AuditRecord, *, seq: int, prev_hash: str, moment: datetime) -> AuditEvent:
    """Append `record` after the chain head (`seq - 1`, `prev_hash`)."""
    occurred_at = timestamp(moment)
    digest = chain_hash(
        chain=record.chain,
        seq=seq,
        occurred_at=occurred_at,
        actor=record.actor,
        action=record.action,
        object_type=record.object_type,
        object_id=record.object_id,
        outcome=record.outcome,
        prev_hash=prev_hash,
    )
    return linked(record, seq=seq, occurred_at=occurred_at, prev_hash=prev_hash, digest=digest)


def linked(
    record: AuditRecord, *, seq: int, occurred_at: str, prev_hash: str, digest: str
) -> AuditEvent:
    """The event `record` became at `seq`, hashed (here or by a store that hashes the same
    canonical bytes) to `digest`."""
    return AuditEvent(
        chain=record.chain,
        seq=seq,
        occurred_at=occurred_at,
        actor=record.actor,
        action=record.action,
        object_type=record.object_type,
        object_id=record.object_id,
        outcome=record.outcome,
        prev_hash=prev_hash,
        hash=digest,
    )
