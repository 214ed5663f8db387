"""JWTs with python-jose — the only module that imports it (an import-linter contract checks).

python-jose trusts the token's header unless told otherwise and requires no claim by default
(RELIABILITY.md §3.2: a DER public key used as HMAC secret was accepted; tokens without `exp` or
`aud` were accepted). So: one pinned algorithm, every claim required, the token type checked,
dangerous headers refused, and oversized tokens refused before any parsing.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from contextlib import suppress
from datetime import UTC, datetime
from typing import Any

from jose import jwt
from jose.exceptions import JWTError

from domain.identity.errors import ExpiredToken, InvalidToken
from domain.identity.tokens import ChallengePurpose, TokenClaims, TokenService, TokenType
from domain.shared.clock import Clock

ALGORITHM = "HS256"  # a constant: never taken from the token
KEY_ID = "tafel-hs256-1"
MAX_TOKEN_BYTES = 8 * 1024
LEEWAY_SECONDS = 30
# Verified tokens remembered per process (about 200 bytes each): a day's sessions of a city.
VERIFIED_TOKENS = 4096
FORBIDDEN_HEADERS = frozenset({"jku", "jwk", "x5u", "x5c", "x5t", "x5t#S256", "crit", "zip", "enc"})
REQUIRED_CLAIMS = ("iss", "aud", "sub", "iat", "nbf", "exp", "jti", "typ")
# Times are checked below against the Clock port: python-jose reads the wall clock itself, and its
# `require_exp/iat/nbf` would switch that check back on. Their presence is required in `_claims`.
DECODE_OPTIONS = {
    "verify_signature": True,
    "verify_aud": True,
    "verify_iat": False,
    "verify_exp": False,
    "verify_nbf": False,
    "verify_iss": True,
    "verify_sub": True,
    "verify_jti": True,
    "require_aud": True,
    "require_iss": True,
    "require_sub": True,
    "require_jti": True,
    "leeway": LEEWAY_SECONDS,
}
COMPACT_JWS = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")


class JoseTokenService(TokenService):
    """HS256 tokens signed with one secret of at least 256 bits."""

    def __init__(self, secret: str, *, issuer: str, audience: str, clock: Clock) -> None:
        if len(secret.encode()) < 32:
            raise ValueError("the token secret must be at least 32 bytes")
        self._secret = secret
        self._clock = clock
        self._issuer = issuer
        self._audience = audience
        # Tokens whose signature and claims this service already verified, with their times: a
        # client sends the same access token with every request until it expires, and decoding
        # and verifying it again was a twentieth of a read. Keyed by the whole token, so any other
        # byte is another key, verified in full; only verified tokens enter. The times are
        # checked again on every use, against the clock.
        self._verified: OrderedDict[tuple[str, TokenType], tuple[TokenClaims, dict[str, Any]]] = (
            OrderedDict()
        )

    def issue(self, claims: TokenClaims) -> str:
        payload: dict[str, Any] = {
            "iss": self._issuer,
            "aud": self._audience,
            "sub": claims.subject,
            "iat": int(claims.issued_at.timestamp()),
            "nbf": int(claims.issued_at.timestamp()),
            "exp": int(claims.expires_at.timestamp()),
            "jti": claims.token_id,
            "typ": str(claims.token_type),
        }
        if claims.session_id:
            payload["sid"] = claims.session_id
        if claims.scopes:
            payload["scope"] = " ".join(sorted(claims.scopes))
        if claims.purpose:
            payload["pur"] = str(claims.purpose)
        if claims.factor_step is not None:
            payload["fst"] = claims.factor_step
        return str(
            jwt.encode(
                payload, self._secret, algorithm=ALGORITHM, headers={"kid": KEY_ID, "typ": "JWT"}
            )
        )

    def verify(self, token: str, expected: TokenType) -> TokenClaims:
        known = self._verified.get((token, expected))
        if known is not None:
            claims, times = known
            self._check_times(times, self._clock.now().timestamp())
            with suppress(KeyError):  # dropped meanwhile by another thread: still verified
                self._verified.move_to_end((token, expected))
            return claims
        claims, times = self._verify(token, expected)
        self._verified[(token, expected)] = (claims, times)
        if len(self._verified) > VERIFIED_TOKENS:
            self._verified.popitem(last=False)
        return claims

    def _verify(self, token: str, expected: TokenType) -> tuple[TokenClaims, dict[str, Any]]:
        if len(token.encode("utf-8", "ignore")) > MAX_TOKEN_BYTES or not COMPACT_JWS.fullmatch(
            token
        ):
            raise InvalidToken()
        try:
            header = jwt.get_unverified_header(token)
            self._check_header(header)
            payload = jwt.decode(
                token,
                self._secret,
                algorithms=[ALGORITHM],
                audience=self._audience,
                issuer=self._issuer,
                options=DECODE_OPTIONS,
            )
        except (JWTError, ValueError, TypeError, KeyError, AttributeError) as error:
            raise InvalidToken() from error
        claims = self._claims(payload, expected)
        self._check_times(payload, self._clock.now().timestamp())
        return claims, {name: payload[name] for name in ("iat", "nbf", "exp")}

    @staticmethod
    def _check_times(payload: dict[str, Any], now: float) -> None:
        if payload["exp"] <= now - LEEWAY_SECONDS:
            raise ExpiredToken()
        if payload["nbf"] > now + LEEWAY_SECONDS or payload["iat"] > now + LEEWAY_SECONDS:
            raise InvalidToken()

    @staticmethod
    def _check_header(header: dict[str, Any]) -> None:
        if header.get("alg") != ALGORITHM or header.get("kid") != KEY_ID:
            raise InvalidToken()
        if FORBIDDEN_HEADERS & set(header):
            raise InvalidToken()

    @staticmethod
    def _claims(payload: dict[str, Any], expected: TokenType) -> TokenClaims:
        if any(name not in payload for name in REQUIRED_CLAIMS):
            raise InvalidToken()
        if payload["typ"] != str(expected) or not isinstance(payload["sub"], str):
            raise InvalidToken()
        for name in ("iat", "nbf", "exp"):
            if not isinstance(payload[name], int) or isinstance(payload[name], bool):
                raise InvalidToken()
        if expected is TokenType.access and "sid" not in payload and "scope" not in payload:
            raise InvalidToken()
        purpose = payload.get("pur")
        step = payload.get("fst")
        if step is not None and (not isinstance(step, int) or isinstance(step, bool)):
            raise InvalidToken()
        try:
            return TokenClaims(
                subject=payload["sub"],
                token_type=expected,
                token_id=str(payload["jti"]),
                issued_at=datetime.fromtimestamp(payload["iat"], UTC),
                expires_at=datetime.fromtimestamp(payload["exp"], UTC),
                session_id=str(payload["sid"]) if "sid" in payload else None,
                scopes=frozenset(str(payload.get("scope", "")).split()),
                purpose=ChallengePurpose(purpose) if purpose else None,
                factor_step=step,
            )
        except (ValueError, OverflowError, OSError) as error:
            raise InvalidToken() from error
