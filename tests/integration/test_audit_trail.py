"""R-AUD-1 on both databases: same-transaction writes, append-only storage, concurrent writers that
never fork a chain, and random tampering detected at the right sequence number."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator, Sequence
from typing import cast

import pytest
from sqlalchemy import RowMapping, text
from sqlalchemy.exc import DBAPIError

from api.dependencies import Services
from domain.audit import use_cases
from domain.audit.anchoring import SignedHeads
from domain.audit.model import Actor, ActorType, AuditRecord, Outcome, chain_hash
from domain.audit.verification import ChainReport, verify_chain
from tests.support.statements import sending
from tests.support.tamper import without_audit_triggers

CHAIN = "0b7c2f7e-0000-4000-8000-00000000000a"


def record(n: int, chain: str = CHAIN) -> AuditRecord:
    return AuditRecord(chain, Actor(ActorType.user, f"user-{n % 7}"), "case.read", "case", f"K-{n}")


async def write(services: Services, count: int, chain: str = CHAIN) -> None:
    for n in range(count):
        uow = services.unit_of_work()
        async with uow:
            await uow.audit.record(record(n, chain))
            await uow.commit()


async def report(services: Services, chain: str = CHAIN) -> ChainReport:
    """As `tafel audit verify` sees it: confirmed in place on PostgreSQL, else walked."""
    uow = services.unit_of_work(read_only=True)
    async with uow:
        return (await use_cases.verify_chains(uow, [chain]))[0]


@pytest.fixture
async def closing(services: Services) -> AsyncIterator[Services]:
    yield services
    await services.close()


async def test_rolled_back_transaction_leaves_no_event(closing: Services) -> None:
    async def failing_change() -> None:
        uow = closing.unit_of_work()
        async with uow:
            await uow.audit.record(record(1))
            raise RuntimeError("the business change failed")

    with pytest.raises(RuntimeError):
        await failing_change()
    assert (await report(closing)).length == 0


async def test_events_cannot_be_updated_or_deleted(closing: Services) -> None:
    await write(closing, 3)
    for statement in ("UPDATE audit_event SET action = 'x'", "DELETE FROM audit_event"):
        with pytest.raises(DBAPIError, match="append-only"):
            async with closing.engine.begin() as connection:
                await connection.execute(text(statement))
    assert (await report(closing)).length == 3


async def test_one_transaction_appends_many_events_and_locks_the_chain_once(
    closing: Services, backend: str
) -> None:
    """A case read and the cards it shows are one transaction. On SQLite its second event reuses
    the head it appended (no second head read), and a savepoint rolled back in between never
    leaves the chain pointing at an event that is gone. On PostgreSQL each append is one call
    that locks, reads the head after the lock and inserts (migration 0013): nothing to remember."""
    await write(closing, 2)
    with sending(closing) as statements:
        uow = closing.unit_of_work()
        async with uow:
            await uow.audit.record(record(10))
            await uow.audit.record(record(11))
            session = uow.session  # type: ignore[attr-defined]
            savepoint = await session.begin_nested()
            await uow.audit.record(record(12))
            await uow.audit.record(record(13))
            await savepoint.rollback()
            await uow.audit.record(record(14))
            await uow.commit()

    heads = [s for s in statements if "ORDER BY audit_event.seq DESC" in s]
    appends = [s for s in statements if "tafel_audit_append" in s]
    if backend == "postgresql":
        assert (len(heads), len(appends)) == (0, 5)
    else:
        # One head read for the transaction, one per event inside the savepoint, one after it.
        assert (len(heads), len(appends)) == (4, 0)
    assert not any("pg_advisory_xact_lock" in s for s in statements)
    result = await report(closing)
    assert result.intact
    assert result.length == 5


async def test_a_read_and_what_it_showed_are_appended_together(
    closing: Services, backend: str
) -> None:
    """`record_all`: the events of one chain in order, in one statement on PostgreSQL (lock, head,
    hashes, inserts) and one head read and one insert on SQLite; the domain verifies them."""
    await write(closing, 1)
    with sending(closing) as statements:
        uow = closing.unit_of_work()
        async with uow:
            events = await uow.audit.record_all([record(n) for n in (20, 21, 22)])
            await uow.commit()
    assert [e.seq for e in events] == [2, 3, 4]
    assert [e.object_id for e in events] == ["K-20", "K-21", "K-22"]
    appended = [s for s in statements if s != "BEGIN IMMEDIATE"]
    assert len(appended) == (1 if backend == "postgresql" else 2)
    uow = closing.unit_of_work(read_only=True)
    async with uow:
        stored = [e async for e in uow.audit.events(CHAIN)]
    assert stored[1:] == events, "what the append returns is what it stored"
    assert verify_chain(CHAIN, stored).intact


async def test_fifty_concurrent_writers_leave_one_intact_chain(closing: Services) -> None:
    async def one(n: int) -> None:
        uow = closing.unit_of_work()
        async with uow:
            await uow.audit.record(record(n))
            await asyncio.sleep(0)  # let the other writers interleave inside the transaction
            await uow.commit()

    await asyncio.gather(*(one(n) for n in range(50)))
    result = await report(closing)
    assert result.intact
    assert result.length == 50


SNAPSHOT_COLUMNS = (
    "chain, seq, occurred_at, actor_type, actor_id, action, object_type, object_id, outcome, "
    "prev_hash, hash"
)


async def test_one_hundred_random_tamper_trials_are_detected_at_the_right_seq(
    closing: Services,
) -> None:
    length = 24
    await write(closing, length)
    async with closing.engine.connect() as connection:
        original = (
            (
                await connection.execute(
                    text(f"SELECT {SNAPSHOT_COLUMNS} FROM audit_event ORDER BY seq")  # noqa: S608
                )
            )
            .mappings()
            .all()
        )
    rnd = random.Random(20261128)
    for trial in range(100):
        kind = ("modify", "delete", "insert", "reorder")[trial % 4]
        expected = await tamper(closing, kind, rnd, length)
        result = await report(closing)
        assert result.first_broken_seq == expected, (trial, kind)
        await restore(closing, original)
        assert (await report(closing)).intact, "a clean chain never alarms"


async def tamper(services: Services, kind: str, rnd: random.Random, length: int) -> int:
    async with without_audit_triggers(services.engine) as connection:
        if kind == "modify":
            seq = rnd.randint(1, length)
            column = rnd.choice(["action", "actor_id", "object_id", "occurred_at", "outcome"])
            await connection.execute(
                text(f"UPDATE audit_event SET {column} = :value WHERE seq = :seq"),  # noqa: S608
                {"value": "tampered", "seq": seq},
            )
            return seq
        if kind == "delete":
            seq = rnd.randint(1, length - 1)
            await connection.execute(text("DELETE FROM audit_event WHERE seq = :seq"), {"seq": seq})
            return seq
        if kind == "insert":
            # Shift the tail up by one and slip a forged event in at `seq`.
            seq = rnd.randint(1, length)
            await connection.execute(
                text("UPDATE audit_event SET seq = seq + 1000 WHERE seq >= :seq"), {"seq": seq}
            )
            await connection.execute(
                text("UPDATE audit_event SET seq = seq - 999 WHERE seq >= 1000")
            )
            await connection.execute(
                text(
                    f"INSERT INTO audit_event ({SNAPSHOT_COLUMNS}) VALUES (:chain, :seq, "  # noqa: S608
                    "'2026-01-01T00:00:00.000000Z', 'user', 'mallory', 'case.read', 'case', 'K-x', "
                    "'success', :prev, :hash)"
                ),
                {"chain": CHAIN, "seq": seq, "prev": "f" * 64, "hash": "e" * 64},
            )
            return seq
        first, second = sorted(rnd.sample(range(1, length + 1), 2))
        await connection.execute(
            text("UPDATE audit_event SET seq = -1 WHERE seq = :a"), {"a": first}
        )
        await connection.execute(
            text("UPDATE audit_event SET seq = :a WHERE seq = :b"), {"a": first, "b": second}
        )
        await connection.execute(
            text("UPDATE audit_event SET seq = :b WHERE seq = -1"), {"b": second}
        )
        return first


async def restore(services: Services, original: Sequence[RowMapping]) -> None:
    async with without_audit_triggers(services.engine) as connection:
        await connection.execute(text("DELETE FROM audit_event"))
        for row in original:
            await connection.execute(
                text(
                    f"INSERT INTO audit_event ({SNAPSHOT_COLUMNS}) VALUES (:chain, :seq, "  # noqa: S608
                    ":occurred_at, :actor_type, :actor_id, :action, :object_type, :object_id, "
                    ":outcome, :prev_hash, :hash)"
                ),
                dict(row),
            )


async def test_anchors_catch_truncation_and_recomputation(closing: Services) -> None:
    await write(closing, 10)
    anchor: SignedHeads = await use_cases.signed_heads(
        closing.unit_of_work(read_only=True), closing.clock, closing.anchor_signer, None
    )
    clean = await use_cases.verify_everything(
        closing.unit_of_work(read_only=True), closing.anchor_signer, [anchor]
    )
    assert clean.intact
    async with without_audit_triggers(closing.engine) as connection:
        await connection.execute(text("DELETE FROM audit_event WHERE seq > 7"))
    assert (await report(closing)).intact, "a truncated chain alone still looks intact"
    truncated = await use_cases.verify_everything(
        closing.unit_of_work(read_only=True), closing.anchor_signer, [anchor]
    )
    assert not truncated.intact
    assert truncated.anchor_failures == {CHAIN: "truncated"}


async def test_a_forged_anchor_is_refused(closing: Services) -> None:
    await write(closing, 3)
    anchor = await use_cases.signed_heads(
        closing.unit_of_work(read_only=True), closing.clock, closing.anchor_signer, None
    )
    forged = SignedHeads(anchor.issued_at, anchor.heads, anchor.public_key, anchor.signature[::-1])
    result = await use_cases.verify_everything(
        closing.unit_of_work(read_only=True), closing.anchor_signer, [forged]
    )
    assert result.anchor_failures == {"signature": "invalidSignature"}


# Identifiers whose bytes are easy to get wrong: escape-like text without a backslash, DEL,
# non-ASCII and astral characters, JavaScript's line separators, a byte-order mark.
PLAIN = ["u0041 n", "\x7f", "é€😀", "\u2028\u2029", "ü" * 64, "\ufeff{}[],:"]
# What json.dumps escapes: the store's in-place check declines, the domain walks. On PostgreSQL
# the append hashes them in SQL (`to_json`), so the domain's walk also proves both escape alike.
ESCAPED = ['"quoted"', "back\\slash", "\\u0041 \\n", "tab\there", "ctrl\x01\x1f\x08\x0c\r\n"]


async def append(services: Services, values: list[str], chain: str = CHAIN) -> None:
    for value in values:
        uow = services.unit_of_work()
        async with uow:
            actor = Actor(ActorType.user, value)
            await uow.audit.record(AuditRecord(chain, actor, "x", "y", value))
            await uow.commit()


async def confirmed_and_walked(
    services: Services, chain: str = CHAIN
) -> tuple[ChainReport | None, ChainReport]:
    uow = services.unit_of_work(read_only=True)
    async with uow:
        confirmed = (await uow.audit.confirm_intact([chain])).get(chain)
        walked = verify_chain(chain, [event async for event in uow.audit.events(chain)])
    return confirmed, walked


async def test_the_store_confirms_in_place_exactly_what_the_domain_hashes(
    closing: Services, backend: str
) -> None:
    """R-AUD-1: PostgreSQL re-hashes a chain in SQL; its bytes must be the domain's canonical
    JSON for any identifier without a quote, a backslash or a control character, or intact chains
    would be walked again (slow) — and a chain it cannot rebuild byte for byte, or a tampered one,
    must never be confirmed."""
    rnd = random.Random(20261128)
    alphabet = [chr(code) for code in range(0x20, 0x250) if chr(code) not in '"\\'] + ["😀"]
    values = PLAIN + ["".join(rnd.choices(alphabet, k=rnd.randint(0, 64))) for _ in range(60)]
    await append(closing, values)
    confirmed, walked = await confirmed_and_walked(closing)
    assert walked.intact
    assert walked.length == len(values)
    assert confirmed == (walked if backend == "postgresql" else None)

    for n, value in enumerate(ESCAPED):
        chain = f"{CHAIN[:-2]}{n:02d}"
        await append(closing, ["plain", value], chain)
        confirmed, walked = await confirmed_and_walked(closing, chain)
        assert confirmed is None, f"{value!r} is hashed escaped by the domain"
        assert walked.intact
        assert (await report(closing, chain)).intact

    async with without_audit_triggers(closing.engine) as connection:
        await connection.execute(text("UPDATE audit_event SET object_id = 'forged' WHERE seq = 9"))
    confirmed, _ = await confirmed_and_walked(closing)
    assert confirmed is None
    assert (await report(closing)).first_broken_seq == 9


async def test_a_field_forged_to_spell_its_escape_is_never_confirmed(closing: Services) -> None:
    """An event stored with `a"b` hashes `"a\\"b"`; the same bytes, unescaped, spell the field
    `a\\"b`. The store must decline a field with a backslash, or this forgery would keep its hash
    and pass in SQL while the domain sees the change."""
    await append(closing, ["first", 'a"b', "last"])
    async with without_audit_triggers(closing.engine) as connection:
        await connection.execute(
            text("UPDATE audit_event SET actor_id = :forged, object_id = :forged WHERE seq = 2"),
            {"forged": 'a\\"b'},
        )
    confirmed, walked = await confirmed_and_walked(closing)
    assert confirmed is None
    assert walked.first_broken_seq == 2


async def test_a_reader_confirms_many_chains_at_once_and_declines_only_the_broken_one(
    closing: Services, backend: str
) -> None:
    """On PostgreSQL a read-only unit of work hashes chains over two connections; every chain
    gets its own report, and a break in one leaves the others confirmed."""
    chains = [f"{CHAIN[:-2]}{n:02d}" for n in range(12)]
    for n, chain in enumerate(chains):
        await write(closing, n + 1, chain)
    async with without_audit_triggers(closing.engine) as connection:
        await connection.execute(
            text("UPDATE audit_event SET action = 'forged' WHERE chain = :chain AND seq = 4"),
            {"chain": chains[7]},
        )
    uow = closing.unit_of_work(read_only=True)
    async with uow:
        confirmed = await uow.audit.confirm_intact(chains)
        reports = await use_cases.verify_chains(uow, chains)
    expected = set(chains) - {chains[7]} if backend == "postgresql" else set()
    assert set(confirmed) == expected
    assert [r.length for r in reports if r.intact] == [n + 1 for n in range(12) if n != 7]
    assert [r.chain for r in reports if not r.intact] == [chains[7]]
    assert reports[7].first_broken_seq == 4


async def test_the_append_hashes_in_sql_exactly_what_the_domain_hashes(
    closing: Services, backend: str
) -> None:
    """R-AUD-1, migration 0013: PostgreSQL builds the canonical JSON with `to_json` and hashes
    it; for any text (control characters, quotes, backslashes, non-ASCII, astral; never NUL,
    which PostgreSQL text cannot hold) the hash must be `domain.audit.model.chain_hash`, or the
    domain's verifier would report every such event as tampered."""
    if backend != "postgresql":
        pytest.skip("SQLite appends what the domain hashed")
    rnd = random.Random(20261129)
    alphabet = [chr(c) for c in [*range(1, 0x250), 0x2028, 0xFEFF, 0xFFFD, 0x1F600, 0x10FFFF]]
    values = ["".join(rnd.choices(alphabet, k=rnd.randint(0, 40))) for _ in range(300)]
    # Any text in every field, the outcome too (the store hashes whatever it is given).
    outcomes = cast(list[Outcome], [v[-5:] for v in values])
    records = [
        AuditRecord(CHAIN, Actor(v[:3], v), v, v[::-1][:32], v[:64], outcome)
        for v, outcome in zip(values, outcomes, strict=True)
    ]
    uow = closing.unit_of_work()
    async with uow:
        events = await uow.audit.record_all(records)
        await uow.commit()
    for appended in events:
        assert appended.hash == chain_hash(
            chain=appended.chain,
            seq=appended.seq,
            occurred_at=appended.occurred_at,
            actor=appended.actor,
            action=appended.action,
            object_type=appended.object_type,
            object_id=appended.object_id,
            outcome=appended.outcome,
            prev_hash=appended.prev_hash,
        )
    assert (await report(closing)).intact
