"""Contract fuzzing (RELIABILITY.md §5, §10 family 6): Schemathesis generates requests from the
committed `openapi.yaml` for every operation and runs them in-process against the app, logged in
on the populated world — as the operational chair, and (in `make fuzz`) as the information
officer, the platform administrator and anonymously — with every default check.

Path parameters are bound to the world's real objects (the chair's cell, case, meeting, form, …),
so that generated bodies reach the use cases and the database instead of stopping at a 404.

Expected statuses are configured deliberately:
- valid data may be refused by a rule of the domain: 403, 404, 409, 412, 422, 428 as each
  operation documents them, and 400 *only* as a domain finding (privacy guard, dates, references)
  — a 400 naming a schema violation for data the schema calls valid is contract drift
  (`valid_data_passes_the_schema`, which replaces the built-in `positive_data_acceptance`);
- invalid data must be refused with 400, 401, 403, 404, 406, 409, 413, 415, 422 or 428.

`make test` runs 50 examples per operation on SQLite as the chair; `make fuzz` sets
`TAFEL_FUZZ_EXAMPLES=500` and `TAFEL_FUZZ_ALL=1` (every role, both databases).
"""

from __future__ import annotations

import copy
import os
import re
from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import schemathesis
import yaml
from hypothesis import HealthCheck, settings
from schemathesis import Case
from schemathesis.python import asgi

from api.app import create_app
from api.dependencies import build_services, get_webhook_targets
from domain.webhooks.targets import TargetPolicy
from tests.conftest import BACKENDS, make_settings
from tests.support.clock import MutableClock
from tests.support.world import DNS, World

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("TAFEL_FUZZ_EXAMPLES", "50"))
EVERYTHING = os.environ.get("TAFEL_FUZZ_ALL") == "1"
ROLES = ["chair", "io", "admin", "anonymous"] if EVERYTHING else ["chair"]
SCHEMA_ISSUES = frozenset({"schemaViolation", "unknownInput", "requiredInput"})


