"""API documentation that works with no internet.

Swagger UI and ReDoc assets are served by Tafel itself (from the fastapi-offline package), and the
pages carry no inline script, so the CSP holds."""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

ASSETS = Path(fastapi_offline.__file__).parent / "static"
ASSET_PATH = "/docs/assets"

SWAGGER_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tafel API</title>
<link rel="icon" href="{assets}/favicon.png">
<link rel="stylesheet" href="{assets}/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="{assets}/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script></body></html>"""

SWAGGER_INIT = """window.ui = SwaggerUIBundle({
  url: "%s", dom_id: "#swagger-ui", deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis], layout: "BaseLayout"
});"""

REDOC_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tafel API</title>
<link rel="icon" href="{assets}/favicon.png"></head>
<body><redoc spec-url="{spec}"></redoc>
<script src="{assets}/redoc.standalone.js"></script></body></html>"""


def install_docs(app: FastAPI, openapi_url: str) -> None:
    """`/docs` and `/redoc`, kept in production too: auditors read the contract."""
    app.mount(ASSET_PATH, StaticFiles(directory=ASSETS), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui() -> HTMLResponse:
        return HTMLResponse(SWAGGER_PAGE.format(assets=ASSET_PATH))

    @app.get("/docs/init.js", include_in_schema=False)
    async def swagger_init() -> Response:
        return Response(SWAGGER_INIT % openapi_url, media_type="text/javascript")

    @app.get("/redoc", include_in_schema=False)
    async def redoc() -> HTMLResponse:
        return HTMLResponse(REDOC_PAGE.format(assets=ASSET_PATH, spec=openapi_url))
