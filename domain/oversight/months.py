"""The last twelve calendar months, for figures per month (a month without meetings shows 0)."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import UTC, datetime

MONTHS = 12


def month_ends(now: datetime, count: int = MONTHS) -> list[datetime]:
    """The last moment of each of the last `count` months, the current month last (now)."""
    ends = [now]
    year, month = now.year, now.month
    for _ in range(count - 1):
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        last_day = calendar.monthrange(year, month)[1]
        ends.append(datetime(year, month, last_day, 23, 59, 59, tzinfo=UTC))
    return list(reversed(ends))


def per_month(moments: Iterable[datetime], now: datetime) -> dict[str, int]:
    """How many moments fell in each of the last twelve months (`yyyy-mm`), zeros included."""
    counts = {end.strftime("%Y-%m"): 0 for end in month_ends(now)}
    for moment in moments:
        key = moment.strftime("%Y-%m")
        if key in counts:
            counts[key] += 1
    return counts
