"""Authentication policy: lifetimes, throttling and password rules, set by the composition root."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from domain.shared.errors import InputIssue

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 256


@dataclass(frozen=True, slots=True)
class AuthPolicy:
    """Numbers of the authentication flow (ASVS 6.3.1, 7.3, 9.2)."""

    access_token_lifetime: timedelta = timedelta(minutes=10)
    challenge_lifetime: timedelta = timedelta(minutes=5)
    session_lifetime: timedelta = timedelta(hours=12)
    max_failures: int = 5
    # An office behind one address must not be locked out by one colleague's typos: the address
    # limit is higher than the account limit, and only slows down guessing across accounts.
    max_address_failures: int = 20
    failure_window: timedelta = timedelta(minutes=15)
    lockout: timedelta = timedelta(minutes=5)
    totp_waiver: bool = False


def password_issues(password: str, *, email: str, field: str = "newPassword") -> list[InputIssue]:
    """Why a new password is refused: too short or long, or the e-mail address itself."""
    issues = []
    if len(password) < MIN_PASSWORD_LENGTH:
        issues.append(InputIssue(field, "passwordTooShort", {"min": MIN_PASSWORD_LENGTH}))
    if len(password) > MAX_PASSWORD_LENGTH:
        issues.append(InputIssue(field, "passwordTooLong", {"max": MAX_PASSWORD_LENGTH}))
    if email and email.lower() in password.lower():
        issues.append(InputIssue(field, "passwordContainsEmail"))
    if len(set(password)) < 4:
        issues.append(InputIssue(field, "passwordTooSimple"))
    return issues
