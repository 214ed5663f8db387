"""A populated world on top of the two constituted cells: cases in every useful state, plans,
feedback forms, meetings (planned, in session with minutes, strategic), meeting requests,
templates, integration clients with webhooks, a calendar link and a cell auditor — in cell A and,
identically, in cell B.

Every free text of a cell carries that cell's marker (`KANARIEA…`, `KANARIEB…`), so a scan of
what cell A's users receive can prove that nothing of cell B ever reaches them. The robustness
suite (access matrix, canary scan, contract fuzzing, log hygiene) starts from here; like the
scenario, the world is built once per backend and run and then copied for each test.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx

from api.dependencies import Services
from domain.identity.model import PlatformRole
from tests.support.clock import MutableClock
from tests.support.feedback import CONTENT
from tests.support.identity import grant, log_in, make_account
from tests.support.meetings import meeting_body
from tests.support.scenario import CellScenario, Person
from tests.support.webhooks import FakeResolver, client_token

# A public address for the receivers the world registers; tests install this resolver so that no
# test ever asks the network's DNS (fuzzing would otherwise resolve random host names).
WEBHOOK_HOST = "agenda.lindebeek.example"
DNS = FakeResolver({WEBHOOK_HOST: ["93.184.215.14"]})
RECEIVER = f"https://{WEBHOOK_HOST}/tafel/hooks"
ALL_SCOPES = ["meetings:read", "statistics:read", "cadence:read", "webhooks:manage"]


def marker(cell: str, kind: str) -> str:
    """A canary word: letters only, so that no detector of the privacy guard mistakes it for an
    identifier (digits would look like phone or register numbers)."""
    return f"KANARIE{cell.upper()}{kind.upper()}ZQX"


def marker_prefix(cell: str) -> str:
    return f"KANARIE{cell.upper()}"


@dataclass
class Client:
    id: str
    secret: str
    token: str
    webhook: str = ""

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@dataclass
class CellWorld:
    """The objects of one cell, by name; `own` objects involve the CLB (the member of the matrix),
    `other` objects only the CAW (same cell, the CLB does not take part)."""

    scenario: CellScenario
    auditor: Person
    client: Client
    second_client: Client
    ids: dict[str, str] = field(default_factory=dict)
    feed_token: str = ""

    @property
    def cell(self) -> str:
        return self.scenario.cell


@dataclass
class World:
    a: CellWorld
    b: CellWorld


def _ok(response: httpx.Response, status: int = 201) -> dict[str, Any]:
    assert response.status_code == status, f"{response.request.url}: {response.text}"
    return response.json() if response.content else {}


def _intake(scenario: CellScenario, organisation: str, mark: str, when: str) -> dict[str, Any]:
    return {
        "organisation": scenario.organisations[organisation],
        "municipality": "99001",
        "ageBand": "from16To17",
        "initialProblems": ["school", "familySituation"],
        "priorHandling": f"Drie gesprekken sinds september. {mark}",
        "professionalAssessment": f"Toenemende afzondering baart zorgen. {mark}",
        "signals": [{"observedOn": when, "description": f"Deelde een oproep tot geweld. {mark}"}],
    }


async def _retained_case(
    http: httpx.AsyncClient, scenario: CellScenario, organisation: str, mark: str, when: str
) -> str:
    chair = scenario["dro"].headers
    submitter = scenario[organisation].headers
    case = _ok(
        await http.post(
            f"/api/v1/cells/{scenario.cell}/cases",
            json=_intake(scenario, organisation, mark, when),
            headers=submitter,
        )
    )["id"]
    for step in ("admit", "startWeighing"):
        _ok(
            await http.post(f"/api/v1/cases/{case}/transitions", json={"step": step}, headers=chair)
        )
    weighing = {
        "threatNotParticularlyHigh": True,
        "willingToCooperate": True,
        "noHeavyMilieuContacts": True,
        "decision": "retained",
    }
    _ok(await http.post(f"/api/v1/cases/{case}/weighing", json=weighing, headers=chair))
    return str(case)


async def _plan_with_action(
    http: httpx.AsyncClient, scenario: CellScenario, case: str, organisation: str, mark: str
) -> tuple[str, str]:
    """Start the case's plan and add one action; the action's id and the plan's ETag."""
    chair = scenario["dro"].headers
    started = await http.post(f"/api/v1/cases/{case}/plan", json={}, headers=chair)
    _ok(started)
    action = {
        "description": f"Gesprek met de trajectbegeleider. {mark}",
        "organisation": scenario.organisations[organisation],
        "dueOn": "2030-01-15",
    }
    response = await http.post(
        f"/api/v1/cases/{case}/plan/actions",
        json=action,
        headers={**chair, "If-Match": started.headers["ETag"]},
    )
    created = _ok(response)
    action_id = next(a["id"] for a in created["actions"] if mark in a["description"])
    return str(action_id), response.headers["ETag"]


