"""Oversight (R-TAB-3, R-AUD-1): the strategic table steers from suppressed figures, the DPO signs
off from the evidence pack — and neither they nor auditors nor administrators ever see a case."""

from __future__ import annotations

import io
from datetime import timedelta

import httpx
import pypdfium2

from api.dependencies import Services
from tests.support.cases import retained_case, step, submit
from tests.support.clock import MutableClock
from tests.support.feedback import form_in_meeting, verdict
from tests.support.identity import bearer, log_in
from tests.support.scenario import CellScenario, cell_auditor, integration_token

STATISTICS = "/api/v1/cells/{}/statistics"
EVIDENCE = "/api/v1/cells/{}/complianceReport"
# The labels the CLB's cases below share, per breakdown.
SHARED = {
    "byStatus": {"registered"},
    "byProblem": {"school", "familySituation"},
    "byPhenomenon": {"none"},
    "byMunicipality": {"99001"},
    "bySource": {"clb"},
}


def shown(n: int) -> dict[str, object]:
    return {"display": "<5"} if n < 5 else {"display": str(n), "value": n}


async def test_r_tab_3_counts_from_zero_to_six_in_every_breakdown(
    client: httpx.AsyncClient, cell: CellScenario
) -> None:
    codes: list[str] = []
    for n in range(7):
        response = await client.get(STATISTICS.format(cell.cell), headers=cell["mayor"].headers)
        assert response.status_code == 200, response.text
        figures = response.json()
        assert figures["totalCases"] == shown(n)
        for breakdown, labels in SHARED.items():
            rows = {row["label"]: row["count"] for row in figures[breakdown]}
            assert labels <= set(rows), f"{breakdown} lists its labels even at zero"
            for label, figure in rows.items():
                assert figure == shown(n if label in labels else 0), (breakdown, label, n)
        assert all(code not in response.text for code in codes), "no case code in a figure"
        assert "admissionRate" not in figures, "no rate over fewer than five decisions"
        created = await submit(client, cell, cell["clb"])
        assert created.status_code == 201, created.text
        codes.append(created.json()["code"])


async def test_r_tab_3_median_days_in_each_phase_over_five_cases(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock
) -> None:
    """The database pairs each step with the case's next one, or with now for the phase a case
    is in: five cases registered two days before their admission, three and a half days
    building their file, one day weighed."""
    cases = []
    for _ in range(5):
        created = await submit(client, cell, cell["clb"])
        assert created.status_code == 201, created.text
        cases.append(created.json()["id"])
    clock.advance(days=2)
    cell["dro"].token = await log_in(client, cell["dro"].account, clock)
    for case in cases:
        assert (await step(client, cell, case, "admit")).status_code == 201
    clock.advance(days=3, hours=12)
    cell["dro"].token = await log_in(client, cell["dro"].account, clock)
    for case in cases:
        assert (await step(client, cell, case, "startWeighing")).status_code == 201
    clock.advance(days=1)
    cell["mayor"].token = await log_in(client, cell["mayor"].account, clock)
    figures = (await client.get(STATISTICS.format(cell.cell), headers=cell["mayor"].headers)).json()
    medians = {row["phase"]: row.get("medianDays") for row in figures["medianDaysInPhase"]}
    assert medians == {"fileBuilding": 3.5, "registered": 2.0, "weighing": 1.0}
    assert "admissionRate" not in figures, "five admitted, none refused: no rate shown"


async def test_r_tab_3_plan_actions_per_status_and_overdue(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock
) -> None:
    """Counted with the breakdowns: six open actions, five of them due yesterday; one done
    (shown as <5, and too few for a completion rate)."""
    case = await retained_case(client, cell)
    chair = cell["dro"].headers
    started = await client.post(f"/api/v1/cases/{case}/plan", json={}, headers=chair)
    assert started.status_code == 201, started.text
    etag = started.headers["ETag"]
    today = clock.now().date()
    for number, due in enumerate([today + timedelta(days=1)] * 5 + [today + timedelta(days=9)] * 2):
        added = await client.post(
            f"/api/v1/cases/{case}/plan/actions",
            json={
                "description": f"Opvolgingsgesprek {number + 1} met de trajectbegeleider.",
                "organisation": cell.organisations["clb"],
                "dueOn": due.isoformat(),
            },
            headers={**chair, "If-Match": etag},
        )
        assert added.status_code == 201, added.text
        etag = added.headers["ETag"]
        last = added.json()["actions"][-1]["id"]
    done = await client.patch(
        f"/api/v1/cases/{case}/plan/actions/{last}",
        json={"status": "done"},
        headers={**chair, "If-Match": etag},
    )
    assert done.status_code == 200, done.text
    clock.advance(days=2)
    cell["mayor"].token = await log_in(client, cell["mayor"].account, clock)
    figures = (await client.get(STATISTICS.format(cell.cell), headers=cell["mayor"].headers)).json()
    actions = {row["label"]: row["count"] for row in figures["actions"]}
    assert actions["open"] == shown(6)
    assert actions["overdue"] == shown(5)
    assert actions["done"] == shown(1)
    assert "actionCompletion" not in figures


