"""Secrets that Tafel must use again later (webhook signing secrets, TOTP seeds), encrypted at
rest.

AES-256-GCM with a key derived from `TAFEL_SECRET_KEY` by HKDF-SHA256, one key per purpose (its
own `info`, so each key is independent of every other use of the secret key). The associated data
binds a ciphertext to its row: copied onto another webhook or account, it no longer decrypts.
Changing `TAFEL_SECRET_KEY` makes the stored secrets unreadable: webhooks must then be registered
again and authenticators enrolled again.
"""

from __future__ import annotations

import base64
import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

VERSION = "v1"
NONCE_BYTES = 12
WEBHOOK_SECRETS = b"tafel/webhook-secrets/v1"
TOTP_SECRETS = b"tafel/totp-secrets/v1"


class AesGcmSecretBox:
    """Seals and opens short secrets; the format is `v1.<base64url(nonce ‖ ciphertext)>`."""

    def __init__(self, secret_key: str, *, purpose: bytes = WEBHOOK_SECRETS) -> None:
        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(
            secret_key.encode()
        )
        self._aead = AESGCM(key)

    def seal(self, plaintext: str, associated: str) -> str:
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, plaintext.encode(), associated.encode())
        return f"{VERSION}.{base64.urlsafe_b64encode(nonce + sealed).decode()}"

    @staticmethod
    def is_sealed(value: str) -> bool:
        return value.startswith(f"{VERSION}.")

    def open(self, token: str, associated: str) -> str:
        """The plaintext; `cryptography.exceptions.InvalidTag` when the key, the associated data
        or the ciphertext do not match."""
        version, _, encoded = token.partition(".")
        if version != VERSION:
            raise ValueError(f"unknown secret box version {version!r}")
        raw = base64.urlsafe_b64decode(encoded)
        plain = self._aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], associated.encode())
        return plain.decode()
