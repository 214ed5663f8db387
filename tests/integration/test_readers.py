"""The reading unit of work (GET requests that record nothing): it never commits, and whatever it
sets on its connection (autocommit on PostgreSQL) never reaches the writer that reuses the
connection from the pool — a writer's changes still stand or fall together."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import func, select, text

from adapters.sqlalchemy.rows.audit import AuditEventRow
from api.dependencies import Services
from domain.audit.model import Actor, ActorType, AuditRecord

CHAIN = "0b7c2f7e-0000-4000-8000-00000000000b"
# More rounds than the pool holds connections (10 + overflow): every pooled connection serves a
# reader and then a writer.
ROUNDS = 12


@pytest.fixture
async def closing(services: Services) -> AsyncIterator[Services]:
    yield services
    await services.close()


async def events(services: Services) -> int:
    async with services.unit_of_work(read_only=True) as uow:
        session = uow.session  # type: ignore[attr-defined]
        found = await session.scalar(
            select(func.count()).select_from(AuditEventRow).where(AuditEventRow.chain == CHAIN)
        )
    return int(found or 0)


async def failing_write(services: Services, record: AuditRecord) -> None:
    async with services.unit_of_work() as writer:
        await writer.audit.record(record)
        raise LookupError("the change failed after its first write")


async def test_a_reader_never_commits(closing: Services) -> None:
    with pytest.raises(RuntimeError, match="never commits"):
        async with closing.unit_of_work(read_only=True) as uow:
            await uow.commit()


async def test_a_writer_after_a_reader_on_the_same_connection_still_rolls_back(
    closing: Services,
) -> None:
    for round_ in range(ROUNDS):
        async with closing.unit_of_work(read_only=True) as reader:
            await reader.session.execute(text("SELECT 1"))  # type: ignore[attr-defined]
        record = AuditRecord(
            CHAIN, Actor(ActorType.user, "user-1"), "case.read", "case", f"K-{round_}"
        )
        with pytest.raises(LookupError):
            await failing_write(closing, record)
    assert await events(closing) == 0, "every failed writer's event was rolled back"
