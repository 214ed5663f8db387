"""The yardstick: a bare FastAPI + SQLAlchemy app on the same database, one primary-key select.

Same stack as Tafel (FastAPI, SQLAlchemy 2 async, psycopg 3, Tafel's engine and pool settings,
one row class) and nothing else: no token, no roles, no audit. Served by uvicorn with
`--factory bench.bare:create_bare_app`; the database URL comes from `BENCH_DATABASE_URL`.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

from adapters.sqlalchemy.engine import make_engine, make_session_factory
from adapters.sqlalchemy.rows.cases import CaseRow
from api.heap import settled_heap

DATABASE_ENV = "BENCH_DATABASE_URL"


class BareCase(BaseModel):
    id: uuid.UUID
    code: str
    status: str
    municipality: str
    created_at: datetime


def create_bare_app() -> FastAPI:
    engine = make_engine(os.environ[DATABASE_ENV])  # Tafel's engine: same driver, same pool
    sessions = make_session_factory(engine)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        with settled_heap():  # as Tafel's processes do: served alike
            yield
        await engine.dispose()

    app = FastAPI(lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)

    @app.get("/bare/health")
    async def health() -> dict[str, str]:
        return {"status": "UP"}

    @app.get("/bare/{case_id}")
    async def bare(case_id: uuid.UUID) -> BareCase:
        async with sessions() as session:
            row = await session.get(CaseRow, case_id)
            if row is None:
                raise HTTPException(status_code=404)
            return BareCase(
                id=row.id,
                code=row.code,
                status=row.status,
                municipality=row.municipality,
                created_at=row.created_at,
            )

    return app
