"""JSON types taken literally (`api.schemas`): checked on what clients send, not again on what
the server builds from its own domain objects."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from api import schemas
from api.routers.cases.schemas import CaseCreate, CaseRead
from api.routers.feedback.schemas import FeedbackContentBody
from api.routers.oversight.routes import StatisticsRead
from tests.support.scenario import CellScenario


def test_request_models_and_what_they_hold_are_checked_responses_are_not(app: FastAPI) -> None:
    assert app is not None  # built: the routes named what they read from requests
    assert schemas._field_checks(CaseCreate)
    assert schemas._field_checks(FeedbackContentBody), "held by a request body"
    assert schemas._field_checks(CaseRead) == {}
    assert schemas._field_checks(StatisticsRead) == {}


async def test_a_request_body_with_the_wrong_json_type_is_still_refused(
    client: httpx.AsyncClient, cell: CellScenario
) -> None:
    response = await client.post(
        f"/api/v1/cases/{cell.cell}/signals",
        json={"observedOn": 0, "description": "Gezien."},
        headers=cell["clb"].headers,
    )
    assert response.status_code == 400, response.text
    assert [(i["in"], i["name"]) for i in response.json()["issues"]] == [("body", "observedOn")]
