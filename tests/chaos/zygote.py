"""A warm interpreter that forks `tafel serve` on request: `python -m tests.chaos.zygote`.

Importing Tafel takes seconds (FastAPI and pydantic build every model); a hundred kill trials
would spend most of their time there. This process imports once, then for each JSON line on its
standard input — `{"argv": [...], "env": {...}, "log": "/path"}` — forks a child that runs
`api.cli.main(argv)`, exactly what the `tafel` script runs, and answers with the child's pid.
The harness SIGKILLs that pid; children are reaped automatically (SIGCHLD ignored), and any
still running when the harness closes our input are killed.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import signal
import sys
import traceback
from pathlib import Path

# What `tafel serve` imports lazily, loaded once before any fork.
WARM_MODULES = (
    "uvicorn",
    "api.app",
    "api.cli",
    "api.demo",
    "api.dependencies",
    "api.logs",
    "api.settings",
    "alembic.command",
)


def child(request: dict[str, object]) -> None:
    """Become the server; never returns."""
    code = 1
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        os.setsid()  # not in the harness's terminal group: a ^C reaches the harness only
        log = os.open(str(request["log"]), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(log, 1)
        os.dup2(log, 2)
        env = request.get("env")
        if isinstance(env, dict):
            os.environ.update({str(k): str(v) for k, v in env.items()})
        argv = request.get("argv")
        from api.cli import main

        code = main([str(a) for a in argv] if isinstance(argv, list) else ["serve"])
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    except BaseException:  # the log is the only witness of a failed start
        traceback.print_exc()
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


def main() -> int:
    for name in WARM_MODULES:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    # A ^C is for the harness, which then closes our input; we outlive it long enough to take
    # the servers with us (they run in their own sessions and would otherwise linger).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    children: list[int] = []
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    try:
        for line in sys.stdin:
            if not line.strip():
                continue
            request = json.loads(line)
            pid = os.fork()
            if pid == 0:
                child(request)
            children.append(pid)
            sys.stdout.write(f"{pid}\n")
            sys.stdout.flush()
    finally:
        for pid in children:
            if is_child(pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
    return 0


def is_child(pid: int) -> bool:
    """Whether `pid` is still one of ours: a server that died was reaped at once, and its pid
    may since belong to an unrelated process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    # The parent pid is the second field after the parenthesised command name.
    return int(stat.rsplit(")", 1)[1].split()[1]) == os.getpid()


if __name__ == "__main__":
    sys.exit(main())
