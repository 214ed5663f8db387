"""Integration clients: client credentials, scopes, revocation — and never case content."""

from __future__ import annotations

import base64

import httpx

from tests.support.identity import bearer
from tests.support.scenario import CellScenario

TOKEN = "/api/v1/auth/token"


async def create(
    client: httpx.AsyncClient, cell: CellScenario, scopes: list[str]
) -> dict[str, str]:
    response = await client.post(
        f"/api/v1/cells/{cell.cell}/clients",
        json={"name": "Agenda stadhuis", "scopes": scopes},
        headers=cell["dro"].headers,
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def test_client_credentials_with_basic_auth(
    client: httpx.AsyncClient, cell: CellScenario
) -> None:
    created = await create(client, cell, ["meetings:read", "cadence:read"])
    assert created["clientSecret"].startswith("tfs_")
    basic = base64.b64encode(f"{created['id']}:{created['clientSecret']}".encode()).decode()
    response = await client.post(
        TOKEN,
        data={"grant_type": "client_credentials"},
        headers={"Authorization": f"Basic {basic}"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["token_type"] == "Bearer"
    assert body["scope"] == "cadence:read meetings:read"
    # A client token is no user session: no profile, no cell set-up, no case content.
    token = body["access_token"]
    assert (await client.get("/api/v1/me", headers=bearer(token))).status_code == 401
    assert (
        await client.get(f"/api/v1/cells/{cell.cell}/composition", headers=bearer(token))
    ).status_code == 404


async def test_requested_scopes_must_be_granted(
    client: httpx.AsyncClient, cell: CellScenario
) -> None:
    created = await create(client, cell, ["meetings:read"])
    form = {
        "grant_type": "client_credentials",
        "client_id": created["id"],
        "client_secret": created["clientSecret"],
    }
    narrowed = await client.post(TOKEN, data={**form, "scope": "meetings:read"})
    assert narrowed.status_code == 200
    refused = await client.post(TOKEN, data={**form, "scope": "statistics:read"})
    assert refused.status_code == 400
    assert refused.headers["content-type"] == "application/problem+json"


async def test_wrong_secret_and_revoked_client_are_refused(
    client: httpx.AsyncClient, cell: CellScenario
) -> None:
    created = await create(client, cell, ["statistics:read"])
    form = {
        "grant_type": "client_credentials",
        "client_id": created["id"],
        "client_secret": "tfs_wrong",
    }
    assert (await client.post(TOKEN, data=form)).status_code == 401
    good = {**form, "client_secret": created["clientSecret"]}
    token = (await client.post(TOKEN, data=good)).json()["access_token"]
    revoked = await client.delete(
        f"/api/v1/cells/{cell.cell}/clients/{created['id']}", headers=cell["dro"].headers
    )
    assert revoked.status_code == 204
    assert (await client.post(TOKEN, data=good)).status_code == 401
    listed = await client.get(f"/api/v1/cells/{cell.cell}/clients", headers=cell["dro"].headers)
    assert listed.json()["items"][0]["active"] is False
    assert "clientSecret" not in listed.text
    del token


async def test_only_client_credentials_grant(client: httpx.AsyncClient) -> None:
    response = await client.post(
        TOKEN, data={"grant_type": "password", "username": "x", "password": "y"}
    )
    assert response.status_code == 400


async def test_token_failures_are_throttled(client: httpx.AsyncClient, cell: CellScenario) -> None:
    created = await create(client, cell, ["statistics:read"])
    form = {
        "grant_type": "client_credentials",
        "client_id": created["id"],
        "client_secret": "tfs_wrong",
    }
    statuses = [(await client.post(TOKEN, data=form)).status_code for _ in range(6)]
    assert statuses[-1] == 429


async def test_members_cannot_manage_clients(client: httpx.AsyncClient, cell: CellScenario) -> None:
    response = await client.post(
        f"/api/v1/cells/{cell.cell}/clients",
        json={"name": "x", "scopes": ["statistics:read"]},
        headers=cell["clb"].headers,
    )
    assert response.status_code == 403
