"""The SSRF guard on receiver URLs (OWASP API7)."""

from __future__ import annotations

import pytest

from domain.shared.errors import InvalidInput
from domain.webhooks.targets import TargetPolicy, is_public_address
from tests.support.webhooks import FakeResolver

DNS = FakeResolver(
    {
        "hooks.example.be": ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"],
        "rebind.example.be": ["93.184.215.14", "10.0.0.7"],
        "metadata.example.be": ["169.254.169.254"],
    }
)


async def refusal(policy: TargetPolicy, url: str) -> str:
    with pytest.raises(InvalidInput) as raised:
        await policy.vet(url)
    (issue,) = raised.value.issues
    assert issue.name == "url"
    return issue.code


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.215.14", True),
        ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),  # noqa: S104 (an address to refuse, not to bind)
        ("224.0.0.1", False),
        ("::1", False),
        ("fd00::1", False),
        ("fe80::1%eth0", False),
        ("::ffff:127.0.0.1", False),
        ("not an address", False),
    ],
)
def test_public_addresses(address: str, public: bool) -> None:
    assert is_public_address(address) is public


async def test_https_on_public_addresses_is_accepted() -> None:
    url = "https://hooks.example.be/tafel?token=abc"
    assert await TargetPolicy(DNS).vet(url) == url


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("http://hooks.example.be/tafel", "webhookUrlNotHttps"),
        ("file:///etc/passwd", "webhookUrlInvalid"),
        ("gopher://hooks.example.be/", "webhookUrlInvalid"),
        ("https://user:pw@hooks.example.be/", "webhookUrlInvalid"),
        ("https://hooks.example.be/#frag", "webhookUrlInvalid"),
        ("https://hooks.example.be:99999/", "webhookUrlInvalid"),
        ("https:///path-only", "webhookUrlInvalid"),
        ("https://hooks.example.be/a b", "webhookUrlInvalid"),
        ("https://169.254.169.254/latest/meta-data/", "webhookUrlNotPublic"),
        ("https://127.0.0.1:8000/", "webhookUrlNotPublic"),
        ("https://[::1]/", "webhookUrlNotPublic"),
        ("https://metadata.example.be/", "webhookUrlNotPublic"),
        ("https://rebind.example.be/", "webhookUrlNotPublic"),
        ("https://nowhere.example.be/", "webhookUrlUnresolvable"),
    ],
)
async def test_refused_urls(url: str, code: str) -> None:
    assert await refusal(TargetPolicy(DNS), url) == code


async def test_development_allowance_admits_http_and_private_hosts_without_resolving() -> None:
    resolver = FakeResolver({})
    policy = TargetPolicy(resolver, allow_private=True)
    assert await policy.vet("http://127.0.0.1:9000/hooks") == "http://127.0.0.1:9000/hooks"
    assert resolver.asked == []
    assert await refusal(policy, "file:///etc/passwd") == "webhookUrlInvalid"
