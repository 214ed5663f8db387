"""Identity persistence: accounts, grants, sessions, refresh tokens, throttles."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidTag
from sqlalchemy import BindParameter, Row, bindparam, delete, func, select, true, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.security.secret_box import VERSION as SEALED_VERSION
from adapters.security.secret_box import AesGcmSecretBox
from adapters.sqlalchemy.repositories.standing import (
    PLATFORM_SCOPE,
    STANDING,
    STANDING_COLUMNS,
    to_grant,
    to_standing,
)
from adapters.sqlalchemy.rows.identity import (
    GrantRow,
    IntegrationClientRow,
    RefreshTokenRow,
    SessionRow,
    ThrottleRow,
    UserRow,
)
from domain.identity.errors import EmailAlreadyUsed
from domain.identity.model import (
    AccountStatus,
    Grant,
    IntegrationClient,
    Language,
    RefreshToken,
    Scope,
    Session,
    Throttle,
    User,
)
from domain.identity.ports import (
    ClientRepository,
    SessionRepository,
    ThrottleRepository,
    UserRepository,
)
from domain.identity.principal import Standing


def to_user(row: UserRow | Row[*tuple[Any, ...]], totp_secret: str | None) -> User:
    return User(
        id=row.id,
        email=row.email,
        display_name=row.display_name,
        password_hash=row.password_hash,
        language=Language(row.language),
        organisation=row.organisation,
        function=row.function,
        status=AccountStatus(row.status),
        must_change_password=row.must_change_password,
        totp_secret=totp_secret,
        totp_confirmed=row.totp_confirmed,
        totp_last_step=row.totp_last_step,
        created_at=row.created_at,
    )


def _copy_user(user: User, row: UserRow, totp_secret: str | None) -> None:
    row.email = user.email
    row.display_name = user.display_name
    row.password_hash = user.password_hash
    row.language = str(user.language)
    row.organisation = user.organisation
    row.function = user.function
    row.status = str(user.status)
    row.must_change_password = user.must_change_password
    row.totp_secret = totp_secret
    row.totp_confirmed = user.totp_confirmed
    row.totp_last_step = user.totp_last_step


class SealedSecretUnreadable(RuntimeError):
    """An operator's error, not a user's: the server runs with another secret key."""


# One sealed seed, to try the key on at startup.
SEALED_SEED = (
    select(UserRow.id, UserRow.totp_secret)
    .where(UserRow.totp_secret.startswith(f"{SEALED_VERSION}."))
    .limit(1)
)


async def check_seeds_open(session: AsyncSession, totp_secrets: AesGcmSecretBox) -> None:
    """SealedSecretUnreadable when the key does not open a stored TOTP seed. Started with
    another `TAFEL_SECRET_KEY`, Tafel would answer 500 to every request of those accounts (a seed
    is opened whenever its account is loaded); refusing to start says why, once, at deploy."""
    found = (await session.execute(SEALED_SEED)).first()
    if found is None or found.totp_secret is None:
        return
    open_seed(totp_secrets, found.id, found.totp_secret)


def open_seed(totp_secrets: AesGcmSecretBox, account: uuid.UUID, stored: str) -> str:
    """A stored TOTP seed in clear (seeds stored in clear by an earlier release pass as they are);
    SealedSecretUnreadable when the server's key is not the one that sealed it."""
    if not totp_secrets.is_sealed(stored):
        return stored
    try:
        return totp_secrets.open(stored, str(account))
    except InvalidTag as error:
        raise SealedSecretUnreadable(
            f"the TOTP seed of account {account} does not open: TAFEL_SECRET_KEY is not the key "
            "that sealed it (start Tafel with that key, or reset the account's authenticator)"
        ) from error


# Read on every request to resolve the caller: built once (building and keying a select, or the
# identity-map path of `session.get`, cost more than running it).
USER = select(UserRow).where(UserRow.id == bindparam("user_id"))
SESSION = select(SessionRow).where(SessionRow.id == bindparam("session_id"))
GRANTS = select(GrantRow).where(GrantRow.user_id == bindparam("user_id"))
_IDS: BindParameter[list[uuid.UUID]] = bindparam("ids", expanding=True)
USERS_IN = select(UserRow).where(UserRow.id.in_(_IDS))
DISPLAY_NAMES = select(UserRow.id, UserRow.display_name).where(UserRow.id.in_(_IDS))
# The caller's account and session as one plain row, the session's columns named apart. Nothing
# enters the identity map: the few requests that then save the account (profile, password) read
# its row once more, every other request spares mapping two objects.
SIGNED_IN = (
    select(
        *UserRow.__table__.columns,
        SessionRow.user_id.label("session_user_id"),
        SessionRow.created_at.label("session_created_at"),
        SessionRow.expires_at.label("session_expires_at"),
        SessionRow.revoked_at.label("session_revoked_at"),
    )
    .join(SessionRow, SessionRow.user_id == UserRow.id)
    .where(UserRow.id == bindparam("user_id"), SessionRow.id == bindparam("session_id"))
    .subquery("signed_in")
)
_STANDING = STANDING.subquery("standing")
# Every request needs the caller's account, session and standing: one statement, one row per
# grant, seat or acknowledgement with the account repeated (one row of NULLs for none), nothing
# when the session is not the account's.
CALLER = select(
    *SIGNED_IN.c,
    *(column.label(name) for column, name in zip(_STANDING.c, STANDING_COLUMNS, strict=True)),
).select_from(SIGNED_IN.outerjoin(_STANDING, true()))


