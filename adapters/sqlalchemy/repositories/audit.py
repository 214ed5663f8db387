"""The audit trail on SQLAlchemy: serialised appends per chain, streamed reads."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from sqlalchemy import ColumnElement, Row, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sqlalchemy.rows.audit import AuditEventRow
from domain.audit.model import GENESIS_HASH, Actor, AuditEvent, AuditRecord, link
from domain.audit.ports import AuditQuery, AuditTrail
from domain.audit.verification import ChainReport
from domain.shared.clock import Clock

STREAM_BATCH = 5000
CANONICAL_COLUMNS = (
    "chain",
    "seq",
    "occurred_at",
    "actor_type",
    "actor_id",
    "action",
    "object_type",
    "object_id",
    "outcome",
    "prev_hash",
)
QUOTED = """'"' || replace(replace({column}, '\\', '\\\\'), '"', '\\"') || '"'"""

# Every column of an event, in stored order; a walk reads them as plain rows (mapping millions of
# ORM objects was most of its time).
STORED_COLUMNS = (*CANONICAL_COLUMNS, "hash")
EVENT_COLUMNS = tuple(AuditEventRow.__table__.columns[name] for name in STORED_COLUMNS)

# R-AUD-1 in place on PostgreSQL: every event must sit at its row number, link to the hash before
# it and hash to itself. The hashed bytes are `domain.audit.model.canonical` rebuilt in SQL: a
# string is quoted with its backslashes and quotes escaped, as json.dumps(ensure_ascii=False)
# does (to_json would also escape control characters, at twice the cost; identifiers never hold
# them). The query can only confirm: if any byte differs from the domain's canonical form — a
# control character, a tampered row — the chain looks broken and the domain walks it. Equal hashes
# mean equal bytes, hence equal fields, so a formatting gap costs speed, never a false "intact".
# One statement, so the length, the links and the head come from one snapshot.
CANONICAL_SQL = (
    "'[' || "
    + " || ',' || ".join(
        "seq::text" if column == "seq" else QUOTED.format(column=column)
        for column in CANONICAL_COLUMNS
    )
    + " || ']'"
)
CONFIRM_INTACT = text(
    f"""
    SELECT count(*) AS length,
           coalesce(bool_and(intact), true) AS intact,
           (SELECT hash FROM audit_event WHERE chain = :chain ORDER BY seq DESC LIMIT 1) AS head
    FROM (
        SELECT seq = row_number() OVER w
               AND prev_hash = coalesce(lag(hash) OVER w, :genesis)
               AND hash = encode(sha256(convert_to({CANONICAL_SQL}, 'UTF8')), 'hex') AS intact
        FROM audit_event
        WHERE chain = :chain
        WINDOW w AS (ORDER BY seq)
    ) AS links
    """  # noqa: S608 - built from constant column names only
)


def to_event(row: AuditEventRow | Row[Any]) -> AuditEvent:
    """From an ORM row or a plain row of `EVENT_COLUMNS` (same attribute names)."""
    return AuditEvent(
        chain=row.chain,
        seq=row.seq,
        occurred_at=row.occurred_at,
        actor=Actor(row.actor_type, row.actor_id),
        action=row.action,
        object_type=row.object_type,
        object_id=row.object_id,
        outcome=row.outcome,
        prev_hash=row.prev_hash,
        hash=row.hash,
    )


class SqlAlchemyAuditTrail(AuditTrail):
    """Appends under a per-chain lock: PostgreSQL takes a transaction-scoped advisory lock on the
    chain; SQLite write transactions already hold the database lock (`BEGIN IMMEDIATE`)."""

    def __init__(self, session: AsyncSession, clock: Clock) -> None:
        self.session = session
        self.clock = clock

    async def record(self, record: AuditRecord) -> AuditEvent:
        if self.session.get_bind().dialect.name == "postgresql":
            await self.session.execute(
                text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"),
                {"key": f"audit:{record.chain}"},
            )
        head = (
            await self.session.execute(
                select(AuditEventRow.seq, AuditEventRow.hash)
                .where(AuditEventRow.chain == record.chain)
                .order_by(AuditEventRow.seq.desc())
                .limit(1)
            )
        ).first()
        seq, prev_hash = (head[0] + 1, head[1]) if head else (1, GENESIS_HASH)
        event = link(record, seq=seq, prev_hash=prev_hash, moment=self.clock.now())
        self.session.add(
            AuditEventRow(
                chain=event.chain,
                seq=event.seq,
                occurred_at=event.occurred_at,
                actor_type=str(event.actor.type),
                actor_id=event.actor.id,
                action=event.action,
                object_type=event.object_type,
                object_id=event.object_id,
                outcome=str(event.outcome),
                prev_hash=event.prev_hash,
                hash=event.hash,
            )
        )
        await self.session.flush()
        return event

    async def events(self, chain: str) -> AsyncIterator[AuditEvent]:
        after = 0
        while True:
            rows = (
                await self.session.execute(
                    select(*EVENT_COLUMNS)
                    .where(AuditEventRow.chain == chain, AuditEventRow.seq > after)
                    .order_by(AuditEventRow.seq)
                    .limit(STREAM_BATCH)
                )
            ).all()
            for row in rows:
                yield to_event(row)
            if len(rows) < STREAM_BATCH:
                return
            after = rows[-1].seq

    async def confirm_intact(self, chain: str) -> ChainReport | None:
        if self.session.get_bind().dialect.name != "postgresql":
            return None  # SQLite cannot hash in place: the domain walks the chain
        row = (
            await self.session.execute(CONFIRM_INTACT, {"chain": chain, "genesis": GENESIS_HASH})
        ).one()
        if not row.intact:
            return None
        return ChainReport(chain, int(row.length), row.head or GENESIS_HASH)

    async def chains(self) -> list[str]:
        return list((await self.session.scalars(select(AuditEventRow.chain).distinct())).all())

    async def hash_at(self, chain: str, seq: int) -> str | None:
        return await self.session.scalar(
            select(AuditEventRow.hash).where(AuditEventRow.chain == chain, AuditEventRow.seq == seq)
        )

    async def search(self, query: AuditQuery) -> tuple[list[AuditEvent], int]:
        conditions: list[ColumnElement[bool]] = [AuditEventRow.chain.in_(list(query.chains))]
        if query.actor_id:
            conditions.append(AuditEventRow.actor_id == query.actor_id)
        if query.action:
            conditions.append(AuditEventRow.action == query.action)
        if query.object_type:
            conditions.append(AuditEventRow.object_type == query.object_type)
        if query.object_id:
            conditions.append(AuditEventRow.object_id == query.object_id)
        if query.since:
            conditions.append(AuditEventRow.occurred_at >= query.since)
        if query.until:
            conditions.append(AuditEventRow.occurred_at < query.until)
        total = await self.session.scalar(
            select(func.count()).select_from(AuditEventRow).where(*conditions)
        )
        rows = await self.session.scalars(
            select(AuditEventRow)
            .where(*conditions)
            .order_by(
                AuditEventRow.occurred_at.desc(), AuditEventRow.chain, AuditEventRow.seq.desc()
            )
            .offset(query.offset)
            .limit(query.limit)
        )
        return [to_event(row) for row in rows], int(total or 0)
