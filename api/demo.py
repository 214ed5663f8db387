"""Demo data for `make run`: fictitious accounts (and, once cells exist, a fictitious cell), created
on first start only. Never realistic personal data; every name here is invented."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path

from api.dependencies import Services
from domain.audit.model import Actor
from domain.identity import accounts
from domain.identity.model import Language, PlatformRole

logger = logging.getLogger("tafel.demo")

DEMO_PASSWORD = "tafel-demo-wachtwoord"  # noqa: S105 (printed to the console on purpose)


@dataclass(frozen=True)
class DemoAccount:
    role: str
    email: str
    display_name: str
    organisation: str
    function: str
    password: str = DEMO_PASSWORD
    totp_secret: str = ""


PEOPLE = [
    DemoAccount(
        "platformAdministrator",
        "admin@demo.tafel.example",
        "Platform Beheer",
        "Tafel",
        "platform administrator",
    ),
    DemoAccount(
        "auditor",
        "dpo@demo.tafel.example",
        "Dana Pieters",
        "Stad Lindebeek",
        "data protection officer",
    ),
    DemoAccount(
        "chair",
        "dro@demo.tafel.example",
        "Noor Vermeulen",
        "Preventiedienst Lindebeek",
        "designated radicalisation officer",
    ),
    DemoAccount(
        "informationOfficer",
        "io@demo.tafel.example",
        "Pieter Claes",
        "Lokale politie Lindebeek-Oost",
        "information officer",
    ),
    DemoAccount(
        "member", "clb@demo.tafel.example", "Sara De Smet", "CLB Lindebeek", "CLB counsellor"
    ),
    DemoAccount("mayor", "mayor@demo.tafel.example", "Marc Janssens", "Stad Lindebeek", "mayor"),
]


async def seed_demo(services: Services) -> list[DemoAccount]:
    """Create the demo accounts unless any account exists; return them with their TOTP secrets."""
    uow = services.unit_of_work()
    created: list[DemoAccount] = []
    async with uow:
        existing, _ = await uow.users.page(0, 1)
        if existing:
            return []
        for person in PEOPLE:
            roles = frozenset(
                {PlatformRole.platform_administrator}
                if person.role == "platformAdministrator"
                else {PlatformRole.auditor}
                if person.role == "auditor"
                else set()
            )
            user, _ = await accounts.add_account(
                uow,
                services.hasher,
                services.clock,
                accounts.NewAccount(
                    email=person.email,
                    display_name=person.display_name,
                    language=Language.nl,
                    organisation=person.organisation,
                    function=person.function,
                    platform_roles=roles,
                ),
                Actor.system("demo seed"),
            )
            user.password_hash = services.hasher.hash(person.password)
            user.must_change_password = False
            secret = services.one_time_codes.new_secret()
            user.totp_secret, user.totp_confirmed = secret, True
            await uow.users.save(user)
            created.append(DemoAccount(**{**asdict(person), "totp_secret": secret}))
        await uow.commit()
    return created


def write_credentials(created: list[DemoAccount], path: Path) -> None:
    """For browser tests: the demo accounts with their secrets, as JSON."""
    path.write_text(json.dumps([asdict(account) for account in created], indent=2), "utf-8")


def describe(created: list[DemoAccount]) -> str:
    lines = ["Demo accounts (fictitious; password for all: " + DEMO_PASSWORD + "):"]
    lines += [f"  {a.role:<22} {a.email:<28} TOTP secret {a.totp_secret}" for a in created]
    lines.append(
        "Add a TOTP secret to an authenticator app, or run with TAFEL_TOTP_WAIVER=true "
        "and TAFEL_PROFILE=demo to skip the second factor."
    )
    return "\n".join(lines)
