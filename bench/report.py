"""The results: a table on stdout, `bench/results.md` and `bench/results.json`."""

from __future__ import annotations

import dataclasses
import json
import os
import platform
import statistics
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg

from bench.audit_speed import AuditSpeed
from bench.generate import GenerationReport, libpq
from bench.load import READS, LoadReport

GENERATION_LIMIT_SECONDS = 15 * 60
READ_RATIO_TARGET = 0.5
P99_TARGET_MS = 100.0
VERIFY_RATIO_TARGET = 0.3
MAIN_ENDPOINTS = (*READS, "approval")
STATEMENT_TEST = "tests/integration/test_statement_counts.py"


@dataclass
class Run:
    command: str
    started: datetime
    finished: datetime
    machine: dict[str, str]
    parameters: dict[str, Any]
    generation: GenerationReport | None = None
    load: LoadReport | None = None
    audit: AuditSpeed | None = None


def machine(database_url: str) -> dict[str, str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        (
            line.split()[1]
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        "0",
    )
    with psycopg.connect(libpq(database_url, "postgres")) as connection:
        row = connection.execute("SHOW server_version").fetchone()
        server = str(row[0]) if row else "?"
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607 (read-only, the repository's git)
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parent.parent,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "?"
    return {
        "cpu": f"{cpu}, {os.cpu_count()} cores",
        "memory": f"{int(memory) / 1024 / 1024:.0f} GiB",
        "os": platform.platform(),
        "python": platform.python_version(),
        "postgresql": server,
        "commit": commit,
        "load average at the start": load_average(),
    }


def load_average() -> str:
    """1, 5 and 15 minutes: how busy the shared machine was."""
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


def _verdict(passed: bool) -> str:
    return "**pass**" if passed else "**FAIL**"


def _minutes(seconds: float) -> str:
    return f"{int(seconds // 60)} min {seconds % 60:04.1f} s"


def targets(run: Run) -> list[tuple[str, str, str]]:
    """(target, figure, verdict) for every target of issue 9 item 7 that this run measured."""
    rows = []
    if run.generation:
        seconds = run.generation.seconds
        rows.append(
            (
                "generation < 15 min",
                _minutes(seconds),
                _verdict(seconds < GENERATION_LIMIT_SECONDS),
            )
        )
    if run.load:
        load = run.load
        reads = [(load.ratio(p), p.name) for name in READS for p in load.phase(name)]
        worst = min(reads)
        rows.append(
            (
                "reads ≥ 0.5× the bare endpoint (each)",
                f"worst {worst[0]:.2f}× ({worst[1]}); "
                + ", ".join(f"{name} {ratio:.2f}×" for ratio, name in reads),
                _verdict(worst[0] >= READ_RATIO_TARGET),
            )
        )
        p99 = [(p.p99, p.name) for name in MAIN_ENDPOINTS for p in load.phase(name)]
        slowest = max(p99)
        rows.append(
            (
                "p99 ≤ 100 ms (each main endpoint)",
                f"worst {slowest[0]:.0f} ms ({slowest[1]}); "
                + ", ".join(f"{name} {ms:.0f}" for ms, name in p99),
                _verdict(slowest[0] <= P99_TARGET_MS),
            )
        )
        spread = {name: (min(c), max(c)) for name, c in load.statements.items()}
        rows.append(
            (
                "SQL statements per request constant in data size",
                f"asserted by `{STATEMENT_TEST}` (3 vs 30 cases, 1 vs 10 signals and actions, "
                "3 vs 30 agenda items, 1 vs 3 forms in the evidence pack); on the national "
                "data: "
                + ", ".join(
                    f"{name} {low}" if low == high else f"{name} {low}–{high}"
                    for name, (low, high) in spread.items()
                )
                + " (a case page's count depends on what the case holds — a plan, its actions, "
                "one audit event more per information card shown — not on how many cases exist)",
                "asserted by the test",
            )
        )
    if run.audit:
        ratio = run.audit.ratio
        rows.append(
            (
                "audit verification ≥ 0.3× raw SHA-256",
                f"{ratio:.3f}× ({run.audit.events:_} events)".replace("_", " "),
                _verdict(ratio >= VERIFY_RATIO_TARGET),
            )
        )
    return rows


def endpoint_rows(load: LoadReport) -> list[list[str]]:
    rows = []
    for phase in load.phases:
        counts = load.statements.get(phase.name)
        if counts:
            low, high = min(counts), max(counts)
            statements = f"{statistics.fmean(counts):.1f}" + (
                "" if low == high else f" ({low}–{high})"
            )
        else:
            statements = "1"
        rows.append(
            [
                phase.name,
                f"{phase.requests}",
                f"{phase.rps:.0f}",
                f"{phase.p50:.1f}",
                f"{phase.p99:.1f}",
                f"{load.ratio(phase):.2f}",
                statements,
                f"{phase.errors}",
                f"{phase.server_cpu:.0%}",
                f"{phase.client_cpu:.0%}",
            ]
        )
    return rows


ENDPOINT_HEADER = [
    "endpoint",
    "requests",
    "req/s",
    "p50 ms",
    "p99 ms",
    "× bare",
    "SQL stmts/req",
    "errors",
    "server CPU",
    "client CPU",
]


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def plain(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(c)) for c in column) for column in zip(header, *rows, strict=True)]
    return "\n".join(
        "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True))
        for row in [header, *rows]
    )


