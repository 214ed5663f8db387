"""A constituted cell built through the API, as the people of a fictitious municipality would.

Every name is invented. Later features (cases, meetings, feedback) start from here.
"""

from __future__ import annotations

import base64
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx

from api.dependencies import Services
from domain.identity.model import PlatformRole
from tests.support.clock import MutableClock
from tests.support.identity import Account, bearer, grant, log_in, make_account

CELL_BODY: dict[str, Any] = {
    "name": "LIVC-R Lindebeek",
    "municipalities": [
        {"nisCode": "99001", "name": "Lindebeek"},
        {"nisCode": "99002", "name": "Oosterveld"},
    ],
    "workingLanguage": "nl",
    "retention": "P730D",
    "confidentialityTerms": "Wat aan tafel gedeeld wordt, blijft aan tafel (art. 458ter Sw.).",
    "legalBasis": {"kind": "law", "reference": "Wet van 30 juli 2018"},
}


@dataclass
class Person:
    account: Account
    token: str = ""
    member: str = ""

    @property
    def headers(self) -> dict[str, str]:
        return bearer(self.token)


@dataclass
class CellScenario:
    cell: str
    admin: Person
    people: dict[str, Person] = field(default_factory=dict)
    organisations: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Person:
        return self.people[name]


async def admin_person(
    client: httpx.AsyncClient,
    services: Services,
    clock: MutableClock,
    email: str = "admin@platform.example",
) -> Person:
    account = await make_account(
        services, email, platform_roles=frozenset({PlatformRole.platform_administrator})
    )
    return Person(account, await log_in(client, account, clock))


async def create_cell(client: httpx.AsyncClient, admin: Person, **overrides: Any) -> str:
    response = await client.post(
        "/api/v1/cells", json={**CELL_BODY, **overrides}, headers=admin.headers
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def add_organisation(
    client: httpx.AsyncClient, token_holder: Person, cell: str, name: str, kind: str
) -> str:
    response = await client.post(
        f"/api/v1/cells/{cell}/organisations",
        json={"name": name, "type": kind},
        headers=token_holder.headers,
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def seat(
    client: httpx.AsyncClient,
    actor: Person,
    cell: str,
    table: str,
    person: Person,
    organisation: str,
    function: str,
    **extra: Any,
) -> httpx.Response:
    return await client.post(
        f"/api/v1/cells/{cell}/tables/{table}/members",
        json={
            "email": person.account.email,
            "organisation": organisation,
            "function": function,
            **extra,
        },
        headers=actor.headers,
    )


ROLES = {
    # name: (organisation key, organisation type, function, table)
    "dro": (
        "prevention",
        "municipalPreventionService",
        "designatedRadicalisationOfficer",
        "operational",
    ),
    "alderman": ("municipality", "municipalServices", "aldermanSocialAffairs", "operational"),
    "clb": ("clb", "clb", "clbCounsellor", "operational"),
    "caw": ("caw", "caw", "socialWorker", "operational"),
    "io": ("police", "localPolice", "informationOfficer", "operational"),
    "mayor": ("mayor", "mayorsOffice", "mayor", "strategic"),
}


async def constituted_cell(
    client: httpx.AsyncClient,
    services: Services,
    clock: MutableClock,
    *,
    prefix: str = "a",
    acknowledge: bool = True,
) -> CellScenario:
    """A cell with a constituted operational table chaired by the DRO, a strategic table chaired
    by the mayor, a legal basis, and every member having acknowledged the terms."""
    admin = await admin_person(client, services, clock, f"admin-{prefix}@platform.example")
    cell = await create_cell(client, admin, name=f"LIVC-R {prefix.upper()}")
    scenario = CellScenario(cell, admin)
    for key, (_, kind, _, _) in {v[0]: v for v in ROLES.values()}.items():
        scenario.organisations[key] = await add_organisation(
            client, admin, cell, f"{key} {prefix}", kind
        )
    response = await client.post(
        f"/api/v1/cells/{cell}/tables", json={"kind": "strategic"}, headers=admin.headers
    )
    assert response.status_code == 201, response.text
    for name, (org_key, _, function, table) in ROLES.items():
        account = await make_account(services, f"{name}@cell-{prefix}.example")
        person = Person(account)
        scenario.people[name] = person
        response = await seat(
            client, admin, cell, table, person, scenario.organisations[org_key], function
        )
        assert response.status_code == 201, response.text
        person.member = response.json()["id"]
    for table, name in (("operational", "dro"), ("strategic", "mayor")):
        response = await client.put(
            f"/api/v1/cells/{cell}/tables/{table}/chair",
            json={"member": scenario[name].member},
            headers=admin.headers,
        )
        assert response.status_code == 200, response.text
    for person in scenario.people.values():
        person.token = await log_in(client, person.account, clock)
        if acknowledge:
            response = await client.post(
                f"/api/v1/cells/{cell}/acknowledgements",
                json={"version": 1},
                headers=person.headers,
            )
            assert response.status_code == 204, response.text
    return scenario


async def integration_token(client: httpx.AsyncClient, cell: CellScenario, scopes: str) -> str:
    """A client of the cell with these (space-separated) scopes, and its access token."""
    created = await client.post(
        f"/api/v1/cells/{cell.cell}/clients",
        json={"name": "Dashboard stadhuis", "scopes": scopes.split()},
        headers=cell["dro"].headers,
    )
    assert created.status_code == 201, created.text
    body = created.json()
    basic = base64.b64encode(f"{body['id']}:{body['clientSecret']}".encode()).decode()
    token = await client.post(
        "/api/v1/auth/token",
        data={"grant_type": "client_credentials"},
        headers={"Authorization": f"Basic {basic}"},
    )
    assert token.status_code == 200, token.text
    return str(token.json()["access_token"])


async def cell_auditor(
    client: httpx.AsyncClient, services: Services, clock: MutableClock, cell: CellScenario
) -> Person:
    """An auditor of this cell only (a grant, not a seat at a table)."""
    account = await make_account(services, "auditor@audit.example")
    await grant(services, account, PlatformRole.auditor, uuid.UUID(cell.cell))
    return Person(account, await log_in(client, account, clock))
