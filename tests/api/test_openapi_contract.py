"""The committed `openapi.yaml` is the contract: generated from the app, never drifting."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from fastapi import FastAPI

from api.openapi import render_yaml

ROOT = Path(__file__).resolve().parents[2]
METHODS = {"get", "post", "put", "patch", "delete"}


@pytest.fixture
def backend() -> str:
    return "sqlite"


def operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    ]


def test_committed_contract_matches_the_app(app: FastAPI) -> None:
    committed = (ROOT / "openapi.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(committed) == yaml.safe_load(render_yaml(app.openapi())), (
        "openapi.yaml drifted from the app: run `make openapi` and commit the result"
    )


def test_operation_ids_are_unique_lower_camel_case(app: FastAPI) -> None:
    ids = [operation["operationId"] for _, _, operation in operations(app.openapi())]
    assert len(ids) == len(set(ids))
    for operation_id in ids:
        assert re.fullmatch(r"[a-z][a-zA-Z0-9]*", operation_id), operation_id


def test_each_operation_has_one_declared_tag_and_a_summary(app: FastAPI) -> None:
    document = app.openapi()
    declared = {tag["name"] for tag in document["tags"]}
    for path, method, operation in operations(document):
        assert len(operation["tags"]) == 1, f"{method} {path}"
        assert operation["tags"][0] in declared, f"{method} {path}"
        assert operation.get("summary"), f"{method} {path}"


def test_errors_are_declared_as_problems_never_fastapis_422(app: FastAPI) -> None:
    # FastAPI's own 422 (HTTPValidationError) never leaves Tafel: invalid input is a 400 problem.
    # The one 422 Tafel answers itself, a reused Idempotency-Key, is a declared problem+json.
    for path, method, operation in operations(app.openapi()):
        responses = operation["responses"]
        assert "HTTPValidationError" not in str(responses), f"{method} {path}"
        if "422" in responses:
            assert "Problem" in str(responses["422"]), f"{method} {path}"
            assert "Idempotency-Key" in str(operation.get("parameters", [])), f"{method} {path}"
        for status, response in responses.items():
            if status.startswith(("4", "5")) and "Problem" in str(response):
                assert list(response["content"]) == ["application/problem+json"]


def test_paths_are_lower_camel_case_without_trailing_slash(app: FastAPI) -> None:
    for path in app.openapi()["paths"]:
        assert not path.endswith("/") or path == "/"
        for segment in path.strip("/").split("/"):
            if segment and not segment.startswith("{"):
                assert re.fullmatch(r"[a-z][a-zA-Z0-9.]*", segment), path


async def test_contract_is_served_as_json(client: httpx.AsyncClient, app: FastAPI) -> None:
    response = await client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.json() == app.openapi()


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
async def test_docs_load_every_asset_from_tafel_itself(
    client: httpx.AsyncClient, page: str
) -> None:
    response = await client.get(page)
    assert response.status_code == 200
    html = response.text
    assert "cdn" not in html.lower()
    assert "<script>" not in html, "no inline script: the CSP forbids it"
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources
    for source in sources:
        assert source.startswith("/"), source
        asset = await client.get(source)
        assert asset.status_code == 200, source
