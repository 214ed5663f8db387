"""The real clock."""

from __future__ import annotations

from datetime import UTC, datetime

from domain.shared.clock import Clock


class SystemClock(Clock):
    """Wall-clock time in UTC."""

    def now(self) -> datetime:
        return datetime.now(UTC)
