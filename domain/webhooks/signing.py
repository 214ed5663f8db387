"""Signatures of webhook requests: `Tafel-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>`.

The HMAC key is the webhook's secret (UTF-8), the message is `f"{t}.{raw body}"`. The timestamp is
signed too, so a receiver that refuses old timestamps is safe from replays of captured requests.
"""

from __future__ import annotations

import hashlib
import hmac

SIGNATURE_VERSION = "v1"
DEFAULT_TOLERANCE_SECONDS = 300


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """The hex HMAC-SHA256 of `{timestamp}.{body}` under the secret."""
    message = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_header(secret: str, timestamp: int, body: bytes) -> str:
    """The value of the `Tafel-Signature` header."""
    return f"t={timestamp},{SIGNATURE_VERSION}={signature(secret, timestamp, body)}"


def verify(
    secret: str,
    header: str,
    body: bytes,
    now: int,
    tolerance: int = DEFAULT_TOLERANCE_SECONDS,
) -> bool:
    """What a receiver does: recompute the HMAC over the raw body, compare in constant time, and
    refuse a timestamp further than `tolerance` seconds from its own clock."""
    fields = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(fields.get("t", ""))
    except ValueError:
        return False
    if abs(now - timestamp) > tolerance:
        return False
    expected = signature(secret, timestamp, body)
    return hmac.compare_digest(expected, fields.get(SIGNATURE_VERSION, ""))
