"""A feedback form on the agenda of a meeting in session, for tests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from tests.support.cases import retained_case
from tests.support.clock import MutableClock
from tests.support.meetings import open_with, plan
from tests.support.scenario import CellScenario

CONTENT: dict[str, Any] = {
    "effectivenessScore": 4,
    "effectivenessExplanation": "De begeleiding door het CLB en het CAW loopt goed.",
    "willingnessToCooperateScore": 4,
    "willingnessToCooperateExplanation": "Komt op afspraken en neemt zelf initiatief.",
    "distanceFromExtremistIdeasScore": 3,
    "distanceFromExtremistIdeasExplanation": "Neemt afstand, maar nog niet bestendig.",
    "followUpStillUseful": True,
    "cellHasEnoughOptions": True,
    "followUpExplanation": "Verdere opvolging via school en vrije tijd blijft zinvol.",
    "otherElements": "Aanbeveling: evaluatie binnen drie maanden.",
    "ableAndWillingToCommitTerroristActs": "noIndication",
    "keyAssessmentMotivation": "Geen signalen van voorbereiding of intentie tot geweld.",
}


@dataclass
class FormInMeeting:
    case: str
    form: str
    meeting: str
    hash: str


async def form_in_meeting(
    client: httpx.AsyncClient,
    cell: CellScenario,
    clock: MutableClock,
    present: tuple[str, ...] = ("dro", "clb", "io"),
) -> FormInMeeting:
    """A retained case, its feedback form drafted by the chair, and a meeting in session with the
    form on its agenda; `present` checked in and acknowledged."""
    case = await retained_case(client, cell)
    drafted = await client.post(
        f"/api/v1/cases/{case}/feedbackForms", json=CONTENT, headers=cell["dro"].headers
    )
    assert drafted.status_code == 201, drafted.text
    meeting = await plan(client, cell, clock, agenda=[{"purpose": "feedbackForm", "case": case}])
    assert meeting.status_code == 201, meeting.text
    await open_with(client, cell, meeting.json()["id"], present)
    body = drafted.json()
    return FormInMeeting(case, body["id"], meeting.json()["id"], body["current"]["hash"])


async def verdict(
    client: httpx.AsyncClient,
    cell: CellScenario,
    who: str,
    form: FormInMeeting,
    kind: str = "approved",
    version_hash: str | None = None,
    **headers: str,
) -> httpx.Response:
    return await client.post(
        f"/api/v1/feedbackForms/{form.form}/approvals",
        json={
            "meeting": form.meeting,
            "versionHash": version_hash or form.hash,
            "verdict": kind,
            "reason": "Onvoldoende gemotiveerd." if kind == "objected" else "",
        },
        headers={**cell[who].headers, **headers},
    )
