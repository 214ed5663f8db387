"""The real server as a separate process, started, SIGKILLed and restarted by the harness.

`warm` (the default) forks `tafel serve` from a zygote that imported Tafel once (about a second
per start); `cold` runs `.venv/bin/tafel serve` from scratch each time (several seconds), for
whoever doubts the fork.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import IO, Self

import httpx

REPOSITORY = Path(__file__).resolve().parents[2]
READY_TIMEOUT_SECONDS = 60.0


class StartFailed(RuntimeError):
    pass


def server_environment(database_url: str, port: int, workdir: Path) -> dict[str, str]:
    """The settings of the chaos server: the demo profile (fictitious demo cell and accounts),
    fast password hashing, 15-minute access tokens so a run needs few logins."""
    return {
        "TAFEL_PROFILE": "demo",
        "TAFEL_DATABASE_URL": database_url,
        "TAFEL_HOST": "127.0.0.1",
        "TAFEL_PORT": str(port),
        # One process, so a SIGKILL kills the server that holds the writes (no orphan workers).
        "TAFEL_WORKERS": "1",
        "TAFEL_SECRET_KEY": secrets.token_urlsafe(48),
        "TAFEL_PASSWORD_HASHING": "fast",
        "TAFEL_ACCESS_TOKEN_MINUTES": "15",
        "TAFEL_SPA_DIR": str(workdir / "no-spa"),
        "TAFEL_MAIL_BACKEND": "outbox",
        "TAFEL_SEED_DEMO": "false",
        "TAFEL_DEMO_CREDENTIALS_FILE": str(workdir / "demo-accounts.json"),
    }


class Launcher:
    """Starts `tafel serve` processes; `spawn` returns the pid to signal."""

    def __init__(self, mode: str, environment: dict[str, str], log: Path) -> None:
        self.mode = mode
        self.environment = environment
        self.log = log
        self._zygote: subprocess.Popen[str] | None = None
        self._cold: dict[int, subprocess.Popen[bytes]] = {}

    def __enter__(self) -> Self:
        if self.mode == "warm":
            self._zygote = subprocess.Popen(
                [sys.executable, "-m", "tests.chaos.zygote"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                cwd=REPOSITORY,
                env={**os.environ, **self.environment},
            )
            if self._read_line() != "ready":
                raise StartFailed("the zygote did not start")
        return self

    def _read_line(self) -> str:
        assert self._zygote is not None
        stdout: IO[str] | None = self._zygote.stdout
        assert stdout is not None
        return stdout.readline().strip()

    def spawn(self, argv: list[str], env: dict[str, str] | None = None) -> int:
        if self._zygote is not None:
            stdin = self._zygote.stdin
            assert stdin is not None
            request = {"argv": argv, "env": env or {}, "log": str(self.log)}
            stdin.write(json.dumps(request) + "\n")
            stdin.flush()
            return int(self._read_line())
        with self.log.open("ab") as log:
            process = subprocess.Popen(  # noqa: S603 (the project's own console script)
                [str(Path(sys.executable).parent / "tafel"), *argv],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                cwd=REPOSITORY,
                env={**os.environ, **self.environment, **(env or {})},
                start_new_session=True,
            )
        self._cold[process.pid] = process
        return process.pid

    def gone(self, pid: int) -> bool:
        """Whether the process has ended (and been reaped)."""
        if self._zygote is None:
            process = self._cold.get(pid)
            if process is not None and process.poll() is None:
                return False
            self._cold.pop(pid, None)
            return True
        # A forked server is the zygote's child; once reaped, its pid may be someone else's.
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            return True
        return int(stat.rsplit(")", 1)[1].split()[1]) != self._zygote.pid

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        for pid in list(self._cold):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            self._cold[pid].wait()
        if self._zygote is not None:
            if self._zygote.stdin is not None:
                self._zygote.stdin.close()
            try:
                self._zygote.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._zygote.kill()
                self._zygote.wait()


class Server:
    """One `tafel serve` on a fixed port, restartable."""

    def __init__(self, launcher: Launcher, port: int) -> None:
        self.launcher = launcher
        self.port = port
        self.pid: int | None = None
        self.starts = 0
        self.start_seconds: list[float] = []

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self, *, migrate: bool = False, env: dict[str, str] | None = None) -> None:
        """Start and wait until `/health` says UP (or fail with the end of the log)."""
        began = time.monotonic()
        argv = ["serve", "--port", str(self.port)] + (["--migrate"] if migrate else [])
        self.pid = self.launcher.spawn(argv, env)
        self.starts += 1
        async with httpx.AsyncClient(base_url=self.base_url, timeout=2.0) as client:
            while time.monotonic() - began < READY_TIMEOUT_SECONDS:
                if self.launcher.gone(self.pid):
                    break
                with contextlib.suppress(httpx.TransportError):
                    if (await client.get("/health")).status_code == 200:
                        self.start_seconds.append(time.monotonic() - began)
                        return
                await asyncio.sleep(0.05)
        tail = self.launcher.log.read_text(errors="replace")[-3000:]
        raise StartFailed(f"tafel serve did not come up:\n{tail}")

    async def kill(self) -> None:
        """SIGKILL: no shutdown handler, no rollback, no flush — the process is simply gone."""
        await self._signal(signal.SIGKILL)

    async def stop(self) -> None:
        await self._signal(signal.SIGTERM)

    async def _signal(self, signum: signal.Signals) -> None:
        if self.pid is None:
            return
        if not self.launcher.gone(self.pid):
            os.kill(self.pid, signum)
        deadline = time.monotonic() + 30
        while not self.launcher.gone(self.pid):
            if time.monotonic() > deadline:
                os.kill(self.pid, signal.SIGKILL)
            await asyncio.sleep(0.02)
        self.pid = None
