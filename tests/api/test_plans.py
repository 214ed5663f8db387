"""Follow-up plans (R-CASE-8): from a template, adapted, actions carried by partners, with
optimistic concurrency on the shared plan."""

from __future__ import annotations

import httpx

from tests.support.cases import retained_case, submit
from tests.support.scenario import CellScenario


async def start_plan(client: httpx.AsyncClient, cell: CellScenario, case: str) -> httpx.Response:
    templates = (
        await client.get(
            f"/api/v1/cells/{cell.cell}/trajectoryTemplates", headers=cell["dro"].headers
        )
    ).json()
    assert templates["total"] == 3, "every cell ships three standard trajectories"
    template = templates["items"][0]["id"]
    return await client.post(
        f"/api/v1/cases/{case}/plan", json={"template": template}, headers=cell["dro"].headers
    )


async def test_r_case_8_plan_from_a_template_and_a_partner_completes_an_action(
    client: httpx.AsyncClient, cell: CellScenario
) -> None:
    case = await retained_case(client, cell)
    started = await start_plan(client, cell, case)
    assert started.status_code == 201, started.text
    plan = started.json()
    assert len(plan["actions"]) == 4
    assert {a["organisation"] for a in plan["actions"]} == {cell.organisations["clb"]}
    etag = started.headers["ETag"]
    mine = (
        await client.get(f"/api/v1/cells/{cell.cell}/myActions", headers=cell["clb"].headers)
    ).json()
    assert mine["total"] == 4
    action = mine["items"][0]
    done = await client.patch(
        f"/api/v1/cases/{case}/plan/actions/{action['id']}",
        json={"status": "done", "note": "Gesprek met leerling en ouders gevoerd."},
        headers={**cell["clb"].headers, "If-Match": etag},
    )
    assert done.status_code == 200, done.text
    updated = next(a for a in done.json()["actions"] if a["id"] == action["id"])
    assert updated["status"] == "done"
    assert updated["notes"][0]["text"] == "Gesprek met leerling en ouders gevoerd."
    assert done.headers["ETag"] != etag
    # The case page reads the plan with the case's other records in one statement: the same
    # plan, its actions in the same order, each with its notes.
    page = (await client.get(f"/api/v1/cases/{case}", headers=cell["clb"].headers)).json()
    assert page["plan"] == done.json()


async def test_stale_and_missing_if_match_are_refused(
    client: httpx.AsyncClient, cell: CellScenario
) -> None:
    case = await retained_case(client, cell)
    started = await start_plan(client, cell, case)
    etag = started.headers["ETag"]
    body = {
        "description": "Extra gesprek met de trajectbegeleider.",
        "organisation": cell.organisations["clb"],
        "dueOn": "2030-01-15",
    }
    path = f"/api/v1/cases/{case}/plan/actions"
    missing = await client.post(path, json=body, headers=cell["dro"].headers)
    assert missing.status_code == 428
    first = await client.post(path, json=body, headers={**cell["dro"].headers, "If-Match": etag})
    assert first.status_code == 201
    stale = await client.post(path, json=body, headers={**cell["dro"].headers, "If-Match": etag})
    assert stale.status_code == 412
    assert len(first.json()["actions"]) == 5


async def test_r_case_8_action_carried_by_a_partner_of_the_case(
    client: httpx.AsyncClient, cell: CellScenario
) -> None:
    case = await retained_case(client, cell)
    etag = (await start_plan(client, cell, case)).headers["ETag"]
    body = {
        "description": "Werkwinkel contacteren.",
        "organisation": cell.organisations["caw"],
        "dueOn": "2030-01-15",
    }
    refused = await client.post(
        f"/api/v1/cases/{case}/plan/actions",
        json=body,
        headers={**cell["dro"].headers, "If-Match": etag},
    )
    assert refused.status_code == 409
    assert refused.json()["rule"] == "R-CASE-8"


async def test_r_case_8_no_plan_before_the_case_is_retained(
    client: httpx.AsyncClient, cell: CellScenario
) -> None:
    case = (await submit(client, cell, cell["clb"])).json()["id"]
    response = await client.post(f"/api/v1/cases/{case}/plan", json={}, headers=cell["dro"].headers)
    assert response.status_code == 409
    assert response.json()["rule"] == "R-CASE-8"


async def test_a_non_carrier_cannot_change_an_action(
    client: httpx.AsyncClient, cell: CellScenario
) -> None:
    case = await retained_case(client, cell)
    started = await start_plan(client, cell, case)
    action = started.json()["actions"][0]["id"]
    response = await client.patch(
        f"/api/v1/cases/{case}/plan/actions/{action}",
        json={"status": "done"},
        headers={**cell["io"].headers, "If-Match": started.headers["ETag"]},
    )
    assert response.status_code == 403


async def test_privacy_guard_on_plan_texts(client: httpx.AsyncClient, cell: CellScenario) -> None:
    case = await retained_case(client, cell)
    etag = (await start_plan(client, cell, case)).headers["ETag"]
    body = {
        "description": "Bel de moeder op 0470 12 34 56.",
        "organisation": cell.organisations["clb"],
        "dueOn": "2030-01-15",
    }
    refused = await client.post(
        f"/api/v1/cases/{case}/plan/actions",
        json=body,
        headers={**cell["dro"].headers, "If-Match": etag},
    )
    assert refused.status_code == 400
    assert refused.json()["rule"] == "R-PRIV-2"
