"""The access matrix (`access_matrix.yaml`): every operation × every role × {own, same-cell
non-participant, other cell, nonexistent}, run against the populated world; 0 mismatches, and
another cell's object answers exactly like one that does not exist.

Also: the operations of the app, of the committed `openapi.yaml` and of the matrix are the same
set, so a new endpoint cannot ship without its row.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import httpx
import pytest
import yaml
from fastapi import FastAPI

from api.dependencies import get_webhook_targets
from domain.webhooks.targets import TargetPolicy
from tests.support.clock import MutableClock
from tests.support.matrix import (
    ROLES,
    TARGETS,
    Context,
    Isolation,
    comparable,
    contract_operations,
    expectations,
    load_matrix,
    probes,
    send,
)
from tests.support.world import DNS, World

ROOT = Path(__file__).resolve().parents[2]
RECORD_ENV = "TAFEL_MATRIX_RECORD"


@pytest.fixture
def backend() -> str:
    """The matrix is about the domain's decisions, which do not depend on the database; copying
    the database for every successful write is cheap on SQLite only."""
    return "sqlite"


@pytest.fixture(autouse=True)
def public_dns(app: FastAPI) -> None:
    app.dependency_overrides[get_webhook_targets] = lambda: TargetPolicy(DNS)


def test_the_app_the_contract_and_the_matrix_list_the_same_operations(app: FastAPI) -> None:
    served = set(contract_operations(app.openapi()))
    committed = set(
        contract_operations(yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8")))
    )
    listed = set(load_matrix()["operations"])
    assert served == committed, f"app vs openapi.yaml: {sorted(served ^ committed)}"
    assert served == listed, f"app vs access_matrix.yaml: {sorted(served ^ listed)}"


def test_every_row_is_complete_and_well_formed() -> None:
    matrix = load_matrix()
    for name, row in matrix["operations"].items():
        kind = matrix["kinds"][row["kind"]]
        assert set(row.get("expect", {})) == set(ROLES), f"{name}: a row per role"
        for role, cells in expectations(row).items():
            assert len(cells) == len(TARGETS), f"{name}/{role}: four targets"
            for target, cell in zip(TARGETS, cells, strict=True):
                applicable = target in kind
                assert (cell != "-") == applicable, f"{name}/{role}/{target}: {cell}"
                assert cell == "-" or re.fullmatch(r"[1-5]\d\d", cell), f"{name}/{role}: {cell}"
            if role != "admin" and "otherCell" in kind:
                # Only the platform administrator administers every cell; to anyone else another
                # cell's object is exactly a missing one.
                other, missing = cells[2], cells[3]
                assert other == missing or other.startswith("2"), f"{name}/{role}: {cells}"


async def test_access_matrix(
    world: World,
    app: FastAPI,
    client: httpx.AsyncClient,
    clock: MutableClock,
    database_url: str,
    tmp_path: Path,
) -> None:
    """Reads and refused writes run on the test's database; writes expected to succeed on a copy."""
    matrix = load_matrix()
    recording = os.environ.get(RECORD_ENV)
    operations = contract_operations(app.openapi())
    isolation = Isolation(app, database_url, tmp_path)
    ctx = Context(world, clock)
    observed: dict[str, dict[str, dict[str, str]]] = {}
    answers: dict[tuple[str, str, str], httpx.Response] = {}
    mismatches = []
    count = 0
    for probe in probes(ctx, operations):
        row = matrix["operations"][probe.operation]
        expected = (
            "2xx" if recording else expectations(row)[probe.role][TARGETS.index(probe.target)]
        )
        succeeds = expected.startswith("2")
        if row.get("isolated") or (probe.method != "GET" and succeeds):
            response = await isolation.send(client, probe)
        else:
            response = await send(client, probe)
        count += 1
        answers[(probe.operation, probe.role, probe.target)] = response
        status = str(response.status_code)
        observed.setdefault(probe.operation, {}).setdefault(probe.role, {})[probe.target] = status
        if response.status_code >= 500:
            mismatches.append(f"{probe.label}: {status} {response.text[:200]}")
        elif not recording and status != expected:
            mismatches.append(f"{probe.label}: expected {expected}, got {status}")
    for (operation, role, target), response in answers.items():
        if target != "otherCell" or response.is_success:
            continue
        cells = expectations(matrix["operations"][operation])[role]
        if not recording and cells[2] != cells[3]:
            continue  # the administrator may know that another cell's object exists
        missing = answers[(operation, role, "missing")]
        if comparable(response) != comparable(missing):
            mismatches.append(
                f"{operation} as {role}: another cell's object answers "
                f"{response.status_code} {response.text[:160]} but a missing one "
                f"{missing.status_code} {missing.text[:160]}"
            )
    if recording:
        Path(recording).write_text(json.dumps(observed, indent=1), encoding="utf-8")  # noqa: ASYNC240
    assert count > 2000
    assert not mismatches, "\n".join(mismatches)
