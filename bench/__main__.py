"""`python -m bench --database postgresql://postgres@127.0.0.1:5432/tafel_bench`

Drops and rebuilds the named database (its name must contain "bench"), measures, and writes
`bench/results.md` and `bench/results.json`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shlex
import sys
from pathlib import Path

from sqlalchemy.engine import make_url

from bench import audit_speed, generate, load, report

DEFAULT_DATABASE = "postgresql://postgres@127.0.0.1:5432/tafel_bench"
DEFAULT_OUTPUT = Path(__file__).resolve().parent / "results.md"


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--database", default=DEFAULT_DATABASE, help="dropped and rebuilt")
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = 600 cells, 5M events")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--seconds", type=float, default=20.0, help="measured time per endpoint")
    parser.add_argument("--warmup", type=float, default=3.0, help="unmeasured seconds first")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="uvicorn processes per app (default: one per CPU, as `tafel serve` on PostgreSQL)",
    )
    parser.add_argument("--cells", type=int, default=16, help="cells whose chairs log in")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--skip-generate", action="store_true", help="reuse the database as is")
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--skip-audit", action="store_true")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    name = make_url(args.database).database or ""
    if "bench" not in name:
        sys.stderr.write(f"refusing to drop {name!r}: the database name must contain 'bench'\n")
        return 2
    started = report.now()
    command = " ".join(
        [".venv/bin/python -m bench", *(shlex.quote(a) for a in sys.argv[1:])]
        if argv is None
        else [".venv/bin/python -m bench", *argv]
    )
    run = report.Run(
        command=command,
        started=started,
        finished=started,
        machine=report.machine(args.database),
        parameters={
            "scale": args.scale,
            "seed": args.seed,
            "concurrency": args.concurrency,
            "seconds per endpoint": args.seconds,
            "warm-up seconds": args.warmup,
            "uvicorn workers per app": args.workers,
            "bench cells": args.cells,
        },
    )
    if not args.skip_generate:
        run.generation = generate.generate(args.database, generate.Scale.of(args.scale), args.seed)
    if not args.skip_audit:
        run.audit = asyncio.run(audit_speed.measure(args.database))
    if not args.skip_load:
        run.load = asyncio.run(
            load.run_load(
                args.database,
                workers=args.workers,
                concurrency=args.concurrency,
                seconds=args.seconds,
                warmup=args.warmup,
                bench_cells=args.cells,
            )
        )
    run.finished = report.now()
    run.machine["load average at the end"] = report.load_average()
    report.write(run, args.output)
    sys.stdout.write(report.summary(run) + f"\n\nwritten: {args.output}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
