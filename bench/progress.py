"""A small progress bar on stderr (no dependency): tqdm is not part of the project's lock."""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import Self, TextIO

WIDTH = 30
REFRESH_SECONDS = 0.2


class Progress:
    """`with Progress("audit events", total) as bar: bar.advance(n)` draws
    `audit events  [#####.....]  42%  2 100 000/5 000 000  61 s  34 000/s` on one line."""

    def __init__(self, label: str, total: int, *, stream: TextIO | None = None) -> None:
        self.label = label
        self.total = max(total, 1)
        self.done = 0
        self.stream = stream or sys.stderr
        self.started = time.perf_counter()
        self._drawn = 0.0

    def __enter__(self) -> Self:
        self._draw(force=True)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._draw(force=True)
        self.stream.write("\n")
        self.stream.flush()

    def advance(self, count: int = 1) -> None:
        self.done += count
        self._draw()

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def _draw(self, *, force: bool = False) -> None:
        now = time.perf_counter()
        if not force and now - self._drawn < REFRESH_SECONDS:
            return
        self._drawn = now
        share = min(self.done / self.total, 1.0)
        filled = int(share * WIDTH)
        elapsed = now - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        line = (
            f"\r{self.label:<22} [{'#' * filled}{'.' * (WIDTH - filled)}] {share:4.0%} "
            f"{self.done:>11_}/{self.total:_} {elapsed:6.1f} s {rate:>10_.0f}/s"
        )
        self.stream.write(line.replace("_", " "))
        self.stream.flush()
