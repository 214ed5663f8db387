"""Belgif `req-valid`: query parameters a route does not declare are refused with 400
`unknownInput`, like unknown body fields are (Pydantic `extra="forbid"`)."""

from __future__ import annotations

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute

_declared: dict[int, frozenset[str]] = {}


def _declared_query_names(route: APIRoute) -> frozenset[str]:
    key = id(route)
    if key not in _declared:
        names: set[str] = set()
        pending: list[Dependant] = [route.dependant]
        while pending:
            dependant = pending.pop()
            names.update(param.alias for param in dependant.query_params)
            pending.extend(dependant.dependencies)
        _declared[key] = frozenset(names)
    return _declared[key]


async def refuse_unknown_query_parameters(request: Request) -> None:
    """App-wide dependency: compare the query string with what the route declares."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not request.query_params:
        return
    unknown = set(request.query_params.keys()) - _declared_query_names(route)
    if unknown:
        raise RequestValidationError(
            [
                {"type": "extra_forbidden", "loc": ("query", name), "msg": "unknown", "input": None}
                for name in sorted(unknown)
            ]
        )