@pytest.fixture(params=BACKENDS if EVERYTHING else ["sqlite"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(params=ROLES)
def role(request: pytest.FixtureRequest) -> str:
    return str(request.param)


class Bearer:
    """The role's access token from the world (valid at the test clock, which the fuzzer cannot
    move). Operations that take no user access token — the login steps, refresh, client tokens,
    the invitation link, the calendar link — run without it, and so does `logOut`: it would end
    the role's sessions for every later example (the matrix and the functional tests cover it)."""

    token = ""

    def get(self, case: Case[Any], context: schemathesis.AuthContext) -> str:
        del case, context
        return self.token

    def set(self, case: Case[Any], data: str, context: schemathesis.AuthContext) -> None:
        del context
        case.headers["Authorization"] = f"Bearer {data}"


WITHOUT_USER_TOKEN = [
    "checkHealth",
    "logIn",
    "verifySecondFactor",
    "createEnrolment",
    "refreshSession",
    "issueClientToken",
    "logOut",
    "acceptInvitation",
    "getPersonalCalendar",
]


def parameters(world: World) -> dict[str, str]:
    ids = world.a.ids
    return {
        "path.cellId": ids["cell"],
        "path.caseId": ids["caseOwn"],
        "path.meetingId": ids["meetingLive"],
        "path.formId": ids["formOwn"],
        "path.actionId": ids["actionOwn"],
        "path.requestId": ids["requestOwn"],
        "path.organisationId": ids["orgCaw"],
        "path.webhookId": ids["webhookOwn"],
        "path.feedToken": world.a.feed_token,
    }


def fuzz_config(world: World) -> schemathesis.Config:
    return schemathesis.Config.from_dict(
        {
            "seed": 20260301,
            "generation": {"max-examples": EXAMPLES},
            "phases": {"stateful": {"enabled": False}},
            "parameters": parameters(world),
            "checks": {
                "positive_data_acceptance": {"enabled": False},
                "negative_data_rejection": {
                    "expected-statuses": [
                        "400",
                        "401",
                        "403",
                        "404",
                        "406",
                        "409",
                        "413",
                        "415",
                        "422",
                        "428",
                    ]
                },
            },
        }
    )


def present(body: Any, name: str) -> bool:
    """Whether `signals[1].observedOn` names a value that the request carries."""
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", name):
        if part.startswith("["):
            index = int(part[1:-1])
            if not isinstance(body, list) or index >= len(body):
                return False
            body = body[index]
        elif isinstance(body, dict) and part in body:
            body = body[part]
        else:
            return False
    return True


@cache
def contract() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    return document


def _resolved(schema: dict[str, Any]) -> dict[str, Any]:
    """Follow `$ref` and take the non-null branch of an optional value."""
    while True:
        if "$ref" in schema:
            schema = contract()["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
        elif "anyOf" in schema:
            branches = [b for b in schema["anyOf"] if b.get("type") != "null"]
            if len(branches) != 1:
                return schema
            schema = branches[0]
        else:
            return schema


def required_by_schema(case: Case[Any], name: str) -> bool:
    """Whether the contract itself requires the body field `agenda[0].case`; a field it leaves
    optional may still be required by the domain for some values of another (a case for an
    admission item, a reference for a prosecutor's permission) — a domain finding, not drift."""
    body = case.operation.definition.raw.get("requestBody", {})
    schema = _resolved(body.get("content", {}).get("application/json", {}).get("schema", {}))
    parts = re.findall(r"[^.\[\]]+|\[\d+\]", name)
    for position, part in enumerate(parts):
        if part.startswith("["):
            schema = _resolved(schema.get("items", {}))
        elif position == len(parts) - 1:
            return part in schema.get("required", [])
        else:
            schema = _resolved(schema.get("properties", {}).get(part, {}))
    return True


@schemathesis.check
def valid_data_passes_the_schema(
    ctx: schemathesis.CheckContext, response: schemathesis.Response, case: Case[Any]
) -> bool | None:
    """Data the contract calls valid may be refused by the domain (its own issue codes, or
    `requiredInput` for a blank text it was sent or an optional field a choice made necessary),
    never by the schema."""
    del ctx
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or response.status_code != 400:
        return None
    drift = [
        issue
        for issue in response.json().get("issues", [])
        if issue.get("title") in SCHEMA_ISSUES
        and not (
            issue.get("title") == "requiredInput"
            and issue.get("in") == "body"
            and (
                present(case.body, issue.get("name") or "")
                or not required_by_schema(case, issue.get("name") or "")
            )
        )
    ]
    if drift:
        raise AssertionError(f"valid data refused by the schema: {drift}")
    return None


@pytest.fixture
def fuzz_schema(world: World, database_url: str, clock: MutableClock, role: str) -> Iterator[Any]:
    settings_ = make_settings(database_url)
    services = build_services(settings_, clock=clock)
    app = create_app(settings_, services=services)
    app.dependency_overrides[get_webhook_targets] = lambda: TargetPolicy(DNS)
    schema = schemathesis.openapi.from_dict(copy.deepcopy(contract()), config=fuzz_config(world))
    schema.app = app
    people = {
        "chair": world.a.scenario["dro"],
        "io": world.a.scenario["io"],
        "admin": world.a.scenario.admin,
    }
    if role in people:

        class Provider(Bearer):
            token = people[role].token

        register = schema.auth(refresh_interval=None, retry_on=[])
        register.skip_for(operation_id=WITHOUT_USER_TOKEN)(Provider)
    yield schema
    asgi.shutdown_lifespans()


@pytest.fixture(autouse=True)
def node_id_for_schemathesis(request: pytest.FixtureRequest) -> None:
    """Schemathesis 4.32 renames the running node through `_nodeid`, which pytest 9 no longer has
    (the id lives in `_id`); give it the attribute it reads and restores."""
    node: Any = request.node
    node._nodeid = node.nodeid


schema = schemathesis.pytest.from_fixture("fuzz_schema")
if os.environ.get("TAFEL_FUZZ_ONLY"):  # an operationId pattern, to chase one finding
    schema = schema.include(operation_id_regex=os.environ["TAFEL_FUZZ_ONLY"])

# The operations in a few shards, one test each, so that pytest-xdist spreads the fuzzing over
# every core (one test would keep a single worker busy for minutes while the others idle).
SHARDS = 4
OPERATIONS = sorted(
    operation["operationId"]
    for item in contract()["paths"].values()
    for operation in item.values()
    if isinstance(operation, dict) and "operationId" in operation
)


def contract_holds(operations: list[str]) -> Any:
    @schema.include(operation_id=operations).parametrize()
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
    )
    def test(case: Case[Any]) -> None:
        response = case.call_and_validate(additional_checks=[valid_data_passes_the_schema])
        STATS[f"{case.operation.label} {response.status_code}"] += 1

    return test


test_the_contract_holds_under_generated_requests_1 = contract_holds(OPERATIONS[0::SHARDS])
test_the_contract_holds_under_generated_requests_2 = contract_holds(OPERATIONS[1::SHARDS])
test_the_contract_holds_under_generated_requests_3 = contract_holds(OPERATIONS[2::SHARDS])
test_the_contract_holds_under_generated_requests_4 = contract_holds(OPERATIONS[3::SHARDS])


STATS: Counter[str] = Counter()


def teardown_module() -> None:
    if os.environ.get("TAFEL_FUZZ_STATS"):
        Path(os.environ["TAFEL_FUZZ_STATS"]).write_text(
            "\n".join(f"{count:6d} {key}" for key, count in sorted(STATS.items())),
            encoding="utf-8",
        )
