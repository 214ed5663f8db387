"""Refusals of identity and access. Authentication failures are deliberately uninformative."""

from __future__ import annotations

from domain.shared.errors import AuthenticationFailed, Conflict, InvalidInput, PermissionDenied


class InvalidCredentials(AuthenticationFailed):
    """Wrong e-mail, password or code — the same answer whichever it was (no enumeration)."""

    code = "invalidCredentials"


class MissingToken(AuthenticationFailed):
    code = "noAccessToken"


class InvalidToken(AuthenticationFailed):
    code = "invalidAccessToken"


class ExpiredToken(AuthenticationFailed):
    code = "expiredAccessToken"


class SessionEnded(AuthenticationFailed):
    """The session was revoked (logout, password change, disabled account) or has expired."""

    code = "invalidAccessToken"


class PasswordChangeRequired(PermissionDenied):
    """A one-time password must be replaced before anything else."""

    code = "passwordChangeRequired"


class SecondFactorAlreadyEnrolled(Conflict):
    code = "secondFactorAlreadyEnrolled"


class MissingScope(PermissionDenied):
    """An integration client asked for something its scopes do not cover."""

    code = "missingScope"

    def __init__(self, required: str) -> None:
        super().__init__(scope=required)
        self.required = required


class EmailAlreadyUsed(Conflict):
    code = "emailAlreadyUsed"


class WeakPassword(InvalidInput):
    """The new password breaks the password policy (ASVS 6.2)."""
