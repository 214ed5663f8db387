"""Cells, tables and members through the API: refusals as problem+json naming their rule in the
caller's language, the composition report, and isolation between cells."""

from __future__ import annotations

import httpx
import pytest

from api.dependencies import Services
from tests.support.clock import MutableClock
from tests.support.identity import make_account
from tests.support.scenario import (
    CellScenario,
    Person,
    add_organisation,
    admin_person,
    create_cell,
    seat,
)


def without_instance(response: httpx.Response) -> dict[str, object]:
    return {key: value for key, value in response.json().items() if key != "instance"}


async def test_a_constituted_cell_reports_so(client: httpx.AsyncClient, cell: CellScenario) -> None:
    response = await client.get(
        f"/api/v1/cells/{cell.cell}/composition", headers=cell["dro"].headers
    )
    assert response.status_code == 200
    report = response.json()
    operational = next(t for t in report["tables"] if t["kind"] == "operational")
    assert operational["constituted"] is True
    assert operational["missing"] == []
    assert operational["police"] == 1
    assert operational["members"] == 5
    assert operational["balanced"] is True
    assert operational["meetingsAllowed"] is True
    assert report["caseWorkAllowed"] is True
    assert report["unacknowledged"] == []
    assert {w["state"] for w in report["clearanceWarnings"]} == {"missing"}


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("nl-BE", "lokale politie"),
        ("fr-BE", "police locale"),
        ("de", "lokalen Polizei"),
        ("en", "local police"),
    ],
)
async def test_r_mem_3_police_chair_refused_in_the_callers_language(
    client: httpx.AsyncClient, cell: CellScenario, language: str, words: str
) -> None:
    response = await client.put(
        f"/api/v1/cells/{cell.cell}/tables/operational/chair",
        json={"member": cell["io"].member},
        headers={**cell["dro"].headers, "Accept-Language": language},
    )
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["rule"] == "R-MEM-3"
    assert body["type"] == "urn:problem-type:tafel:policeCannotChair"
    assert words in body["detail"]
    assert "R-MEM-3" in body["detail"]


async def test_r_mem_4_second_police_member_refused_and_nothing_changes(
    client: httpx.AsyncClient, services: Services, cell: CellScenario
) -> None:
    officer = Person(await make_account(services, "officer@cell-a.example"))
    # 5 members, 1 police: a 2nd makes 2 of 6 (one third, allowed); a 3rd would make 3 of 7.
    first = await seat(
        client,
        cell["dro"],
        cell.cell,
        "operational",
        officer,
        cell.organisations["police"],
        "policeOfficer",
    )
    assert first.status_code == 201
    chief = Person(await make_account(services, "chief@cell-a.example"))
    refused = await seat(
        client,
        cell["dro"],
        cell.cell,
        "operational",
        chief,
        cell.organisations["police"],
        "policeChief",
    )
    assert refused.status_code == 409
    assert refused.json()["rule"] == "R-MEM-4"
    table = await client.get(
        f"/api/v1/cells/{cell.cell}/tables/operational", headers=cell["dro"].headers
    )
    assert chief.account.email not in table.text


@pytest.mark.parametrize(
    ("kind", "table", "rule"),
    [
        ("securityIntelligenceService", "strategic", "R-MEM-5"),
        ("publicProsecutor", "operational", "R-MEM-6"),
        ("publicProsecutor", "strategic", "R-MEM-6"),
        ("ocad", "strategic", "R-MEM-7"),
        ("federalPolice", "operational", "R-MEM-7"),
        ("entrepreneursAssociation", "operational", "R-MEM-9"),
    ],
)
async def test_exclusions_are_refused_with_their_rule(
    client: httpx.AsyncClient,
    services: Services,
    cell: CellScenario,
    kind: str,
    table: str,
    rule: str,
) -> None:
    organisation = await add_organisation(client, cell["dro"], cell.cell, f"{kind} test", kind)
    person = Person(await make_account(services, f"{kind.lower()}@elsewhere.example"))
    response = await seat(client, cell["dro"], cell.cell, table, person, organisation, "other")
    assert response.status_code == 409
    assert response.json()["rule"] == rule


