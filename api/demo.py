"""Demo data for `make run`: fictitious accounts (and, once cells exist, a fictitious cell), created
on first start only. Never realistic personal data; every name here is invented."""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

from api.dependencies import Services
from domain.audit.model import Actor, AuditRecord
from domain.cases.templates import default_templates
from domain.cells import composing
from domain.cells.model import (
    Cell,
    ConfidentialityTerms,
    LegalBasis,
    Municipality,
    Organisation,
    Table,
)
from domain.cells.vocabulary import (
    Function,
    LegalBasisKind,
    OrganisationType,
    TableKind,
    WorkingLanguage,
)
from domain.identity import accounts
from domain.identity.model import Grant, Language, PlatformRole
from domain.unit_of_work import UnitOfWork

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
    DemoAccount(
        "alderman",
        "schepen@demo.tafel.example",
        "Lotte Wouters",
        "Stad Lindebeek",
        "alderman for social affairs",
    ),
    DemoAccount("mayor", "mayor@demo.tafel.example", "Marc Janssens", "Stad Lindebeek", "mayor"),
]


async def seed_demo(services: Services) -> list[DemoAccount]:
    """Create the demo accounts unless any account exists; return them with their TOTP secrets."""
    uow = services.unit_of_work()
    created: list[DemoAccount] = []
    ids: dict[str, uuid.UUID] = {}
    async with uow:
        existing, _ = await uow.users.page(0, 1)
        if existing:
            return []
        for person in PEOPLE:
            roles = frozenset(
                {PlatformRole.platform_administrator}
                if person.role == "platformAdministrator"
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
            ids[person.role] = user.id
        await seed_cell(uow, services.clock.now(), ids)
        await uow.commit()
    return created


TERMS = (
    "Alles wat aan deze tafel gedeeld wordt, valt onder het beroepsgeheim (art. 458ter Sw.). "
    "Ik gebruik het enkel voor de opvolging door de LIVC-R en deel het met niemand buiten de tafel."
)


async def seed_cell(uow: UnitOfWork, now: datetime, ids: dict[str, uuid.UUID]) -> Cell:
    """A fictitious cell of two fictitious municipalities, constituted and chaired as the
    guidance asks, with a strategic table chaired by the mayor."""
    cell_id = uuid.uuid4()
    cell = Cell(
        id=cell_id,
        name="LIVC-R Lindebeek",
        municipalities=[Municipality("99001", "Lindebeek"), Municipality("99002", "Oosterveld")],
        working_language=WorkingLanguage.nl,
        retention=timedelta(days=730),
        created_at=now,
        legal_basis=LegalBasis(LegalBasisKind.law, "Wet van 30 juli 2018 (LIVC-R)"),
        terms=ConfidentialityTerms(1, TERMS, now),
        tables=[
            Table(uuid.uuid4(), cell_id, TableKind.operational, now),
            Table(uuid.uuid4(), cell_id, TableKind.strategic, now),
        ],
    )
    await uow.cells.add(cell)
    for template in default_templates(cell_id, now):
        await uow.templates.add(template)
    organisations = {}
    for key, name, organisation_type in ORGANISATIONS:
        organisation = Organisation(uuid.uuid4(), cell_id, name, organisation_type, created_at=now)
        cell.organisations.append(organisation)
        organisations[key] = organisation.id
        await uow.cells.add_organisation(organisation)
    for role, table_kind, organisation_key, function in SEATS:
        member = composing.seat(
            cell, table_kind, ids[role], organisations[organisation_key], function, now
        )
        if function is Function.information_officer:
            member.clearance_expires_on = (now + timedelta(days=365)).date()
        await uow.cells.add_member(member)
    for chaired, role in ((TableKind.operational, "chair"), (TableKind.strategic, "mayor")):
        seated = composing.table_of(cell, chaired).active_members()
        chair = next(m for m in seated if m.user_id == ids[role])
        for changed in composing.appoint_chair(cell, chaired, chair.id):
            await uow.cells.save_member(changed)
    await uow.users.add_grant(Grant(ids["auditor"], PlatformRole.auditor, cell_id))
    for role in {role for role, *_ in SEATS}:
        await uow.cells.acknowledge(cell_id, ids[role], 1, now)
    await uow.audit.record(
        AuditRecord(str(cell_id), Actor.system("demo seed"), "cell.create", "cell", str(cell_id))
    )
    return cell


ORGANISATIONS = [
    ("prevention", "Preventiedienst Lindebeek", OrganisationType.municipal_prevention_service),
    ("city", "Stad Lindebeek – sociale zaken", OrganisationType.municipal_services),
    ("mayor", "Kabinet van de burgemeester", OrganisationType.mayors_office),
    ("clb", "CLB Lindebeek", OrganisationType.clb),
    ("caw", "CAW Lindebeek-Oost", OrganisationType.caw),
    ("police", "Lokale politie Lindebeek-Oost", OrganisationType.local_police),
]

SEATS = [
    ("chair", TableKind.operational, "prevention", Function.designated_radicalisation_officer),
    ("alderman", TableKind.operational, "city", Function.alderman_social_affairs),
    ("member", TableKind.operational, "clb", Function.clb_counsellor),
    ("informationOfficer", TableKind.operational, "police", Function.information_officer),
    ("mayor", TableKind.strategic, "mayor", Function.mayor),
    ("alderman", TableKind.strategic, "city", Function.alderman_social_affairs),
    ("chair", TableKind.strategic, "prevention", Function.designated_radicalisation_officer),
]


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
