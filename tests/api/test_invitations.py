"""Invitations: the chair invites by e-mail; the one-time link sets a password once."""

from __future__ import annotations

import re

import httpx

from adapters.mail.mailers import OutboxMailer
from api.dependencies import Services
from tests.support.clock import MutableClock
from tests.support.identity import log_in
from tests.support.scenario import CellScenario


def link_token(services: Services, language_word: str) -> str:
    mailer = services.mailer
    assert isinstance(mailer, OutboxMailer)
    body = mailer.sent[-1].get_content()
    assert language_word in body
    match = re.search(r"/invitation#([A-Za-z0-9_-]+)", body)
    assert match
    return match.group(1)


async def invite(
    client: httpx.AsyncClient, cell: CellScenario, email: str, language: str = "fr"
) -> httpx.Response:
    return await client.post(
        f"/api/v1/cells/{cell.cell}/invitations",
        json={"email": email, "displayName": "Camille Leroy", "language": language},
        headers=cell["dro"].headers,
    )


async def test_invited_professional_sets_a_password_once(
    client: httpx.AsyncClient, services: Services, cell: CellScenario
) -> None:
    response = await invite(client, cell, "camille@amo.example")
    assert response.status_code == 201
    assert response.json()["mailSent"] is True
    token = link_token(services, "Choisissez un mot de passe")
    accept = {"token": token, "password": "a fine new passphrase"}
    assert (await client.post("/api/v1/invitations/acceptance", json=accept)).status_code == 204
    login = await client.post(
        "/api/v1/auth/login",
        json={"email": "camille@amo.example", "password": "a fine new passphrase"},
    )
    assert login.json()["status"] == "enrolmentRequired"
    again = await client.post("/api/v1/invitations/acceptance", json=accept)
    assert again.status_code == 400


async def test_expired_invitation_is_refused(
    client: httpx.AsyncClient, services: Services, cell: CellScenario, clock: MutableClock
) -> None:
    await invite(client, cell, "late@amo.example", language="nl")
    token = link_token(services, "Kies een wachtwoord")
    clock.advance(days=8)
    response = await client.post(
        "/api/v1/invitations/acceptance", json={"token": token, "password": "a fine new passphrase"}
    )
    assert response.status_code == 400
    assert response.json()["issues"][0]["name"] == "token"


async def test_weak_password_is_refused_and_the_link_stays_valid(
    client: httpx.AsyncClient, services: Services, cell: CellScenario
) -> None:
    await invite(client, cell, "weak@amo.example")
    token = link_token(services, "Bonjour")
    weak = await client.post(
        "/api/v1/invitations/acceptance", json={"token": token, "password": "short"}
    )
    assert weak.status_code == 400
    strong = await client.post(
        "/api/v1/invitations/acceptance", json={"token": token, "password": "long enough now ok"}
    )
    assert strong.status_code == 204


async def test_only_chairs_invite_and_existing_accounts_are_not_reinvited(
    client: httpx.AsyncClient, cell: CellScenario
) -> None:
    member = await client.post(
        f"/api/v1/cells/{cell.cell}/invitations",
        json={"email": "x@amo.example", "displayName": "X"},
        headers=cell["clb"].headers,
    )
    assert member.status_code == 403
    existing = await invite(client, cell, cell["clb"].account.email)
    assert existing.status_code == 409


async def test_the_chair_sees_who_has_not_accepted_and_renews_an_expired_link(
    client: httpx.AsyncClient, services: Services, cell: CellScenario, clock: MutableClock
) -> None:
    created = await invite(client, cell, "slow@amo.example", language="nl")
    old_token = link_token(services, "Kies een wachtwoord")
    clock.advance(days=8)
    cell["dro"].token = await log_in(client, cell["dro"].account, clock)
    url = f"/api/v1/cells/{cell.cell}/invitations"
    listed = await client.get(url, headers=cell["dro"].headers)
    assert listed.status_code == 200, listed.text
    [mine] = [i for i in listed.json()["items"] if i["email"] == "slow@amo.example"]
    assert mine["state"] == "expired"
    renewed = await client.post(
        f"{url}/{created.json()['id']}/renewal", headers=cell["dro"].headers
    )
    assert renewed.status_code == 201, renewed.text
    assert renewed.json()["state"] == "pending"
    assert renewed.json()["mailSent"] is True
    new_token = link_token(services, "Kies een wachtwoord")
    assert new_token != old_token
    stale = {"token": old_token, "password": "a fine new passphrase"}
    assert (await client.post("/api/v1/invitations/acceptance", json=stale)).status_code == 400
    fresh = {"token": new_token, "password": "a fine new passphrase"}
    assert (await client.post("/api/v1/invitations/acceptance", json=fresh)).status_code == 204
    accepted = await client.post(
        f"{url}/{created.json()['id']}/renewal", headers=cell["dro"].headers
    )
    assert accepted.status_code == 409
    assert accepted.json()["type"].endswith("invitationAlreadyAccepted")


async def test_only_those_who_invite_see_invitations(
    client: httpx.AsyncClient, cell: CellScenario, cell_b: CellScenario
) -> None:
    url = f"/api/v1/cells/{cell.cell}/invitations"
    assert (await client.get(url, headers=cell["clb"].headers)).status_code == 403
    assert (await client.get(url, headers=cell_b["dro"].headers)).status_code == 404
    assert (await client.get(url, headers=cell.admin.headers)).status_code == 200
