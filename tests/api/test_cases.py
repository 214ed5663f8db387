"""Cases through the API: the intake filter, the privacy guard, need to know, the lifecycle."""

from __future__ import annotations

import httpx

from api.dependencies import Services
from tests.support.cases import add_cards, intake_body, retained_case, step, submit, weigh
from tests.support.clock import MutableClock
from tests.support.scenario import CellScenario, constituted_cell


class TestIntake:
    async def test_r_case_2_a_submission_is_only_registered(
        self, client: httpx.AsyncClient, cell: CellScenario
    ) -> None:
        response = await submit(client, cell, cell["clb"])
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["status"] == "registered"
        assert body["code"].startswith("K-")
        assert body["referenceHolder"] == cell.organisations["clb"]
        assert body["minor"] is True
        assert len(body["signals"]) == 1
        assert response.headers["Location"] == f"/api/v1/cases/{body['id']}"

    async def test_r_priv_2_a_national_number_is_refused_without_echo(
        self, client: httpx.AsyncClient, cell: CellScenario
    ) -> None:
        number = "85.07.30-033.28"
        response = await submit(
            client,
            cell,
            cell["clb"],
            priorHandling=f"Gesprek met de jongere (rijksregisternummer {number}) en ouders.",
        )
        assert response.status_code == 400
        body = response.json()
        assert body["rule"] == "R-PRIV-2"
        issue = body["issues"][0]
        assert issue["name"] == "priorHandling"
        assert issue["kind"] == "nationalRegisterNumber"
        assert issue["start"] < issue["end"]
        assert number not in response.text
        assert "85073003328" not in response.text
        listed = await client.get(f"/api/v1/cells/{cell.cell}/cases", headers=cell["dro"].headers)
        assert listed.json()["total"] == 0, "a refused submission changes nothing"

    async def test_r_case_2_the_filter_needs_own_handling_and_signals(
        self, client: httpx.AsyncClient, cell: CellScenario
    ) -> None:
        response = await submit(client, cell, cell["clb"], priorHandling="Niets", signals=[])
        assert response.status_code == 400
        names = {issue["name"] for issue in response.json()["issues"]}
        assert "priorHandling" in names or "signals" in names

    async def test_r_case_3_ltf_case_states_the_requested_follow_up(
        self, client: httpx.AsyncClient, cell: CellScenario
    ) -> None:
        refused = await submit(client, cell, cell["io"], organisation_key="police", source="ltf")
        assert refused.status_code == 400
        assert refused.json()["rule"] == "R-CASE-3"
        accepted = await submit(
            client,
            cell,
            cell["io"],
            organisation_key="police",
            source="ltf",
            requestedFollowUp="Begeleiding naar werk en opvolging van de schoolloopbaan.",
        )
        assert accepted.status_code == 201

    async def test_r_case_1_ltf_only_through_the_information_officer(
        self, client: httpx.AsyncClient, cell: CellScenario
    ) -> None:
        response = await submit(
            client,
            cell,
            cell["clb"],
            source="ltf",
            requestedFollowUp="Opvolging gevraagd door de LTF.",
        )
        assert response.status_code == 403
        assert response.json()["rule"] == "R-CASE-1"

    async def test_r_case_1_only_for_your_own_organisation(
        self, client: httpx.AsyncClient, cell: CellScenario
    ) -> None:
        response = await submit(client, cell, cell["clb"], organisation_key="caw")
        assert response.status_code == 403
        assert response.json()["rule"] == "R-CASE-1"

    async def test_r_scope_2_municipality_of_the_cell(
        self, client: httpx.AsyncClient, cell: CellScenario
    ) -> None:
        response = await submit(client, cell, cell["clb"], municipality="11002")
        assert response.status_code == 409
        assert response.json()["rule"] == "R-SCOPE-2"

    async def test_r_mem_8_no_case_work_when_the_table_is_not_constituted(
        self, client: httpx.AsyncClient, cell: CellScenario
    ) -> None:
        await client.delete(
            f"/api/v1/cells/{cell.cell}/tables/operational/members/{cell['alderman'].member}",
            headers=cell["dro"].headers,
        )
        response = await submit(client, cell, cell["clb"])
        assert response.status_code == 409
        assert response.json()["rule"] == "R-MEM-8"

    async def test_r_priv_4_no_case_work_before_acknowledging(
        self, client: httpx.AsyncClient, services: Services, clock: MutableClock
    ) -> None:
        fresh = await constituted_cell(client, services, clock, prefix="n", acknowledge=False)
        response = await submit(client, fresh, fresh["clb"])
        assert response.status_code == 403
        assert response.json()["rule"] == "R-PRIV-4"


