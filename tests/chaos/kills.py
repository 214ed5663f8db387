"""SIGKILL trials (RELIABILITY.md §10 family 19): the server killed at a random moment of a stream
of writes, restarted, and the database checked. The database is reused across trials: what a
kill leaves behind (a half-told story, a meeting left in session) stays, and every later check
covers it again — the invariants are cumulative."""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.chaos.invariants import Events, check
from tests.chaos.server import Server
from tests.chaos.workload import DemoCell, Ledger, Stream, fresh_tokens, missing_acknowledged

Say = Callable[[str], None]


@dataclass
class KillFigures:
    trials: int = 0
    kills: int = 0
    acknowledged: int = 0
    cut: int = 0
    violations: set[str] = field(default_factory=set)
    missing: set[str] = field(default_factory=set)
    restart_seconds: list[float] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        restarts = (
            f"restart median {statistics.median(self.restart_seconds):.1f} s, "
            f"max {max(self.restart_seconds):.1f} s"
            if self.restart_seconds
            else "no restarts"
        )
        return (
            f"{self.trials} trials, {self.kills} SIGKILLs, {self.acknowledged} writes "
            f"acknowledged ({self.cut} cut by a kill); {len(self.violations)} invariant "
            f"violations, {len(self.missing)} acknowledged writes missing; {restarts}; "
            f"{self.seconds:.0f} s"
        )


async def kill_trials(
    server: Server,
    cell: DemoCell,
    ledger: Ledger,
    engine: AsyncEngine,
    *,
    trials: int,
    workers: int,
    max_delay: float,
    rng: random.Random,
    say: Say,
) -> KillFigures:
    figures = KillFigures()
    began = time.monotonic()
    stream = Stream(server.base_url, cell, ledger, rng.randrange(2**32), workers=workers)
    try:
        for trial in range(1, trials + 1):
            async with httpx.AsyncClient(base_url=server.base_url, timeout=30.0) as client:
                await fresh_tokens(client, cell)
            acknowledged, cut = ledger.acknowledged, ledger.cut
            await stream.open()
            delay = rng.uniform(0.05, max_delay)
            await asyncio.sleep(delay)
            # Close the gate first: whatever is in flight now is what the kill cuts.
            stream.pause()
            await server.kill()
            figures.kills += 1
            await server.start()
            figures.restart_seconds.append(server.start_seconds[-1])
            report, snap = await check(engine)
            missing = missing_acknowledged(ledger, snap, Events.of(snap))
            figures.trials = trial
            figures.acknowledged += ledger.acknowledged - acknowledged
            figures.cut += ledger.cut - cut
            figures.violations.update(report.violations)
            figures.missing.update(missing)
            say(
                f"trial {trial:>3}/{trials}: killed after {delay:4.2f} s, "
                f"{ledger.acknowledged - acknowledged:>3} writes acknowledged, "
                f"{ledger.cut - cut} cut; {report.events} audit events in {report.chains} "
                f"chains; {len(report.violations)} violations, {len(missing)} missing"
            )
            for line in sorted(set(report.violations) | set(missing))[:10]:
                say(f"    {line}")
    finally:
        await stream.stop()
    figures.seconds = time.monotonic() - began
    return figures
