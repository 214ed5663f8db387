"""Serving the built single-page app: its files, and `index.html` for every deep link, while
unknown `/api/*` paths stay problem+json 404s."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

NOT_SPA_PREFIXES = ("/api/", "/api", "/health", "/docs", "/redoc", "/openapi.json")


def install_spa(app: FastAPI, spa_dir: Path) -> None:
    """Mount the SPA when it has been built; deep links fall back to its `index.html`."""
    index = spa_dir / "index.html"
    if not index.is_file():
        return
    assets = spa_dir / "assets"
    if assets.is_dir():
        app.mount("/assets", StaticFiles(directory=assets), name="spa-assets")
    root = spa_dir.resolve()

    async def fallback(request: Request) -> Response | None:
        if request.method not in ("GET", "HEAD") or request.url.path.startswith(NOT_SPA_PREFIXES):
            return None
        candidate = (spa_dir / request.url.path.lstrip("/")).resolve()
        if candidate.is_file() and candidate.is_relative_to(root):
            return FileResponse(candidate)
        return FileResponse(index, media_type="text/html")

    app.state.not_found_fallback = fallback
