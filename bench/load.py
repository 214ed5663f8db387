"""The main endpoints under load, next to the bare endpoint, on the generated database.

Two servers run side by side on the same database, both through `bench.serve` (uvicorn processes
with a listening socket each, as `tafel serve`): Tafel itself (`api.app:create_app`, the
production profile, real argon2 and TOTP logins) and `bench.bare`. Each endpoint is driven in
turn by `concurrency` httpx clients of one connection each in a closed loop; the bare endpoint
runs before and after each of them, and each ratio uses the two bare runs around it (see
`LoadReport.yardstick`). SQL statements per request are
counted in a separate, sequential in-process run of the same requests (SQLAlchemy's
`before_cursor_execute` on the app's engine), so the load run carries no instrumentation.
"""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import AsyncExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pyotp
from sqlalchemy import event

from adapters.security.secret_box import TOTP_SECRETS, AesGcmSecretBox
from bench.generate import BENCH_PASSWORD, BENCH_SECRET_KEY, OPERATIONAL, libpq, migrate
from bench.progress import Progress
from tests.support.feedback import CONTENT as FEEDBACK_CONTENT  # the same valid form

ROOT = Path(__file__).resolve().parent.parent
API = "/api/v1"
FORMS_PER_CELL = 4
STATEMENT_SAMPLES = 12
READS = ("case list", "case page", "cadence", "meeting agenda", "statistics")

Request = tuple[str, str, dict[str, Any] | None]  # method, path, JSON body


# --- servers ------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cpu_seconds(self) -> float:
        """User + system CPU of the server and its worker processes (Linux /proc)."""
        total = 0.0
        ticks = os.sysconf("SC_CLK_TCK")
        for pid in [self.process.pid, *_children(self.process.pid)]:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / ticks
        return total


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        for child in task.read_text().split():
            found += [int(child), *_children(int(child))]
    return found


def app_environment(database_url: str, secret: str) -> dict[str, str]:
    """Tafel as in production: no TOTP waiver, standard argon2, the bench's secret key."""
    return {
        **os.environ,
        "TAFEL_DATABASE_URL": database_url,
        "TAFEL_PROFILE": "production",
        "TAFEL_SECRET_KEY": secret,
        "TAFEL_SPA_DIR": "/nonexistent",
        "TAFEL_ACCESS_TOKEN_MINUTES": "15",
        "TAFEL_MAIL_BACKEND": "outbox",
    }


@contextmanager
def servers(database_url: str, secret: str, workers: int) -> Iterator[tuple[Server, Server]]:
    """Tafel and the bare app, served alike (`bench.serve`), stopped on the way out."""
    logs = Path(tempfile.mkdtemp(prefix="tafel-bench-"))
    started: list[Server] = []
    specs = (
        ("tafel", "api.app:create_app", app_environment(database_url, secret), "/health"),
        (
            "bare",
            "bench.bare:create_bare_app",
            {**os.environ, "BENCH_DATABASE_URL": database_url},
            "/bare/health",
        ),
    )
    try:
        for name, factory, environment, _ in specs:
            port = free_port()
            log = logs / f"{name}.log"
            command = [sys.executable, "-m", "bench.serve", factory, str(port), str(workers)]
            with log.open("wb") as output:
                process = subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
                    command, cwd=ROOT, env=environment, stdout=output, stderr=subprocess.STDOUT
                )
            started.append(Server(name, port, process, log))
        for server, (_, _, _, health) in zip(started, specs, strict=True):
            _wait_until_up(server, health)
        yield started[0], started[1]
    finally:
        for server in started:
            server.process.send_signal(signal.SIGTERM)
        for server in started:
            try:
                server.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.process.kill()
                server.process.wait()


