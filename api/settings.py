"""One settings class, read from `TAFEL_*` environment variables (and `.env`), built only by the
composition root and handed down as arguments."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Literal, Self

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SECRET = "change-me-development-only-secret-0123456789"  # noqa: S105 (refused in production)
MIN_PRODUCTION_SECRET_LENGTH = 32


class Profile(StrEnum):
    """Where Tafel runs. `production` refuses unsafe defaults; `demo` may waive TOTP."""

    development = "development"
    demo = "demo"
    production = "production"


class Settings(BaseSettings):
    """Every knob Tafel has. The README's settings table lists them."""

    model_config = SettingsConfigDict(env_prefix="TAFEL_", env_file=".env", extra="ignore")

    profile: Profile = Profile.development
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    # Processes serving requests; None = one per CPU on PostgreSQL, one on SQLite.
    workers: int | None = Field(default=None, ge=1, le=64)
    database_url: str = "sqlite+aiosqlite:///var/tafel.db"
    secret_key: SecretStr = SecretStr(DEFAULT_SECRET)
    issuer: str = "urn:tafel"
    audience: str = "urn:tafel:api"
    access_token_minutes: int = Field(default=10, ge=1, le=15)
    refresh_token_hours: int = Field(default=12, ge=1, le=72)
    totp_waiver: bool = False
    password_hashing: Literal["standard", "fast"] = "standard"  # noqa: S105
    cors_origins: list[str] = Field(default_factory=list)
    spa_dir: Path = Path("frontend/dist")
    max_body_bytes: int = 1024 * 1024
    public_url: str = "http://127.0.0.1:8000"
    mail_backend: Literal["outbox", "smtp"] = "outbox"
    mail_outbox_dir: Path | None = None
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_sender: str = "tafel@localhost"
    anchor_key: SecretStr | None = None
    seed_demo: bool = False
    demo_credentials_file: Path | None = None
    # Development and tests only: webhooks may target http:// and loopback or private hosts.
    webhook_allow_private: bool = False

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> Self:
        """Fail fast: production never starts with a default or short secret, a TOTP waiver, or
        webhooks allowed to reach private hosts (SSRF)."""
        if self.profile is Profile.production:
            secret = self.secret_key.get_secret_value()
            if secret == DEFAULT_SECRET or len(secret) < MIN_PRODUCTION_SECRET_LENGTH:
                raise ValueError(
                    "TAFEL_SECRET_KEY must be set to a random value of at least "
                    f"{MIN_PRODUCTION_SECRET_LENGTH} characters in production"
                )
            if self.totp_waiver:
                raise ValueError("TAFEL_TOTP_WAIVER is only allowed in the demo profile")
            if self.password_hashing != "standard":  # noqa: S105
                raise ValueError("TAFEL_PASSWORD_HASHING must be standard in production")
            if self.webhook_allow_private:
                raise ValueError("TAFEL_WEBHOOK_ALLOW_PRIVATE is not allowed in production")
        elif self.totp_waiver and self.profile is not Profile.demo:
            raise ValueError("TAFEL_TOTP_WAIVER is only allowed in the demo profile")
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def serving_processes(self) -> int:
        """A request costs CPU in Python, so one process per core serves the most; SQLite stays in
        one process (its writers queue on one file lock anyway, and an in-memory database lives
        in one process)."""
        if self.workers is not None:
            return self.workers
        return 1 if self.is_sqlite else max(1, os.cpu_count() or 1)
