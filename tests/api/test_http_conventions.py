"""Belgif conventions on every response: problem+json, trace ids, languages, limits, headers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any, ClassVar

import httpx
import pytest
from fastapi import APIRouter, FastAPI

from api.schemas import ApiModel
from domain.shared.errors import RuleViolation

PROBLEM = "application/problem+json"


class Sample(ApiModel):
    """A body for exercising validation."""

    title: str
    count: int


class SampleRuleViolation(RuleViolation):
    code = "sampleRuleViolation"
    rule: ClassVar[str] = "R-TEST-1"


def add_probe_routes(app: FastAPI) -> None:
    router = APIRouter(prefix="/api/v1/probes", tags=["Monitoring"])

    @router.post("/echo", status_code=201)
    async def create_echo(body: Sample) -> Sample:
        return body

    @router.get("/boom")
    async def explode() -> None:
        raise RuntimeError("secret internal detail /etc/passwd")

    @router.get("/rule")
    async def refuse() -> None:
        raise SampleRuleViolation(who="x")

    app.include_router(router)


@pytest.fixture
def backend() -> str:
    return "sqlite"


def assert_problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status
    assert response.headers["content-type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    trace = response.headers["BelGov-Trace-Id"]
    assert body["instance"] == f"urn:uuid:{trace}"
    assert isinstance(body["type"], str)
    assert body["type"].startswith("urn:problem-type:")
    assert body["title"]
    assert body["detail"]
    return body


async def test_unknown_api_route_is_problem_404(client: httpx.AsyncClient) -> None:
    body = assert_problem(await client.post("/api/v1/anything"), 404)
    assert body["type"] == "urn:problem-type:belgif:resourceNotFound"


async def test_unknown_page_without_spa_is_problem_404(client: httpx.AsyncClient) -> None:
    assert_problem(await client.get("/nowhere"), 404)


async def test_trailing_slash_is_404_not_a_redirect(client: httpx.AsyncClient) -> None:
    assert_problem(await client.get("/health/"), 404)


async def test_wrong_method_is_405_with_allow(client: httpx.AsyncClient) -> None:
    response = await client.delete("/health")
    assert_problem(response, 405)
    assert response.headers["Allow"] == "GET"


async def test_unknown_query_parameter_is_refused(client: httpx.AsyncClient) -> None:
    body = assert_problem(await client.get("/health", params={"verbose": "1"}), 400)
    issues = body["issues"]
    assert isinstance(issues, list)
    assert issues[0]["type"] == "urn:problem-type:belgif:input-validation:unknownInput"
    assert issues[0]["in"] == "query"
    assert issues[0]["name"] == "verbose"


async def test_validation_is_400_with_issues_not_422(app: FastAPI) -> None:
    add_probe_routes(app)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        response = await client.post(
            "/api/v1/probes/echo", json={"title": "x", "count": "many", "colour": "red"}
        )
    body = assert_problem(response, 400)
    issues = {issue["name"]: issue for issue in body["issues"]}
    assert issues["count"]["type"].endswith("schemaViolation")
    assert issues["count"]["in"] == "body"
    assert "value" not in issues["count"], "body values are never echoed"
    assert issues["colour"]["type"].endswith("unknownInput")


async def test_valid_body_is_accepted_in_camel_case(app: FastAPI) -> None:
    add_probe_routes(app)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        response = await client.post("/api/v1/probes/echo", json={"title": "x", "count": 2})
    assert response.status_code == 201
    assert response.json() == {"title": "x", "count": 2}


async def test_body_over_one_mebibyte_is_413(client: httpx.AsyncClient) -> None:
    body = assert_problem(
        await client.post("/api/v1/anything", content=b"x" * (1024 * 1024 + 1)), 413
    )
    assert body["type"] == "urn:problem-type:belgif:payloadTooLarge"
    assert body["limit"] == 1024 * 1024


async def test_chunked_body_over_the_limit_is_413(client: httpx.AsyncClient) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(20):
            yield b"y" * 65536

    assert_problem(await client.post("/api/v1/anything", content=chunks()), 413)


async def test_unexpected_failure_is_500_without_internals(app: FastAPI) -> None:
    add_probe_routes(app)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        response = await client.get("/api/v1/probes/boom")
    body = assert_problem(response, 500)
    assert "passwd" not in response.text
    assert "Traceback" not in response.text
    assert body["type"] == "urn:problem-type:belgif:internalServerError"


@pytest.mark.parametrize(
    ("accept", "language", "word"),
    [
        (None, "nl", "bestaat"),
        ("fr-BE,fr;q=0.9", "fr", "existe"),
        ("de-BE", "de", "existiert"),
        ("en-GB,en;q=0.8", "en", "exist"),
        ("es, fr;q=0.5", "fr", "existe"),
        ("es", "nl", "bestaat"),
    ],
)
async def test_detail_follows_accept_language(
    client: httpx.AsyncClient, accept: str | None, language: str, word: str
) -> None:
    headers = {"Accept-Language": accept} if accept else {}
    response = await client.get("/api/v1/nothing", headers=headers)
    body = assert_problem(response, 404)
    assert response.headers["Content-Language"] == language
    assert word in str(body["detail"])
    assert body["title"] == "Resource Not Found", "titles stay English"


async def test_rule_violation_names_its_rule(app: FastAPI) -> None:
    add_probe_routes(app)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        response = await client.get("/api/v1/probes/rule")
    body = assert_problem(response, 409)
    assert body["rule"] == "R-TEST-1"
    assert body["type"] == "urn:problem-type:tafel:sampleRuleViolation"


async def test_trace_ids_are_generated_and_related_id_echoed(client: httpx.AsyncClient) -> None:
    first = await client.get("/health", headers={"BelGov-Trace-Id": "caller-123"})
    second = await client.get("/health")
    assert first.headers["BelGov-Trace-Id"] != "caller-123"
    assert first.headers["BelGov-Related-Trace-Id"] == "caller-123"
    assert first.headers["BelGov-Trace-Id"] != second.headers["BelGov-Trace-Id"]


async def test_security_headers_on_api_responses(client: httpx.AsyncClient) -> None:
    response = await client.get("/health")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cache-Control"] == "no-store"
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


async def test_cors_is_off_without_an_allowlist(client: httpx.AsyncClient) -> None:
    response = await client.get("/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers
    preflight = await client.options(
        "/health",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
    )
    assert "access-control-allow-origin" not in preflight.headers
