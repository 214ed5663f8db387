"""`python -m bench.serve FACTORY PORT WORKERS`: an app factory served the way `tafel serve`
serves Tafel on PostgreSQL (uvicorn processes, a listening socket each, the same keep-alive), so
that Tafel and the bare app are measured under the same server."""

from __future__ import annotations

import sys

import uvicorn

from api.cli import KEEP_ALIVE_SECONDS
from api.serving import Supervisor, listeners


def main(argv: list[str]) -> int:
    factory, port, workers = argv[0], int(argv[1]), int(argv[2])
    config = uvicorn.Config(
        factory,
        factory=True,
        host="127.0.0.1",
        port=port,
        workers=workers,
        access_log=False,
        log_level="warning",
        server_header=False,
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
    )
    if workers == 1:
        uvicorn.Server(config).run()
        return 0
    return Supervisor(config, listeners(config.host, port, workers, config.backlog)).run()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
