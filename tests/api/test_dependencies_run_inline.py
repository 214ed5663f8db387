"""Every route and every dependency is a coroutine: FastAPI runs a plain `def` in its thread pool,
a thread hop per call per request. The providers of `api.dependencies` were plain functions and
cost the bulk of a light request (`GET /me`: 4.8 ms of CPU, 1.5 ms without the hops)."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute


def _calls(dependant: Dependant) -> Iterator[Any]:
    if dependant.call is not None:
        yield dependant.call
    for dependency in dependant.dependencies:
        yield from _calls(dependency)


def _api_routes(routes: list[Any]) -> Iterator[APIRoute]:
    """Included routers are kept as wrappers around the router they include (FastAPI ≥ 0.16x)."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        elif (included := getattr(route, "original_router", None)) is not None:
            yield from _api_routes(included.routes)


def _runs_inline(call: Any) -> bool:
    function = call if inspect.isroutine(call) else getattr(call, "__call__", None)  # noqa: B004
    return inspect.iscoroutinefunction(function) or inspect.isasyncgenfunction(function)


def test_no_route_or_dependency_runs_in_the_thread_pool(app: FastAPI) -> None:
    routes = list(_api_routes(app.routes))
    assert len(routes) > 50  # the whole API, not only the documentation pages
    in_threads = {
        f"{route.path}: {getattr(call, '__qualname__', type(call).__qualname__)}"
        for route in routes
        for call in _calls(route.dependant)
        if not _runs_inline(call)
    }
    assert not in_threads, sorted(in_threads)
