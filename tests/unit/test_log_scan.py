"""The session's log scan sees what it is meant to find (else its silence would prove nothing)."""

from __future__ import annotations

import logging

from tests.support.identity import PASSWORD
from tests.support.log_scan import SessionLogs, findings

JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl"


def test_each_kind_of_secret_is_found() -> None:
    born, sequence = "850730", "033"
    number = f"{born}{sequence}{97 - int(born + sequence) % 97:02d}"
    assert findings(f"token {JWT}") == ["access token"]
    assert findings("link L-AfUyYTjZhWjfeJw8xyzwsazA_yvMd9cbobWR6lQZY") == ["link token or secret"]
    assert findings(f"login with {PASSWORD}") == ["password"]
    assert findings(f"person {number[:6]}-{number[6:9]}.{number[9:]}") == ["national number"]
    assert findings("case K-2026-7QF3, 12345678901 rows, [token]") == []


def test_the_handler_keeps_the_app_lines_and_reports_without_the_value() -> None:
    logs = SessionLogs()
    logger = logging.getLogger("tafel.scan-test")
    logger.addHandler(logs)
    logger.propagate = False  # the session's own scan must not see this planted token
    try:
        logger.warning("refused %s", JWT)
        client = logging.getLogger("httpx")
        client.addHandler(logs)
        client.info(
            "HTTP Request: GET https://tafel.test/x/%s",
            "L-AfUyYTjZhWjfeJw8xyzwsazA_yvMd9cbobWR6lQZ",
        )
    finally:
        logger.removeHandler(logs)
        logger.propagate = True
        logging.getLogger("httpx").removeHandler(logs)
    assert len(logs.lines) == 1
    assert logs.report() == ["line 1: access token (logger tafel.scan-test)"]
    assert JWT not in logs.report()[0]