async def test_statistics_for_clients_with_the_scope_and_nobody_outside_the_cell(
    client: httpx.AsyncClient, cell: CellScenario, cell_b: CellScenario
) -> None:
    url = STATISTICS.format(cell.cell)
    scoped = await integration_token(client, cell, "statistics:read")
    assert (await client.get(url, headers=bearer(scoped))).status_code == 200
    unscoped = await integration_token(client, cell, "meetings:read")
    refused = await client.get(url, headers=bearer(unscoped))
    assert refused.status_code == 403
    assert (await client.get(url, headers=cell_b["mayor"].headers)).status_code == 404
    partner = await client.get(url, headers=cell["clb"].headers)
    assert partner.status_code == 404, "partners work cases; the figures are for oversight"
    chair = (await client.get(url, headers=cell["dro"].headers)).json()
    assert len(chair["meetingsPerMonth"]) == 12, "a month without meetings shows 0"
    assert (await client.get(EVIDENCE.format(cell.cell), headers=bearer(scoped))).status_code == 404


async def test_r_aud_1_the_evidence_pack_states_exactly_the_approvals_recorded(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock
) -> None:
    form = await form_in_meeting(client, cell, clock)
    assert (await verdict(client, cell, "clb", form, kind="objected")).status_code == 201
    for who in ("dro", "io", "clb"):
        clock.advance(minutes=1)
        assert (await verdict(client, cell, who, form)).status_code == 201
    sent = await client.post(
        f"/api/v1/feedbackForms/{form.form}/transmission",
        json={"meeting": form.meeting},
        headers=cell["io"].headers,
    )
    assert sent.status_code == 201, sent.text

    pack = await client.get(EVIDENCE.format(cell.cell), headers=cell["mayor"].headers)
    assert pack.status_code == 200, pack.text
    body = pack.json()
    [evidence] = body["feedbackForms"]
    assert evidence["versionHash"] == form.hash
    assert evidence["transmittedBy"] == "Io"
    assert evidence["present"] == ["Clb", "Dro", "Io"]
    assert [(a["member"], a["verdict"], a["versionHash"]) for a in evidence["approvals"]] == [
        ("Dro", "approved", form.hash),
        ("Io", "approved", form.hash),
        ("Clb", "approved", form.hash),
    ], "the objection was replaced by the later approval of the same member"
    assert body["chainIntact"] is True
    assert body["legalBasis"]["reference"] == "Wet van 30 juli 2018"
    assert body["composition"][-1] | {"month": ""} == {
        "month": "",
        "members": 5,
        "police": 1,
        "balanced": True,
        "constituted": True,
    }
    assert body["unacknowledged"] == []
    assert {a["member"] for a in body["acknowledgements"]} >= {"Dro", "Clb", "Io", "Mayor"}
    assert body["readsByOrganisation"], "reads of case content per organisation"
    assert form.case not in pack.text, "no case id, code or content in the pack"


async def test_r_aud_1_the_pack_names_the_chain_head_it_was_computed_at(
    client: httpx.AsyncClient, cell: CellScenario, services: Services, clock: MutableClock
) -> None:
    auditor = await cell_auditor(client, services, clock, cell)
    before = await client.get("/api/v1/audit/verification", headers=auditor.headers)
    [chain] = [c for c in before.json()["chains"] if c["chain"] == cell.cell]
    pack = (await client.get(EVIDENCE.format(cell.cell), headers=auditor.headers)).json()
    assert (pack["chainHead"], pack["chainLength"]) == (chain["headHash"], chain["length"])
    events = await client.get(
        "/api/v1/audit/events",
        params={"action": "evidencePack.read", "cell": cell.cell},
        headers=auditor.headers,
    )
    assert events.json()["items"], "reading the pack is itself audited"


async def test_r_aud_1_the_pdf_renders_and_other_formats_are_refused(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock
) -> None:
    form = await form_in_meeting(client, cell, clock)
    for who in ("dro", "clb", "io"):
        await verdict(client, cell, who, form)
    await client.post(
        f"/api/v1/feedbackForms/{form.form}/transmission",
        json={"meeting": form.meeting},
        headers=cell["io"].headers,
    )
    url = EVIDENCE.format(cell.cell)
    document = await client.get(url, headers={**cell["mayor"].headers, "Accept": "application/pdf"})
    assert document.status_code == 200, document.text
    assert document.headers["content-type"] == "application/pdf"
    assert 'filename="evidence-livc-r-a-' in document.headers["content-disposition"]
    pdf = pypdfium2.PdfDocument(io.BytesIO(document.content))
    text = ""
    for page in pdf:
        image = page.render(scale=0.5).to_pil().convert("L")
        assert image.getextrema()[0] < 128, "every page has ink on it"
        text += page.get_textpage().get_text_range()
    assert form.hash[:12] in text, "the approved version is named"
    assert "Clb" in text
    refused = await client.get(url, headers={**cell["mayor"].headers, "Accept": "text/csv"})
    assert refused.status_code == 406
    assert refused.headers["content-type"] == "application/problem+json"
