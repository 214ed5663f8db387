"""Meetings through the API: planning with invitations from the table (R-TAB-2), no case at the
strategic table (R-TAB-3), no meeting for an out-of-balance table (R-MEM-4), attendance and its
acknowledgement (R-PRIV-4), decisions that move cases and name the meeting, minutes for those
present, and the cadence (R-CAD-1 … R-CAD-4)."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import httpx

from api.dependencies import Services
from tests.support.cases import retained_case, submit
from tests.support.clock import MutableClock
from tests.support.identity import log_in, make_account
from tests.support.meetings import open_with, plan
from tests.support.scenario import CellScenario


async def test_the_chair_plans_with_invitees_from_the_table(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock
) -> None:
    response = await plan(client, cell, clock)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["status"] == "planned"
    assert len(body["invitees"]) == 5
    refused = await client.post(
        f"/api/v1/cells/{cell.cell}/meetings",
        json={
            "table": "operational",
            "startsAt": body["startsAt"],
            "endsAt": body["endsAt"],
            "place": "x",
        },
        headers=cell["clb"].headers,
    )
    assert refused.status_code == 403


async def test_r_tab_2_invitees_come_from_the_table(
    client: httpx.AsyncClient, services: Services, cell: CellScenario, clock: MutableClock
) -> None:
    outsider = await make_account(services, "outsider@elsewhere.example")
    response = await plan(client, cell, clock, invitees=[str(outsider.id)])
    assert response.status_code == 409
    assert response.json()["rule"] == "R-TAB-2"


async def test_r_tab_3_no_case_at_the_strategic_table(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock
) -> None:
    case = (await submit(client, cell, cell["clb"])).json()["id"]
    response = await plan(
        client, cell, clock, table="strategic", agenda=[{"purpose": "admission", "case": case}]
    )
    assert response.status_code == 409
    assert response.json()["rule"] == "R-TAB-3"
    general = await plan(
        client,
        cell,
        clock,
        table="strategic",
        agenda=[{"purpose": "general", "title": "Jaarcijfers"}],
    )
    assert general.status_code == 201


async def test_r_mem_4_an_out_of_balance_table_does_not_meet(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock
) -> None:
    meeting = (await plan(client, cell, clock)).json()["id"]
    for name in ("clb", "caw", "alderman"):
        await client.delete(
            f"/api/v1/cells/{cell.cell}/tables/operational/members/{cell[name].member}",
            headers=cell[name].headers,
        )
    refused = await client.patch(
        f"/api/v1/meetings/{meeting}", json={"status": "inSession"}, headers=cell["dro"].headers
    )
    assert refused.status_code == 409
    assert refused.json()["rule"] == "R-MEM-4"


async def test_decisions_in_session_move_the_case_and_fill_the_minutes(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock
) -> None:
    case = (await submit(client, cell, cell["clb"])).json()["id"]
    meeting_response = await plan(
        client, cell, clock, agenda=[{"purpose": "admission", "case": case}]
    )
    meeting = meeting_response.json()
    assert meeting["agenda"][0]["caseCode"].startswith("K-")
    listed = await client.get(f"/api/v1/cells/{cell.cell}/meetings", headers=cell["clb"].headers)
    [summary] = listed.json()["items"]
    assert summary["agenda"][0]["caseCode"] == meeting["agenda"][0]["caseCode"]
    assert {p["displayName"] for p in summary["invitees"]} >= {"Dro", "Clb", "Io"}
    await open_with(client, cell, meeting["id"], ("dro", "clb", "io", "alderman"))
    item = meeting["agenda"][0]["id"]
    decided = await client.post(
        f"/api/v1/meetings/{meeting['id']}/decisions",
        json={
            "agendaItem": item,
            "decision": "admit",
            "note": "Unaniem: opname in dossiervorming.",
        },
        headers=cell["dro"].headers,
    )
    assert decided.status_code == 201, decided.text
    assert decided.json()["entries"][0]["decision"] == "admit"
    content = (await client.get(f"/api/v1/cases/{case}", headers=cell["clb"].headers)).json()
    assert content["status"] == "fileBuilding"
    assert content["timeline"][-1]["meeting"] == meeting["id"], "the decision names the meeting"
    action = await client.post(
        f"/api/v1/meetings/{meeting['id']}/actions",
        json={
            "text": "Verslag van het CLB bezorgen",
            "owner": cell.organisations["clb"],
            "deadline": "2030-02-01",
        },
        headers=cell["dro"].headers,
    )
    assert action.status_code == 201
    minutes = await client.get(
        f"/api/v1/meetings/{meeting['id']}/minutes", headers=cell["clb"].headers
    )
    assert [e["kind"] for e in minutes.json()["entries"]] == ["decision", "action"]
    absent = await client.get(
        f"/api/v1/meetings/{meeting['id']}/minutes", headers=cell["caw"].headers
    )
    assert absent.status_code == 403, "minutes are released to those present"
    closed = await client.patch(
        f"/api/v1/meetings/{meeting['id']}", json={"status": "held"}, headers=cell["dro"].headers
    )
    assert closed.json()["status"] == "held"


async def test_r_priv_4_the_session_view_needs_the_meetings_acknowledgement(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock
) -> None:
    meeting = (await plan(client, cell, clock)).json()["id"]
    await client.patch(
        f"/api/v1/meetings/{meeting}", json={"status": "inSession"}, headers=cell["dro"].headers
    )
    await client.put(
        f"/api/v1/meetings/{meeting}/attendance",
        json={"present": [str(cell["clb"].account.id)]},
        headers=cell["dro"].headers,
    )
    refused = await client.get(f"/api/v1/meetings/{meeting}/minutes", headers=cell["clb"].headers)
    assert refused.status_code == 403
    assert refused.json()["rule"] == "R-PRIV-4"
    await client.post(f"/api/v1/meetings/{meeting}/acknowledgement", headers=cell["clb"].headers)
    assert (
        await client.get(f"/api/v1/meetings/{meeting}/minutes", headers=cell["clb"].headers)
    ).status_code == 200


async def test_r_cad_the_cadence_follows_cases_and_meetings(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock
) -> None:
    path = f"/api/v1/cells/{cell.cell}/cadence"
    first = (await client.get(path, headers=cell["mayor"].headers)).json()
    assert first["constitutiveMeetingHeld"] is False
    assert first["explanation"] == "constitutiveMeetingMissing"
    assert "R-CAD-1" in first["explanationText"]
    meeting = (await plan(client, cell, clock)).json()["id"]
    await open_with(client, cell, meeting, ("dro", "io"))
    await client.patch(
        f"/api/v1/meetings/{meeting}", json={"status": "held"}, headers=cell["dro"].headers
    )
    asleep = (await client.get(path, headers=cell["dro"].headers)).json()
    assert asleep["mode"] == "sleep"
    await submit(client, cell, cell["clb"])
    monthly = (await client.get(path, headers=cell["dro"].headers)).json()
    assert monthly["mode"] == "monthly"
    assert monthly["openCases"] == 1


async def test_r_cad_2_the_weekly_rhythm_counts_from_the_problematic_mark(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock
) -> None:
    """A case open since before the last meeting, marked problematic ten days after it: the table
    owes a meeting a week after the mark — not a week after the meeting (overdue at once)."""
    case = await retained_case(client, cell)
    meeting = (await plan(client, cell, clock)).json()["id"]
    await open_with(client, cell, meeting, ("dro", "io"))
    held = await client.patch(
        f"/api/v1/meetings/{meeting}", json={"status": "held"}, headers=cell["dro"].headers
    )
    assert held.status_code == 200, held.text
    clock.advance(days=11)  # the meeting started a day after planning: ten days after it
    cell["dro"].token = await log_in(client, cell["dro"].account, clock)
    marked_at = clock.now()
    marked = await client.patch(
        f"/api/v1/cases/{case}", json={"problematic": True}, headers=cell["dro"].headers
    )
    assert marked.status_code == 200, marked.text

    cadence = await client.get(f"/api/v1/cells/{cell.cell}/cadence", headers=cell["dro"].headers)
    body = cadence.json()
    assert body["mode"] == "weekly"
    assert body["overdue"] is False, body
    due = datetime.fromisoformat(body["nextDue"])
    assert abs(due - (marked_at + timedelta(days=7))) < timedelta(minutes=1)


async def test_r_cad_5_members_ask_for_meetings_and_cases_raise_requests(
    client: httpx.AsyncClient, cell: CellScenario
) -> None:
    await submit(client, cell, cell["clb"])
    asked = await client.post(
        f"/api/v1/cells/{cell.cell}/meetingRequests",
        json={"reason": "Nieuwe signalen vanuit de school."},
        headers=cell["caw"].headers,
    )
    assert asked.status_code == 201
    chair_view = (
        await client.get(f"/api/v1/cells/{cell.cell}/meetingRequests", headers=cell["dro"].headers)
    ).json()
    assert sorted(r["origin"] for r in chair_view["items"]) == ["case", "member"]
    by_origin = {r["origin"]: r for r in chair_view["items"]}
    assert by_origin["case"]["caseCode"].startswith("K-"), "the chair sees which case asks"
    assert by_origin["member"]["requestedByName"] == "Caw"
    own_view = (
        await client.get(f"/api/v1/cells/{cell.cell}/meetingRequests", headers=cell["caw"].headers)
    ).json()
    assert [r["origin"] for r in own_view["items"]] == ["member"]
    answered = await client.patch(
        f"/api/v1/cells/{cell.cell}/meetingRequests/{asked.json()['id']}",
        json={"status": "accepted", "answer": "Op de agenda van dinsdag."},
        headers=cell["dro"].headers,
    )
    assert answered.json()["status"] == "accepted"
    # R-TAB-3: the mayor chairs the strategic table and answers its requests, but never learns
    # that a case asked, not even its code.
    mayor_view = (
        await client.get(
            f"/api/v1/cells/{cell.cell}/meetingRequests", headers=cell["mayor"].headers
        )
    ).json()
    assert [r["origin"] for r in mayor_view["items"]] == ["member"]
    assert "K-" not in str(mayor_view)
    by_case = by_origin["case"]["id"]
    refused = await client.patch(
        f"/api/v1/cells/{cell.cell}/meetingRequests/{by_case}",
        json={"status": "declined"},
        headers=cell["mayor"].headers,
    )
    assert refused.status_code == 404


async def test_other_cells_see_no_meetings(
    client: httpx.AsyncClient, cell: CellScenario, cell_b: CellScenario, clock: MutableClock
) -> None:
    meeting = (await plan(client, cell, clock)).json()["id"]
    assert (
        await client.get(f"/api/v1/meetings/{meeting}", headers=cell_b["dro"].headers)
    ).status_code == 404
    missing = await client.get(f"/api/v1/meetings/{uuid.uuid4()}", headers=cell_b["dro"].headers)
    assert missing.status_code == 404
