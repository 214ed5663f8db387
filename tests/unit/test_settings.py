"""Settings fail fast on unsafe production configurations."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from api.settings import DEFAULT_SECRET, Profile, Settings


def test_production_refuses_the_default_secret() -> None:
    with pytest.raises(ValidationError, match="TAFEL_SECRET_KEY"):
        Settings(profile=Profile.production, secret_key=DEFAULT_SECRET)


def test_production_refuses_a_short_secret() -> None:
    with pytest.raises(ValidationError, match="TAFEL_SECRET_KEY"):
        Settings(profile=Profile.production, secret_key="short-secret")


def test_production_accepts_a_long_random_secret() -> None:
    settings = Settings(profile=Profile.production, secret_key="x" * 48)
    assert settings.profile is Profile.production


@pytest.mark.parametrize("profile", [Profile.production, Profile.development])
def test_totp_waiver_only_in_demo(profile: Profile) -> None:
    with pytest.raises(ValidationError, match="TOTP_WAIVER"):
        Settings(profile=profile, secret_key="y" * 48, totp_waiver=True)
    assert Settings(profile=Profile.demo, totp_waiver=True).totp_waiver


def test_settings_come_from_tafel_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TAFEL_PORT", "8123")
    monkeypatch.setenv("TAFEL_DATABASE_URL", "sqlite+aiosqlite:///var/other.db")
    settings = Settings()
    assert settings.port == 8123
    assert settings.database_url.endswith("other.db")


def test_serving_processes_follow_the_cores_on_postgresql_and_stay_one_on_sqlite(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("api.settings.os.cpu_count", lambda: 6)
    postgres = "postgresql+psycopg://tafel@db/tafel"
    assert Settings(database_url=postgres).serving_processes == 6
    assert Settings(database_url="sqlite+aiosqlite:///var/tafel.db").serving_processes == 1
    assert Settings(database_url=postgres, workers=2).serving_processes == 2
    monkeypatch.setenv("TAFEL_WORKERS", "3")
    assert Settings(database_url=postgres).serving_processes == 3
    with pytest.raises(ValidationError):
        Settings(workers=0)
