"""Accounts and logins for tests: fictitious professionals with known passwords and TOTP."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import httpx
import pyotp

from api.dependencies import Services
from domain.audit.model import Actor
from domain.identity import accounts
from domain.identity.model import Grant, PlatformRole
from tests.support.clock import MutableClock

PASSWORD = "correct horse battery staple"


@dataclass
class Account:
    id: uuid.UUID
    email: str
    password: str
    totp_secret: str | None


async def make_account(
    services: Services,
    email: str,
    *,
    platform_roles: frozenset[PlatformRole] = frozenset(),
    enrol: bool = True,
    must_change_password: bool = False,
    password: str = PASSWORD,
) -> Account:
    """An account stored directly through the domain, with a confirmed TOTP secret."""
    uow = services.unit_of_work()
    async with uow:
        user, _ = await accounts.add_account(
            uow,
            services.hasher,
            services.clock,
            accounts.NewAccount(email=email, display_name=email.split("@", 1)[0].title()),
            Actor.system("tests"),
        )
        user.password_hash = services.hasher.hash(password)
        user.must_change_password = must_change_password
        secret = pyotp.random_base32() if enrol else None
        user.totp_secret = secret
        user.totp_confirmed = enrol
        await uow.users.save(user)
        for role in platform_roles:
            await uow.users.add_grant(Grant(user.id, role))
        await uow.commit()
    return Account(user.id, user.email, password, secret)


async def grant(
    services: Services, account: Account, role: PlatformRole, cell: uuid.UUID | None
) -> None:
    uow = services.unit_of_work()
    async with uow:
        await uow.users.add_grant(Grant(account.id, role, cell))
        await uow.commit()


async def revoke_grant(
    services: Services, account: Account, role: PlatformRole, cell: uuid.UUID | None
) -> None:
    uow = services.unit_of_work()
    async with uow:
        await uow.users.remove_grant(Grant(account.id, role, cell))
        await uow.commit()


def current_code(account: Account, clock: MutableClock) -> str:
    assert account.totp_secret
    return pyotp.TOTP(account.totp_secret).at(clock.now())


async def log_in(client: httpx.AsyncClient, account: Account, clock: MutableClock) -> str:
    """Password and second factor; returns the access token (the refresh cookie stays in the
    client's cookie jar). Moves the clock one TOTP step so the next login gets a fresh code."""
    first = await client.post(
        "/api/v1/auth/login", json={"email": account.email, "password": account.password}
    )
    assert first.status_code == 200, first.text
    body = first.json()
    if body["status"] == "authenticated":
        return str(body["accessToken"])
    assert body["status"] == "secondFactorRequired", body
    second = await client.post(
        "/api/v1/auth/mfa",
        json={"code": current_code(account, clock)},
        headers={"Authorization": f"Bearer {body['challengeToken']}"},
    )
    assert second.status_code == 200, second.text
    clock.advance(seconds=30)
    return str(second.json()["accessToken"])


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
