"""HTTP conventions applied to every response, as one pure ASGI middleware (cheaper than
Starlette's BaseHTTPMiddleware): trace ids, language, security headers, body size limit, and a
last-resort 500 problem that never shows internals."""

from __future__ import annotations

import json
import logging
import uuid
from typing import Any

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.i18n import negotiate
from api.problems import PROBLEM_MEDIA_TYPE, problem_body

logger = logging.getLogger("tafel.http")

API_VERSION = "1.0.0"
TRACE_HEADER = "BelGov-Trace-Id"
RELATED_TRACE_HEADER = "BelGov-Related-Trace-Id"
MAX_TRACE_ID_LENGTH = 36

SPA_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# Swagger UI and ReDoc set inline styles at run time; their scripts still come only from Tafel.
DOCS_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
API_PREFIXES = ("/api/", "/health")
DOCS_PREFIXES = ("/docs", "/redoc")


class HttpConventions:
    """Belgif/NL GOV response conventions for every request."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int, hsts: bool) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.hsts = hsts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_headers = Headers(scope=scope)
        trace_id = str(uuid.uuid4())
        language = negotiate(request_headers.get("accept-language"))
        state = scope.setdefault("state", {})
        state["trace_id"] = trace_id
        state["language"] = language
        related = request_headers.get(TRACE_HEADER.lower())
        path: str = scope["path"]
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                self._decorate(headers, path, trace_id, language, related)
            await send(message)

        declared = request_headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body_bytes:
            await self._send_problem(send_with_headers, 413, "payloadTooLarge", trace_id, language)
            return
        body_receive = await self._bounded_receive(receive)
        if body_receive is None:
            await self._send_problem(send_with_headers, 413, "payloadTooLarge", trace_id, language)
            return
        try:
            await self.app(scope, body_receive, send_with_headers)
        except Exception as exc:
            logger.error(
                "unhandled error trace=%s type=%s", trace_id, type(exc).__name__, exc_info=exc
            )
            if not started:
                await self._send_problem(
                    send_with_headers, 500, "internalServerError", trace_id, language
                )

    async def _bounded_receive(self, receive: Receive) -> Receive | None:
        """Read a chunked body up to the limit; None when it is larger (then 413)."""
        chunks: list[bytes] = []
        size = 0
        more = True
        first: Message | None = None
        while more:
            message = await receive()
            if message["type"] != "http.request":
                first = message
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                return None
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if first is not None:
                return first
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return replay

    def _decorate(
        self,
        headers: MutableHeaders,
        path: str,
        trace_id: str,
        language: str,
        related: str | None,
    ) -> None:
        headers[TRACE_HEADER] = trace_id
        if related and len(related) <= MAX_TRACE_ID_LENGTH and related.isprintable():
            headers[RELATED_TRACE_HEADER] = related
        headers["API-Version"] = API_VERSION
        headers["X-Content-Type-Options"] = "nosniff"
        headers["X-Frame-Options"] = "DENY"
        headers["Referrer-Policy"] = "no-referrer"
        headers["Cross-Origin-Opener-Policy"] = "same-origin"
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        if self.hsts:
            headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        if "content-language" not in headers:
            headers["Content-Language"] = language
        headers.append("Vary", "Accept-Language")
        is_api = path.startswith(API_PREFIXES) or path == "/openapi.json"
        if path.startswith(DOCS_PREFIXES):
            headers["Content-Security-Policy"] = DOCS_CSP
        else:
            headers["Content-Security-Policy"] = SPA_CSP
        if is_api:
            headers["Cache-Control"] = "no-store"
        elif "cache-control" not in headers:
            headers["Cache-Control"] = "no-cache"

    async def _send_problem(
        self, send: Send, status: int, code: str, trace_id: str, language: Any
    ) -> None:
        extra: dict[str, Any] = {"limit": self.max_body_bytes} if status == 413 else {}
        body = problem_body(status=status, code=code, language=language, trace_id=trace_id, **extra)
        payload = json.dumps(body).encode()
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
                    (b"content-length", str(len(payload)).encode()),
                    (b"content-language", str(language).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": payload})
