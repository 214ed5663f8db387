"""The negative token suite (RELIABILITY.md §3, family 1): crafted tokens against the one decode
function and against the API — none accepted, none a server error."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jose import jwt

from adapters.security.tokens import ALGORITHM, KEY_ID, JoseTokenService
from api.dependencies import Services
from domain.identity.errors import ExpiredToken, InvalidToken
from domain.identity.tokens import TokenClaims, TokenType
from tests.support.clock import MutableClock
from tests.support.identity import bearer, log_in, make_account

SECRET = "test-secret-that-is-long-enough-for-hs256-0123456789"
ISSUER = "urn:tafel"
AUDIENCE = "urn:tafel:api"
ROOT = Path(__file__).resolve().parents[2]

RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
PUBLIC_PEM = RSA_KEY.public_key().public_bytes(
    serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
)
PUBLIC_DER = RSA_KEY.public_key().public_bytes(
    serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
)
PRIVATE_PEM = RSA_KEY.private_bytes(
    serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
)


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def claims(**overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    base = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": str(uuid.uuid4()),
        "iat": now,
        "nbf": now,
        "exp": now + 600,
        "jti": uuid.uuid4().hex,
        "typ": "access",
        "sid": str(uuid.uuid4()),
    }
    base.update(overrides)
    return {key: value for key, value in base.items() if value is not None}


def hand_signed(header: dict[str, Any], payload: dict[str, Any], key: bytes) -> str:
    """Sign by hand, as an attacker would, with any header and any HMAC key."""
    signing_input = f"{b64(json.dumps(header).encode())}.{b64(json.dumps(payload).encode())}"
    signature = hmac.new(key, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64(signature)}"


def good_header(**extra: Any) -> dict[str, Any]:
    return {"alg": ALGORITHM, "typ": "JWT", "kid": KEY_ID, **extra}


def signed(payload: dict[str, Any], **header: Any) -> str:
    return hand_signed(good_header(**header), payload, SECRET.encode())


CRAFTED: dict[str, Callable[[], str]] = {
    "alg none": lambda: (
        f"{b64(json.dumps({'alg': 'none', 'typ': 'JWT'}).encode())}."
        f"{b64(json.dumps(claims()).encode())}."
    ),
    "alg None capitalised": lambda: hand_signed({"alg": "None", "kid": KEY_ID}, claims(), b""),
    "wrong secret": lambda: hand_signed(good_header(), claims(), b"another-secret" * 4),
    "HS512 with the right secret": lambda: str(
        jwt.encode(claims(), SECRET, algorithm="HS512", headers={"kid": KEY_ID})
    ),
    "RS256 with an attacker key": lambda: str(
        jwt.encode(claims(), PRIVATE_PEM.decode(), algorithm="RS256", headers={"kid": KEY_ID})
    ),
    "HS256 keyed with a PEM public key": lambda: hand_signed(good_header(), claims(), PUBLIC_PEM),
    "HS256 keyed with a DER public key": lambda: hand_signed(good_header(), claims(), PUBLIC_DER),
    "missing exp": lambda: signed(claims(exp=None)),
    "missing iat": lambda: signed(claims(iat=None)),
    "missing nbf": lambda: signed(claims(nbf=None)),
    "missing iss": lambda: signed(claims(iss=None)),
    "missing aud": lambda: signed(claims(aud=None)),
    "missing sub": lambda: signed(claims(sub=None)),
    "missing jti": lambda: signed(claims(jti=None)),
    "missing typ": lambda: signed(claims(typ=None)),
    "wrong issuer": lambda: signed(claims(iss="urn:evil")),
    "wrong audience": lambda: signed(claims(aud="urn:other:api")),
    "expired": lambda: signed(claims(exp=int(time.time()) - 3600, iat=int(time.time()) - 4000)),
    "not yet valid": lambda: signed(claims(nbf=int(time.time()) + 3600)),
    "issued in the future": lambda: signed(claims(iat=int(time.time()) + 3600)),
    "string expiry": lambda: signed(claims(exp="9999999999")),
    "string factor step": lambda: signed(claims(fst="0")),
    "jku header": lambda: signed(claims(), jku="https://evil.example/jwks.json"),
    "jwk header": lambda: signed(claims(), jwk={"kty": "oct", "k": b64(b"k" * 32)}),
    "x5u header": lambda: signed(claims(), x5u="https://evil.example/cert.pem"),
    "unknown kid": lambda: hand_signed(
        {"alg": ALGORITHM, "kid": "../../etc/passwd"}, claims(), SECRET.encode()
    ),
    "no kid": lambda: hand_signed({"alg": ALGORITHM, "typ": "JWT"}, claims(), SECRET.encode()),
    "challenge used as access": lambda: signed(claims(typ="challenge", sid=None)),
    "refresh token used as access": lambda: "q" * 43,
    "oversize token": lambda: signed(claims(pad="x" * 9000)),
    "garbage": lambda: "not.a.token",
    "two segments": lambda: f"{b64(b'{}')}.{b64(b'{}')}",
    "JWE five segments": lambda: ".".join(b64(b"x") for _ in range(5)),
    "empty": lambda: "",
    "header not json": lambda: f"{b64(b'notjson')}.{b64(json.dumps(claims()).encode())}.abc",
}


@pytest.fixture
def service() -> JoseTokenService:
    return JoseTokenService(SECRET, issuer=ISSUER, audience=AUDIENCE, clock=MutableClock())


def test_the_suite_has_at_least_25_tokens() -> None:
    assert len(CRAFTED) >= 25


@pytest.mark.parametrize("name", sorted(CRAFTED))
def test_crafted_token_is_refused(service: JoseTokenService, name: str) -> None:
    with pytest.raises((InvalidToken, ExpiredToken)):
        service.verify(CRAFTED[name](), TokenType.access)


def test_a_genuine_token_is_accepted(service: JoseTokenService) -> None:
    verified = service.verify(signed(claims()), TokenType.access)
    assert verified.token_type is TokenType.access


async def test_every_crafted_token_is_401_at_the_api(
    client: httpx.AsyncClient, services: Services, clock: MutableClock
) -> None:
    account = await make_account(services, "target@cell-a.example")
    genuine = await log_in(client, account, clock)
    assert (await client.get("/api/v1/me", headers=bearer(genuine))).status_code == 200
    statuses = {}
    for name, craft in CRAFTED.items():
        response = await client.get("/api/v1/me", headers=bearer(craft()))
        statuses[name] = response.status_code
        assert response.headers["content-type"] == "application/problem+json"
    assert set(statuses.values()) == {401}, statuses


async def test_a_signed_token_for_a_session_that_does_not_exist_is_401(
    client: httpx.AsyncClient, services: Services
) -> None:
    forged = services.tokens.issue(
        TokenClaims(
            subject=str(uuid.uuid4()),
            token_type=TokenType.access,
            token_id="x",
            issued_at=services.clock.now(),
            expires_at=services.clock.now() + timedelta(minutes=5),
            session_id=str(uuid.uuid4()),
        )
    )
    assert (await client.get("/api/v1/me", headers=bearer(forged))).status_code == 401


def test_tokens_are_decoded_in_one_place_only() -> None:
    """python-jose is imported, and `jwt.decode` called, in adapters/security/tokens.py alone."""
    offenders = []
    for path in ROOT.glob("*/**/*.py"):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith(("tests/", ".venv/", "frontend/")):
            continue
        text = path.read_text(encoding="utf-8")
        if ("from jose" in text or "import jose" in text or "jwt.decode(" in text) and (
            relative != "adapters/security/tokens.py"
        ):
            offenders.append(relative)
    assert offenders == []
    source = (ROOT / "adapters/security/tokens.py").read_text(encoding="utf-8")
    assert source.count("jwt.decode(") == 1


def test_a_token_verified_once_is_remembered_and_its_times_checked_at_every_use(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A client sends the same access token with every request: its signature and claims are
    verified once per process, its times at every use; any other byte is another token."""
    clock = MutableClock()
    service = JoseTokenService(SECRET, issuer=ISSUER, audience=AUDIENCE, clock=clock)
    now = int(clock.now().timestamp())
    token = signed(claims(iat=now, nbf=now, exp=now + 300))
    decoded: list[str] = []
    decode = jwt.decode

    def counted(*args: Any, **kwargs: Any) -> Any:
        decoded.append(args[0])
        return decode(*args, **kwargs)

    monkeypatch.setattr(jwt, "decode", counted)
    first = service.verify(token, TokenType.access)
    assert service.verify(token, TokenType.access) == first
    assert len(decoded) == 1
    with pytest.raises(InvalidToken):  # the same token, another type: verified in full
        service.verify(token, TokenType.challenge)
    tampered = token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1]
    with pytest.raises(InvalidToken):
        service.verify(tampered, TokenType.access)
    clock.advance(seconds=300 + 31)
    with pytest.raises(ExpiredToken):
        service.verify(token, TokenType.access)
