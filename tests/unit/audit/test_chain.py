"""R-AUD-1 in plain Python: linking, re-hashing, and the first broken sequence number."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from domain.audit.model import GENESIS_HASH, Actor, ActorType, AuditEvent, AuditRecord, link
from domain.audit.verification import verify_chain

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def build(length: int, chain: str = "cell-a") -> list[AuditEvent]:
    events: list[AuditEvent] = []
    prev = GENESIS_HASH
    for seq in range(1, length + 1):
        record = AuditRecord(
            chain, Actor(ActorType.user, f"u{seq % 3}"), "case.read", "case", f"c{seq}"
        )
        event = link(record, seq=seq, prev_hash=prev, moment=START + timedelta(minutes=seq))
        events.append(event)
        prev = event.hash
    return events


def test_r_aud_1_clean_chain_verifies() -> None:
    report = verify_chain("cell-a", build(20))
    assert report.intact
    assert report.length == 20


def test_r_aud_1_empty_chain_verifies() -> None:
    assert verify_chain("cell-a", []).intact


def test_r_aud_1_modified_field_is_detected_at_its_seq() -> None:
    events = build(10)
    events[4] = replace(events[4], action="case.update")
    assert verify_chain("cell-a", events).first_broken_seq == 5


def test_r_aud_1_recomputed_hash_breaks_the_next_link() -> None:
    events = build(10)
    forged = link(
        AuditRecord("cell-a", Actor(ActorType.user, "mallory"), "case.read", "case", "c5"),
        seq=5,
        prev_hash=events[3].hash,
        moment=START,
    )
    events[4] = forged
    assert verify_chain("cell-a", events).first_broken_seq == 6


def test_r_aud_1_deleted_event_is_detected_where_it_was() -> None:
    events = build(10)
    del events[6]
    assert verify_chain("cell-a", events).first_broken_seq == 7


def test_r_aud_1_event_from_another_chain_is_detected() -> None:
    events = build(5)
    other = build(5, chain="cell-b")
    events[2] = other[2]
    assert verify_chain("cell-a", events).first_broken_seq == 3


@given(st.integers(min_value=2, max_value=40), st.randoms(use_true_random=False))
def test_r_aud_1_any_swap_is_detected_at_the_first_swapped_seq(
    length: int, rnd: random.Random
) -> None:
    events = build(length)
    first, second = sorted(rnd.sample(range(length), 2))
    events[first], events[second] = events[second], events[first]
    assert verify_chain("cell-a", events).first_broken_seq == first + 1


def test_timestamps_are_utc_with_microseconds() -> None:
    moment = datetime(2026, 3, 1, 12, 0, 0, 5, tzinfo=UTC)
    event = link(
        AuditRecord("c", Actor.system("job"), "x", "y", "z"),
        seq=1,
        prev_hash=GENESIS_HASH,
        moment=moment,
    )
    assert event.occurred_at == "2026-03-01T12:00:00.000005Z"
