"""Case bodies for tests: fictitious, pseudonymous professional notes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from tests.support.clock import MutableClock
from tests.support.scenario import CellScenario, Person


def intake_body(
    scenario: CellScenario, organisation: str = "clb", **overrides: Any
) -> dict[str, Any]:
    yesterday = (datetime.now(UTC).date() - timedelta(days=1)).isoformat()
    body: dict[str, Any] = {
        "organisation": scenario.organisations[organisation],
        "municipality": "99001",
        "ageBand": "from16To17",
        "initialProblems": ["school", "familySituation"],
        "priorHandling": "Drie gesprekken met de leerling en twee met de ouders sinds september.",
        "professionalAssessment": "Toenemende afzondering en uitspraken die het CLB zorgen baren.",
        "signals": [
            {
                "observedOn": yesterday,
                "description": "Deelde in de klas een filmpje met een oproep tot geweld.",
            }
        ],
    }
    body.update(overrides)
    return body


async def submit(
    client: httpx.AsyncClient, scenario: CellScenario, person: Person, **overrides: Any
) -> httpx.Response:
    organisation = overrides.pop("organisation_key", "clb")
    return await client.post(
        f"/api/v1/cells/{scenario.cell}/cases",
        json=intake_body(scenario, organisation, **overrides),
        headers=person.headers,
    )


async def step(
    client: httpx.AsyncClient, scenario: CellScenario, case: str, name: str
) -> httpx.Response:
    return await client.post(
        f"/api/v1/cases/{case}/transitions", json={"step": name}, headers=scenario["dro"].headers
    )


async def weigh(
    client: httpx.AsyncClient,
    scenario: CellScenario,
    case: str,
    decision: str,
    favourable: bool = True,
) -> httpx.Response:
    return await client.post(
        f"/api/v1/cases/{case}/weighing",
        json={
            "threatNotParticularlyHigh": favourable,
            "willingToCooperate": True,
            "noHeavyMilieuContacts": True,
            "decision": decision,
        },
        headers=scenario["dro"].headers,
    )


async def retained_case(client: httpx.AsyncClient, scenario: CellScenario) -> str:
    """A case submitted by the CLB, admitted, weighed and retained: in follow-up."""
    response = await submit(client, scenario, scenario["clb"])
    assert response.status_code == 201, response.text
    case = str(response.json()["id"])
    for name in ("admit", "startWeighing"):
        assert (await step(client, scenario, case, name)).status_code == 201
    assert (await weigh(client, scenario, case, "retained")).status_code == 201
    return case


CARDS = ("Eerste informatiekaart.", "Tweede informatiekaart.")


async def add_cards(
    client: httpx.AsyncClient, scenario: CellScenario, clock: MutableClock, case: str
) -> None:
    """Two information cards from the cell's information officer, a minute apart (R-INFO-1)."""
    for text in CARDS:
        clock.advance(minutes=1)
        added = await client.post(
            f"/api/v1/cases/{case}/informationCards",
            json={"text": text, "nonClassifiedAttested": True},
            headers=scenario["io"].headers,
        )
        assert added.status_code == 201, added.text
