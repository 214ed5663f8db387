"""The feedback form to the LTF (R-FB-1 … R-FB-3): exact-version approvals by the members present,
one objection blocks, any edit voids, only the information officer transmits, once."""

from __future__ import annotations

import io
from typing import Any

import httpx
import pypdfium2

from api.dependencies import Services
from tests.support.clock import MutableClock
from tests.support.feedback import CONTENT, FormInMeeting, form_in_meeting, verdict
from tests.support.scenario import CellScenario, cell_auditor


async def transmit(
    client: httpx.AsyncClient, cell: CellScenario, who: str, form: FormInMeeting
) -> httpx.Response:
    return await client.post(
        f"/api/v1/feedbackForms/{form.form}/transmission",
        json={"meeting": form.meeting},
        headers=cell[who].headers,
    )


async def test_r_fb_2_consensus_of_present_members_then_r_fb_3_the_io_transmits_once(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock
) -> None:
    form = await form_in_meeting(client, cell, clock)
    for who in ("dro", "clb"):
        assert (await verdict(client, cell, who, form)).status_code == 201
    early = await transmit(client, cell, "io", form)
    assert early.status_code == 409
    assert early.json()["rule"] == "R-FB-2", "no majority fallback: the IO has not approved yet"
    last = await verdict(client, cell, "io", form)
    assert last.json()["status"] == "consensusReached"
    assert last.json()["awaiting"] == []
    outside = await client.get(f"/api/v1/feedbackForms/{form.form}", headers=cell["clb"].headers)
    assert outside.json()["status"] == "consensusReached", "outside the meeting too"
    refused = await transmit(client, cell, "dro", form)
    assert refused.status_code == 403
    assert refused.json()["rule"] == "R-FB-3"
    sent = await transmit(client, cell, "io", form)
    assert sent.status_code == 201
    later = await client.get(f"/api/v1/feedbackForms/{form.form}", headers=cell["clb"].headers)
    names = {p["id"]: p["displayName"] for p in later.json()["people"]}
    assert names[later.json()["transmission"]["by"]] == "Io"
    assert {names[m] for m in later.json()["transmission"]["presentMembers"]} == {
        "Clb",
        "Dro",
        "Io",
    }
    assert sent.json()["transmission"]["versionHash"] == form.hash
    assert sent.json()["transmission"]["meeting"] == form.meeting
    again = await transmit(client, cell, "io", form)
    assert again.status_code == 409
    assert again.json()["rule"] == "R-FB-3"
    frozen = await client.put(
        f"/api/v1/feedbackForms/{form.form}",
        json=CONTENT,
        headers={**cell["dro"].headers, "If-Match": f'"{form.hash}"'},
    )
    assert frozen.status_code == 409


async def test_r_fb_2_an_edit_voids_every_approval(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock
) -> None:
    form = await form_in_meeting(client, cell, clock)
    for who in ("dro", "clb", "io"):
        await verdict(client, cell, who, form)
    edited = await client.put(
        f"/api/v1/feedbackForms/{form.form}",
        json={**CONTENT, "effectivenessScore": 3},
        headers={**cell["dro"].headers, "If-Match": f'"{form.hash}"'},
    )
    assert edited.status_code == 200, edited.text
    assert edited.headers["ETag"] != f'"{form.hash}"'
    refused = await transmit(client, cell, "io", form)
    assert refused.status_code == 409
    assert refused.json()["rule"] == "R-FB-2", "the voided version cannot be transmitted"
    stale = await verdict(client, cell, "clb", form)
    assert stale.status_code == 412, "an approval names the exact version"
    panel = await client.get(
        f"/api/v1/feedbackForms/{form.form}",
        params={"meeting": form.meeting},
        headers=cell["clb"].headers,
    )
    assert panel.json()["verdicts"] == []
    assert len(panel.json()["awaiting"]) == 3


async def test_r_fb_2_one_objection_blocks(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock
) -> None:
    form = await form_in_meeting(client, cell, clock)
    await verdict(client, cell, "dro", form)
    await verdict(client, cell, "io", form)
    objection = await verdict(client, cell, "clb", form, kind="objected")
    assert objection.json()["status"] == "draft"
    assert (await transmit(client, cell, "io", form)).json()["rule"] == "R-FB-2"
    await verdict(client, cell, "clb", form)
    assert (await transmit(client, cell, "io", form)).status_code == 201


async def test_r_fb_2_absent_members_and_outsiders_never_count(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock
) -> None:
    form = await form_in_meeting(client, cell, clock, present=("dro", "clb", "io"))
    outsider = await verdict(client, cell, "alderman", form)
    assert outsider.status_code == 404, "not a participant of the case: it does not exist for them"
    await client.post(
        f"/api/v1/cases/{form.case}/participants",
        json={"organisation": cell.organisations["caw"]},
        headers=cell["dro"].headers,
    )
    absent = await verdict(client, cell, "caw", form)
    assert absent.status_code == 403, "a participant who is not present does not count"
    for who in ("dro", "clb", "io"):
        await verdict(client, cell, who, form)
    sent = await client.post(
        f"/api/v1/feedbackForms/{form.form}/transmission",
        json={"meeting": form.meeting},
        headers=cell["io"].headers,
    )
    assert sent.status_code == 201, "consensus of those present, without the absent partner"