def _wait_until_up(server: Server, path: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise SystemExit(f"{server.name} exited: see {server.log}")
        try:
            if httpx.get(server.base_url + path, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"{server.name} did not start within 60 s: see {server.log}")


# --- what the bench users have ------------------------------------------------------------------


@dataclass
class Person:
    id: str
    email: str
    totp_secret: str
    token: str = ""

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@dataclass
class BenchCell:
    """One of the cells whose people log in: its chair drives the load."""

    number: int
    id: str
    people: dict[str, Person]
    operational: list[str]
    cases: list[str]
    follow_up: list[str]
    planned_meeting: str
    forms: list[tuple[str, str]] = field(default_factory=list)  # (form id, version hash)
    meeting: str = ""  # the meeting in session where the forms are approved

    @property
    def chair(self) -> Person:
        return self.people["dro"]


# The generator writes TOTP seeds in clear; a login seals them with the bench's key.
TOTP_BOX = AesGcmSecretBox(BENCH_SECRET_KEY, purpose=TOTP_SECRETS)


def totp_seed(user_id: str, stored: str) -> str:
    return TOTP_BOX.open(stored, user_id) if TOTP_BOX.is_sealed(stored) else stored


def load_cells(url: str, count: int) -> tuple[list[BenchCell], list[str]]:
    """The first `count` cells of the data set, and a sample of case ids from every cell."""
    cells = []
    with psycopg.connect(libpq(url)) as connection:
        for number in range(1, count + 1):
            domain = f"cel{number:03d}.tafel.example"
            rows = connection.execute(
                """SELECT u.email, u.id::text, u.totp_secret, m.cell_id::text
                   FROM user_account u JOIN member m ON m.user_id = u.id
                   WHERE u.email LIKE %s""",
                (f"%@{domain}",),
            ).fetchall()
            if not rows:
                break
            people = {
                email.split(".", 1)[0]: Person(uid, email, totp_seed(uid, stored))
                for email, uid, stored, _ in rows
            }
            cell = rows[0][3]
            cases = connection.execute(
                "SELECT id::text, status FROM case_file WHERE cell_id = %s ORDER BY code", (cell,)
            ).fetchall()
            planned = connection.execute(
                """SELECT id::text FROM meeting WHERE cell_id = %s AND status = 'planned'
                   AND table_kind = 'operational' AND starts_at > now()
                   AND NOT EXISTS (SELECT 1 FROM agenda_item a
                                   WHERE a.meeting_id = meeting.id AND a.purpose = 'feedbackForm')
                   ORDER BY starts_at LIMIT 1""",
                (cell,),
            ).fetchone()
            if planned is None:
                raise SystemExit(f"cell {number}: no planned meeting (generate the data set first)")
            cells.append(
                BenchCell(
                    number=number,
                    id=cell,
                    people=people,
                    operational=[people[key].id for key in OPERATIONAL],
                    cases=[case for case, _ in cases],
                    follow_up=[case for case, status in cases if status == "followUp"],
                    planned_meeting=planned[0],
                )
            )
        sample = [
            row[0]
            for row in connection.execute(
                "SELECT id::text FROM case_file TABLESAMPLE SYSTEM (5) LIMIT 4000"
            ).fetchall()
        ]
    if not cells:
        raise SystemExit("no bench cells found: generate the data set first")
    return cells, sample


def open_forms(url: str, case_ids: list[str]) -> dict[str, tuple[str, str]]:
    """Forms left open by an earlier run on the same data: case → (form, current hash)."""
    with psycopg.connect(libpq(url)) as connection:
        rows = connection.execute(
            """SELECT f.case_id::text, f.id::text, v.hash FROM feedback_form f
               JOIN feedback_version v ON v.form_id = f.id
               WHERE f.case_id = ANY(%s::uuid[]) AND f.transmitted_at IS NULL
                 AND v.number = (SELECT max(number) FROM feedback_version WHERE form_id = f.id)""",
            (case_ids,),
        ).fetchall()
    return {case: (form, digest) for case, form, digest in rows}


# --- logging in and preparing the approvals, through the API ------------------------------------


def _ok(response: httpx.Response, *expected: int) -> dict[str, Any]:
    if response.status_code not in (expected or (200, 201)):
        raise SystemExit(f"{response.request.method} {response.request.url}: {response.text}")
    body: dict[str, Any] = response.json() if response.content else {}
    return body


async def log_in(client: httpx.AsyncClient, person: Person) -> None:
    """Password, then the current TOTP code: the real login of the production profile."""
    first = _ok(
        await client.post(
            f"{API}/auth/login", json={"email": person.email, "password": BENCH_PASSWORD}
        )
    )
    if first["status"] == "authenticated":
        person.token = first["accessToken"]
        return
    totp = pyotp.TOTP(person.totp_secret)
    challenge = {"Authorization": f"Bearer {first['challengeToken']}"}
    response = await client.post(f"{API}/auth/mfa", json={"code": totp.now()}, headers=challenge)
    if response.status_code == 401:
        # A code is accepted once (ASVS 6.5.1): a run started within the same 30 s step
        # as an earlier one waits for the next step instead of failing.
        await asyncio.sleep(totp.interval - time.time() % totp.interval + 0.5)
        response = await client.post(
            f"{API}/auth/mfa", json={"code": totp.now()}, headers=challenge
        )
    person.token = _ok(response)["accessToken"]


async def prepare_approvals(client: httpx.AsyncClient, cell: BenchCell, url: str) -> None:
    """Feedback forms on the agenda of a meeting in session, the chair, the IO and the CLB present
    and having acknowledged its secrecy: what an approval needs (R-FB-2, R-PRIV-4)."""
    chair = cell.chair.headers
    chosen = cell.follow_up[:FORMS_PER_CELL]
    if not chosen:
        raise SystemExit(f"cell {cell.number} has no case in follow-up")
    existing = open_forms(url, chosen)
    for case in chosen:
        if case not in existing:
            body = _ok(
                await client.post(
                    f"{API}/cases/{case}/feedbackForms", json=FEEDBACK_CONTENT, headers=chair
                ),
                201,
            )
            existing[case] = (body["id"], body["current"]["hash"])
        cell.forms.append(existing[case])
    starts = datetime.now(UTC) + timedelta(hours=1)
    meeting = _ok(
        await client.post(
            f"{API}/cells/{cell.id}/meetings",
            json={
                "table": "operational",
                "startsAt": starts.isoformat(),
                "endsAt": (starts + timedelta(hours=2)).isoformat(),
                "place": "Gemeentehuis, vergaderzaal 1",
                "invitees": cell.operational,
                "agenda": [{"purpose": "feedbackForm", "case": case} for case in chosen],
            },
            headers=chair,
        ),
        201,
    )
    cell.meeting = meeting["id"]
    _ok(
        await client.patch(
            f"{API}/meetings/{cell.meeting}", json={"status": "inSession"}, headers=chair
        )
    )
    present = [cell.people[key].id for key in ("dro", "io", "clb")]
    _ok(
        await client.put(
            f"{API}/meetings/{cell.meeting}/attendance", json={"present": present}, headers=chair
        )
    )
    for key in ("dro", "io", "clb"):
        _ok(
            await client.post(
                f"{API}/meetings/{cell.meeting}/acknowledgement", headers=cell.people[key].headers
            ),
            204,
        )


def approval(cell: BenchCell, index: int) -> Request:
    form, digest = cell.forms[index % len(cell.forms)]
    body = {"meeting": cell.meeting, "versionHash": digest, "verdict": "approved"}
    return ("POST", f"{API}/feedbackForms/{form}/approvals", body)


def plans(cells: list[BenchCell], sample: list[str]) -> dict[str, list[list[Request]]]:
    """Per endpoint, per bench cell, the requests its chair cycles through."""
    return {
        "bare": [
            [("GET", f"/bare/{case}", None) for case in sample[i :: len(cells)]]
            for i in range(len(cells))
        ],
        "case list": [[("GET", f"{API}/cells/{c.id}/cases", None)] for c in cells],
        "case page": [[("GET", f"{API}/cases/{case}", None) for case in c.cases] for c in cells],
        "cadence": [[("GET", f"{API}/cells/{c.id}/cadence", None)] for c in cells],
        "meeting agenda": [[("GET", f"{API}/meetings/{c.planned_meeting}", None)] for c in cells],
        "statistics": [[("GET", f"{API}/cells/{c.id}/statistics", None)] for c in cells],
        "approval": [[approval(c, i) for i in range(len(c.forms))] for c in cells],
    }


# --- statements per request ---------------------------------------------------------------------


async def count_statements(
    database_url: str, secret: str, cells: list[BenchCell], requests: dict[str, list[list[Request]]]
) -> dict[str, list[int]]:
    """The same requests, one at a time, in process, counting what SQLAlchemy sends."""
    from pydantic import SecretStr

    from api.app import create_app
    from api.dependencies import build_services
    from api.settings import Profile, Settings

    settings = Settings(
        database_url=database_url,
        profile=Profile.production,
        secret_key=SecretStr(secret),
        spa_dir=Path("/nonexistent"),
        access_token_minutes=15,
    )
    services = build_services(settings)
    app = create_app(settings, services=services)
    counted: list[int] = [0]

    def count(*_args: object) -> None:
        counted[0] += 1

    event.listen(services.engine.sync_engine, "before_cursor_execute", count)
    results: dict[str, list[int]] = {}
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://tafel.bench") as client:
        # As under load: each cell's composition is held by the process once it served the cell
        # (a cell's first request in a process reads it: four statements more).
        for cell in cells:
            cadence = f"{API}/cells/{cell.id}/cadence"
            _ok(await client.get(cadence, headers=cell.chair.headers))
        for name, per_cell in requests.items():
            if name == "bare":
                continue
            results[name] = []
            for index in range(STATEMENT_SAMPLES):
                cell = cells[index % len(cells)]
                own = per_cell[index % len(cells)]
                method, path, body = own[index % len(own)]
                counted[0] = 0
                response = await client.request(method, path, json=body, headers=cell.chair.headers)
                _ok(response)
                results[name].append(counted[0])
    await services.close()
    return results


# --- the load -----------------------------------------------------------------------------------


@dataclass
class PhaseResult:
    name: str
    requests: int
    seconds: float
    latencies: list[float]
    errors: int
    statuses: dict[int, int]
    client_cpu: float
    server_cpu: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, share: float) -> float:
        """In milliseconds; infinite when no request completed in the measured window."""
        if not self.latencies:
            return float("inf")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000

    @property
    def p50(self) -> float:
        return self.percentile(0.50)

    @property
    def p99(self) -> float:
        return self.percentile(0.99)


