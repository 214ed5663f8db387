"""Backoff of failed deliveries and disabling of failing receivers."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from domain.webhooks.events import EventType
from domain.webhooks.model import Delivery, DeliveryStatus, Webhook, WebhookStatus
from domain.webhooks.retry import MAX_CONSECUTIVE_FAILURES, retry_delay, should_disable

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_schedule_is_1_min_5_min_30_min_2_h_12_h_then_given_up() -> None:
    delays = [retry_delay(n) for n in range(1, 7)]
    assert delays == [
        timedelta(minutes=1),
        timedelta(minutes=5),
        timedelta(minutes=30),
        timedelta(hours=2),
        timedelta(hours=12),
        None,
    ]


def test_no_retry_before_a_failure() -> None:
    with pytest.raises(ValueError, match="failed attempt"):
        retry_delay(0)


def test_five_failures_in_a_row_disable() -> None:
    assert MAX_CONSECUTIVE_FAILURES == 5
    assert not should_disable(4)
    assert should_disable(5)


def webhook() -> Webhook:
    return Webhook(
        id=uuid.uuid4(),
        cell_id=uuid.uuid4(),
        client_id=uuid.uuid4(),
        url="https://example.test/hooks",
        events=frozenset({EventType.meeting_planned}),
        secret="whsec_x",
        created_at=NOW,
    )


def test_webhook_is_disabled_at_the_fifth_consecutive_failure_and_a_success_resets() -> None:
    hook = webhook()
    assert [hook.record_failure(NOW) for _ in range(4)] == [False] * 4
    hook.record_success()
    assert hook.consecutive_failures == 0
    assert [hook.record_failure(NOW) for _ in range(5)] == [False] * 4 + [True]
    assert hook.status is WebhookStatus.disabled
    assert hook.disabled_at == NOW
    assert not hook.record_failure(NOW), "disabled once"


def test_delivery_follows_the_schedule_and_is_given_up_after_the_sixth_failure() -> None:
    delivery = Delivery(
        id=uuid.uuid4(),
        webhook_id=uuid.uuid4(),
        event_id=uuid.uuid4(),
        event_type=EventType.meeting_planned,
        body="{}",
        created_at=NOW,
        next_attempt_at=NOW,
    )
    moment = NOW
    for expected in (1, 5, 30, 120, 720):
        delivery.failed(moment, 500, None)
        assert delivery.next_attempt_at - moment == timedelta(minutes=expected)
        moment = delivery.next_attempt_at
    delivery.failed(moment, None, "timeout")
    assert delivery.status is DeliveryStatus.failed
    assert delivery.attempts == 6
    assert delivery.last_error == "timeout"