class TestNeedToKnow:
    async def test_participants_see_content_others_get_404(
        self, client: httpx.AsyncClient, cell: CellScenario, cell_b: CellScenario
    ) -> None:
        case = (await submit(client, cell, cell["clb"])).json()["id"]
        path = f"/api/v1/cases/{case}"
        for name in ("clb", "dro", "io"):
            assert (await client.get(path, headers=cell[name].headers)).status_code == 200, name
        for name in (
            "caw",
            "alderman",
            "mayor",
        ):  # non-participant, non-participant, strategic only
            assert (await client.get(path, headers=cell[name].headers)).status_code == 404, name
        assert (await client.get(path, headers=cell.admin.headers)).status_code == 404
        assert (await client.get(path, headers=cell_b["dro"].headers)).status_code == 404
        # Non-participants still see that the case exists, with its code and status only.
        listed = await client.get(f"/api/v1/cells/{cell.cell}/cases", headers=cell["caw"].headers)
        item = listed.json()["items"][0]
        assert item["participant"] is False
        assert "priorHandling" not in item
        assert (
            await client.get(f"/api/v1/cells/{cell.cell}/cases", headers=cell["mayor"].headers)
        ).status_code == 404

    async def test_r_priv_5_an_invited_partner_sees_it_at_once_and_loses_it_at_once(
        self, client: httpx.AsyncClient, cell: CellScenario
    ) -> None:
        case = (await submit(client, cell, cell["clb"])).json()["id"]
        path = f"/api/v1/cases/{case}"
        invite = await client.post(
            f"{path}/participants",
            json={"organisation": cell.organisations["caw"]},
            headers=cell["dro"].headers,
        )
        assert invite.status_code == 204
        assert (await client.get(path, headers=cell["caw"].headers)).status_code == 200
        removed = await client.delete(
            f"{path}/participants/{cell.organisations['caw']}", headers=cell["dro"].headers
        )
        assert removed.status_code == 204
        assert (await client.get(path, headers=cell["caw"].headers)).status_code == 404

    async def test_r_priv_4_a_participant_must_acknowledge_new_terms(
        self, client: httpx.AsyncClient, cell: CellScenario
    ) -> None:
        case = (await submit(client, cell, cell["clb"])).json()["id"]
        await client.post(
            f"/api/v1/cells/{cell.cell}/confidentialityTerms",
            json={"text": "Versie 2 van de voorwaarden."},
            headers=cell["dro"].headers,
        )
        refused = await client.get(f"/api/v1/cases/{case}", headers=cell["clb"].headers)
        assert refused.status_code == 403
        assert refused.json()["rule"] == "R-PRIV-4"
        await client.post(
            f"/api/v1/cells/{cell.cell}/acknowledgements",
            json={"version": 2},
            headers=cell["clb"].headers,
        )
        assert (
            await client.get(f"/api/v1/cases/{case}", headers=cell["clb"].headers)
        ).status_code == 200

    async def test_r_aud_1_every_read_is_audited(
        self, client: httpx.AsyncClient, cell: CellScenario, services: Services
    ) -> None:
        case = (await submit(client, cell, cell["clb"])).json()["id"]
        for _ in range(3):
            await client.get(f"/api/v1/cases/{case}", headers=cell["clb"].headers)
        uow = services.unit_of_work(read_only=True)
        async with uow:
            events = [e async for e in uow.audit.events(cell.cell)]
        reads = [e for e in events if e.action == "case.read" and e.object_id == case]
        assert len(reads) == 4  # the three reads, and the read that answered the submission


