"""RFC 9457 problem details in Belgif's shape, built in one place.

`type` is `urn:problem-type:belgif:<code>` for the guide's standard problems and
`urn:problem-type:tafel:<code>` for ours; `instance` is the `urn:uuid:` of the response's
`BelGov-Trace-Id`, so an error can be found in the logs.
"""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse
from pydantic import Field

from api.i18n import Language, translate
from api.schemas import ApiModel

PROBLEM_MEDIA_TYPE = "application/problem+json"
BELGIF_HREF = "https://www.belgif.be/specification/rest/api-guide/problems/{code}.html"

# Problem codes defined by the Belgif guide itself; everything else is Tafel's own.
BELGIF_CODES = frozenset(
    {
        "badRequest",
        "noAccessToken",
        "invalidAccessToken",
        "expiredAccessToken",
        "missingScope",
        "missingPermission",
        "resourceNotFound",
        "payloadTooLarge",
        "tooManyRequests",
        "tooManyFailedRequests",
        "internalServerError",
        "badGateway",
        "serviceUnavailable",
    }
)

TITLES: dict[int, str] = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Resource Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    409: "Conflict",
    412: "Precondition Failed",
    413: "Payload Too Large",
    415: "Unsupported Media Type",
    422: "Unprocessable Content",
    428: "Precondition Required",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}

ISSUE_TYPE_PREFIX = {
    "schemaViolation": "urn:problem-type:belgif:input-validation:schemaViolation",
    "unknownInput": "urn:problem-type:belgif:input-validation:unknownInput",
    "invalidInput": "urn:problem-type:belgif:input-validation:invalidInput",
    "requiredInput": "urn:problem-type:belgif-ext:input-validation:requiredInput",
}


def problem_type(code: str) -> str:
    """The URN of a problem code."""
    if code in BELGIF_CODES:
        return f"urn:problem-type:belgif:{code}"
    return f"urn:problem-type:tafel:{code}"


def issue_type(code: str) -> str:
    """The URN of an input-validation issue code."""
    return ISSUE_TYPE_PREFIX.get(code, f"urn:problem-type:tafel:input-validation:{code}")


class InputValidationIssue(ApiModel):
    """One finding about one input (Belgif `InputValidationIssue`)."""

    type: str
    title: str
    detail: str
    in_: str = Field(alias="in", description="body, path, query or header")
    name: str | None = None
    value: Any | None = None
    rule: str | None = None
    kind: str | None = Field(default=None, description="For privacy findings: the identifier kind")
    start: int | None = Field(default=None, description="Start offset of a finding in the text")
    end: int | None = Field(default=None, description="End offset (exclusive) of a finding")


class Problem(ApiModel):
    """An RFC 9457 problem, as Belgif profiles it."""

    type: str = Field(examples=["urn:problem-type:belgif:resourceNotFound"])
    href: str | None = None
    title: str = Field(examples=["Resource Not Found"])
    status: int = Field(examples=[404])
    detail: str
    instance: str = Field(examples=["urn:uuid:123e4567-e89b-12d3-a456-426614174000"])
    rule: str | None = Field(default=None, description="The rule of RULES.md that refused it")
    issues: list[InputValidationIssue] | None = None
    retry_after_sec: int | None = None
    limit: int | None = None
    required_scopes: list[str] | None = None


def problem_body(
    *,
    status: int,
    code: str,
    language: Language,
    trace_id: str,
    params: dict[str, object] | None = None,
    detail: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A problem document as a plain dict (absent fields left out)."""
    body: dict[str, Any] = {
        "type": problem_type(code),
        "title": TITLES.get(status, "Error"),
        "status": status,
        "detail": detail if detail is not None else translate(code, language, params),
        "instance": f"urn:uuid:{trace_id}",
    }
    if code in BELGIF_CODES:
        body["href"] = BELGIF_HREF.format(code=code)
    body.update({key: value for key, value in extra.items() if value is not None})
    return body


def problem_response(
    body: dict[str, Any], language: Language, headers: dict[str, str] | None = None
) -> JSONResponse:
    """Serialize a problem with its media type and language."""
    all_headers = {"Content-Language": language, **(headers or {})}
    return JSONResponse(
        body, status_code=body["status"], media_type=PROBLEM_MEDIA_TYPE, headers=all_headers
    )