def _feedback(mark: str) -> dict[str, Any]:
    return {**CONTENT, "otherElements": f"Aanbeveling: evaluatie binnen drie maanden. {mark}"}


async def _integration_client(http: httpx.AsyncClient, scenario: CellScenario, name: str) -> Client:
    """A client with every scope and a webhook. Its name carries no marker: client names are
    set-up data the platform administrator manages in every cell, not case content."""
    created = _ok(
        await http.post(
            f"/api/v1/cells/{scenario.cell}/clients",
            json={"name": name, "scopes": ALL_SCOPES},
            headers=scenario["dro"].headers,
        )
    )
    token = await client_token(http, created["id"], created["clientSecret"])
    client = Client(created["id"], created["clientSecret"], token)
    hook = await http.post(
        "/api/v1/webhooks",
        json={"url": RECEIVER, "events": ["meetingPlanned", "cadenceOverdue"]},
        headers=client.headers,
    )
    client.webhook = _ok(hook)["id"]
    return client


async def build_cell_world(
    http: httpx.AsyncClient,
    services: Services,
    clock: MutableClock,
    scenario: CellScenario,
    prefix: str,
) -> CellWorld:
    """Populate one constituted cell. Needs `DNS` installed as the app's webhook resolver."""

    def mark(kind: str) -> str:
        return marker(prefix, kind)

    when = (clock.now().date() - timedelta(days=2)).isoformat()
    chair = scenario["dro"].headers
    ids: dict[str, str] = {"cell": scenario.cell}
    ids["caseOwn"] = await _retained_case(http, scenario, "clb", mark("case"), when)
    ids["caseOther"] = await _retained_case(http, scenario, "caw", mark("caseother"), when)
    ids["caseSent"] = await _retained_case(http, scenario, "clb", mark("casesent"), when)
    ids["signalOwn"] = _ok(
        await http.post(
            f"/api/v1/cases/{ids['caseOwn']}/signals",
            json={"observedOn": when, "description": f"Nieuw signaal op school. {mark('signal')}"},
            headers=scenario["clb"].headers,
        )
    )["id"]
    ids["card"] = _ok(
        await http.post(
            f"/api/v1/cases/{ids['caseOwn']}/informationCards",
            json={
                "text": f"Niet-geclassificeerde info. {mark('card')}",
                "nonClassifiedAttested": True,
            },
            headers=scenario["io"].headers,
        )
    )["id"]
    ids["actionOwn"], ids["planOwnEtag"] = await _plan_with_action(
        http, scenario, ids["caseOwn"], "clb", mark("action")
    )
    ids["actionOther"], ids["planOtherEtag"] = await _plan_with_action(
        http, scenario, ids["caseOther"], "caw", mark("actionother")
    )
    forms = {}
    for name in ("caseOwn", "caseOther", "caseSent"):
        drafted = _ok(
            await http.post(
                f"/api/v1/cases/{ids[name]}/feedbackForms",
                json=_feedback(mark("form")),
                headers=chair,
            )
        )
        forms[name] = drafted
    ids["formOwn"] = forms["caseOwn"]["id"]
    ids["formOther"] = forms["caseOther"]["id"]
    ids["formSent"] = forms["caseSent"]["id"]
    for name, form in (("Own", "caseOwn"), ("Other", "caseOther"), ("Sent", "caseSent")):
        ids[f"form{name}Hash"] = forms[form]["current"]["hash"]

    # A planned operational meeting, a strategic one, and one in session with minutes.
    planned = meeting_body(scenario, clock, place=f"Stadhuis, zaal 2. {mark('place')}")
    planned["agenda"] = [{"purpose": "general", "title": f"Rondvraag {mark('agenda')}"}]
    ids["meetingOwn"] = _ok(
        await http.post(f"/api/v1/cells/{scenario.cell}/meetings", json=planned, headers=chair)
    )["id"]
    strategic = meeting_body(scenario, clock, table="strategic", place=f"Raadzaal {mark('sp')}")
    ids["meetingStrategic"] = _ok(
        await http.post(
            f"/api/v1/cells/{scenario.cell}/meetings",
            json=strategic,
            headers=scenario["mayor"].headers,
        )
    )["id"]
    live = meeting_body(scenario, clock, place="Politiekantoor")
    live["agenda"] = [
        {"purpose": "feedbackForm", "case": ids["caseOwn"]},
        {"purpose": "feedbackForm", "case": ids["caseSent"]},
        {"purpose": "evaluation", "case": ids["caseOther"]},
    ]
    meeting = _ok(
        await http.post(f"/api/v1/cells/{scenario.cell}/meetings", json=live, headers=chair)
    )
    ids["meetingLive"] = meeting["id"]
    ids["agendaItemLive"] = meeting["agenda"][2]["id"]
    _ok(
        await http.patch(
            f"/api/v1/meetings/{meeting['id']}", json={"status": "inSession"}, headers=chair
        ),
        200,
    )
    present = [str(scenario[name].account.id) for name in ("dro", "clb", "io")]
    _ok(
        await http.put(
            f"/api/v1/meetings/{meeting['id']}/attendance",
            json={"present": present, "absent": [str(scenario["caw"].account.id)]},
            headers=chair,
        ),
        200,
    )
    for name in ("dro", "clb", "io"):
        _ok(
            await http.post(
                f"/api/v1/meetings/{meeting['id']}/acknowledgement",
                headers=scenario[name].headers,
            ),
            204,
        )
    _ok(
        await http.post(
            f"/api/v1/meetings/{meeting['id']}/actions",
            json={
                "text": f"Contact opnemen met de school. {mark('minutes')}",
                "owner": scenario.organisations["clb"],
                "deadline": "2030-02-01",
            },
            headers=chair,
        )
    )
    # The third case's form is approved by everyone present and transmitted: the LTF export.
    sent = forms["caseSent"]
    for name in ("dro", "clb", "io"):
        _ok(
            await http.post(
                f"/api/v1/feedbackForms/{sent['id']}/approvals",
                json={
                    "meeting": meeting["id"],
                    "versionHash": sent["current"]["hash"],
                    "verdict": "approved",
                },
                headers=scenario[name].headers,
            )
        )
    _ok(
        await http.post(
            f"/api/v1/feedbackForms/{sent['id']}/transmission",
            json={"meeting": meeting["id"]},
            headers=scenario["io"].headers,
        )
    )

    requests = f"/api/v1/cells/{scenario.cell}/meetingRequests"
    ids["requestOwn"] = _ok(
        await http.post(
            requests,
            json={"reason": f"Nieuwe signalen vanuit de school. {mark('request')}"},
            headers=scenario["clb"].headers,
        )
    )["id"]
    ids["requestOther"] = _ok(
        await http.post(
            requests,
            json={"reason": f"Vraag van het CAW. {mark('requestother')}"},
            headers=scenario["caw"].headers,
        )
    )["id"]
    ids["template"] = _ok(
        await http.post(
            f"/api/v1/cells/{scenario.cell}/trajectoryTemplates",
            json={
                "name": f"Traject {mark('template')}",
                "steps": [{"description": f"Intake {mark('step')}", "dayOffset": 7}],
            },
            headers=chair,
        )
    )["id"]
    ids["invitation"] = _ok(
        await http.post(
            f"/api/v1/cells/{scenario.cell}/invitations",
            json={"email": f"genodigde@cell-{prefix}.example", "displayName": "Genodigde"},
            headers=chair,
        )
    )["id"]
    for name in ("clb", "mayor"):
        ids[f"member{name.title()}"] = scenario[name].member
    for name in ("clb", "caw", "police"):
        ids[f"org{name.title()}"] = scenario.organisations[name]

    auditor_account = await make_account(services, f"auditor@cell-{prefix}.example")
    await grant(services, auditor_account, PlatformRole.auditor, uuid.UUID(scenario.cell))
    auditor = Person(auditor_account, await log_in(http, auditor_account, clock))
    client = await _integration_client(http, scenario, "Agenda stadhuis")
    second = await _integration_client(http, scenario, "Intranet")
    ids["client"] = client.id
    ids["secondClient"] = second.id
    ids["webhookOwn"] = client.webhook
    ids["webhookOther"] = second.webhook
    feed = _ok(await http.post("/api/v1/me/calendarFeed", headers=scenario["clb"].headers))
    world = CellWorld(scenario, auditor, client, second, ids)
    world.feed_token = str(feed["url"]).rsplit("/", 1)[-1]
    return world


async def build_world(
    http: httpx.AsyncClient,
    services: Services,
    clock: MutableClock,
    a: CellScenario,
    b: CellScenario,
) -> World:
    return World(
        await build_cell_world(http, services, clock, a, "a"),
        await build_cell_world(http, services, clock, b, "b"),
    )
