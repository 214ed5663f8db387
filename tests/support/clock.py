"""A clock the tests can move."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class MutableClock:
    """Starts at the real time (tokens stay plausible) and moves only when told."""

    def __init__(self, now: datetime | None = None) -> None:
        self._now = now or datetime.now(UTC)

    def now(self) -> datetime:
        return self._now

    def advance(self, **delta: float) -> None:
        self._now += timedelta(**delta)

    def set(self, moment: datetime) -> None:
        self._now = moment
