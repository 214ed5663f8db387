"""Token claims as the core sees them, and the port that signs and checks them.

The core never reads roles from a token: a token only says who and which session; what that
principal may do is loaded from the database on every request (ASVS 8.3.2).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol


class TokenType(StrEnum):
    access = "access"
    challenge = "challenge"


class ChallengePurpose(StrEnum):
    """What the holder of a challenge token must do next."""

    second_factor = "secondFactor"
    enrolment = "enrolment"


@dataclass(frozen=True, slots=True)
class TokenClaims:
    """The claims Tafel issues and requires (`sub jti typ iat nbf exp`, plus `iss aud` added and
    checked by the adapter)."""

    subject: str
    token_type: TokenType
    token_id: str
    issued_at: datetime
    expires_at: datetime
    session_id: str | None = None
    scopes: frozenset[str] = frozenset()
    purpose: ChallengePurpose | None = None
    # A challenge carries the account's last used TOTP step at its issue: once a second factor
    # succeeds, the step moves on and every challenge issued before it is spent (single use).
    factor_step: int | None = None


class TokenService(Protocol):
    """Signs and verifies self-contained tokens. Implementations pin one algorithm, require every
    claim, check the token type, and refuse oversized tokens before decoding."""

    def issue(self, claims: TokenClaims) -> str:
        """Sign the claims."""
        ...

    def verify(self, token: str, expected: TokenType) -> TokenClaims:
        """The claims of a valid token of the expected type, or InvalidToken / ExpiredToken."""
        ...
