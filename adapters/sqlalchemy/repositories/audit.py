"""The audit trail on SQLAlchemy: serialised appends per chain, streamed reads."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, Row, Table, bindparam, func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from adapters.sqlalchemy.rows.audit import AuditEventRow
from domain.audit.model import (
    GENESIS_HASH,
    Actor,
    AuditEvent,
    AuditRecord,
    link,
    linked,
    timestamp,
)
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
# Every column of an event, in stored order; a walk reads them as plain rows (mapping millions of
# ORM objects was most of its time).
STORED_COLUMNS = (*CANONICAL_COLUMNS, "hash")
EVENT_COLUMNS = tuple(AuditEventRow.__table__.columns[name] for name in STORED_COLUMNS)

# R-AUD-1 in place on PostgreSQL: every event must sit at its row number, link to the hash before
# it and hash to itself. The hashed bytes are `domain.audit.model.canonical` rebuilt in SQL without
# escaping, which equals json.dumps exactly when no field holds a quote, a backslash or a control
# character — the case for every identifier Tafel writes. An event with such a field does not
# hash to its stored value here, so its chain is not confirmed and the domain walks it (slower,
# never wrong). The one way unescaped bytes could pass for escaped ones is a field forged to
# spell an escape (`a\"b` for a stored `a"b`): that needs a backslash, so a backslash anywhere
# declines the event. Without one, equal hashes mean equal bytes with exactly the 18 quotes of
# the delimiters, hence equal fields. The bytes are built once per event (the OFFSET 0 keeps the
# planner from inlining them twice). One statement, so the length, the links and the head come
# from one snapshot.
# Built with `||`, not concat(): concat looks up each argument's output function on every row,
# which cost about 7 % of the whole check. Every column is NOT NULL, so no `||` yields NULL; the
# check still counts a NULL as broken (bool_and would skip it).
PAYLOAD_SQL = (
    "'[\"' || chain || '\",' || CAST(seq AS text) || ',\"' || "
    + " || '\",\"' || ".join(column for column in CANONICAL_COLUMNS[2:])
    + " || '\"]'"
)
CONFIRM_INTACT = text(
    f"""
    SELECT count(*) AS length,
           coalesce(bool_and(intact), true) AS intact,
           (SELECT hash FROM audit_event WHERE chain = :chain ORDER BY seq DESC LIMIT 1) AS head
    FROM (
        SELECT coalesce(
                   seq = row_number() OVER w
                   AND prev_hash = coalesce(lag(hash) OVER w, :genesis)
                   AND hash = encode(sha256(convert_to(payload, 'UTF8')), 'hex')
                   AND position('\\' IN payload) = 0,
                   false
               ) AS intact
        FROM (
            SELECT seq, prev_hash, hash, {PAYLOAD_SQL} AS payload
            FROM audit_event
            WHERE chain = :chain
            ORDER BY seq
            OFFSET 0
        ) AS events
        WINDOW w AS (ORDER BY seq)
    ) AS links
    """  # noqa: S608 - built from constant column names only
)
# Every audited request appends: its statements are built once. On PostgreSQL one function call
# locks the chain (a transaction-scoped advisory lock), reads its head after the lock is granted,
# hashes and inserts the events (migration 0013).
APPEND_ALL = text(
    """SELECT seq, prev_hash, hash FROM tafel_audit_append(
           :chain, :occurred_at, :actor_types, :actor_ids, :actions,
           :object_types, :object_ids, :outcomes)"""
)
# SQLite's head read (its write transactions already hold the database lock; Python hashes).
HEAD = (
    select(AuditEventRow.seq, AuditEventRow.hash)
    .where(AuditEventRow.chain == bindparam("chain"))
    .order_by(AuditEventRow.seq.desc())
    .limit(1)
)
APPEND = insert(cast(Table, AuditEventRow.__table__))
HEADS = text(
    """SELECT name, (SELECT seq FROM audit_event WHERE chain = name ORDER BY seq DESC LIMIT 1)
       FROM unnest(CAST(:chains AS varchar[])) AS name"""
)


def stored(event: AuditEvent) -> dict[str, object]:
    return {
        "chain": event.chain,
        "seq": event.seq,
        "occurred_at": event.occurred_at,
        "actor_type": str(event.actor.type),
        "actor_id": event.actor.id,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "outcome": str(event.outcome),
        "prev_hash": event.prev_hash,
        "hash": event.hash,
    }


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
    chain in the append itself; SQLite write transactions already hold the database lock
    (`BEGIN IMMEDIATE`)."""

    def __init__(self, session: AsyncSession, clock: Clock, helper_connections: int = 0) -> None:
        self.session = session
        self.clock = clock
        self.helper_connections = helper_connections
        self.in_place = session.get_bind().dialect.name == "postgresql"
        # SQLite: the heads this transaction moved. It holds the database lock until it ends,
        # so nobody else appends meanwhile: a second event of the chain needs no head read.
        self._heads: dict[str, tuple[int, str]] = {}

    async def record(self, record: AuditRecord) -> AuditEvent:
        return (await self.record_all([record]))[0]

    async def record_all(self, records: Sequence[AuditRecord]) -> list[AuditEvent]:
        moment = self.clock.now()
        events: list[AuditEvent] = []
        for chain in dict.fromkeys(record.chain for record in records):
            of_chain = [record for record in records if record.chain == chain]
            append = self._append_in_place if self.in_place else self._append_here
            events += await append(chain, of_chain, moment)
        return events

    async def _append_in_place(
        self, chain: str, records: list[AuditRecord], moment: datetime
    ) -> list[AuditEvent]:
        """PostgreSQL: one call locks, reads the head, hashes and inserts (R-AUD-1)."""
        occurred_at = timestamp(moment)
        rows = (
            await self.session.execute(
                APPEND_ALL,
                {
                    "chain": chain,
                    "occurred_at": occurred_at,
                    "actor_types": [str(r.actor.type) for r in records],
                    "actor_ids": [r.actor.id for r in records],
                    "actions": [r.action for r in records],
                    "object_types": [r.object_type for r in records],
                    "object_ids": [r.object_id for r in records],
                    "outcomes": [str(r.outcome) for r in records],
                },
            )
        ).all()
        return [
            linked(record, seq=seq, occurred_at=occurred_at, prev_hash=prev_hash, digest=digest)
            for record, (seq, prev_hash, digest) in zip(records, rows, strict=True)
        ]

    async def _append_here(
        self, chain: str, records: list[AuditRecord], moment: datetime
    ) -> list[AuditEvent]:
        """SQLite: the head, then the events the domain links and hashes."""
        # Inside a savepoint the head is read, never remembered: rolled back to the savepoint,
        # the transaction's head is no longer the one it appended.
        nested = self.session.in_nested_transaction()
        known = None if nested else self._heads.get(chain)
        if known is None:
            head = (await self.session.execute(HEAD, {"chain": chain})).first()
            known = (head[0], head[1]) if head else (0, GENESIS_HASH)
        seq, prev_hash = known
        events = []
        for record in records:
            event = link(record, seq=seq + 1, prev_hash=prev_hash, moment=moment)
            events.append(event)
            seq, prev_hash = event.seq, event.hash
        # A Core insert: the ORM's unit of work cost more than the statement for a row that is
        # never read back in the transaction.
        await self.session.execute(APPEND, [stored(event) for event in events])
        if nested:
            self._heads.pop(chain, None)
        else:
            self._heads[chain] = (seq, prev_hash)
        return events

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

    async def confirm_intact(self, chains: Sequence[str]) -> dict[str, ChainReport]:
        if self.session.get_bind().dialect.name != "postgresql":
            return {}  # SQLite cannot hash in place: the domain walks every chain
        # Longest first, shared by the connections (each takes the next chain), so a long chain
        # (the platform's holds every login) never runs alone at the end.
        found = await self.session.execute(HEADS, {"chains": list(chains)})
        heads: dict[str, int | None] = dict(found.all())
        pending = iter(sorted(chains, key=lambda chain: -(heads.get(chain) or 0)))
        confirmed: dict[str, ChainReport] = {}

        async def confirm_over(connection: AsyncSession | AsyncConnection) -> None:
            for chain in pending:
                row = (
                    await connection.execute(
                        CONFIRM_INTACT, {"chain": chain, "genesis": GENESIS_HASH}
                    )
                ).one()
                if row.intact:
                    confirmed[chain] = ChainReport(chain, int(row.length), row.head or GENESIS_HASH)

        async def confirm_over_another_connection(engine: AsyncEngine) -> None:
            async with engine.connect() as connection:
                await confirm_over(connection)

        # Hashing is the database's CPU work, one core per connection: a read-only unit of work
        # lends helper connections of its own (their snapshots are per statement, as a chain's
        # check already is), so a national trail verifies on every core.
        engine = self.session.bind
        helpers = min(self.helper_connections, len(chains) - 1)
        async with asyncio.TaskGroup() as group:
            group.create_task(confirm_over(self.session))
            if isinstance(engine, AsyncEngine):
                for _ in range(helpers):
                    group.create_task(confirm_over_another_connection(engine))
        return confirmed

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
