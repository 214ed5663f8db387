"""The private-host allowance for webhooks is a development setting, refused in production."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from api.settings import Profile, Settings


def test_production_refuses_webhooks_to_private_hosts() -> None:
    with pytest.raises(ValidationError, match="TAFEL_WEBHOOK_ALLOW_PRIVATE"):
        Settings(profile=Profile.production, secret_key="x" * 48, webhook_allow_private=True)


def test_development_may_allow_private_hosts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TAFEL_WEBHOOK_ALLOW_PRIVATE", "true")
    assert Settings().webhook_allow_private
    assert not Settings(webhook_allow_private=False).webhook_allow_private
