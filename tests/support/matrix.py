"""The access matrix's machinery (`tests/api/access_matrix.yaml`): operations of the contract,
the roles and targets of the world, and one request — a probe — per operation, role and target.
Shared by the access-matrix test and the canary scan."""

from __future__ import annotations

import re
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import yaml
from fastapi import FastAPI

from adapters.sqlalchemy.engine import make_engine, make_session_factory
from api.dependencies import Services
from tests.support.clock import MutableClock
from tests.support.feedback import CONTENT
from tests.support.world import CellWorld, World

MATRIX_FILE = Path(__file__).resolve().parents[1] / "api" / "access_matrix.yaml"
ROLES = ("admin", "auditor", "chair", "io", "member", "outsider", "mayor", "client", "anonymous")
TARGETS = ("own", "sameCell", "otherCell", "missing")
METHODS = ("get", "post", "put", "patch", "delete")
PLACEHOLDER = re.compile(r"\$\{([^}]+)\}")
PERSONS = {"chair": "dro", "io": "io", "member": "clb", "outsider": "alderman", "mayor": "mayor"}


def load_matrix() -> dict[str, Any]:
    matrix: dict[str, Any] = yaml.safe_load(MATRIX_FILE.read_text(encoding="utf-8"))
    return matrix


@dataclass(frozen=True)
class Operation:
    id: str
    method: str
    path: str
    query: frozenset[str]


def contract_operations(document: dict[str, Any]) -> dict[str, Operation]:
    found = {}
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                query = frozenset(
                    p["name"] for p in operation.get("parameters", []) if p["in"] == "query"
                )
                found[operation["operationId"]] = Operation(
                    operation["operationId"], method.upper(), path, query
                )
    return found


def expectations(row: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    return {role: tuple(str(row["expect"][role]).split()) for role in ROLES}


@dataclass
class Context:
    world: World
    clock: MutableClock
    new: str = field(default_factory=lambda: str(uuid.uuid4()))
    new_token: str = field(default_factory=lambda: uuid.uuid4().hex + uuid.uuid4().hex)
    target: dict[str, Any] = field(default_factory=dict)

    def cell(self, name: str) -> CellWorld:
        return {"a": self.world.a, "b": self.world.b}[name]

    def lookup(self, name: str) -> Any:
        now = self.clock.now()
        simple: dict[str, Any] = {
            "new": self.new,
            "newToken": self.new_token,
            "startsAt": (now + timedelta(days=3)).isoformat(),
            "endsAt": (now + timedelta(days=3, hours=2)).isoformat(),
            "yesterday": (now - timedelta(days=1)).date().isoformat(),
            "feedbackContent": dict(CONTENT),
        }
        if name in simple:
            return simple[name]
        head, _, rest = name.partition(".")
        if head == "t":
            return self.target[rest]
        if head in ("user", "email"):
            cell, _, person = rest.partition(".")
            account = self.cell(cell).scenario[person].account
            return str(account.id) if head == "user" else account.email
        world = self.cell(head)
        return world.feed_token if rest == "feed" else world.ids[rest]

    def resolve(self, value: Any) -> Any:
        if isinstance(value, dict):
            return {key: self.resolve(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.resolve(item) for item in value]
        if not isinstance(value, str):
            return value
        whole = PLACEHOLDER.fullmatch(value)
        if whole:
            return self.lookup(whole.group(1))
        return PLACEHOLDER.sub(lambda match: str(self.lookup(match.group(1))), value)


def role_headers(world: World, role: str) -> dict[str, str]:
    a = world.a
    if role == "admin":
        return a.scenario.admin.headers
    if role == "auditor":
        return a.auditor.headers
    if role == "client":
        return a.client.headers
    if role == "anonymous":
        return {}
    return a.scenario[PERSONS[role]].headers


@dataclass
class Probe:
    operation: str
    role: str
    target: str
    method: str
    url: str
    params: dict[str, str]
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def label(self) -> str:
        return f"{self.operation} as {self.role} on {self.target}"


def probes(ctx: Context, operations: dict[str, Operation]) -> Iterator[Probe]:
    matrix = load_matrix()
    for name, row in matrix["operations"].items():
        operation = operations[name]
        kind = matrix["kinds"][row["kind"]]
        for target in TARGETS:
            if target not in kind:
                continue
            ctx.target = {key: ctx.resolve(value) for key, value in kind[target].items()}
            path = operation.path
            params = {}
            for key, value in ctx.target.items():
                if "{" + key + "}" in path:
                    path = path.replace("{" + key + "}", str(value))
                elif key in operation.query:
                    params[key] = str(value)
            params.update(ctx.resolve(row.get("query", {})))
            body: dict[str, Any] = {}
            if "body" in row:
                body["json"] = ctx.resolve(row["body"])
            if "form" in row:
                body["data"] = ctx.resolve(row["form"])
            headers = ctx.resolve(row.get("headers", {}))
            for role in ROLES:
                yield Probe(
                    name,
                    role,
                    target,
                    operation.method,
                    path,
                    params,
                    {**headers, **role_headers(ctx.world, role)},
                    body,
                )


def needs_copy(probe: Probe, matrix: dict[str, Any]) -> bool:
    """Writes the matrix expects to succeed (and operations whose refusals count, like failed
    logins) run on a copy of the database; reads and refused writes change nothing."""
    row = matrix["operations"][probe.operation]
    expected = expectations(row)[probe.role][TARGETS.index(probe.target)]
    return bool(row.get("isolated")) or (probe.method != "GET" and expected.startswith("2"))


class Isolation:
    """A fresh copy of the untouched database for each write that is expected to succeed."""

    def __init__(self, app: FastAPI, database_url: str, tmp: Path) -> None:
        self.app = app
        self.tmp = tmp
        self.golden = tmp / "golden.db"
        shutil.copyfile(database_url.split("///", 1)[1], self.golden)

    async def send(self, http: httpx.AsyncClient, probe: Probe) -> httpx.Response:
        copy = self.tmp / f"{uuid.uuid4().hex}.db"
        shutil.copyfile(self.golden, copy)
        shared: Services = self.app.state.services
        engine = make_engine(f"sqlite+aiosqlite:///{copy}")
        services = replace(shared, engine=engine, session_factory=make_session_factory(engine))
        self.app.state.services = services
        try:
            return await send(http, probe)
        finally:
            self.app.state.services = shared
            await services.close()
            copy.unlink()


async def send(http: httpx.AsyncClient, probe: Probe) -> httpx.Response:
    http.cookies.clear()
    return await http.request(
        probe.method, probe.url, params=probe.params, headers=probe.headers, **probe.body
    )


def comparable(response: httpx.Response) -> tuple[int, str, Any]:
    content_type = response.headers.get("content-type", "")
    if "json" not in content_type:
        return response.status_code, content_type, response.content
    body = response.json()
    if isinstance(body, dict):
        body.pop("instance", None)
    return response.status_code, content_type, body