def markdown(run: Run) -> str:
    out = [
        "# Tafel benchmark (`make bench`)",
        "",
        f"Run {run.started:%Y-%m-%d %H:%M} – {run.finished:%H:%M} UTC, commit "
        f"`{run.machine['commit']}`.",
        "",
        "Reproduce:",
        "",
        "```sh",
        run.command,
        "```",
        "",
        "Machine: " + "; ".join(f"{k} {v}" for k, v in run.machine.items() if k != "commit") + ".",
        "The load generator, both apps and PostgreSQL share the same cores, so absolute figures "
        "depend on whatever else runs (see the load averages); the ratios to the bare endpoint, "
        "measured in the same run, are the comparable part.",
        "",
        "Parameters: " + ", ".join(f"{key} {value}" for key, value in run.parameters.items()) + ".",
        "",
        "## Targets (issue 9 item 7)",
        "",
        table(["target", "measured", "result"], [list(row) for row in targets(run)]),
        "",
    ]
    if run.generation:
        generation = run.generation
        out += [
            "## Data set",
            "",
            f"{generation.scale.cells} cells, {generation.scale.members} members, "
            f"{generation.scale.cases} cases, {generation.rows.get('case_signal', 0)} signals, "
            f"{generation.rows.get('audit_event', 0)} audit events (seed {generation.seed}); "
            f"generated in {_minutes(generation.seconds)}.",
            "",
            table(
                ["phase", "seconds"],
                [[name, f"{seconds:.1f}"] for name, seconds in generation.phases.items()],
            ),
            "",
            table(["table", "rows"], [[name, str(n)] for name, n in generation.rows.items()]),
            "",
        ]
    if run.load:
        load = run.load
        out += [
            "## Endpoints under load",
            "",
            f"{load.concurrency} concurrent connections (httpx, a client of one keep-alive "
            "connection each, closed loop) for "
            f"{load.seconds:.0f} s per endpoint after a warm-up; {load.workers} uvicorn "
            "process(es) for Tafel and for the bare app, served alike (`bench.serve`: as `tafel "
            "serve` does, a listening socket per process), one after the other on the same "
            f"database; the chairs of {load.bench_cells} cells logged in for real (password + "
            "TOTP) and drive the requests (connection i acts for cell i mod n). Bare = "
            "`GET /bare/{id}`, a FastAPI + SQLAlchemy primary-key select on `case_file`, run "
            "before and after every endpoint; × bare uses the mean of the two bare runs around "
            "the endpoint (the machine's speed drifts during a run; a bare row's own × is to the "
            f"mean of all bare runs, {load.bare_rps:.0f} req/s). SQL "
            "statements per request are counted in a "
            "separate sequential in-process run of the same requests (`before_cursor_execute`; "
            "BEGIN, COMMIT and the pool's pre-ping are not statements there), after one request "
            "per cell, as under load: a process holds a cell's composition once it served the "
            "cell, and a cell's first request in a process costs 4 statements more. Server CPU is "
            "the server processes' CPU time over wall time (100% = one core); client CPU the load "
            "generator's.",
            "",
            "- case list: `GET /api/v1/cells/{cellId}/cases` (first page, 50 cases)",
            "- case page: `GET /api/v1/cases/{caseId}` (every case of the cell in turn; each read "
            "is audited, and so is each information card shown)",
            "- cadence: `GET /api/v1/cells/{cellId}/cadence`",
            "- meeting agenda: `GET /api/v1/meetings/{meetingId}` (the next planned meeting, six "
            "cases on its agenda)",
            "- statistics: `GET /api/v1/cells/{cellId}/statistics`",
            "- approval: `POST /api/v1/feedbackForms/{formId}/approvals` (the chair approves one "
            "of four forms on the agenda of a meeting in session; a write: form row lock, "
            "verdict, audit event)",
            "",
            table(ENDPOINT_HEADER, endpoint_rows(load)),
            "",
        ]
    if run.audit:
        audit = run.audit
        megabytes = audit.bytes / 1e6

        def speed(seconds: float) -> str:
            rate = audit.events / seconds if seconds else 0.0
            per_second = f"{rate:_.0f}".replace("_", " ")
            return f"{seconds:.1f} s, {per_second} events/s, {megabytes / seconds:.1f} MB/s"

        out += [
            "## Audit chain verification",
            "",
            f"{audit.events} events in {audit.chains} chains, {megabytes:.0f} MB of canonical "
            f"JSON; chains intact: {'yes' if audit.intact else 'NO'}.",
            "",
            table(
                ["measure", "time and speed", "ratio"],
                [
                    [
                        "project verification (`verify_chains` through a read-only unit of "
                        "work, as `tafel audit verify`: PostgreSQL re-hashes each chain in one "
                        "statement, over two connections, longest chain first)",
                        speed(audit.verify_seconds),
                        "1",
                    ],
                    [
                        "raw SHA-256, one hashlib call per event over the same bytes",
                        speed(audit.sha_seconds),
                        f"verification = {audit.ratio:.3f}× this",
                    ],
                    [
                        "raw SHA-256, the same bytes in one stream",
                        speed(audit.stream_seconds),
                        f"verification = {audit.stream_ratio:.4f}× this",
                    ],
                    [
                        "breakdown: rows out of PostgreSQL (psycopg, no ORM)",
                        speed(audit.fetch_seconds),
                        "",
                    ],
                    [
                        "breakdown: canonical JSON (`domain.audit.model.canonical`)",
                        speed(audit.canonical_seconds),
                        "",
                    ],
                    [
                        "breakdown: domain verifier on events in memory (`verify_chain`)",
                        speed(audit.domain_seconds),
                        f"= {audit.domain_ratio:.3f}× raw per-event SHA-256",
                    ],
                ],
            ),
            "",
        ]
    return "\n".join(out)


