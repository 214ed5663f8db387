"""The composition root: the only module of `api` that imports `adapters`.

`build_services(settings)` wires every adapter once per process; routes receive what they need
through the `Annotated` aliases below, and tests swap parts with `app.dependency_overrides`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from adapters.clock import SystemClock
from adapters.sqlalchemy.engine import make_engine, make_session_factory
from adapters.sqlalchemy.unit_of_work import SqlAlchemyUnitOfWork
from api.settings import Settings
from domain.shared.clock import Clock
from domain.unit_of_work import UnitOfWork

HEALTH_TIMEOUT_SECONDS = 3.0


@dataclass
class Services:
    """Everything a request may need, built once per process."""

    settings: Settings
    engine: AsyncEngine
    session_factory: async_sessionmaker[Any]
    clock: Clock

    async def close(self) -> None:
        await self.engine.dispose()


def build_services(settings: Settings, *, clock: Clock | None = None) -> Services:
    """Wire the adapters chosen by the settings."""
    engine = make_engine(settings.database_url)
    return Services(
        settings=settings,
        engine=engine,
        session_factory=make_session_factory(engine),
        clock=clock or SystemClock(),
    )


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


def get_clock(services: ServicesDep) -> Clock:
    return services.clock


def get_uow(services: ServicesDep) -> UnitOfWork:
    return SqlAlchemyUnitOfWork(services.session_factory)


def get_read_uow(services: ServicesDep) -> UnitOfWork:
    return SqlAlchemyUnitOfWork(services.session_factory, read_only=True)


async def database_answers(engine: AsyncEngine) -> bool:
    """True when the database runs a trivial query within the timeout."""
    try:
        async with asyncio.timeout(HEALTH_TIMEOUT_SECONDS):
            async with engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
    except Exception:  # any failure means DOWN; the reason is for the logs, not the caller
        return False
    return True


def get_health_probe(services: ServicesDep) -> Callable[[], Awaitable[bool]]:
    return lambda: database_answers(services.engine)


ClockDep = Annotated[Clock, Depends(get_clock)]
UowDep = Annotated[UnitOfWork, Depends(get_uow)]
ReadUowDep = Annotated[UnitOfWork, Depends(get_read_uow)]
HealthProbeDep = Annotated[Callable[[], Awaitable[bool]], Depends(get_health_probe)]
