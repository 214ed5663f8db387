"""Regression tests for what the robustness suite (contract fuzzing, access matrix, faults)
found."""

from __future__ import annotations

import uuid

import httpx
import pytest
import yaml
from fastapi import FastAPI

from tests.support.scenario import CellScenario


@pytest.fixture
def backend() -> str:
    return "sqlite"


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/api/v1/me", "GET, PATCH"),
        ("/api/v1/me/calendarFeed", "DELETE, GET, POST"),
        ("/api/v1/users", "GET, POST"),
        ("/api/v1/auth/login", "POST"),
        ("/health", "GET"),
    ],
)
async def test_405_names_every_method_of_the_path(
    client: httpx.AsyncClient, path: str, allowed: str
) -> None:
    """Starlette named only the methods of the first route matching the path (`Allow: GET` for
    `/me`, which also has PATCH); RFC 9110 wants them all."""
    response = await client.request("OPTIONS", path)
    assert response.status_code == 405
    assert response.headers["allow"] == allowed
    assert response.headers["content-type"] == "application/problem+json"


async def test_405_on_a_templated_path(client: httpx.AsyncClient) -> None:
    response = await client.request("PUT", f"/api/v1/cells/{uuid.uuid4()}/cases")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"


async def test_listing_the_clients_of_a_missing_cell_is_404_even_for_the_administrator(
    client: httpx.AsyncClient, cell: CellScenario
) -> None:
    """It was an empty 200 for the platform administrator (who may see every cell)."""
    response = await client.get(f"/api/v1/cells/{uuid.uuid4()}/clients", headers=cell.admin.headers)
    assert response.status_code == 404
    own = await client.get(f"/api/v1/cells/{cell.cell}/clients", headers=cell.admin.headers)
    assert own.status_code == 200


async def test_an_empty_grant_type_is_invalid_in_the_contract_too(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    """A form field sent empty counts as missing: the contract now says so (`minLength: 1`)."""
    form = app.openapi()["components"]["schemas"]["Body_issueClientToken"]
    assert form["properties"]["grant_type"]["minLength"] == 1
    response = await client.post("/api/v1/auth/token", data={"grant_type": ""})
    assert response.status_code == 400
    assert yaml.safe_dump(response.json()["issues"][0]["in"]) == "body\n...\n"
