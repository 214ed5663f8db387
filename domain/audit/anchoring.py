"""Signed chain heads ("anchors") kept outside the database: they catch what a chain alone cannot
— a truncated tail, or a chain recomputed from scratch by someone with write access."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from domain.audit.model import timestamp
from domain.audit.verification import Anchor


class AnchorSigner(Protocol):
    """Signs and verifies anchor documents with a key the database never holds."""

    def sign(self, payload: bytes) -> str:
        """A signature of the payload."""
        ...

    def verify(self, payload: bytes, signature: str, public_key: str) -> bool:
        """True when the signature matches the payload and the public key."""
        ...

    def public_key(self) -> str:
        """The public key, to publish with the anchors."""
        ...


@dataclass(frozen=True, slots=True)
class SignedHeads:
    issued_at: str
    heads: tuple[Anchor, ...]
    public_key: str
    signature: str


def payload(issued_at: str, heads: tuple[Anchor, ...]) -> bytes:
    rows = [[head.chain, head.seq, head.hash] for head in sorted(heads, key=lambda h: h.chain)]
    return json.dumps([issued_at, rows], separators=(",", ":")).encode()


def sign_heads(heads: list[Anchor], moment: datetime, signer: AnchorSigner) -> SignedHeads:
    issued_at = timestamp(moment)
    frozen = tuple(sorted(heads, key=lambda head: head.chain))
    return SignedHeads(
        issued_at, frozen, signer.public_key(), signer.sign(payload(issued_at, frozen))
    )


def verify_signed_heads(document: SignedHeads, signer: AnchorSigner) -> bool:
    """The signature holds and was made by this deployment's key."""
    if document.public_key != signer.public_key():
        return False
    return signer.verify(
        payload(document.issued_at, document.heads), document.signature, document.public_key
    )


def to_json(document: SignedHeads) -> dict[str, object]:
    return {
        "issuedAt": document.issued_at,
        "heads": [{"chain": h.chain, "seq": h.seq, "hash": h.hash} for h in document.heads],
        "publicKey": document.public_key,
        "signature": document.signature,
    }


def from_json(data: dict[str, object]) -> SignedHeads:
    heads = data.get("heads")
    if not isinstance(heads, list):
        raise ValueError("anchor document without heads")
    return SignedHeads(
        issued_at=str(data["issuedAt"]),
        heads=tuple(Anchor(str(h["chain"]), int(h["seq"]), str(h["hash"])) for h in heads),
        public_key=str(data["publicKey"]),
        signature=str(data["signature"]),
    )
