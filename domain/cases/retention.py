"""Retention (R-PRIV-6): the content of a case closed longer ago than its cell's retention period
is purged; an anonymous skeleton (status, dates, problems, municipality, age band) stays for the
counts, and the audit trail — pseudonymous, content-free — stays whole and verifiable."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from domain.audit.model import PLATFORM_CHAIN, Actor, AuditRecord
from domain.shared.clock import Clock
from domain.unit_of_work import UnitOfWork

JOB = "tafel jobs purge"
RESTORE_JOB = "tafel restore"


@dataclass(frozen=True, slots=True)
class PurgeRun:
    id: uuid.UUID
    purged: tuple[uuid.UUID, ...]


async def purge_expired(factory: Callable[[], UnitOfWork], clock: Clock) -> PurgeRun:
    """Idempotent and safe when two runs overlap: each case is purged in its own transaction,
    after locking it and checking again that it is due and not yet purged."""
    now = clock.now()
    run = uuid.uuid4()
    async with factory() as uow:
        candidates = await uow.cases.closed_before(now)
    purged = []
    for candidate in candidates:
        async with factory() as uow:
            case = await uow.cases.get(candidate.id, for_update=True)
            cell = await uow.cells.get(candidate.cell_id)
            closed_at = case.lifecycle.closed_at if case else None
            if case is None or cell is None or case.purged_at is not None or closed_at is None:
                continue
            if closed_at + cell.retention > now:
                continue
            await uow.cases.purge(case, now)
            await uow.audit.record(
                AuditRecord(
                    str(case.cell_id), Actor.system(JOB), "case.purge", "case", str(case.id)
                )
            )
            await uow.commit()
            purged.append(case.id)
    async with factory() as uow:
        await uow.audit.record(
            AuditRecord(
                PLATFORM_CHAIN, Actor.system(JOB), "retention.run", "retentionRun", str(run)
            )
        )
        await uow.commit()
    return PurgeRun(run, tuple(purged))


async def after_restore(
    factory: Callable[[], UnitOfWork], clock: Clock, backup: str, purged_here: frozenset[uuid.UUID]
) -> tuple[int, PurgeRun]:
    """No purged content comes back from a backup (R-PRIV-6). The trail first says a restore
    happened (and so why events after the backup are missing); then the cases purged in this
    database before the restore are purged again, each in its own transaction like the retention
    job, and the retention job runs for cases whose retention ran out since the backup. Returns
    how many were purged again, and the retention run."""
    async with factory() as uow:
        await uow.audit.record(
            AuditRecord(
                PLATFORM_CHAIN, Actor.system(RESTORE_JOB), "database.restore", "backup", backup
            )
        )
        await uow.commit()
    again = 0
    for case_id in sorted(purged_here):
        async with factory() as uow:
            case = await uow.cases.get(case_id, for_update=True)
            if case is None or case.purged_at is not None:
                continue  # taken after the backup, or purged in it already
            await uow.cases.purge(case, clock.now())
            await uow.audit.record(
                AuditRecord(
                    str(case.cell_id), Actor.system(RESTORE_JOB), "case.purge", "case", str(case.id)
                )
            )
            await uow.commit()
            again += 1
    return again, await purge_expired(factory, clock)
