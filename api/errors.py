"""Every error leaves Tafel as Belgif problem+json, and domain errors map to HTTP in one table."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, cast

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from api.i18n import Language, negotiate, translate
from api.problems import issue_type, problem_body, problem_response
from api.schemas import INVALID_EMAIL
from domain.identity.errors import MissingScope
from domain.shared.errors import (
    AuthenticationFailed,
    Conflict,
    DomainError,
    IdempotencyKeyReused,
    InvalidInput,
    NotFound,
    PermissionDenied,
    PermissionRuleViolation,
    RuleViolation,
    StaleVersion,
    TooManyAttempts,
    Unavailable,
    VersionRequired,
)

# The one table from domain errors to HTTP statuses; the most specific class in the MRO wins.
ERROR_STATUS: dict[type[DomainError], int] = {
    InvalidInput: 400,
    AuthenticationFailed: 401,
    PermissionDenied: 403,
    PermissionRuleViolation: 403,
    NotFound: 404,
    Conflict: 409,
    RuleViolation: 409,
    StaleVersion: 412,
    IdempotencyKeyReused: 422,
    VersionRequired: 428,
    TooManyAttempts: 429,
    Unavailable: 503,
}

HTTP_CODES = {
    400: "badRequest",
    401: "noAccessToken",
    403: "missingPermission",
    404: "resourceNotFound",
    405: "methodNotAllowed",
    406: "notAcceptable",
    413: "payloadTooLarge",
    415: "unsupportedMediaType",
    429: "tooManyRequests",
    500: "internalServerError",
    503: "serviceUnavailable",
}


class ApiProblem(Exception):
    """A problem raised by the HTTP layer itself (tokens, scopes, preconditions)."""

    def __init__(
        self,
        status: int,
        code: str,
        *,
        params: dict[str, object] | None = None,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.params = params or {}
        self.headers = headers or {}
        self.extra = extra


def request_language(request: Request) -> Language:
    language: Language | None = getattr(request.state, "language", None)
    return language or negotiate(request.headers.get("accept-language"))


def trace_id(request: Request) -> str:
    return str(getattr(request.state, "trace_id", "00000000-0000-0000-0000-000000000000"))


def status_for(error: DomainError) -> int:
    for cls in type(error).__mro__:
        if cls in ERROR_STATUS:
            return ERROR_STATUS[cls]
    return 409


def domain_problem(error: DomainError, language: Language, trace: str) -> dict[str, Any]:
    """The problem body for a domain error, with its rule and its issues."""
    status = status_for(error)
    extra: dict[str, Any] = {}
    rule = getattr(error, "rule", "") or getattr(error, "rule_id", "")
    if rule:
        extra["rule"] = rule
    if isinstance(error, InvalidInput):
        extra["issues"] = [
            {
                "type": issue_type(issue.code),
                "title": issue.code,
                "detail": translate(issue.code, language, issue.params),
                "in": issue.location,
                "name": issue.name,
                **({"rule": rule} if rule else {}),
                **(
                    {"kind": issue.code, **issue.params}
                    if {"start", "end"} <= issue.params.keys()
                    else {}
                ),
            }
            for issue in error.issues
        ]
        code = "badRequest"
        params: dict[str, object] = {}
    else:
        code = error.code
        params = error.params
    if isinstance(error, TooManyAttempts):
        extra["retry_after_sec"] = error.retry_after_seconds
    if isinstance(error, MissingScope):
        extra["requiredScopes"] = [error.required]
    body = problem_body(
        status=status, code=code, language=language, trace_id=trace, params=params, **extra
    )
    if "retry_after_sec" in body:
        body["retryAfterSec"] = body.pop("retry_after_sec")
    return body


def _issue_name(location: Sequence[Any]) -> str | None:
    name = ""
    for part in location:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += f".{part}" if name else str(part)
    return name or None


def validation_issues(errors: Sequence[Any], language: Language) -> list[dict[str, Any]]:
    """FastAPI's validation errors as Belgif issues. Body values are never echoed: free text may
    hold exactly the personal data Tafel must not repeat."""
    issues = []
    for error in errors:
        location = list(error.get("loc", ()))
        where = str(location[0]) if location else "body"
        if where == "cookie":
            where = "header"
        kind = error.get("type", "")
        code = {
            "extra_forbidden": "unknownInput",
            "missing": "requiredInput",
            INVALID_EMAIL: INVALID_EMAIL,
        }.get(kind, "schemaViolation")
        issue: dict[str, Any] = {
            "type": issue_type(code),
            "title": code,
            "detail": translate(code, language, {"reason": error.get("msg", "")}),
            "in": where,
            "name": _issue_name(location[1:]),
        }
        value = error.get("input")
        if where != "body" and isinstance(value, str | int | float | bool):
            issue["value"] = value
        issues.append(issue)
    return issues


async def _domain_error(request: Request, exc: Exception) -> Response:
    exc = cast(DomainError, exc)
    language = request_language(request)
    body = domain_problem(exc, language, trace_id(request))
    headers = {}
    if isinstance(exc, TooManyAttempts | Unavailable):
        headers["Retry-After"] = str(exc.retry_after_seconds)
    if isinstance(exc, AuthenticationFailed):
        headers["WWW-Authenticate"] = (
            'Bearer realm="tafel"'
            if exc.code in ("noAccessToken", "invalidCredentials")
            else 'Bearer realm="tafel", error="invalid_token"'
        )
    return problem_response(body, language, headers)


async def _api_problem(request: Request, exc: Exception) -> Response:
    exc = cast(ApiProblem, exc)
    language = request_language(request)
    body = problem_body(
        status=exc.status,
        code=exc.code,
        language=language,
        trace_id=trace_id(request),
        params=exc.params,
        **exc.extra,
    )
    return problem_response(body, language, exc.headers)


async def _validation_error(request: Request, exc: Exception) -> Response:
    exc = cast(RequestValidationError, exc)
    language = request_language(request)
    body = problem_body(
        status=400,
        code="badRequest",
        language=language,
        trace_id=trace_id(request),
        issues=validation_issues(exc.errors(), language),
    )
    return problem_response(body, language)


NotFoundFallback = Callable[[Request], Awaitable[Response | None]]


async def _http_error(request: Request, exc: Exception) -> Response:
    exc = cast(StarletteHTTPException, exc)
    if exc.status_code == 404:
        fallback: NotFoundFallback | None = getattr(request.app.state, "not_found_fallback", None)
        if fallback is not None:
            response = await fallback(request)
            if response is not None:
                return response
    language = request_language(request)
    code = HTTP_CODES.get(exc.status_code, "badRequest")
    body = problem_body(
        status=exc.status_code, code=code, language=language, trace_id=trace_id(request)
    )
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = allowed_methods(request)
    return problem_response(body, language, headers)


def allowed_methods(request: Request) -> str:
    """Every method the contract documents for the path: Starlette names only those of the first
    route that matched, but FastAPI has one route per operation (RFC 9110 §15.5.6: all of them)."""
    path = request.scope["path"]
    for template, item in request.app.openapi()["paths"].items():
        literal = (re.escape(part) for part in PATH_PARAMETER.split(template))
        if re.fullmatch("[^/]+".join(literal), path):
            return ", ".join(sorted(method.upper() for method in item if method in HTTP_METHODS))
    return ""


PATH_PARAMETER = re.compile(r"\{[^}/]+\}")
HTTP_METHODS = frozenset({"get", "put", "post", "delete", "patch", "head", "options", "trace"})


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers; nothing leaves Tafel as FastAPI's default 422 or an HTML page.
    Unexpected exceptions are turned into a 500 problem by `api.middleware`, which sees them
    before Starlette's debug page could."""
    app.add_exception_handler(DomainError, _domain_error)
    app.add_exception_handler(ApiProblem, _api_problem)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
