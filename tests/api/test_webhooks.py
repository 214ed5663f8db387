"""Registering webhooks: only clients with `webhooks:manage`, only for their own cell, only to
public `https://` receivers; the secret is shown once."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from api.dependencies import get_webhook_targets
from domain.webhooks.targets import TargetPolicy
from tests.support.scenario import CellScenario
from tests.support.webhooks import FakeResolver, IntegrationClient, integration_client

WEBHOOKS = "/api/v1/webhooks"
RECEIVER = "https://agenda.lindebeek.example/tafel/hooks"
DNS = FakeResolver(
    {
        "agenda.lindebeek.example": ["93.184.215.14"],
        "intranet.lindebeek.example": ["10.20.30.40"],
    }
)


@pytest.fixture(autouse=True)
def public_dns(app: FastAPI) -> None:
    """The test's DNS instead of the network's; private hosts are not allowed (production)."""
    app.dependency_overrides[get_webhook_targets] = lambda: TargetPolicy(DNS)


@pytest.fixture
async def manager(client: httpx.AsyncClient, cell: CellScenario) -> IntegrationClient:
    return await integration_client(client, cell, ["webhooks:manage", "meetings:read"])


async def register(
    client: httpx.AsyncClient, who: IntegrationClient, url: str = RECEIVER
) -> httpx.Response:
    return await client.post(
        WEBHOOKS,
        json={"url": url, "events": ["meetingPlanned", "cadenceOverdue"]},
        headers=who.headers,
    )


async def test_a_client_registers_a_webhook_and_sees_the_secret_once(
    client: httpx.AsyncClient, manager: IntegrationClient
) -> None:
    created = await register(client, manager)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["secret"].startswith("whsec_")
    assert body["events"] == ["cadenceOverdue", "meetingPlanned"]
    assert body["status"] == "active"
    assert created.headers["location"] == f"{WEBHOOKS}/{body['id']}"
    listed = await client.get(WEBHOOKS, headers=manager.headers)
    assert listed.status_code == 200
    assert [item["id"] for item in listed.json()["items"]] == [body["id"]]
    read = await client.get(f"{WEBHOOKS}/{body['id']}", headers=manager.headers)
    assert read.status_code == 200
    for response in (listed, read):
        assert "secret" not in response.text
        assert body["secret"] not in response.text
    log = await client.get(f"{WEBHOOKS}/{body['id']}/deliveries", headers=manager.headers)
    assert log.status_code == 200
    assert log.json()["items"] == []
    assert log.json()["total"] == 0


async def test_deleting_a_webhook(client: httpx.AsyncClient, manager: IntegrationClient) -> None:
    webhook = (await register(client, manager)).json()["id"]
    deleted = await client.delete(f"{WEBHOOKS}/{webhook}", headers=manager.headers)
    assert deleted.status_code == 204
    gone = await client.get(f"{WEBHOOKS}/{webhook}", headers=manager.headers)
    assert gone.status_code == 404
    again = await client.delete(f"{WEBHOOKS}/{webhook}", headers=manager.headers)
    assert again.status_code == 404


async def test_users_and_clients_without_the_scope_get_missing_scope(
    client: httpx.AsyncClient, cell: CellScenario, manager: IntegrationClient
) -> None:
    reader = await integration_client(client, cell, ["meetings:read"])
    for headers in (reader.headers, cell["dro"].headers, cell.admin.headers):
        for response in (
            await client.post(
                WEBHOOKS, json={"url": RECEIVER, "events": ["meetingPlanned"]}, headers=headers
            ),
            await client.get(WEBHOOKS, headers=headers),
        ):
            assert response.status_code == 403, response.text
            problem = response.json()
            assert problem["type"] == "urn:problem-type:belgif:missingScope"
            assert problem["requiredScopes"] == ["webhooks:manage"]
    webhook = (await register(client, manager)).json()["id"]
    for path in (f"{WEBHOOKS}/{webhook}", f"{WEBHOOKS}/{webhook}/deliveries"):
        assert (await client.get(path, headers=cell["dro"].headers)).status_code == 403


async def test_no_token_is_401(client: httpx.AsyncClient) -> None:
    response = await client.get(WEBHOOKS)
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")


async def test_another_cells_webhook_is_not_found(
    client: httpx.AsyncClient,
    cell: CellScenario,
    cell_b: CellScenario,
    manager: IntegrationClient,
) -> None:
    webhook = (await register(client, manager)).json()["id"]
    other = await integration_client(client, cell_b, ["webhooks:manage"])
    for response in (
        await client.get(f"{WEBHOOKS}/{webhook}", headers=other.headers),
        await client.get(f"{WEBHOOKS}/{webhook}/deliveries", headers=other.headers),
        await client.delete(f"{WEBHOOKS}/{webhook}", headers=other.headers),
    ):
        assert response.status_code == 404
    assert (await client.get(WEBHOOKS, headers=other.headers)).json()["items"] == []
    assert (await client.get(f"{WEBHOOKS}/{webhook}", headers=manager.headers)).status_code == 200


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("http://agenda.lindebeek.example/hooks", "webhookUrlNotHttps"),
        ("https://169.254.169.254/latest/meta-data/", "webhookUrlNotPublic"),
        ("https://127.0.0.1/hooks", "webhookUrlNotPublic"),
        ("https://intranet.lindebeek.example/hooks", "webhookUrlNotPublic"),
        ("https://unknown.lindebeek.example/hooks", "webhookUrlUnresolvable"),
        ("file:///etc/passwd", "webhookUrlInvalid"),
        ("https://user:secret@agenda.lindebeek.example/", "webhookUrlInvalid"),
    ],
)
async def test_refused_receiver_urls(
    client: httpx.AsyncClient, manager: IntegrationClient, url: str, code: str
) -> None:
    response = await client.post(
        WEBHOOKS,
        json={"url": url, "events": ["meetingPlanned"]},
        headers={**manager.headers, "Accept-Language": "fr-BE"},
    )
    assert response.status_code == 400, response.text
    (issue,) = response.json()["issues"]
    assert issue["name"] == "url"
    assert issue["type"].endswith(f":{code}")
    assert issue["detail"] != code, "translated"
    assert "value" not in issue


async def test_events_are_required_and_known(
    client: httpx.AsyncClient, manager: IntegrationClient
) -> None:
    for events in ([], ["caseOpened"]):
        response = await client.post(
            WEBHOOKS, json={"url": RECEIVER, "events": events}, headers=manager.headers
        )
        assert response.status_code == 400