async def drive(
    server: Server,
    name: str,
    per_cell: list[list[Request]],
    cells: list[BenchCell],
    concurrency: int,
    seconds: float,
    warmup: float,
) -> PhaseResult:
    """`concurrency` connections in a closed loop; connection i acts for bench cell i mod n.

    Each connection is a client of its own (one keep-alive connection, like a browser tab or an
    integration's worker). One client sharing a pool of 32 connections put its own queueing into
    the figures: measured against the bare endpoint, 388 req/s with a p99 of 332 ms through one
    pool, 555 req/s with a p99 of 95 ms through 32 clients, same server, same seconds."""
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    errors = 0
    async with AsyncExitStack() as stack:
        clients = [
            await stack.enter_async_context(
                httpx.AsyncClient(base_url=server.base_url, limits=limits, timeout=60)
            )
            for _ in range(concurrency)
        ]
        begin = time.perf_counter()
        measure_from = begin + warmup
        stop = measure_from + seconds
        last_end = measure_from
        marks = [time.process_time(), server.cpu_seconds()]

        async def mark() -> None:
            await asyncio.sleep(max(0.0, measure_from - time.perf_counter()))
            marks[:] = [time.process_time(), server.cpu_seconds()]

        async def connection(index: int) -> None:
            nonlocal errors, last_end
            client = clients[index]
            cell = cells[index % len(cells)]
            requests = per_cell[index % len(cells)]
            headers = cell.chair.headers
            position = index // len(cells)
            while (started := time.perf_counter()) < stop:
                method, path, body = requests[position % len(requests)]
                position += 1
                try:
                    response = await client.request(method, path, json=body, headers=headers)
                    status = response.status_code
                except httpx.HTTPError:
                    status = 0
                ended = time.perf_counter()
                if started < measure_from:
                    continue
                statuses[status] += 1
                if not 200 <= status < 300:
                    errors += 1
                latencies.append(ended - started)
                last_end = max(last_end, ended)

        # The load generator's own full collections (its imports are ~100 000 objects) stalled
        # its event loop, and every request in flight counted the stall as latency: what it
        # holds now is frozen out of the collector while it measures, as timeit disables it.
        gc.collect()
        gc.freeze()
        try:
            await asyncio.gather(mark(), *(connection(i) for i in range(concurrency)))
        finally:
            gc.unfreeze()
        elapsed = last_end - measure_from
        client_cpu = time.process_time() - marks[0]
        server_cpu = server.cpu_seconds() - marks[1]
    return PhaseResult(
        name=name,
        requests=len(latencies),
        seconds=elapsed,
        latencies=latencies,
        errors=errors,
        statuses=dict(statuses),
        client_cpu=client_cpu / elapsed if elapsed else 0.0,
        server_cpu=server_cpu / elapsed if elapsed else 0.0,
    )


