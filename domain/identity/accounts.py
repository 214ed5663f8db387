"""Accounts: creation with a one-time password, profile, password change, disabling, platform
roles. Every change ends in the audit trail."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass

from domain.audit.model import PLATFORM_CHAIN, Actor, AuditRecord
from domain.identity.errors import EmailAlreadyUsed, InvalidCredentials, WeakPassword
from domain.identity.model import AccountStatus, Grant, Language, PlatformRole, User
from domain.identity.policy import password_issues
from domain.identity.ports import PasswordHasher
from domain.identity.principal import Principal, load_principal
from domain.identity.tokens import TokenClaims
from domain.shared.clock import Clock
from domain.shared.errors import InputIssue, NotFound, PermissionDenied
from domain.unit_of_work import UnitOfWork

ONE_TIME_PASSWORD_BYTES = 15


@dataclass(frozen=True, slots=True)
class NewAccount:
    email: str
    display_name: str
    language: Language = Language.nl
    organisation: str = ""
    function: str = ""
    platform_roles: frozenset[PlatformRole] = frozenset()


@dataclass(frozen=True, slots=True)
class ProfileChange:
    display_name: str | None = None
    language: Language | None = None
    organisation: str | None = None
    function: str | None = None


def one_time_password() -> str:
    return secrets.token_urlsafe(ONE_TIME_PASSWORD_BYTES)


async def add_account(
    uow: UnitOfWork, hasher: PasswordHasher, clock: Clock, account: NewAccount, actor: Actor
) -> tuple[User, str]:
    """Store a new account with a one-time password (to change at first login), inside the
    caller's transaction. Returns the account and the password, shown once."""
    email = account.email.strip().lower()
    if await uow.users.by_email(email) is not None:
        raise EmailAlreadyUsed()
    password = one_time_password()
    user = User(
        id=uuid.uuid4(),
        email=email,
        display_name=account.display_name.strip(),
        password_hash=hasher.hash(password),
        language=account.language,
        organisation=account.organisation.strip(),
        function=account.function.strip(),
        must_change_password=True,
        created_at=clock.now(),
    )
    await uow.users.add(user)
    for role in sorted(account.platform_roles):
        await uow.users.add_grant(Grant(user.id, role))
    await uow.audit.record(
        AuditRecord(PLATFORM_CHAIN, actor, "account.create", "account", str(user.id))
    )
    return user, password


async def create_account(
    uow: UnitOfWork,
    hasher: PasswordHasher,
    clock: Clock,
    claims: TokenClaims | None,
    account: NewAccount,
) -> tuple[User, str]:
    """A platform administrator creates an account; `claims` None is the bootstrap command."""
    async with uow:
        if claims is None:
            actor = Actor.system("tafel admin create-user")
        else:
            principal = await load_principal(uow, claims, clock.now())
            _require_platform_administrator(principal)
            actor = principal.actor
        created = await add_account(uow, hasher, clock, account, actor)
        await uow.commit()
    return created


def _require_platform_administrator(principal: Principal) -> None:
    if not principal.is_platform_administrator:
        raise PermissionDenied()


async def profile(uow: UnitOfWork, clock: Clock, claims: TokenClaims) -> Principal:
    """The caller with their roles (allowed before a pending password change)."""
    async with uow:
        return await load_principal(uow, claims, clock.now(), allow_pending_password_change=True)


async def change_profile(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, change: ProfileChange
) -> Principal:
    async with uow:
        principal = await load_principal(uow, claims, clock.now())
        user = principal.account
        if change.display_name is not None:
            user.display_name = change.display_name.strip()
        if change.language is not None:
            user.language = change.language
        if change.organisation is not None:
            user.organisation = change.organisation.strip()
        if change.function is not None:
            user.function = change.function.strip()
        await uow.users.save(user)
        await uow.audit.record(
            AuditRecord(PLATFORM_CHAIN, principal.actor, "account.update", "account", str(user.id))
        )
        await uow.commit()
    return principal


async def change_password(
    uow: UnitOfWork,
    hasher: PasswordHasher,
    clock: Clock,
    claims: TokenClaims,
    current: str,
    new: str,
) -> None:
    """Replace the password and end every session (ASVS 7.4.1): log in again with the new one."""
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now, allow_pending_password_change=True)
        user = principal.account
        if not hasher.verify(user.password_hash, current):
            raise InvalidCredentials()
        issues = password_issues(new, email=user.email)
        if current == new:
            issues.append(InputIssue("newPassword", "passwordUnchanged"))
        if issues:
            raise WeakPassword(issues)
        user.password_hash = hasher.hash(new)
        user.must_change_password = False
        await uow.users.save(user)
        await uow.sessions.revoke_all(user.id, now)
        await uow.audit.record(
            AuditRecord(
                PLATFORM_CHAIN, principal.actor, "account.password", "account", str(user.id)
            )
        )
        await uow.commit()


async def set_account_active(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, user_id: uuid.UUID, active: bool
) -> User:
    """Disable or re-enable an account; disabling ends its sessions at once (ASVS 7.4.2)."""
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        _require_platform_administrator(principal)
        user = await uow.users.get(user_id)
        if user is None:
            raise NotFound()
        if user.id == principal.user_id and not active:
            raise PermissionDenied()
        user.status = AccountStatus.active if active else AccountStatus.disabled
        await uow.users.save(user)
        if not active:
            await uow.sessions.revoke_all(user.id, now)
        action = "account.enable" if active else "account.disable"
        await uow.audit.record(
            AuditRecord(PLATFORM_CHAIN, principal.actor, action, "account", str(user.id))
        )
        await uow.commit()
    return user


async def list_accounts(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, offset: int, limit: int
) -> tuple[list[User], int]:
    async with uow:
        principal = await load_principal(uow, claims, clock.now())
        _require_platform_administrator(principal)
        return await uow.users.page(offset, limit)
