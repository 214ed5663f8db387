"""`python -m tests.chaos` (what `make chaos` runs): SIGKILL trials, then PostgreSQL outages under
load, on a private cluster; prints the figures and exits non-zero on any failure.

Knobs (flags, or the `TAFEL_CHAOS_*` environment variables they default to):
  --trials N          TAFEL_CHAOS_TRIALS        SIGKILL trials (100)
  --workers N         TAFEL_CHAOS_WORKERS       concurrent stories (4)
  --max-delay S       TAFEL_CHAOS_MAX_DELAY     latest kill after the stream resumes (4.0)
  --outages M,M       TAFEL_CHAOS_OUTAGES       stop modes under load (fast,immediate; "" none)
  --down-seconds S    TAFEL_CHAOS_DOWN_SECONDS  how long PostgreSQL stays down (5)
  --backend B         TAFEL_CHAOS_BACKEND       postgresql (private cluster) or sqlite (a file)
  --start M           TAFEL_CHAOS_START         warm (fork a pre-imported `tafel serve`) or cold
  --seed N            TAFEL_CHAOS_SEED          reproduce a run's random choices
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from adapters.sqlalchemy.engine import make_engine
from tests.chaos.cluster import PrivateCluster, free_port
from tests.chaos.invariants import Events, check, snapshot
from tests.chaos.kills import KillFigures, kill_trials
from tests.chaos.outage import OutageFigures, outage_round
from tests.chaos.server import Launcher, Server, server_environment
from tests.chaos.workload import Ledger, demo_cell, missing_acknowledged


def say(line: str) -> None:
    sys.stdout.write(f"[chaos {time.strftime('%H:%M:%S')}] {line}\n")
    sys.stdout.flush()


def arguments(argv: list[str] | None) -> argparse.Namespace:
    def env(name: str, default: str) -> str:
        return os.environ.get(f"TAFEL_CHAOS_{name}", default)

    parser = argparse.ArgumentParser(prog="python -m tests.chaos", description=__doc__)
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("--trials", type=int, default=int(env("TRIALS", "100")))
    parser.add_argument("--workers", type=int, default=int(env("WORKERS", "4")))
    parser.add_argument("--max-delay", type=float, default=float(env("MAX_DELAY", "4.0")))
    parser.add_argument("--outages", default=env("OUTAGES", "fast,immediate"))
    parser.add_argument("--down-seconds", type=float, default=float(env("DOWN_SECONDS", "5")))
    parser.add_argument(
        "--backend", choices=["postgresql", "sqlite"], default=env("BACKEND", "postgresql")
    )
    parser.add_argument("--start", choices=["warm", "cold"], default=env("START", "warm"))
    parser.add_argument("--seed", type=int, default=int(env("SEED", str(random.randrange(10**6)))))
    parser.add_argument(
        "--keep", action="store_true", help="keep the work directory (server log, SQLite file)"
    )
    return parser.parse_args(argv)


@contextlib.contextmanager
def database(backend: str, workdir: Path) -> Iterator[tuple[str, PrivateCluster | None]]:
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{workdir / 'tafel.db'}", None
        return
    with PrivateCluster() as cluster:
        say(f"private PostgreSQL on 127.0.0.1:{cluster.port} in {cluster.root}")
        yield cluster.url, cluster


async def run(args: argparse.Namespace) -> int:
    say(
        f"seed {args.seed}: {args.trials} trials × {args.workers} workers on {args.backend}, "
        f"{args.start} starts, outages: {args.outages or 'none'}"
    )
    rng = random.Random(args.seed)
    workdir = Path(tempfile.mkdtemp(prefix="tafel-chaos-"))
    failed = False
    kills = KillFigures()
    outages: list[OutageFigures] = []
    try:
        with database(args.backend, workdir) as (url, cluster):
            environment = server_environment(url, free_port(18400), workdir)
            log = workdir / "server.log"
            with Launcher(args.start, environment, log) as launcher:
                server = Server(launcher, int(environment["TAFEL_PORT"]))
                await server.start(migrate=True, env={"TAFEL_SEED_DEMO": "true"})
                say(f"tafel serve up on {server.base_url} (migrated, demo seeded)")
                engine = make_engine(url)
                try:
                    credentials = Path(environment["TAFEL_DEMO_CREDENTIALS_FILE"])
                    cell = demo_cell(await snapshot(engine), credentials)
                    baseline, _ = await check(engine)
                    if baseline.violations:
                        say(f"the fresh demo database already violates: {baseline.violations}")
                        return 1
                    ledger = Ledger()
                    kills = await kill_trials(
                        server,
                        cell,
                        ledger,
                        engine,
                        trials=args.trials,
                        workers=args.workers,
                        max_delay=args.max_delay,
                        rng=rng,
                        say=say,
                    )
                    say(f"kills: {kills.summary()}; {ledger.unavailable} × 503 meanwhile")
                    for mode in filter(None, args.outages.split(",")):
                        if cluster is None:
                            say("outages need PostgreSQL; skipped on SQLite")
                            break
                        figures = await outage_round(
                            cluster,
                            server,
                            cell,
                            ledger,
                            mode=mode,
                            down_seconds=args.down_seconds,
                            workers=args.workers,
                            seed=rng.randrange(2**32),
                            say=say,
                        )
                        outages.append(figures)
                        say(f"outage: {figures.summary()}")
                        for line in figures.violations[:10]:
                            say(f"    {line}")
                    final, snap = await check(engine)
                    missing = missing_acknowledged(ledger, snap, Events.of(snap))
                    say(
                        f"final check: {final.rows} rows, {final.events} audit events in "
                        f"{final.chains} intact-checked chains; {len(final.violations)} "
                        f"violations, {len(missing)} of {len(ledger.acks)} acknowledged "
                        f"writes missing; {len(ledger.violations)} bad answers in the stream; "
                        f"refused steps: {dict(ledger.refused) or 'none'}"
                    )
                    failed = bool(
                        kills.violations
                        or kills.missing
                        or final.violations
                        or missing
                        or any(not o.passed for o in outages)
                        or ledger.violations
                    )
                finally:
                    await engine.dispose()
                    await server.stop()
            text = log.read_text(errors="replace")
            unhandled, traces = text.count("unhandled error"), text.count("Traceback")
            say(f"server log: {unhandled} unhandled errors (500), {traces} stack traces")
            failed = failed or unhandled > 0 or traces > 0
    finally:
        if failed or args.keep:
            say(f"server log kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    say("PASSED" if not failed else "FAILED")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    return asyncio.run(run(arguments(argv)))


if __name__ == "__main__":
    sys.exit(main())
