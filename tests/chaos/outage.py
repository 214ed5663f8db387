"""PostgreSQL stopped and started under load (RELIABILITY.md §10 family 18): while stories write
and readers read, the private cluster is stopped (`fast`: clean shutdown that ends every session;
`immediate`: a crash, WAL recovery at the next start), left down a few seconds, and started.

Meanwhile every answer is a normal one or a 503 problem+json with `Retry-After` — never another
5xx, a dropped connection, a trace or SQL — `/health` says DOWN (503) while the database is
down, and UP again within 30 s of the database accepting connections.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from tests.chaos.cluster import PrivateCluster
from tests.chaos.server import Server
from tests.chaos.workload import DemoCell, Ledger, Stream, fresh_tokens

Say = Callable[[str], None]
HEALTH_INTERVAL_SECONDS = 0.1
UP_DEADLINE_SECONDS = 30.0
SETTLE_SECONDS = 3.0


@dataclass
class Sample:
    sent: float
    answered: float
    status: int
    body: str
    content_type: str


@dataclass
class OutageFigures:
    mode: str
    down_seconds: float = 0.0
    requests: int = 0
    unavailable: int = 0
    health_down_while_down: int = 0
    health_samples_while_down: int = 0
    up_after_seconds: float | None = None
    acknowledged_after_up: int = 0
    violations: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return (
            not self.violations
            and self.up_after_seconds is not None
            and self.up_after_seconds <= UP_DEADLINE_SECONDS
            and self.health_samples_while_down > 0
            and self.health_down_while_down == self.health_samples_while_down
            and self.unavailable > 0
            and self.acknowledged_after_up > 0
        )

    def summary(self) -> str:
        up = f"{self.up_after_seconds:.1f} s" if self.up_after_seconds is not None else "never"
        return (
            f"PostgreSQL stop -m {self.mode}, down {self.down_seconds:.1f} s: "
            f"{self.requests} requests, {self.unavailable} × 503 problem+json, "
            f"{len(self.violations)} violations; /health DOWN in "
            f"{self.health_down_while_down}/{self.health_samples_while_down} samples while "
            f"down; UP {up} after the database; {self.acknowledged_after_up} writes "
            f"acknowledged after"
        )


@dataclass
class HealthWatch:
    """`/health` every 100 ms; `up` is set by the first UP answer to a request sent after
    `armed_at` (when the database accepted connections again)."""

    samples: list[Sample] = field(default_factory=list)
    armed_at: float = float("inf")
    up: asyncio.Event = field(default_factory=asyncio.Event)

    async def poll(self, server: Server, stop: asyncio.Event) -> None:
        async with httpx.AsyncClient(base_url=server.base_url, timeout=10.0) as client:
            while not stop.is_set():
                sent = time.monotonic()
                try:
                    response = await client.get("/health")
                except httpx.TransportError:
                    self.samples.append(Sample(sent, time.monotonic(), 0, "", ""))
                else:
                    kind = response.headers.get("content-type", "")
                    sample = Sample(
                        sent, time.monotonic(), response.status_code, response.text, kind
                    )
                    self.samples.append(sample)
                    if sample.status == 200 and sent >= self.armed_at:
                        self.up.set()
                await asyncio.sleep(HEALTH_INTERVAL_SECONDS)


async def read_loop(server: Server, cell: DemoCell, ledger: Ledger, stop: asyncio.Event) -> None:
    """Reads beside the writes: the caller's profile and the cell's case list."""
    paths = ("/api/v1/me", f"/api/v1/cells/{cell.id}/cases")
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30.0) as client:
        while not stop.is_set():
            for path in paths:
                ledger.sent += 1
                try:
                    response = await client.get(path, headers=cell["chair"].headers)
                except httpx.TransportError:
                    ledger.violations.append(f"GET {path}: connection failed")
                    continue
                ledger.check_response(response, f"GET {path}")
            await asyncio.sleep(0.05)


def judge_health(
    figures: OutageFigures, samples: list[Sample], down: float, starting: float, up: float
) -> None:
    """`down`: `pg_ctl stop` returned; `starting`: `pg_ctl start` was called (the database may
    accept connections a little before `pg_ctl` notices, so only [down, starting] is certainly
    down); `up`: `pg_ctl start` returned."""
    for sample in samples:
        if sample.status == 0:
            figures.violations.append("/health: connection failed")
        elif (sample.status, sample.body.replace(" ", "")) not in (
            (200, '{"status":"UP"}'),
            (503, '{"status":"DOWN"}'),
        ) or not sample.content_type.startswith("application/json"):
            figures.violations.append(f"/health: unexpected {sample.status}")
    inside = [s for s in samples if s.sent >= down and s.answered <= starting]
    figures.health_samples_while_down = len(inside)
    figures.health_down_while_down = sum(1 for s in inside if s.status == 503)
    for sample in inside:
        if sample.status != 503:
            figures.violations.append(
                f"/health {sample.status} while the database was down (asked "
                f"{sample.sent - down:+.2f} s after it stopped)"
            )
    first_up = next((s for s in samples if s.sent >= starting and s.status == 200), None)
    figures.up_after_seconds = max(0.0, first_up.answered - up) if first_up else None


async def outage_round(
    cluster: PrivateCluster,
    server: Server,
    cell: DemoCell,
    ledger: Ledger,
    *,
    mode: str,
    down_seconds: float,
    workers: int,
    seed: int,
    say: Say,
) -> OutageFigures:
    figures = OutageFigures(mode)
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30.0) as client:
        await fresh_tokens(client, cell)
    violations_before = len(ledger.violations)
    sent_before, unavailable_before = ledger.sent, ledger.unavailable
    watch = HealthWatch()
    stop = asyncio.Event()
    stream = Stream(server.base_url, cell, ledger, seed, workers=workers)
    stream.tolerate_outage = True
    await stream.open()
    tasks = [
        asyncio.create_task(read_loop(server, cell, ledger, stop)),
        asyncio.create_task(watch.poll(server, stop)),
    ]
    try:
        await asyncio.sleep(SETTLE_SECONDS)
        say(f"outage ({mode}): stopping PostgreSQL under load")
        down = await asyncio.to_thread(cluster.stop, mode)
        await asyncio.sleep(down_seconds)
        starting = time.monotonic()
        up = await asyncio.to_thread(cluster.start)
        figures.down_seconds = up - down
        say(f"outage ({mode}): PostgreSQL accepts connections again after {up - down:.1f} s")
        watch.armed_at = starting
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(watch.up.wait(), timeout=UP_DEADLINE_SECONDS + 5)
        acknowledged = ledger.acknowledged
        await asyncio.sleep(SETTLE_SECONDS)
        figures.acknowledged_after_up = ledger.acknowledged - acknowledged
    finally:
        await stream.stop()
        stop.set()
        for task in tasks:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(task, timeout=60)
    judge_health(figures, watch.samples, down, starting, up)
    figures.requests = ledger.sent - sent_before + len(watch.samples)
    figures.unavailable = ledger.unavailable - unavailable_before
    figures.violations.extend(ledger.violations[violations_before:])
    return figures
