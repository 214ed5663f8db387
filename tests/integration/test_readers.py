"""The reading unit of work (GET requests that record nothing): it never commits, and whatever it
sets on its connection (autocommit on PostgreSQL) never reaches the writer that reuses the
connection from the pool — a writer's changes still stand or fall together."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import func, select, text

from adapters.sqlalchemy.engine import AuditedReadWrites
from adapters.sqlalchemy.rows.audit import AuditEventRow
from api.dependencies import Services
from domain.audit.model import Actor, ActorType, AuditRecord
from tests.support.statements import sending

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


async def failing_audited_read(services: Services, record: AuditRecord) -> None:
    async with services.unit_of_work(audits_reads=True) as uow:
        await uow.audit.record(record)
        raise LookupError("the read failed after its append")


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


async def test_an_audited_reader_appends_its_events_and_nothing_else(
    closing: Services, backend: str
) -> None:
    """A case read, minutes, a feedback form: the audited reader's one write is the audit trail.
    On PostgreSQL it runs in autocommit (no BEGIN, no COMMIT), its events are one statement, and
    the engine refuses any other write or row lock before it reaches the database."""
    records = [
        AuditRecord(CHAIN, Actor(ActorType.user, "user-1"), "case.read", "case", "K-1"),
        AuditRecord(CHAIN, Actor(ActorType.user, "user-1"), "informationCard.read", "card", "C"),
    ]
    with sending(closing) as statements:
        async with closing.unit_of_work(audits_reads=True) as uow:
            await uow.audit.record_all(records)
            await uow.commit()
    assert await events(closing) == 2
    if backend == "postgresql":
        assert len(statements) == 1
        assert "tafel_audit_append" in statements[0]
        for write in (
            "UPDATE audit_event SET action = 'x'",
            "INSERT INTO audit_event (chain) VALUES ('x')",
            "SELECT 1 FROM audit_event FOR UPDATE",
        ):
            with pytest.raises(AuditedReadWrites):
                async with closing.unit_of_work(audits_reads=True) as uow:
                    await uow.session.execute(text(write))  # type: ignore[attr-defined]
    else:
        assert statements[0] == "BEGIN IMMEDIATE", "on SQLite the append needs the write lock"
    assert await events(closing) == 2


async def test_an_audited_read_that_fails_after_its_append_keeps_the_event(
    closing: Services, backend: str
) -> None:
    """Autocommit's one consequence, on PostgreSQL: an event appended before the read failed
    stays (it says someone asked, never that something was shown, because the answer goes out
    only after the append). On SQLite the transaction takes it back."""
    record = AuditRecord(CHAIN, Actor(ActorType.user, "user-1"), "case.read", "case", "K-2")
    with pytest.raises(LookupError):
        await failing_audited_read(closing, record)
    assert await events(closing) == (1 if backend == "postgresql" else 0)
