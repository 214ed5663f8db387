"""Capturing every log record the app writes while a test runs, formatted as an operator would
see it (message, arguments and traceback), to scan the lines afterwards."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class CapturedLogs:
    lines: list[str] = field(default_factory=list)

    def text(self) -> str:
        return "\n".join(self.lines)


class _Handler(logging.Handler):
    def __init__(self, captured: CapturedLogs) -> None:
        super().__init__(logging.INFO)
        self.captured = captured
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.captured.lines.append(self.format(record))


@contextmanager
def capture_logs(level: int = logging.INFO) -> Iterator[CapturedLogs]:
    """Every record of `level` and above, from every logger (the production log level is INFO;
    SQLAlchemy keeps its own loggers at WARNING unless asked to echo)."""
    captured = CapturedLogs()
    handler = _Handler(captured)
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(level)
    try:
        yield captured
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)
