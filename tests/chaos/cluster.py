"""A private, throw-away PostgreSQL cluster: `initdb` into a temporary directory, `pg_ctl` on a
free port with trust authentication and its own socket directory, removed at the end.

The chaos runs stop and crash this cluster on purpose, so they must never point at a server other
engineers' tests use. PostgreSQL refuses to run as root; as root, its commands run as the
`postgres` account, which then owns the temporary directory.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Self

import psycopg

FIRST_PORT = 55432
DATABASE = "tafel_chaos"


def postgres_bin() -> Path:
    """The newest installed PostgreSQL's binaries (Debian layout), or the ones on PATH."""
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
    )
    if candidates:
        return Path(candidates[-1])
    initdb = shutil.which("initdb")
    if initdb is None:
        raise RuntimeError("initdb not found: install PostgreSQL's server binaries")
    return Path(initdb).parent


def free_port(start: int = FIRST_PORT) -> int:
    """The first port from `start` on which nothing listens on 127.0.0.1."""
    for port in range(start, start + 1000):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port from {start}")


class PrivateCluster:
    """`with PrivateCluster() as cluster:` — initialised and started; stopped and deleted after."""

    def __init__(self, *, port: int | None = None) -> None:
        self.bin = postgres_bin()
        self.port = port or free_port()
        self.root = Path(tempfile.mkdtemp(prefix="tafel-chaos-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "postgres.log"
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            account = pwd.getpwnam("postgres")
            os.chown(self.root, account.pw_uid, account.pw_gid)

    @property
    def admin_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    @property
    def url(self) -> str:
        """The application's database (SQLAlchemy URL)."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{DATABASE}"

    @property
    def libpq_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{DATABASE}"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin / args[0]), *args[1:]]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(  # noqa: S603 (fixed binaries, arguments built here)
            command, check=check, capture_output=True, text=True, cwd=self.root
        )

    def __enter__(self) -> Self:
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        settings = {
            "port": str(self.port),
            "listen_addresses": "'127.0.0.1'",
            "unix_socket_directories": f"'{self.root}'",
            "max_connections": "100",
            # Durability stays the default (fsync, synchronous_commit): the immediate-stop round
            # relies on an acknowledged commit surviving a crash of the server.
            "logging_collector": "off",
        }
        with (self.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write("\n# tafel chaos: private cluster\n")
            conf.writelines(f"{key} = {value}\n" for key, value in settings.items())
        self.start()
        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{DATABASE}"')
        return self

    def start(self) -> float:
        """Start and wait until it accepts connections; returns that moment (monotonic)."""
        self._run("pg_ctl", "start", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60")
        return time.monotonic()

    def stop(self, mode: str = "fast") -> float:
        """`fast` rolls back open transactions and shuts down cleanly; `immediate` is a crash
        (recovery replays the WAL at the next start). Returns when it is down (monotonic)."""
        self._run("pg_ctl", "stop", "-D", str(self.data), "-m", mode, "-w", "-t", "60")
        return time.monotonic()

    def is_running(self) -> bool:
        return self._run("pg_ctl", "status", "-D", str(self.data), check=False).returncode == 0

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            if self.is_running():
                self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)
