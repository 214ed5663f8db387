"""R-TAB-3: the strategic table, the mayor in that role, auditors, platform administrators and
integration clients reach statistics and the evidence pack — and every case-content endpoint
answers them 404, exactly as for a case that does not exist."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import httpx
from fastapi import FastAPI

from api.dependencies import Services
from domain.identity.model import PlatformRole
from tests.support.cases import intake_body
from tests.support.clock import MutableClock
from tests.support.feedback import CONTENT, form_in_meeting
from tests.support.identity import bearer, grant, log_in, make_account
from tests.support.scenario import CellScenario, Person, integration_token, seat

CONTENT_PARAMETERS = ("{caseId}", "{formId}", "/minutes", "/cells/{cellId}/cases")


async def oversight_roles(
    client: httpx.AsyncClient, services: Services, clock: MutableClock, cell: CellScenario
) -> dict[str, dict[str, str]]:
    """Everyone who oversees the cell without working its cases, by their request headers."""
    chief = await make_account(services, "alderwoman@cell-a.example")
    seated = await seat(
        client,
        cell.admin,
        cell.cell,
        "strategic",
        Person(chief),
        cell.organisations["municipality"],
        "aldermanMandate",
    )
    assert seated.status_code == 201, seated.text
    roles = {
        "mayor": cell["mayor"].headers,
        "strategicMember": bearer(await log_in(client, chief, clock)),
    }
    for name, role, scope in (
        ("cellAuditor", PlatformRole.auditor, uuid.UUID(cell.cell)),
        ("platformAuditor", PlatformRole.auditor, None),
        ("platformAdministrator", PlatformRole.platform_administrator, None),
    ):
        account = await make_account(services, f"{name.lower()}@oversight.example")
        await grant(services, account, role, scope)
        roles[name] = bearer(await log_in(client, account, clock))
    every_scope = "statistics:read meetings:read cadence:read webhooks:manage"
    roles["integrationClient"] = bearer(await integration_token(client, cell, every_scope))
    return roles


def content_reads(app: FastAPI, ids: dict[str, str]) -> list[str]:
    """Every GET of case content in the contract, its path parameters filled in."""
    paths = [
        path
        for path, operations in app.openapi()["paths"].items()
        if "get" in operations and any(marker in path for marker in CONTENT_PARAMETERS)
    ]
    assert len(paths) >= 7, paths
    return [path.format(**ids) for path in paths]


async def test_r_tab_3_oversight_roles_never_reach_case_content(
    client: httpx.AsyncClient,
    app: FastAPI,
    services: Services,
    cell: CellScenario,
    clock: MutableClock,
) -> None:
    form = await form_in_meeting(client, cell, clock)
    ids = {"cellId": cell.cell, "caseId": form.case, "formId": form.form, "meetingId": form.meeting}
    # The required query parameters of some reads, so that only access can refuse them.
    queries = {"/comparison": "?from=1&to=1", "/approvals": f"?meeting={form.meeting}"}
    reads = [
        url + next((q for end, q in queries.items() if url.endswith(end)), "")
        for url in content_reads(app, ids)
    ]
    today = datetime.now(UTC).date().isoformat()
    writes = [
        ("POST", f"/api/v1/cells/{cell.cell}/cases", intake_body(cell)),
        ("POST", f"/api/v1/cases/{form.case}/transitions", {"step": "startEvaluation"}),
        (
            "POST",
            f"/api/v1/cases/{form.case}/signals",
            {"observedOn": today, "description": "Nieuw signaal van de school."},
        ),
        ("POST", f"/api/v1/cases/{form.case}/feedbackForms", CONTENT),
        (
            "POST",
            f"/api/v1/feedbackForms/{form.form}/approvals",
            {
                "meeting": form.meeting,
                "versionHash": form.hash,
                "verdict": "approved",
                "reason": "",
            },
        ),
        ("POST", f"/api/v1/feedbackForms/{form.form}/transmission", {"meeting": form.meeting}),
    ]
    for role, headers in (await oversight_roles(client, services, clock, cell)).items():
        for url in reads:
            response = await client.get(url, headers=headers)
            assert response.status_code == 404, (role, url, response.status_code)
        for method, url, body in writes:
            response = await client.request(method, url, json=body, headers=headers)
            assert response.status_code == 404, (role, method, url, response.status_code)
        figures = await client.get(f"/api/v1/cells/{cell.cell}/statistics", headers=headers)
        assert figures.status_code == 200, (role, figures.text)
        pack = await client.get(f"/api/v1/cells/{cell.cell}/complianceReport", headers=headers)
        assert pack.status_code == (404 if role == "integrationClient" else 200), role
    participant = await client.get(f"/api/v1/cases/{form.case}", headers=cell["clb"].headers)
    assert participant.status_code == 200, "the same URLs do answer a participant"