class TestLifecycle:
    async def test_r_case_5_steps_in_order(
        self, client: httpx.AsyncClient, cell: CellScenario
    ) -> None:
        case = (await submit(client, cell, cell["clb"])).json()["id"]
        skipped = await step(client, cell, case, "startWeighing")
        assert skipped.status_code == 409
        assert skipped.json()["rule"] == "R-CASE-5"
        assert (await step(client, cell, case, "admit")).status_code == 201
        assert (await step(client, cell, case, "startWeighing")).status_code == 201
        retained = await weigh(client, cell, case, "retained")
        assert retained.json()["status"] == "followUp"
        timeline = retained.json()["timeline"]
        assert [t["toStatus"] for t in timeline] == ["fileBuilding", "weighing", "followUp"]
        assert timeline[-1]["decision"] == "retained"
        read = (await client.get(f"/api/v1/cases/{case}", headers=cell["clb"].headers)).json()
        assert {t["byName"] for t in read["timeline"]} == {"Dro"}, "who recorded each step"

    async def test_r_case_7_retained_needs_three_favourable_assessments(
        self, client: httpx.AsyncClient, cell: CellScenario
    ) -> None:
        case = (await submit(client, cell, cell["clb"])).json()["id"]
        await step(client, cell, case, "admit")
        await step(client, cell, case, "startWeighing")
        refused = await weigh(client, cell, case, "retained", favourable=False)
        assert refused.status_code == 409
        assert refused.json()["rule"] == "R-CASE-7"
        referred = await weigh(client, cell, case, "referred", favourable=False)
        assert referred.json()["status"] == "closed"

    async def test_r_case_6_not_retained_is_final(
        self, client: httpx.AsyncClient, cell: CellScenario
    ) -> None:
        case = (await submit(client, cell, cell["clb"])).json()["id"]
        await step(client, cell, case, "admit")
        await step(client, cell, case, "startWeighing")
        assert (await weigh(client, cell, case, "notRetained")).json()["status"] == "closed"
        again = await step(client, cell, case, "admit")
        assert again.status_code == 409
        assert again.json()["rule"] == "R-CASE-6"
        signal = await client.post(
            f"/api/v1/cases/{case}/signals",
            json={"observedOn": "2026-01-05", "description": "Nieuw signaal."},
            headers=cell["clb"].headers,
        )
        assert signal.status_code == 409

    async def test_only_the_chair_records_decisions(
        self, client: httpx.AsyncClient, cell: CellScenario
    ) -> None:
        case = (await submit(client, cell, cell["clb"])).json()["id"]
        response = await client.post(
            f"/api/v1/cases/{case}/transitions", json={"step": "admit"}, headers=cell["clb"].headers
        )
        assert response.status_code == 403

    async def test_r_case_9_signals_name_their_organisation(
        self, client: httpx.AsyncClient, cell: CellScenario
    ) -> None:
        case = (await submit(client, cell, cell["clb"])).json()["id"]
        response = await client.post(
            f"/api/v1/cases/{case}/signals",
            json={"observedOn": "2026-01-05", "description": "Afwezig op drie schooldagen."},
            headers=cell["clb"].headers,
        )
        assert response.status_code == 201
        assert response.json()["organisation"] == cell.organisations["clb"]

    async def test_r_case_10_problematic_mark(
        self, client: httpx.AsyncClient, cell: CellScenario
    ) -> None:
        case = await retained_case(client, cell)
        response = await client.patch(
            f"/api/v1/cases/{case}", json={"problematic": True}, headers=cell["dro"].headers
        )
        assert response.json()["problematic"] is True
        listed = await client.get(
            f"/api/v1/cells/{cell.cell}/cases",
            params={"problematic": "true"},
            headers=cell["caw"].headers,
        )
        assert listed.json()["total"] == 1