async def test_precondition_headers_on_edits(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock
) -> None:
    form = await form_in_meeting(client, cell, clock)
    path = f"/api/v1/feedbackForms/{form.form}"
    missing = await client.put(
        path, json={**CONTENT, "effectivenessScore": 2}, headers=cell["dro"].headers
    )
    assert missing.status_code == 428
    stale = await client.put(
        path,
        json={**CONTENT, "effectivenessScore": 2},
        headers={**cell["dro"].headers, "If-Match": '"' + "0" * 64 + '"'},
    )
    assert stale.status_code == 412


async def test_idempotency_key_on_approvals(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock
) -> None:
    form = await form_in_meeting(client, cell, clock)
    first = await verdict(client, cell, "clb", form, **{"Idempotency-Key": "key-1"})
    replay = await verdict(client, cell, "clb", form, **{"Idempotency-Key": "key-1"})
    assert first.status_code == replay.status_code == 201
    other = await verdict(
        client, cell, "clb", form, kind="objected", **{"Idempotency-Key": "key-1"}
    )
    assert other.status_code == 422


async def test_the_io_downloads_json_and_pdf(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock
) -> None:
    form = await form_in_meeting(client, cell, clock)
    for who in ("dro", "clb", "io"):
        await verdict(client, cell, who, form)
    await transmit(client, cell, "io", form)
    path = f"/api/v1/feedbackForms/{form.form}/transmission"
    as_json = await client.get(path, headers=cell["io"].headers)
    assert as_json.json()["transmission"]["versionHash"] == form.hash
    pdf = await client.get(path, headers={**cell["io"].headers, "Accept": "application/pdf"})
    assert pdf.headers["content-type"] == "application/pdf"
    document: Any = pypdfium2.PdfDocument(io.BytesIO(pdf.content))
    image = document[0].render(scale=1).to_pil()
    assert image.getbbox() is not None, "the page is not empty"
    text = document[0].get_textpage().get_text_range()
    assert "terugkoppelingsfiche" in text
    assert (await client.get(path, headers=cell["clb"].headers)).status_code == 403


async def test_r_fb_1_the_form_needs_its_motivations(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock
) -> None:
    form = await form_in_meeting(client, cell, clock)
    response = await client.put(
        f"/api/v1/feedbackForms/{form.form}",
        json={**CONTENT, "keyAssessmentMotivation": ""},
        headers={**cell["dro"].headers, "If-Match": f'"{form.hash}"'},
    )
    assert response.status_code == 400
    assert response.json()["rule"] == "R-FB-1"


async def test_the_live_approval_panel_names_people_carries_no_content_and_is_not_audited(
    client: httpx.AsyncClient, cell: CellScenario, clock: MutableClock, services: Services
) -> None:
    form = await form_in_meeting(client, cell, clock)
    auditor = await cell_auditor(client, services, clock, cell)
    url = f"/api/v1/feedbackForms/{form.form}/approvals"

    async def reads() -> int:
        events = await client.get(
            "/api/v1/audit/events",
            params={"cell": cell.cell, "action": "feedbackForm.read"},
            headers=auditor.headers,
        )
        return int(events.json()["total"])

    before = await reads()
    first = await client.get(url, params={"meeting": form.meeting}, headers=cell["clb"].headers)
    assert first.status_code == 200, first.text
    panel = first.json()
    assert panel["status"] == "draft"
    assert panel["versionHash"] == form.hash
    assert {p["displayName"] for p in panel["people"]} == {"Clb", "Dro", "Io"}
    assert len(panel["awaiting"]) == 3
    assert CONTENT["keyAssessmentMotivation"] not in first.text, "no content in the panel"
    unchanged = await client.get(
        url,
        params={"meeting": form.meeting},
        headers={**cell["clb"].headers, "If-None-Match": first.headers["ETag"]},
    )
    assert unchanged.status_code == 304
    await verdict(client, cell, "dro", form)
    changed = await client.get(
        url,
        params={"meeting": form.meeting},
        headers={**cell["clb"].headers, "If-None-Match": first.headers["ETag"]},
    )
    assert changed.status_code == 200
    [given] = changed.json()["verdicts"]
    assert (given["displayName"], given["verdict"]) == ("Dro", "approved")
    assert await reads() == before, "polling the panel does not fill the audit trail"
    outsider = await client.get(
        url, params={"meeting": form.meeting}, headers=cell["mayor"].headers
    )
    assert outsider.status_code == 404, "the same need-to-know as the form"
