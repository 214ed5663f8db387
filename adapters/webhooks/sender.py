"""`HttpxWebhookSender`: one POST per attempt, 10 s per operation and 15 s in all, no redirects,
no proxies from the environment, and only to public addresses.

The address check happens where the socket is opened (an httpcore network backend), on the
addresses actually connected to: a name that resolved to a public address at registration and
to 169.254.169.254 now (DNS rebinding) is refused. TLS still verifies the certificate for the
name in the URL (SNI and Host come from the URL, only the TCP connection goes to the checked IP).
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Iterable, Mapping

import httpcore
import httpx

from adapters.webhooks.resolver import SystemHostResolver
from domain.webhooks.ports import SendOutcome, WebhookSender
from domain.webhooks.targets import is_public_address

TIMEOUT_SECONDS = 10.0
TOTAL_SECONDS = 15.0


class AddressNotPublic(httpcore.ConnectError):
    """The host resolves to an address Tafel does not call."""


class GuardedNetworkBackend(httpcore.AsyncNetworkBackend):
    """Resolves the host itself and connects to a vetted address, or refuses."""

    def __init__(self, *, allow_private: bool) -> None:
        self._inner = httpcore.AnyIOBackend()
        self._resolver = SystemHostResolver()
        self._allow_private = allow_private
        self.refused = False

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's signature)
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await self._resolver.addresses(host, port)
        if not addresses:
            raise httpcore.ConnectError(f"cannot resolve {host}")
        if not self._allow_private and not all(map(is_public_address, addresses)):
            self.refused = True
            raise AddressNotPublic(host)
        return await self._inner.connect_tcp(
            addresses[0],
            port,
            timeout=timeout,
            local_address=local_address,
            socket_options=socket_options,
        )

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's signature)
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        del path, timeout, socket_options
        raise httpcore.ConnectError("unix sockets are not webhook receivers")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport over a connection pool that uses the guarded backend."""

    def __init__(self, backend: GuardedNetworkBackend, ssl_context: ssl.SSLContext) -> None:
        super().__init__(trust_env=False)
        # httpx has no public hook for name resolution; httpcore's pool has one, and replacing
        # the pool keeps httpx's own request and response mapping.
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context, max_connections=1, network_backend=backend
        )


class HttpxWebhookSender(WebhookSender):
    def __init__(
        self, *, allow_private: bool = False, verify: ssl.SSLContext | bool = True
    ) -> None:
        self._allow_private = allow_private
        self._ssl_context = httpx.create_ssl_context(verify=verify, trust_env=False)

    async def send(self, url: str, headers: Mapping[str, str], body: bytes) -> SendOutcome:
        if not self._allow_private and not url.startswith("https://"):
            return SendOutcome(None, "notHttps")  # registered while the allowance was on
        backend = GuardedNetworkBackend(allow_private=self._allow_private)
        transport = GuardedTransport(backend, self._ssl_context)
        try:
            async with (
                asyncio.timeout(TOTAL_SECONDS),
                httpx.AsyncClient(
                    transport=transport,
                    follow_redirects=False,
                    timeout=httpx.Timeout(TIMEOUT_SECONDS),
                    trust_env=False,
                ) as client,
                client.stream("POST", url, headers=dict(headers), content=body) as response,
            ):
                # The body is never read: a receiver's answer is not Tafel's business.
                return SendOutcome(response.status_code)
        except (TimeoutError, httpx.TimeoutException):
            return SendOutcome(None, "timeout")
        except httpx.ConnectError:
            return SendOutcome(None, "addressNotPublic" if backend.refused else "connectionFailed")
        except httpx.HTTPError:
            return SendOutcome(None, "requestFailed")
