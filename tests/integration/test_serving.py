"""`tafel serve` with several processes: connections spread over them, a process that dies is
replaced on its own socket, and SIGTERM stops them all.

uvicorn's `--workers` shares one socket and let one process take a whole burst of keep-alive
connections (the benchmark saw one process at 100 % and the other idle); `api.serving` gives each
process a socket of its own in one SO_REUSEPORT group.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

CONNECTIONS = 24  # one process with fewer than two of them by chance: about 2 × 25 × 2⁻²⁴


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _children(pid: int) -> list[int]:
    """The server processes (multiprocessing's resource tracker is a child too)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        for child in task.read_text().split():
            try:
                command = Path(f"/proc/{child}/cmdline").read_bytes()
            except OSError:
                continue
            if b"resource_tracker" not in command:
                found.append(int(child))
    return found


def _sockets(pid: int) -> int:
    """How many sockets the process holds open."""
    count = 0
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            count += os.readlink(fd).startswith("socket:")
        except OSError:
            continue
    return count


def _wait(condition: str, check: Callable[[], bool], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"not within {seconds} s: {condition}")


def _answers(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    port = _free_port()
    environment = {
        **os.environ,
        "TAFEL_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'tafel.db'}",
        "TAFEL_SPA_DIR": str(tmp_path / "no-spa"),
    }
    command = [sys.executable, "-m", "api.cli", "serve", "--migrate", "--workers", "2"]
    server = subprocess.Popen(  # noqa: S603 - our own command, fixed arguments
        [*command, "--port", str(port)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _wait("the server answers", lambda: _answers(port))
        yield server, port
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def test_connections_spread_over_the_processes_and_a_dead_one_is_replaced(
    served: tuple[subprocess.Popen[bytes], int],
) -> None:
    server, port = served
    processes = _children(server.pid)
    assert len(processes) == 2
    before = {pid: _sockets(pid) for pid in processes}
    connections = [socket.create_connection(("127.0.0.1", port)) for _ in range(CONNECTIONS)]
    try:
        for connection in connections:  # each one served, kept alive
            connection.sendall(b"GET /health HTTP/1.1\r\nHost: tafel\r\n\r\n")
            assert connection.recv(4096).startswith(b"HTTP/1.1 200")
        gained = {pid: _sockets(pid) - before[pid] for pid in processes}
        # Give or take the health checks' own connection, closed in between.
        assert CONNECTIONS - 2 <= sum(gained.values()) <= CONNECTIONS, gained
        assert min(gained.values()) >= 2, gained  # every process took its share
    finally:
        for connection in connections:
            connection.close()

    os.kill(processes[0], signal.SIGKILL)
    _wait("a replacement runs", lambda: len(set(_children(server.pid)) - {processes[0]}) == 2)
    _wait("the server answers", lambda: _answers(port))

    serving = _children(server.pid)
    server.send_signal(signal.SIGTERM)
    assert server.wait(timeout=30) == 0
    assert not any(Path(f"/proc/{pid}").exists() for pid in serving)