async def test_r_tab_1_a_second_strategic_table_is_refused(
    client: httpx.AsyncClient, cell: CellScenario
) -> None:
    response = await client.post(
        f"/api/v1/cells/{cell.cell}/tables",
        json={"kind": "strategic"},
        headers=cell["dro"].headers,
    )
    assert response.status_code == 409
    assert response.json()["rule"] == "R-TAB-1"


async def test_r_mem_11_withdrawal_is_accepted_and_reported(
    client: httpx.AsyncClient, cell: CellScenario
) -> None:
    for name in ("clb", "caw", "alderman"):
        response = await client.delete(
            f"/api/v1/cells/{cell.cell}/tables/operational/members/{cell[name].member}",
            headers=cell[name].headers,  # members withdraw themselves
        )
        assert response.status_code == 204
    report = (
        await client.get(f"/api/v1/cells/{cell.cell}/composition", headers=cell["dro"].headers)
    ).json()
    operational = next(t for t in report["tables"] if t["kind"] == "operational")
    assert operational["balanced"] is False
    assert operational["meetingsAllowed"] is False
    assert operational["constituted"] is False
    assert operational["missing"] == ["aldermanSocialAffairs"]


async def test_a_member_cannot_change_the_composition(
    client: httpx.AsyncClient, services: Services, cell: CellScenario
) -> None:
    newcomer = Person(await make_account(services, "newcomer@cell-a.example"))
    response = await seat(
        client,
        cell["clb"],
        cell.cell,
        "operational",
        newcomer,
        cell.organisations["caw"],
        "socialWorker",
    )
    assert response.status_code == 403


async def test_cell_b_users_get_404_on_cell_a(
    client: httpx.AsyncClient, cell: CellScenario, cell_b: CellScenario
) -> None:
    outsider = cell_b["dro"]
    nowhere = "00000000-0000-4000-8000-000000000000"
    for path in (
        "",
        "/composition",
        "/organisations",
        "/tables",
        "/tables/operational",
    ):
        foreign = await client.get(f"/api/v1/cells/{cell.cell}{path}", headers=outsider.headers)
        missing = await client.get(f"/api/v1/cells/{nowhere}{path}", headers=outsider.headers)
        assert foreign.status_code == missing.status_code == 404, path
        assert without_instance(foreign) == without_instance(missing)
    write = await client.post(
        f"/api/v1/cells/{cell.cell}/organisations",
        json={"name": "x", "type": "caw"},
        headers=outsider.headers,
    )
    assert write.status_code == 404
    listed = await client.get("/api/v1/cells", headers=outsider.headers)
    assert [cell["id"] for cell in listed.json()["items"]] == [cell_b.cell]


async def test_r_priv_4_new_terms_ask_every_member_again(
    client: httpx.AsyncClient, cell: CellScenario
) -> None:
    response = await client.post(
        f"/api/v1/cells/{cell.cell}/confidentialityTerms",
        json={"text": "Versie 2: wat aan tafel gedeeld wordt, blijft aan tafel."},
        headers=cell["dro"].headers,
    )
    assert response.status_code == 201
    assert response.json()["confidentialityTerms"]["version"] == 2
    report = (
        await client.get(f"/api/v1/cells/{cell.cell}/composition", headers=cell["dro"].headers)
    ).json()
    assert len(report["unacknowledged"]) == 6
    stale = await client.post(
        f"/api/v1/cells/{cell.cell}/acknowledgements",
        json={"version": 1},
        headers=cell["clb"].headers,
    )
    assert stale.status_code == 400
    assert stale.json()["rule"] == "R-PRIV-4"


