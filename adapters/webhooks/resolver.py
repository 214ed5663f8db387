"""Name resolution through the event loop's resolver (the system's `getaddrinfo`)."""

from __future__ import annotations

import asyncio
import socket

from domain.webhooks.targets import HostResolver


class SystemHostResolver(HostResolver):
    async def addresses(self, host: str, port: int) -> list[str]:
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(
                host, port, type=socket.SOCK_STREAM
            )
        except (OSError, UnicodeError):
            return []
        return sorted({str(info[4][0]) for info in infos})
