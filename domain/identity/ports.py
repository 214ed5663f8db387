"""What identity needs from the outside: persistence, password hashing, one-time codes."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from domain.identity.model import (
    Grant,
    IntegrationClient,
    RefreshToken,
    Session,
    Throttle,
    User,
)
from domain.identity.principal import Standing


class UserRepository(Protocol):
    """Accounts of professionals."""

    async def get(self, user_id: uuid.UUID) -> User | None:
        """The account, or None."""
        ...

    async def by_email(self, email: str) -> User | None:
        """The account with this (case-insensitive) e-mail address, or None."""
        ...

    async def add(self, user: User) -> None:
        """Store a new account; EmailAlreadyUsed when the address is taken."""
        ...

    async def save(self, user: User) -> None:
        """Store changes to an existing account."""
        ...

    async def signed_in(
        self, user_id: uuid.UUID, session_id: uuid.UUID
    ) -> tuple[User, Session, Standing] | None:
        """The account, one of its sessions and the account's standing (grants, table roles,
        acknowledged terms), read together for every authenticated request; None when the
        account or the session is missing or the session belongs to another account."""
        ...

    async def get_many(self, user_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, User]:
        """The accounts with these ids (missing ones left out)."""
        ...

    async def display_names(self, user_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
        """How these accounts are named in minutes, forms and case histories (missing ones left
        out): names only, so no account's secrets are opened to show them."""
        ...

    async def page(self, offset: int, limit: int) -> tuple[list[User], int]:
        """A page of accounts by e-mail, and the total."""
        ...

    async def grants(self, user_id: uuid.UUID) -> list[Grant]:
        """The platform roles of an account."""
        ...

    async def add_grant(self, grant: Grant) -> None:
        """Give an account a platform role (idempotent)."""
        ...

    async def remove_grant(self, grant: Grant) -> None:
        """Take a platform role away (idempotent)."""
        ...


class SessionRepository(Protocol):
    """Login sessions and their rotating refresh tokens."""

    async def add(self, session: Session, first_token: RefreshToken) -> None:
        """Start a session with its first refresh token."""
        ...

    async def get(self, session_id: uuid.UUID) -> Session | None:
        """The session, or None."""
        ...

    async def refresh_token(self, token_hash: str) -> RefreshToken | None:
        """The refresh token with this hash, or None."""
        ...

    async def use_refresh_token(self, token: RefreshToken, now: datetime) -> bool:
        """Mark the token used; False when another request used it first (a reuse)."""
        ...

    async def add_refresh_token(self, token: RefreshToken) -> None:
        """Store the next rotation of a session's refresh token."""
        ...

    async def revoke(self, session_id: uuid.UUID, now: datetime) -> None:
        """End one session."""
        ...

    async def revoke_all(self, user_id: uuid.UUID, now: datetime) -> int:
        """End every live session of an account; how many were live."""
        ...


class ThrottleRepository(Protocol):
    """Failure counters, in the database so they hold across API processes."""

    async def get(self, key: str) -> Throttle | None:
        """The counter for a key, or None."""
        ...

    async def save(self, throttle: Throttle) -> None:
        """Create or update a counter."""
        ...

    async def delete(self, key: str) -> None:
        """Forget a counter (after a success)."""
        ...


class ClientRepository(Protocol):
    """Integration clients of municipal systems."""

    async def get(self, client_id: uuid.UUID) -> IntegrationClient | None:
        """The client, or None."""
        ...

    async def add(self, client: IntegrationClient) -> None:
        """Store a new client."""
        ...

    async def save(self, client: IntegrationClient) -> None:
        """Store changes (revocation)."""
        ...

    async def for_cell(self, cell_id: uuid.UUID) -> list[IntegrationClient]:
        """The clients of one cell, newest first."""
        ...


class PasswordHasher(Protocol):
    """A slow, salted password hash (argon2id)."""

    def hash(self, password: str) -> str:
        """A new hash of the password."""
        ...

    def verify(self, password_hash: str, password: str) -> bool:
        """True when the password matches; never raises for a mismatch."""
        ...


class OneTimeCodes(Protocol):
    """Time-based one-time passwords (RFC 6238)."""

    def new_secret(self) -> str:
        """A fresh base32 secret."""
        ...

    def provisioning_uri(self, secret: str, account: str) -> str:
        """The `otpauth://` URI an authenticator app scans."""
        ...

    def qr_svg(self, uri: str) -> str:
        """The URI as an SVG QR code, rendered server-side (no third-party service)."""
        ...

    def matching_step(self, secret: str, code: str, now: datetime) -> int | None:
        """The time step the code belongs to (allowing one step of drift), or None."""
        ...
