"""Time is a port so that cadence, retention and token expiry can be tested at any date."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    """Tells the current time, always timezone-aware in UTC."""

    def now(self) -> datetime: ...
