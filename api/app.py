"""`create_app(settings)`: the FastAPI application, assembled from its parts."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute

from api.conventions import refuse_unknown_query_parameters
from api.dependencies import Services, build_services
from api.docs import install_docs
from api.errors import install_error_handlers
from api.heap import settled_heap
from api.logs import install_log_redaction
from api.middleware import HttpConventions
from api.openapi import install_contract, operation_id
from api.routers import audit, auth, health, me, privacy, users
from api.routers.cases import cases as case_work
from api.routers.cases import plans as case_plans
from api.routers.cells import clients as cell_clients
from api.routers.cells import invitations as cell_invitations
from api.routers.cells import setup as cell_setup
from api.routers.cells import tables as cell_tables
from api.routers.feedback import routes as feedback
from api.routers.meetings import calendar, meetings
from api.routers.meetings import requests as meeting_requests
from api.routers.oversight import routes as oversight
from api.routers.webhooks import routes as webhooks
from api.schemas import check_only
from api.settings import Profile, Settings
from api.spa import install_spa

API_PREFIX = "/api/v1"
OPENAPI_URL = f"{API_PREFIX}/openapi.json"

DESCRIPTION = (
    "Tafel supports the case consultation of a *Lokale Integrale Veiligheidscel – Radicalisme, "
    "extremisme en terrorisme* (LIVC-R) under art. 458ter of the Criminal Code, following the "
    "Flemish guidance. It keeps no personal data about the persons discussed.\n\n"
    "Conventions (Belgian REST guide, Belgif): errors are `application/problem+json`; invalid "
    "input is `400` with `issues[]`; a refusal by a rule of the guidance carries `rule` (e.g. "
    "`R-MEM-3`); `Accept-Language` (nl, fr, de, en) selects the language of `detail`; every "
    "response carries a `BelGov-Trace-Id`. Deviation: this document is OpenAPI 3.1 (Belgif still "
    "recommends 3.0)."
)


def request_annotations(routes: Iterable[BaseRoute]) -> Iterator[Any]:
    """The annotations of everything a route reads from a request: bodies, query, path, header
    and cookie parameters, its dependencies' included (routers included or not)."""
    for route in routes:
        if isinstance(route, APIRoute):
            pending = [route.dependant]
            while pending:
                dependant = pending.pop()
                pending += dependant.dependencies
                for param in (
                    *dependant.body_params,
                    *dependant.query_params,
                    *dependant.path_params,
                    *dependant.header_params,
                    *dependant.cookie_params,
                ):
                    yield param.field_info.annotation
        elif inner := getattr(route, "original_router", None) or getattr(route, "routes", None):
            yield from request_annotations(getattr(inner, "routes", inner))


def create_app(settings: Settings | None = None, *, services: Services | None = None) -> FastAPI:
    """Build the application. Tests pass their own settings or services."""
    settings = settings or Settings()
    services = services or build_services(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await services.check_secret_key()
        with settled_heap():
            yield
        await services.close()

    app = FastAPI(
        title="Tafel",
        version="1.0.0",
        docs_url=None,
        redoc_url=None,
        openapi_url=OPENAPI_URL,
        redirect_slashes=False,
        generate_unique_id_function=operation_id,
        dependencies=[Depends(refuse_unknown_query_parameters)],
        lifespan=lifespan,
    )
    app.state.services = services
    app.state.settings = settings
    install_log_redaction()
    install_contract(app, description=DESCRIPTION)
    install_error_handlers(app)

    app.include_router(health.router)
    # Each router straight into the app: one level of included routers fewer to match through
    # on every request.
    for module in (
        auth,
        me,
        users,
        cell_setup,
        cell_tables,
        cell_invitations,
        cell_clients,
        case_work,
        case_plans,
        privacy,
        meetings,
        meeting_requests,
        calendar,
        feedback,
        oversight,
        audit,
        webhooks,
    ):
        app.include_router(module.router, prefix=API_PREFIX)

    check_only(request_annotations(app.routes))
    install_docs(app, OPENAPI_URL)
    install_spa(app, settings.spa_dir)

    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=[
                "Authorization",
                "Content-Type",
                "If-Match",
                "If-None-Match",
                "Idempotency-Key",
            ],
            expose_headers=["ETag", "BelGov-Trace-Id", "Location", "Retry-After"],
        )
    app.add_middleware(
        HttpConventions,
        max_body_bytes=settings.max_body_bytes,
        hsts=settings.profile is Profile.production,
    )
    return app