class TestInformationCards:
    async def test_r_info_1_only_the_information_officer_adds_non_classified_cards(
        self, client: httpx.AsyncClient, cell: CellScenario
    ) -> None:
        case = (await submit(client, cell, cell["clb"])).json()["id"]
        body = {
            "text": "Informatiekaart OCAD: geen gekende reisbewegingen.",
            "nonClassifiedAttested": True,
        }
        refused = await client.post(
            f"/api/v1/cases/{case}/informationCards", json=body, headers=cell["clb"].headers
        )
        assert refused.status_code == 403
        assert refused.json()["rule"] == "R-INFO-1"
        unattested = await client.post(
            f"/api/v1/cases/{case}/informationCards",
            json={**body, "nonClassifiedAttested": False},
            headers=cell["io"].headers,
        )
        assert unattested.json()["rule"] == "R-INFO-1"
        added = await client.post(
            f"/api/v1/cases/{case}/informationCards", json=body, headers=cell["io"].headers
        )
        assert added.status_code == 201
        assert added.json()["purpose"] == "cellFollowUpOnly"
        content = (await client.get(f"/api/v1/cases/{case}", headers=cell["clb"].headers)).json()
        assert content["informationCards"][0]["text"] == body["text"]


async def test_a_case_page_orders_signals_by_observation_and_cards_by_addition(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock
) -> None:
    """Signals and cards are read together: each keeps its own order and its own fields."""
    case = (await submit(client, cell, cell["clb"])).json()["id"]
    for observed, text in (("2026-01-07", "Later gezien."), ("2026-01-02", "Eerder gezien.")):
        added = await client.post(
            f"/api/v1/cases/{case}/signals",
            json={"observedOn": observed, "description": text},
            headers=cell["clb"].headers,
        )
        assert added.status_code == 201, added.text
    await add_cards(client, cell, clock, case)
    content = (await client.get(f"/api/v1/cases/{case}", headers=cell["clb"].headers)).json()
    signals = [(s["observedOn"], s["description"]) for s in content["signals"]]
    assert signals == sorted(signals, key=lambda signal: signal[0])
    assert signals.index(("2026-01-02", "Eerder gezien.")) < signals.index(
        ("2026-01-07", "Later gezien.")
    )
    assert {s["organisation"] for s in content["signals"]} == {cell.organisations["clb"]}
    cards = content["informationCards"]
    assert [c["text"] for c in cards] == ["Eerste informatiekaart.", "Tweede informatiekaart."]
    assert all(c["nonClassifiedAttested"] for c in cards)


async def test_unknown_fields_are_refused(client: httpx.AsyncClient, cell: CellScenario) -> None:
    body = intake_body(cell, name="Jan Janssens")
    response = await client.post(
        f"/api/v1/cells/{cell.cell}/cases", json=body, headers=cell["clb"].headers
    )
    assert response.status_code == 400
    assert response.json()["issues"][0]["name"] == "name"


async def test_privacy_check_helps_while_typing(
    client: httpx.AsyncClient, cell: CellScenario
) -> None:
    response = await client.post(
        "/api/v1/privacyChecks",
        json={"text": "Mail hem op jongere@voorbeeld.be of bel 0470 12 34 56."},
        headers={**cell["clb"].headers, "Accept-Language": "fr"},
    )
    body = response.json()
    assert body["acceptable"] is False
    assert {f["kind"] for f in body["findings"]} == {"email", "phoneNumber"}
    assert "jongere@voorbeeld.be" not in response.text
    assert "adresse e-mail" in response.text


async def test_every_page_of_the_case_list_tells_the_same_total(
    client: httpx.AsyncClient, cell: CellScenario
) -> None:
    """The total comes with the page's rows; a page past the end still counts the cases."""
    for _ in range(5):
        assert (await submit(client, cell, cell["clb"])).status_code == 201
    seen = []
    for page in (1, 2, 3, 4):
        listed = await client.get(
            f"/api/v1/cells/{cell.cell}/cases",
            params={"page": page, "pageSize": 2},
            headers=cell["caw"].headers,
        )
        assert listed.json()["total"] == 5
        seen += [item["id"] for item in listed.json()["items"]]
    assert len(seen) == len(set(seen)) == 5
