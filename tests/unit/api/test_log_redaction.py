"""Log hygiene (RELIABILITY.md §7): the access log and Tafel's lines carry no token, no
capability link and no national number, whatever wrote them."""

from __future__ import annotations

import logging

from uvicorn.logging import AccessFormatter

from api.logs import Redaction, install_log_redaction, log_config, redact

JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJlLW9mLXRlc3Q"
LINK_TOKEN = "L-AfUyYTjZhWjfeJw8xyzwsazA_yvMd9cbobWR6lQZY"  # the shape of token_urlsafe(32)


def national_number(born: str, sequence: str) -> str:
    """A checksum-valid number for a fictitious birth date (before 2000)."""
    base = int(born + sequence)
    return f"{born}{sequence}{97 - base % 97:02d}"


def test_tokens_links_and_national_numbers_are_replaced() -> None:
    number = national_number("850730", "033")
    line = (
        f"GET /api/v1/calendarFeeds/{LINK_TOKEN} Authorization: Bearer {JWT} "
        f"refresh {LINK_TOKEN}; /login?code=123456&state=x; person {number[:6]}-{number[6:]}"
    )
    cleaned = redact(line)
    assert JWT not in cleaned
    assert LINK_TOKEN not in cleaned
    assert (
        redact(f"client tfs_{LINK_TOKEN} hook whsec_{LINK_TOKEN}") == "client [token] hook [token]"
    )
    assert "code=123456" not in cleaned
    assert number[6:] not in cleaned
    assert cleaned.startswith("GET /api/v1/calendarFeeds/[token] Authorization: Bearer [token]")


def test_ordinary_numbers_and_case_codes_stay() -> None:
    line = "case K-2026-7QF3 moved; 12345678901 rows; trace 0f3c2a9e-1b2c-4d5e-8f90-123456789abc"
    assert redact(line) == line


def test_the_access_log_line_is_redacted_and_still_formats() -> None:
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", f"/api/v1/calendarFeeds/{LINK_TOKEN}", "1.1", 200),
        None,
    )
    assert Redaction().filter(record)
    formatted = AccessFormatter("%(request_line)s %(status_code)s", use_colors=False).format(record)
    assert formatted == "GET /api/v1/calendarFeeds/[token] HTTP/1.1 200 OK"


def test_the_server_and_the_app_install_the_redaction() -> None:
    config = log_config()
    assert all(handler["filters"] == ["redaction"] for handler in config["handlers"].values())
    install_log_redaction()
    install_log_redaction()
    access = logging.getLogger("uvicorn.access")
    assert sum(isinstance(f, Redaction) for f in access.filters) == 1
