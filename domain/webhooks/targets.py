"""Where Tafel may send webhooks (OWASP API7, server-side request forgery).

A receiver URL must be `https://`, carry no credentials or fragment, and every address its host
resolves to must be public: loopback, private (RFC 1918, ULA), link-local (cloud metadata at
169.254.169.254), carrier-grade NAT, multicast, reserved and unspecified addresses are refused.
`allow_private` (development and tests only) admits `http://` and any host. The check is repeated
at connection time by the sender, so a name that later resolves elsewhere (DNS rebinding) is
refused too; redirects are never followed.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit

from domain.shared.errors import InputIssue, InvalidInput

MAX_URL_LENGTH = 2048


class HostResolver(Protocol):
    """Name resolution (DNS), so the domain can check where a name points."""

    async def addresses(self, host: str, port: int) -> list[str]:
        """Every address the host resolves to; empty when it does not resolve."""
        ...


def is_public_address(address: str) -> bool:
    """True for a globally routable unicast address (IPv4-mapped IPv6 judged as IPv4)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _refuse(code: str) -> InvalidInput:
    return InvalidInput([InputIssue("url", code)])


@dataclass(frozen=True, slots=True)
class TargetPolicy:
    """The SSRF guard applied when a webhook is registered."""

    resolver: HostResolver
    allow_private: bool = False

    async def vet(self, url: str) -> str:
        """The URL if Tafel may call it, else InvalidInput with one issue on `url`."""
        if len(url) > MAX_URL_LENGTH or any(c.isspace() for c in url):
            raise _refuse("webhookUrlInvalid")
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError as error:
            raise _refuse("webhookUrlInvalid") from error
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise _refuse("webhookUrlInvalid")
        if parts.username is not None or parts.password is not None or parts.fragment:
            raise _refuse("webhookUrlInvalid")
        if parts.scheme == "http" and not self.allow_private:
            raise _refuse("webhookUrlNotHttps")
        if self.allow_private:
            return url
        host = parts.hostname
        try:
            ipaddress.ip_address(host)
        except ValueError:
            addresses = await self.resolver.addresses(host, port or 443)
        else:
            addresses = [host]
        if not addresses:
            raise _refuse("webhookUrlUnresolvable")
        if not all(is_public_address(address) for address in addresses):
            raise _refuse("webhookUrlNotPublic")
        return url
