"""Accounts of professionals, their sessions and integration clients.

Accounts hold professional data only (the guidance forbids data about the persons discussed, not
about the members who discuss them).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Language(StrEnum):
    nl = "nl"
    fr = "fr"
    de = "de"
    en = "en"


class AccountStatus(StrEnum):
    active = "active"
    disabled = "disabled"


class PlatformRole(StrEnum):
    """Roles that do not come from sitting at a table."""

    platform_administrator = "platformAdministrator"
    auditor = "auditor"


class Scope(StrEnum):
    """What an integration client may read. No scope ever grants case content."""

    meetings_read = "meetings:read"
    statistics_read = "statistics:read"
    cadence_read = "cadence:read"
    webhooks_manage = "webhooks:manage"


@dataclass
class User:
    """A professional's account."""

    id: uuid.UUID
    email: str
    display_name: str
    password_hash: str
    language: Language = Language.nl
    organisation: str = ""
    function: str = ""
    status: AccountStatus = AccountStatus.active
    must_change_password: bool = False
    totp_secret: str | None = None
    totp_confirmed: bool = False
    totp_last_step: int = 0
    created_at: datetime | None = None

    @property
    def is_active(self) -> bool:
        return self.status is AccountStatus.active

    @property
    def has_second_factor(self) -> bool:
        return self.totp_secret is not None and self.totp_confirmed


@dataclass
class Grant:
    """A platform role, for the whole platform (`cell_id` None) or one cell."""

    user_id: uuid.UUID
    role: PlatformRole
    cell_id: uuid.UUID | None = None


@dataclass
class Session:
    """A login: the family of refresh tokens rotated from one authentication. Access tokens name
    their session, so revoking it cuts them off on the next request."""

    id: uuid.UUID
    user_id: uuid.UUID
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None = None

    def is_live(self, now: datetime) -> bool:
        return self.revoked_at is None and now < self.expires_at


@dataclass
class RefreshToken:
    """One rotation of a session's refresh token; only its hash is stored."""

    id: uuid.UUID
    session_id: uuid.UUID
    token_hash: str
    created_at: datetime
    used_at: datetime | None = None


@dataclass
class IntegrationClient:
    """A municipal system with client credentials, bound to one cell."""

    id: uuid.UUID
    cell_id: uuid.UUID
    name: str
    secret_hash: str
    scopes: frozenset[Scope]
    created_by: uuid.UUID
    created_at: datetime
    revoked_at: datetime | None = None

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


@dataclass
class Throttle:
    """Failed attempts for one key (an account or a client address) in the current window."""

    key: str
    failures: int = 0
    window_started_at: datetime | None = None
    locked_until: datetime | None = None
    extra: dict[str, str] = field(default_factory=dict)