def to_session(row: SessionRow) -> Session:
    return Session(row.id, row.user_id, row.created_at, row.expires_at, row.revoked_at)


class SqlAlchemyUserRepository(UserRepository):
    """Accounts; their TOTP seeds are sealed at rest (AES-GCM, bound to the account), so a copy of
    the database or a backup does not hand out everyone's second factor. A seed stored in clear by
    an earlier release is still read, and sealed at the account's next save (every login saves)."""

    def __init__(self, session: AsyncSession, totp_secrets: AesGcmSecretBox) -> None:
        self.session = session
        self.totp_secrets = totp_secrets

    def _user(self, row: UserRow | Row[*tuple[Any, ...]]) -> User:
        stored = row.totp_secret
        seed = None if stored is None else open_seed(self.totp_secrets, row.id, stored)
        return to_user(row, seed)

    def _copy(self, user: User, row: UserRow) -> None:
        secret = user.totp_secret
        _copy_user(
            user, row, None if secret is None else self.totp_secrets.seal(secret, str(user.id))
        )

    async def get(self, user_id: uuid.UUID) -> User | None:
        row = await self.session.scalar(USER, {"user_id": user_id})
        return self._user(row) if row else None

    async def by_email(self, email: str) -> User | None:
        row = await self.session.scalar(
            select(UserRow).where(UserRow.email == email.strip().lower())
        )
        return self._user(row) if row else None

    async def add(self, user: User) -> None:
        row = UserRow(id=user.id, created_at=user.created_at)
        self._copy(user, row)
        self.session.add(row)
        try:
            async with self.session.begin_nested():
                await self.session.flush()
        except IntegrityError as error:
            raise EmailAlreadyUsed() from error

    async def save(self, user: User) -> None:
        row = await self.session.get(UserRow, user.id)
        if row is None:
            raise LookupError(user.id)
        self._copy(user, row)
        await self.session.flush()

    async def signed_in(
        self, user_id: uuid.UUID, session_id: uuid.UUID
    ) -> tuple[User, Session, Standing] | None:
        rows = (
            await self.session.execute(CALLER, {"user_id": user_id, "session_id": session_id})
        ).all()
        if not rows:
            return None
        found = rows[0]
        session = Session(
            session_id,
            found.session_user_id,
            found.session_created_at,
            found.session_expires_at,
            found.session_revoked_at,
        )
        return self._user(found), session, to_standing(found.id, rows)

    async def get_many(self, user_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, User]:
        ids = list(set(user_ids))
        if not ids:
            return {}
        rows = await self.session.scalars(USERS_IN, {"ids": ids})
        return {row.id: self._user(row) for row in rows}

    async def display_names(self, user_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
        ids = list(set(user_ids))
        if not ids:
            return {}
        rows = await self.session.execute(DISPLAY_NAMES, {"ids": ids})
        return dict(rows.all())

    async def page(self, offset: int, limit: int) -> tuple[list[User], int]:
        total = await self.session.scalar(select(func.count()).select_from(UserRow))
        rows = await self.session.scalars(
            select(UserRow).order_by(UserRow.email).offset(offset).limit(limit)
        )
        return [self._user(row) for row in rows], int(total or 0)

    async def grants(self, user_id: uuid.UUID) -> list[Grant]:
        rows = await self.session.scalars(GRANTS, {"user_id": user_id})
        return [to_grant(row.user_id, row.role, row.scope) for row in rows]

    async def add_grant(self, grant: Grant) -> None:
        scope = str(grant.cell_id) if grant.cell_id else PLATFORM_SCOPE
        if await self.session.get(GrantRow, (grant.user_id, str(grant.role), scope)) is None:
            self.session.add(GrantRow(user_id=grant.user_id, role=str(grant.role), scope=scope))
            await self.session.flush()

    async def remove_grant(self, grant: Grant) -> None:
        scope = str(grant.cell_id) if grant.cell_id else PLATFORM_SCOPE
        await self.session.execute(
            delete(GrantRow).where(
                GrantRow.user_id == grant.user_id,
                GrantRow.role == str(grant.role),
                GrantRow.scope == scope,
            )
        )


class SqlAlchemySessionRepository(SessionRepository):
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, session: Session, first_token: RefreshToken) -> None:
        self.session.add(
            SessionRow(
                id=session.id,
                user_id=session.user_id,
                created_at=session.created_at,
                expires_at=session.expires_at,
            )
        )
        await self.session.flush()
        await self.add_refresh_token(first_token)

    async def get(self, session_id: uuid.UUID) -> Session | None:
        row = await self.session.scalar(SESSION, {"session_id": session_id})
        return None if row is None else to_session(row)

    async def refresh_token(self, token_hash: str) -> RefreshToken | None:
        row = await self.session.scalar(
            select(RefreshTokenRow).where(RefreshTokenRow.token_hash == token_hash)
        )
        if row is None:
            return None
        return RefreshToken(row.id, row.session_id, row.token_hash, row.created_at, row.used_at)

    async def use_refresh_token(self, token: RefreshToken, now: datetime) -> bool:
        # One conditional UPDATE: of two concurrent refreshes with one token, exactly one wins.
        result = await self.session.execute(
            update(RefreshTokenRow)
            .where(RefreshTokenRow.id == token.id, RefreshTokenRow.used_at.is_(None))
            .values(used_at=now)
        )
        return bool(getattr(result, "rowcount", 0) == 1)

    async def add_refresh_token(self, token: RefreshToken) -> None:
        self.session.add(
            RefreshTokenRow(
                id=token.id,
                session_id=token.session_id,
                token_hash=token.token_hash,
                created_at=token.created_at,
            )
        )
        await self.session.flush()

    async def revoke(self, session_id: uuid.UUID, now: datetime) -> None:
        await self.session.execute(
            update(SessionRow)
            .where(SessionRow.id == session_id, SessionRow.revoked_at.is_(None))
            .values(revoked_at=now)
        )

    async def revoke_all(self, user_id: uuid.UUID, now: datetime) -> int:
        result = await self.session.execute(
            update(SessionRow)
            .where(SessionRow.user_id == user_id, SessionRow.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        return int(getattr(result, "rowcount", 0))


class SqlAlchemyThrottleRepository(ThrottleRepository):
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, key: str) -> Throttle | None:
        # Locked for the rest of the login transaction on PostgreSQL, so concurrent failures for
        # one key are counted one after the other instead of overwriting each other.
        row = await self.session.scalar(
            select(ThrottleRow).where(ThrottleRow.key == key).with_for_update()
        )
        if row is None:
            return None
        return Throttle(row.key, row.failures, row.window_started_at, row.locked_until)

    async def save(self, throttle: Throttle) -> None:
        values = {
            "key": throttle.key,
            "failures": throttle.failures,
            "window_started_at": throttle.window_started_at,
            "locked_until": throttle.locked_until,
        }
        insert = (
            postgresql_insert
            if self.session.get_bind().dialect.name == "postgresql"
            else sqlite_insert
        )
        statement = insert(ThrottleRow).values(**values)
        await self.session.execute(
            statement.on_conflict_do_update(
                index_elements=[ThrottleRow.key],
                set_={name: value for name, value in values.items() if name != "key"},
            )
        )

    async def delete(self, key: str) -> None:
        await self.session.execute(delete(ThrottleRow).where(ThrottleRow.key == key))


def to_client(row: IntegrationClientRow) -> IntegrationClient:
    return IntegrationClient(
        id=row.id,
        cell_id=row.cell_id,
        name=row.name,
        secret_hash=row.secret_hash,
        scopes=frozenset(Scope(value) for value in row.scopes.split() if value in SCOPE_VALUES),
        created_by=row.created_by,
        created_at=row.created_at,
        revoked_at=row.revoked_at,
    )


SCOPE_VALUES = frozenset(scope.value for scope in Scope)


class SqlAlchemyClientRepository(ClientRepository):
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, client_id: uuid.UUID) -> IntegrationClient | None:
        row = await self.session.get(IntegrationClientRow, client_id)
        return to_client(row) if row else None

    async def add(self, client: IntegrationClient) -> None:
        self.session.add(
            IntegrationClientRow(
                id=client.id,
                cell_id=client.cell_id,
                name=client.name,
                secret_hash=client.secret_hash,
                scopes=" ".join(sorted(scope.value for scope in client.scopes)),
                created_by=client.created_by,
                created_at=client.created_at,
                revoked_at=client.revoked_at,
            )
        )
        await self.session.flush()

    async def save(self, client: IntegrationClient) -> None:
        row = await self.session.get(IntegrationClientRow, client.id)
        if row is None:
            raise LookupError(client.id)
        row.name = client.name
        row.revoked_at = client.revoked_at
        await self.session.flush()

    async def for_cell(self, cell_id: uuid.UUID) -> list[IntegrationClient]:
        rows = await self.session.scalars(
            select(IntegrationClientRow)
            .where(IntegrationClientRow.cell_id == cell_id)
            .order_by(IntegrationClientRow.created_at.desc())
        )
        return [to_client(row) for row in rows]
