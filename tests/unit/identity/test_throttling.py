"""Throttling arithmetic (ASVS 6.3.1): five failures lock the key for the lockout period."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from domain.identity.policy import AuthPolicy, password_issues
from domain.identity.throttling import account_key, after_failure, seconds_locked

NOW = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
POLICY = AuthPolicy()


def test_locks_at_the_fifth_failure() -> None:
    throttle = None
    for attempt in range(1, 6):
        throttle = after_failure(throttle, "k", NOW, POLICY)
        locked = seconds_locked(throttle, NOW)
        assert (locked is not None) == (attempt == 5)
    assert seconds_locked(throttle, NOW) == int(POLICY.lockout.total_seconds())


def test_window_expiry_restarts_the_count() -> None:
    throttle = None
    for _ in range(4):
        throttle = after_failure(throttle, "k", NOW, POLICY)
    later = NOW + POLICY.failure_window + timedelta(seconds=1)
    throttle = after_failure(throttle, "k", later, POLICY)
    assert throttle.failures == 1


def test_lock_expires() -> None:
    throttle = None
    for _ in range(5):
        throttle = after_failure(throttle, "k", NOW, POLICY)
    assert seconds_locked(throttle, NOW + POLICY.lockout) is None


def test_account_keys_do_not_reveal_the_login() -> None:
    key = account_key("Someone@Example.org ")
    assert "someone" not in key.lower()
    assert key == account_key("someone@example.org")


def test_password_policy() -> None:
    assert [i.code for i in password_issues("short", email="a@b.c")] == ["passwordTooShort"]
    assert password_issues("a perfectly long passphrase", email="a@b.c") == []
    assert "passwordContainsEmail" in [
        i.code for i in password_issues("me@example.org-2026!", email="me@example.org")
    ]
    assert "passwordTooSimple" in [i.code for i in password_issues("aaaaaaaaaaaaaa", email="x@y.z")]