async def test_r_scope_1_cell_needs_a_municipality(
    client: httpx.AsyncClient, services: Services, clock: MutableClock
) -> None:
    admin = await admin_person(client, services, clock)
    response = await client.post(
        "/api/v1/cells",
        json={
            "name": "x",
            "municipalities": [],
            "workingLanguage": "nl",
            "retention": "P730D",
            "confidentialityTerms": "t",
        },
        headers=admin.headers,
    )
    assert response.status_code == 400
    assert await create_cell(
        client, admin, municipalities=[{"nisCode": "99003", "name": "Berkhoven"}]
    )


async def test_r_priv_3_prosecutor_permission_needs_reference_and_date(
    client: httpx.AsyncClient, cell: CellScenario
) -> None:
    response = await client.put(
        f"/api/v1/cells/{cell.cell}/legalBasis",
        json={"kind": "prosecutorPermission", "reference": "PK Lindebeek 2026/4"},
        headers=cell["dro"].headers,
    )
    assert response.status_code == 400
    assert response.json()["rule"] == "R-PRIV-3"
    assert response.json()["issues"][0]["name"] == "decidedOn"


async def test_only_the_platform_administrator_creates_cells(
    client: httpx.AsyncClient, cell: CellScenario
) -> None:
    from tests.support.scenario import CELL_BODY

    response = await client.post("/api/v1/cells", json=CELL_BODY, headers=cell["dro"].headers)
    assert response.status_code == 403


async def test_deactivated_cell_cuts_its_members_off(
    client: httpx.AsyncClient, cell: CellScenario
) -> None:
    response = await client.patch(
        f"/api/v1/cells/{cell.cell}", json={"active": False}, headers=cell.admin.headers
    )
    assert response.status_code == 200
    assert response.json()["active"] is False
    assert (
        await client.get(f"/api/v1/cells/{cell.cell}", headers=cell["clb"].headers)
    ).status_code == 404
    for who, path in (
        ("dro", "meetings"),
        ("dro", "cases"),
        ("mayor", "statistics"),
        ("mayor", "complianceReport"),
    ):
        refused = await client.get(f"/api/v1/cells/{cell.cell}/{path}", headers=cell[who].headers)
        assert refused.status_code == 404, (who, path)
    kept = await client.get(
        f"/api/v1/cells/{cell.cell}/complianceReport", headers=cell.admin.headers
    )
    assert kept.status_code == 200, "the data is kept, and the platform can still account for it"


async def test_the_information_officers_clearance_is_recorded(
    client: httpx.AsyncClient, cell: CellScenario
) -> None:
    response = await client.patch(
        f"/api/v1/cells/{cell.cell}/tables/operational/members/{cell['io'].member}",
        json={"clearanceExpiresOn": "2099-12-31"},
        headers=cell["dro"].headers,
    )
    assert response.status_code == 200
    refused = await client.patch(
        f"/api/v1/cells/{cell.cell}/tables/operational/members/{cell['clb'].member}",
        json={"clearanceExpiresOn": "2099-12-31"},
        headers=cell["dro"].headers,
    )
    assert refused.json()["rule"] == "R-MEM-12"


async def test_roles_follow_memberships(client: httpx.AsyncClient, cell: CellScenario) -> None:
    me = (await client.get("/api/v1/me", headers=cell["io"].headers)).json()
    roles = me["cells"][0]["roles"]
    assert "informationOfficer" in roles
    assert "operationalMember" in roles
    chair = (await client.get("/api/v1/me", headers=cell["dro"].headers)).json()
    assert "operationalChair" in chair["cells"][0]["roles"]
    # Withdrawal takes effect on the next request.
    await client.delete(
        f"/api/v1/cells/{cell.cell}/tables/operational/members/{cell['caw'].member}",
        headers=cell["dro"].headers,
    )
    assert (
        await client.get(f"/api/v1/cells/{cell.cell}", headers=cell["caw"].headers)
    ).status_code == 404
