"""The OpenAPI contract: stable lowerCamelCase operation ids, one tag per operation, every error
declared, and the committed `openapi.yaml` written from the app by one command."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute
from pydantic.alias_generators import to_camel

from api.problems import PROBLEM_MEDIA_TYPE, Problem

TAGS: list[dict[str, str]] = [
    {"name": "Authentication", "description": "Password, second factor, sessions, client tokens."},
    {"name": "Accounts", "description": "Accounts of professionals and their own profile."},
    {
        "name": "Cells",
        "description": "Cells, organisations, tables and members (R-SCOPE, R-TAB, R-MEM).",
    },
    {
        "name": "Cases",
        "description": "Intake, lifecycle, signals, plans, information cards (R-CASE, R-INFO).",
    },
    {
        "name": "Meetings",
        "description": "Cadence, meetings, attendance, decisions, minutes, calendars (R-CAD).",
    },
    {
        "name": "Feedback",
        "description": "Feedback forms to the LTF: versions, consensus, transmission (R-FB).",
    },
    {
        "name": "Oversight",
        "description": "Statistics and the compliance evidence pack (R-TAB-3, R-AUD-1).",
    },
    {"name": "Privacy", "description": "The privacy guard on free text (R-PRIV-2)."},
    {"name": "Integration", "description": "Credentials of municipal systems, with scopes."},
    {
        "name": "Webhooks",
        "description": "Signed notifications of meeting and cadence events to municipal systems.",
    },
    {"name": "Audit", "description": "The tamper-evident audit trail (R-AUD-1)."},
    {"name": "Monitoring", "description": "Health of the service (Belgif `/health`)."},
]

CONTACT = {
    "name": "Tafel maintainers",
    "url": "https://tafel.example.be",
    "email": "tafel@example.be",
}

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}

ERROR_DESCRIPTIONS = {
    400: "Invalid input (Belgif `badRequest` with `issues[]`)",
    401: "Missing, invalid or expired access token",
    403: "Authenticated but not allowed (`missingScope`, `missingPermission` or a rule)",
    404: "Not found, or not visible to the caller (the same answer either way)",
    409: "Refused by a rule of the LIVC-R guidance (`rule` names it) or by the current state",
    412: "The `If-Match` version is not the current one",
    413: "The request body is larger than the limit",
    422: "The Idempotency-Key was already used for a different request",
    428: "`If-Match` is required to change this resource",
    429: "Too many requests; see `Retry-After`",
    503: "The database is unreachable",
}


RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds after which the request may be tried again",
        "schema": {"type": "integer", "minimum": 1},
    }
}


def operation_id(route: APIRoute) -> str:
    """`list_cells` → `listCells`: Belgif `openapi-opid`, verb first, stable across releases."""
    return to_camel(route.name)


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses=` entry declaring a route's problem responses."""
    return {
        status: {"model": Problem, "description": ERROR_DESCRIPTIONS[status]} for status in statuses
    }


def install_contract(app: FastAPI, *, description: str) -> None:
    """Replace `app.openapi` so the served and the exported documents are the same one."""

    def build() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                openapi_version=app.openapi_version,
                summary="Case consultation for a Lokale Integrale Veiligheidscel – R",
                description=description,
                routes=app.routes,
                tags=TAGS,
                contact=CONTACT,
                license_info={"name": "EUPL-1.2"},
            )
            app.openapi_schema = _belgif_errors(document)
        return app.openapi_schema

    app.openapi = build  # type: ignore[method-assign]


def _belgif_errors(document: dict[str, Any]) -> dict[str, Any]:
    """FastAPI declares 422 `HTTPValidationError` everywhere; Tafel answers 400 problem+json, and
    problem responses are advertised only as `application/problem+json`."""
    for path_item in document.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.get("responses", {})
            generated = responses.get("422", {}).get("content", {}).get("application/json", {})
            if generated.get("schema", {}).get("$ref", "").endswith("/HTTPValidationError"):
                # Only FastAPI's own 422; Tafel's (a reused Idempotency-Key) stays documented.
                responses.pop("422")
                responses.setdefault("400", _problem_response(400))
            if "503" not in responses:
                # Every operation reaches the database; when it is lost the answer is 503.
                responses["503"] = _problem_response(503) | {"headers": RETRY_AFTER}
            for response in responses.values():
                content = response.get("content", {})
                problem = content.pop("application/json", None)
                if problem is not None and problem.get("schema") != PROBLEM_REF:
                    content["application/json"] = problem
                elif problem is not None:
                    content[PROBLEM_MEDIA_TYPE] = {"schema": PROBLEM_REF}
    schemas = document.get("components", {}).get("schemas", {})
    for generated in ("HTTPValidationError", "ValidationError"):
        schemas.pop(generated, None)
    return document


def _problem_response(status: int) -> dict[str, Any]:
    return {
        "description": ERROR_DESCRIPTIONS[status],
        "content": {PROBLEM_MEDIA_TYPE: {"schema": PROBLEM_REF}},
    }


def render_yaml(document: dict[str, Any]) -> str:
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)


def export(app: FastAPI, path: Path) -> None:
    """Write the committed contract (`tafel openapi export`)."""
    path.write_text(render_yaml(app.openapi()), encoding="utf-8")
