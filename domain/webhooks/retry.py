"""When a failed delivery is tried again, and when a receiver is given up on.

A delivery that fails is retried after 1 min, 5 min, 30 min, 2 h and 12 h (exponential-ish
backoff); after its sixth failed attempt it is marked failed. Independently, a webhook whose
receiver fails five times in a row (whatever the deliveries) is disabled, and its pending
deliveries are marked failed: for one event against a receiver that is down, that is the fifth
attempt, about 2 h 36 min after the first. A success resets the count.
"""

from __future__ import annotations

from datetime import timedelta

RETRY_DELAYS: tuple[timedelta, ...] = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=12),
)
MAX_CONSECUTIVE_FAILURES = 5


def retry_delay(failed_attempts: int) -> timedelta | None:
    """How long to wait after the `failed_attempts`-th failed attempt of one delivery; None when
    the schedule is exhausted and the delivery is given up."""
    if failed_attempts < 1:
        raise ValueError("a retry follows at least one failed attempt")
    if failed_attempts > len(RETRY_DELAYS):
        return None
    return RETRY_DELAYS[failed_attempts - 1]


def should_disable(consecutive_failures: int) -> bool:
    """A receiver that failed this many times in a row is disabled."""
    return consecutive_failures >= MAX_CONSECUTIVE_FAILURES
