"""Log hygiene over the whole run (RELIABILITY.md §10, issue 9 item 6): every log record the app
writes during the test session is kept, formatted as the operator would read it (with
tracebacks), and scanned after each test for access tokens, link tokens and client secrets, the
test passwords and checksum-valid national numbers. One finding fails the test that logged it.

The scan is deliberately independent of `api.logs` (the redaction it checks)."""

from __future__ import annotations

import logging
import re

from stdnum.be import bis, nn

from api.demo import DEMO_PASSWORD
from tests.support.identity import PASSWORD

JWT = re.compile(r"eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")
LINK_TOKEN = re.compile(r"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])")
DIGITS = re.compile(r"(?<!\d)(?:\d[\s.-]?){10}\d(?!\d)")
TEST_CLIENT = "https://tafel.test/"  # httpx's own INFO line in the tests: the client, not the app


def _mixed(token: str) -> bool:
    return any(c.isdigit() for c in token) and any(c.isalpha() for c in token)


def findings(line: str) -> list[str]:
    found = []
    if JWT.search(line):
        found.append("access token")
    if any(_mixed(token) for token in LINK_TOKEN.findall(line)):
        found.append("link token or secret")
    if PASSWORD in line or DEMO_PASSWORD in line:
        found.append("password")
    for candidate in DIGITS.findall(line):
        digits = re.sub(r"\D", "", candidate)
        if nn.is_valid(digits) or bis.is_valid(digits):
            found.append("national number")
    return found


class SessionLogs(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith(("httpx", "httpcore")) and TEST_CLIENT in record.getMessage():
            return
        self.lines.append(self.format(record))

    def report(self, first: int = 0) -> list[str]:
        """One entry per offending line from `first` on: the kinds found and the logger, never
        the value itself."""
        return [
            f"line {number}: {', '.join(kinds)} (logger {line.split(' ', 2)[1]})"
            for number, line in enumerate(self.lines[first:], start=first + 1)
            if (kinds := findings(line))
        ]
