"""How fast the audit chains verify, against raw SHA-256 over the same bytes.

1. The project's verification, as `tafel audit verify` runs it: `domain.audit.use_cases.
   verify_chains` through a read-only SQLAlchemy unit of work: PostgreSQL confirms each intact
   chain in place (one statement: row numbers, links, SHA-256 of the canonical bytes rebuilt in
   SQL), over the unit of work's two connections; a chain it cannot confirm is streamed and walked
   by the domain.
2. Raw SHA-256: the same events' canonical bytes (`domain.audit.model.canonical`, built outside
   the clock) hashed one event at a time with hashlib — the irreducible work of a chain — and,
   for reference, in one stream.

The ratio is speed over speed, i.e. raw time / verification time. A breakdown says where the
verification's time goes: fetching the rows (psycopg, no ORM), building the canonical JSON, and
the domain verifier on events already in memory.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

import psycopg
from pydantic import SecretStr

from bench.generate import BENCH_SECRET_KEY, libpq
from bench.progress import Progress
from domain.audit.model import Actor, AuditEvent, canonical
from domain.audit.use_cases import verify_chains
from domain.audit.verification import verify_chain

FETCH_BATCH = 20_000


@dataclass
class AuditSpeed:
    chains: int
    events: int
    bytes: int
    intact: bool
    verify_seconds: float  # the project's verification, end to end
    fetch_seconds: float  # rows out of PostgreSQL with psycopg (no ORM)
    canonical_seconds: float  # canonical JSON of every event
    domain_seconds: float  # domain verifier on events in memory
    sha_seconds: float  # hashlib, one call per event, over the canonical bytes
    stream_seconds: float  # hashlib over the same bytes in one stream

    @property
    def ratio(self) -> float:
        """Verification speed / raw per-event SHA-256 speed over the same bytes."""
        return self.sha_seconds / self.verify_seconds if self.verify_seconds else 0.0

    @property
    def domain_ratio(self) -> float:
        return self.sha_seconds / self.domain_seconds if self.domain_seconds else 0.0

    @property
    def stream_ratio(self) -> float:
        return self.stream_seconds / self.verify_seconds if self.verify_seconds else 0.0


async def project_verification(database_url: str) -> tuple[int, int, bool, float]:
    """`verify_chains` over every chain, in one read-only unit of work, timed."""
    from api.dependencies import build_services
    from api.settings import Settings

    settings = Settings(database_url=database_url, secret_key=SecretStr(BENCH_SECRET_KEY))
    services = build_services(settings)
    uow = services.unit_of_work(read_only=True)
    async with uow:
        chains = sorted(await uow.audit.chains())
        with Progress("audit verify (project)", len(chains)) as bar:
            # One call, as `tafel audit verify`: the store hashes the chains over the unit of
            # work's connections in parallel, longest first (the bar moves once, at the end).
            started = time.perf_counter()
            reports = await verify_chains(uow, chains)
            elapsed = time.perf_counter() - started
            events = sum(report.length for report in reports)
            intact = all(report.intact for report in reports)
            bar.advance(len(chains))
    await services.close()
    return len(chains), events, intact, elapsed


def raw_hashing(database_url: str, expected_events: int) -> dict[str, float]:
    """Fetch every event, build its canonical bytes, and time SHA-256 and the domain verifier
    on them, chain by chain."""
    timings = {"fetch": 0.0, "canonical": 0.0, "domain": 0.0, "sha": 0.0, "stream": 0.0}
    size = 0
    sha256 = hashlib.sha256

    def finish(chain: str, rows: list[tuple[object, ...]]) -> None:
        nonlocal size
        started = time.perf_counter()
        payloads = [
            canonical(
                str(r[0]), int(str(r[1])), str(r[2]), tuple(str(v) for v in r[3:9]), str(r[9])
            )
            for r in rows
        ]
        timings["canonical"] += time.perf_counter() - started
        size += sum(len(p) for p in payloads)
        started = time.perf_counter()
        for payload in payloads:
            sha256(payload).hexdigest()
        timings["sha"] += time.perf_counter() - started
        joined = b"".join(payloads)
        started = time.perf_counter()
        sha256(joined).hexdigest()
        timings["stream"] += time.perf_counter() - started
        events = [
            AuditEvent(
                chain=str(r[0]),
                seq=int(str(r[1])),
                occurred_at=str(r[2]),
                actor=Actor(str(r[3]), str(r[4])),
                action=str(r[5]),
                object_type=str(r[6]),
                object_id=str(r[7]),
                outcome=str(r[8]),
                prev_hash=str(r[9]),
                hash=str(r[10]),
            )
            for r in rows
        ]
        started = time.perf_counter()
        verify_chain(chain, events)
        timings["domain"] += time.perf_counter() - started

    with (
        psycopg.connect(libpq(database_url)) as connection,
        connection.cursor(name="audit_stream") as cursor,
        Progress("audit raw SHA-256", expected_events) as bar,
    ):
        cursor.execute(
            """SELECT chain, seq, occurred_at, actor_type, actor_id, action, object_type,
                      object_id, outcome, prev_hash, hash
               FROM audit_event ORDER BY chain, seq"""
        )
        current: str | None = None
        rows: list[tuple[object, ...]] = []
        while True:
            started = time.perf_counter()
            batch = cursor.fetchmany(FETCH_BATCH)
            timings["fetch"] += time.perf_counter() - started
            if not batch:
                break
            for row in batch:
                if row[0] != current:
                    if rows and current is not None:
                        finish(current, rows)
                    current, rows = str(row[0]), []
                rows.append(row)
            bar.advance(len(batch))
        if rows and current is not None:
            finish(current, rows)
    timings["bytes"] = float(size)
    return timings


async def measure(database_url: str) -> AuditSpeed:
    chains, events, intact, verify_seconds = await project_verification(database_url)
    raw = raw_hashing(database_url, events)
    return AuditSpeed(
        chains=chains,
        events=events,
        bytes=int(raw["bytes"]),
        intact=intact,
        verify_seconds=verify_seconds,
        fetch_seconds=raw["fetch"],
        canonical_seconds=raw["canonical"],
        domain_seconds=raw["domain"],
        sha_seconds=raw["sha"],
        stream_seconds=raw["stream"],
    )
