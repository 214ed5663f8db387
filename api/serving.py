"""Several server processes on one port, each with a listening socket of its own.

uvicorn's `--workers` hands one shared socket to every process, and whichever process wakes first
accepts every connection waiting: a burst of keep-alive connections (a reverse proxy filling its
pool, a load test) lands on one process while the others idle. Measured here: 32 connections, two
processes, one of them at 0 % CPU. With SO_REUSEPORT each process listens on a socket of its own
and the kernel spreads new connections over them (what nginx's `reuseport` does).

The sockets are bound in the supervisor and kept open there, so a process that dies is replaced
on the same socket and the connections queued meanwhile wait in its backlog instead of failing.
The processes themselves are uvicorn's (`Process`: spawn, health check, stop); this module only
gives each its own socket and keeps the set alive.
"""

from __future__ import annotations

import logging
import signal
import socket
import threading
from types import FrameType

from uvicorn.config import STARTUP_FAILURE, Config
from uvicorn.supervisors.multiprocess import Process

logger = logging.getLogger("uvicorn.error")

CHECK_SECONDS = 0.5


def listeners(host: str, port: int, count: int, backlog: int) -> list[socket.socket]:
    """`count` listening sockets on the same address, in one SO_REUSEPORT group. Port 0 picks a
    free port for the first and binds the others to it."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sockets: list[socket.socket] = []
    try:
        for _ in range(count):
            sock = socket.socket(family, socket.SOCK_STREAM)
            sockets.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            sock.bind((host, port))
            port = sock.getsockname()[1]
            sock.listen(backlog)
            sock.set_inheritable(True)
    except OSError:
        for sock in sockets:
            sock.close()
        raise
    return sockets


class Supervisor:
    """One uvicorn process per socket; a process that dies or stops answering is replaced on its
    socket; SIGTERM or SIGINT stops them all."""

    def __init__(self, config: Config, sockets: list[socket.socket]) -> None:
        self.config = config
        self.sockets = sockets
        self.processes: list[Process] = []
        self.should_exit = threading.Event()
        self.failed = False

    def _start(self, sock: socket.socket) -> Process:
        process = Process(self.config, [sock])
        process.start()
        return process

    def _stop(self, _signum: int, _frame: FrameType | None) -> None:
        self.should_exit.set()

    def run(self) -> int:
        """Serves until told to stop; the exit status (non-zero when the app could not start)."""
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self._stop)
        logger.info("Serving with %d processes, one socket each (SO_REUSEPORT)", len(self.sockets))
        self.processes = [self._start(sock) for sock in self.sockets]
        while not self.should_exit.wait(CHECK_SECONDS):
            self._keep_alive()
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            process.join()
        for sock in self.sockets:
            sock.close()
        return STARTUP_FAILURE if self.failed else 0

    def _keep_alive(self) -> None:
        for slot, process in enumerate(self.processes):
            if self.should_exit.is_set():
                return
            if process.is_alive(timeout=self.config.timeout_worker_healthcheck):
                continue
            process.kill()
            process.join()
            if process.exitcode == STARTUP_FAILURE:
                # The app cannot start (configuration, database): every replacement would fail
                # the same way, so stop instead of looping.
                logger.error("Process [%s] failed to start; stopping.", process.pid)
                self.failed = True
                self.should_exit.set()
                return
            logger.warning("Process [%s] died; starting a replacement", process.pid)
            self.processes[slot] = self._start(self.sockets[slot])
