# Tafel: the SPA is built with Node, the API runs on a slim Python image as a non-root user.

FROM node:20-bookworm-slim AS spa
WORKDIR /build
COPY openapi.yaml ./
COPY frontend/package.json frontend/package-lock.json frontend/
RUN cd frontend && npm ci --no-audit --no-fund
COPY frontend frontend
RUN cd frontend && npm run build

FROM python:3.11-slim-bookworm AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    TAFEL_PROFILE=production TAFEL_HOST=0.0.0.0 TAFEL_PORT=8000 \
    TAFEL_SPA_DIR=/app/frontend/dist
RUN groupadd --system tafel && useradd --system --gid tafel --home-dir /app --shell /usr/sbin/nologin tafel
WORKDIR /app
COPY requirements.lock pyproject.toml README.md alembic.ini ./
RUN grep -v -E '^(pytest|hypothesis|schemathesis|ruff|mypy|import-linter|types-|pypdfium2)' requirements.lock > /tmp/runtime.txt \
    && pip install -r /tmp/runtime.txt
COPY api api
COPY adapters adapters
COPY domain domain
COPY migrations migrations
RUN pip install --no-deps . && mkdir -p /app/var && chown -R tafel:tafel /app/var
COPY --from=spa /build/frontend/dist /app/frontend/dist
USER tafel
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4).status == 200 else 1)"
# TAFEL_DATABASE_URL and TAFEL_SECRET_KEY must be provided; production refuses defaults.
CMD ["tafel", "serve", "--migrate"]
