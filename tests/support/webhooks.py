"""Webhook test helpers: client tokens, a fake DNS, and a real local HTTP receiver."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

from tests.support.identity import bearer
from tests.support.scenario import CellScenario

TOKEN = "/api/v1/auth/token"


@dataclass
class IntegrationClient:
    id: str
    secret: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return bearer(self.token)


async def integration_client(
    client: httpx.AsyncClient, cell: CellScenario, scopes: list[str]
) -> IntegrationClient:
    """A client created by the cell's chair, with a client-credentials access token."""
    created = await client.post(
        f"/api/v1/cells/{cell.cell}/clients",
        json={"name": "Agenda stadhuis", "scopes": scopes},
        headers=cell["dro"].headers,
    )
    assert created.status_code == 201, created.text
    body = created.json()
    client_id, secret = body["id"], body["clientSecret"]
    return IntegrationClient(client_id, secret, await client_token(client, client_id, secret))


async def client_token(client: httpx.AsyncClient, client_id: str, secret: str) -> str:
    form = {"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret}
    response = await client.post(TOKEN, data=form)
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


class FakeResolver:
    """DNS from a dictionary: tests never depend on the network's resolver."""

    def __init__(self, names: dict[str, list[str]]) -> None:
        self.names = names
        self.asked: list[str] = []

    async def addresses(self, host: str, port: int) -> list[str]:
        del port
        self.asked.append(host)
        return list(self.names.get(host, []))


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Receiver:
    """What a municipal system would run: it records every request and answers `status`."""

    url: str
    status: int = 204
    delay_seconds: float = 0.0
    requests: list[Received] = field(default_factory=list)


@contextmanager
def receiver(status: int = 204) -> Iterator[Receiver]:
    """A ThreadingHTTPServer on 127.0.0.1 and a free port, in a thread."""
    state = Receiver(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            headers = {key.lower(): value for key, value in self.headers.items()}
            state.requests.append(Received(self.path, headers, body))
            time.sleep(state.delay_seconds)
            self.send_response(state.status)
            if 300 <= state.status < 400:
                self.send_header("Location", state.url + "/moved")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            del format, args

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}/tafel/hooks"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
