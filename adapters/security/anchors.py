"""Ed25519 signatures of audit chain heads (cryptography). Anyone holding the public key can check
an anchor; only the deployment can make one."""

from __future__ import annotations

import base64
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from domain.audit.anchoring import AnchorSigner


class Ed25519AnchorSigner(AnchorSigner):
    """The key comes from `TAFEL_ANCHOR_KEY` (32 bytes, base64) or, failing that, is derived from
    the secret key so that a development install still signs consistently."""

    def __init__(self, seed: bytes) -> None:
        if len(seed) != 32:
            seed = hashlib.sha256(b"tafel-anchor:" + seed).digest()
        self._key = Ed25519PrivateKey.from_private_bytes(seed)

    def sign(self, payload: bytes) -> str:
        return base64.b64encode(self._key.sign(payload)).decode()

    def public_key(self) -> str:
        raw = self._key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return base64.b64encode(raw).decode()

    def verify(self, payload: bytes, signature: str, public_key: str) -> bool:
        try:
            key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key))
            key.verify(base64.b64decode(signature), payload)
        except (InvalidSignature, ValueError):
            return False
        return True