def to_json(run: Run) -> dict[str, Any]:
    data: dict[str, Any] = {
        "command": run.command,
        "started": run.started.isoformat(),
        "finished": run.finished.isoformat(),
        "machine": run.machine,
        "parameters": run.parameters,
        "targets": [{"target": t, "measured": m, "result": r} for t, m, r in targets(run)],
    }
    if run.generation:
        data["generation"] = {
            "scale": dataclasses.asdict(run.generation.scale),
            "seed": run.generation.seed,
            "seconds": run.generation.seconds,
            "phases": run.generation.phases,
            "rows": run.generation.rows,
        }
    if run.load:
        data["load"] = {
            "workers": run.load.workers,
            "concurrency": run.load.concurrency,
            "seconds": run.load.seconds,
            "bareRps": run.load.bare_rps,
            "statements": run.load.statements,
            "phases": [
                {
                    "name": p.name,
                    "requests": p.requests,
                    "rps": p.rps,
                    "p50ms": p.p50,
                    "p99ms": p.p99,
                    "ratioToBare": run.load.ratio(p),
                    "bareRpsAround": run.load.yardstick(p),
                    "errors": p.errors,
                    "statuses": p.statuses,
                    "serverCpu": p.server_cpu,
                    "clientCpu": p.client_cpu,
                }
                for p in run.load.phases
            ],
        }
    if run.audit:
        data["audit"] = {**dataclasses.asdict(run.audit), "ratio": run.audit.ratio}
    return data


def write(run: Run, markdown_path: Path) -> str:
    document = markdown(run)
    markdown_path.write_text(document + "\n")
    markdown_path.with_suffix(".json").write_text(json.dumps(to_json(run), indent=2) + "\n")
    return document


def summary(run: Run) -> str:
    """The stdout version: targets and the endpoint table."""
    parts = [plain(["target", "measured", "result"], [list(r) for r in targets(run)])]
    if run.load:
        parts.append(plain(ENDPOINT_HEADER, endpoint_rows(run.load)))
    if run.audit:
        audit = run.audit
        parts.append(
            f"audit: {audit.events} events verified in {audit.verify_seconds:.1f} s "
            f"(intact: {audit.intact}); raw SHA-256 {audit.sha_seconds:.1f} s; "
            f"ratio {audit.ratio:.3f}× (domain verifier alone {audit.domain_ratio:.3f}×)"
        )
    return "\n\n".join(parts)


def now() -> datetime:
    return datetime.now(UTC)