@dataclass
class LoadReport:
    workers: int
    concurrency: int
    seconds: float
    bench_cells: int
    phases: list[PhaseResult]
    statements: dict[str, list[int]]

    def phase(self, name: str) -> list[PhaseResult]:
        return [p for p in self.phases if p.name == name]

    @property
    def bare_rps(self) -> float:
        return statistics.fmean(p.rps for p in self.phase("bare"))

    def yardstick(self, phase: PhaseResult) -> float:
        """The bare endpoint's req/s around this phase: the mean of the bare runs just before
        and just after it (all of them for a bare run). This machine's speed drifts during a
        run, by up to a third from one minute to the next on a shared host: a ratio to bare
        runs minutes away measured the drift as much as the endpoint."""
        if phase.name == "bare":
            return self.bare_rps
        at = self.phases.index(phase)
        around = [
            p.rps
            for p in (*self.phases[at - 1 : at], *self.phases[at + 1 : at + 2])
            if p.name == "bare"
        ]
        return statistics.fmean(around) if around else self.bare_rps

    def ratio(self, phase: PhaseResult) -> float:
        return phase.rps / self.yardstick(phase)


async def run_load(
    database_url: str,
    *,
    workers: int,
    concurrency: int,
    seconds: float,
    warmup: float,
    bench_cells: int,
) -> LoadReport:
    secret = BENCH_SECRET_KEY
    await asyncio.to_thread(
        migrate, database_url
    )  # a database kept from an earlier run (`--skip-generate`) catches up
    cells, sample = load_cells(database_url, bench_cells)
    with servers(database_url, secret, workers) as (tafel, bare):
        async with httpx.AsyncClient(base_url=tafel.base_url, timeout=60) as client:
            people = [
                p for c in cells for key, p in c.people.items() if key in ("dro", "io", "clb")
            ]
            with Progress("logins (argon2, TOTP)", len(people)) as bar:
                for person in people:
                    await log_in(client, person)
                    bar.advance()
            with Progress("approval meetings", len(cells)) as bar:
                for cell in cells:
                    await prepare_approvals(client, cell, database_url)
                    bar.advance()
        requests = plans(cells, sample)
        statements = await count_statements(database_url, secret, cells, requests)
        # The bare endpoint before and after every endpoint (see `LoadReport.yardstick`).
        order = ["bare", *(step for name in (*READS, "approval") for step in (name, "bare"))]
        phases = []
        with Progress("endpoints under load", len(order)) as bar:
            for name in order:
                server = bare if name == "bare" else tafel
                phases.append(
                    await drive(server, name, requests[name], cells, concurrency, seconds, warmup)
                )
                bar.advance()
    return LoadReport(workers, concurrency, seconds, len(cells), phases, statements)
