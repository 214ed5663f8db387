"""Login throttling per account and per client address (ASVS 6.3.1): after `max_failures` failures
within the window the key is locked for a while, and every attempt answers 429 until then."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from datetime import datetime

from domain.identity.model import Throttle
from domain.identity.policy import AuthPolicy
from domain.identity.ports import ThrottleRepository
from domain.shared.errors import TooManyAttempts


def account_key(login: str) -> str:
    """Keyed on a hash: the table must not become a list of who tried to log in."""
    return "account:" + hashlib.sha256(login.strip().lower().encode()).hexdigest()


def address_key(address: str) -> str:
    return "address:" + hashlib.sha256(address.encode()).hexdigest()


def after_failure(
    throttle: Throttle | None, key: str, now: datetime, policy: AuthPolicy
) -> Throttle:
    """The counter after one more failure; locks it at the limit."""
    expired_lock = throttle is not None and throttle.locked_until is not None
    expired_lock = expired_lock and throttle.locked_until <= now  # type: ignore[union-attr,operator]
    if (
        throttle is None
        or throttle.window_started_at is None
        or now - throttle.window_started_at > policy.failure_window
        or expired_lock
    ):
        throttle = Throttle(key=key, failures=0, window_started_at=now)
    throttle.failures += 1
    limit = policy.max_address_failures if key.startswith("address:") else policy.max_failures
    if throttle.failures >= limit:
        throttle.locked_until = now + policy.lockout
    return throttle


def seconds_locked(throttle: Throttle | None, now: datetime) -> int | None:
    """Seconds until the key unlocks, or None when it is not locked."""
    if throttle is None or throttle.locked_until is None or throttle.locked_until <= now:
        return None
    return max(1, math.ceil((throttle.locked_until - now).total_seconds()))


async def ensure_not_locked(
    repository: ThrottleRepository, keys: Sequence[str], now: datetime
) -> None:
    """TooManyAttempts (429 with Retry-After) while any of the keys is locked."""
    waits = [seconds_locked(await repository.get(key), now) for key in keys]
    locked = [wait for wait in waits if wait is not None]
    if locked:
        raise TooManyAttempts(retry_after_seconds=max(locked))


async def register_failure(
    repository: ThrottleRepository, keys: Sequence[str], now: datetime, policy: AuthPolicy
) -> None:
    for key in keys:
        await repository.save(after_failure(await repository.get(key), key, now, policy))
