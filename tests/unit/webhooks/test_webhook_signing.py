"""`Tafel-Signature`: HMAC-SHA256 over `{t}.{raw body}`, verifiable by a receiver."""

from __future__ import annotations

import hashlib
import hmac

from domain.webhooks.signing import signature_header, verify

SECRET = "whsec_test-secret"
BODY = b'{"id":"e1","type":"meetingPlanned"}'


def test_header_is_timestamp_and_hex_hmac_of_timestamp_dot_body() -> None:
    header = signature_header(SECRET, 1_790_000_000, BODY)
    expected = hmac.new(SECRET.encode(), b"1790000000." + BODY, hashlib.sha256).hexdigest()
    assert header == f"t=1790000000,v1={expected}"


def test_receiver_accepts_a_fresh_genuine_signature() -> None:
    header = signature_header(SECRET, 1_790_000_000, BODY)
    assert verify(SECRET, header, BODY, now=1_790_000_100)


def test_receiver_refuses_a_changed_body_a_wrong_secret_or_an_old_timestamp() -> None:
    header = signature_header(SECRET, 1_790_000_000, BODY)
    assert not verify(SECRET, header, BODY + b" ", now=1_790_000_000)
    assert not verify("whsec_other", header, BODY, now=1_790_000_000)
    assert not verify(SECRET, header, BODY, now=1_790_000_000 + 301)


def test_the_timestamp_is_signed_too() -> None:
    header = signature_header(SECRET, 1_790_000_000, BODY)
    replayed = header.replace("t=1790000000", "t=1790009999")
    assert not verify(SECRET, replayed, BODY, now=1_790_009_999)


def test_malformed_headers_are_refused() -> None:
    for header in ("", "v1=abc", "t=x,v1=abc", "t=1790000000"):
        assert not verify(SECRET, header, BODY, now=1_790_000_000)
