"""Identifiers: random UUIDs, never sequential, never derived from what they identify."""

from __future__ import annotations

import uuid


def new_id() -> uuid.UUID:
    """A fresh random (version 4) identifier."""
    return uuid.uuid4()
