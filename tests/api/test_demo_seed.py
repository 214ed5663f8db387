"""`make run` seeds a fictitious, constituted cell with one account per role, once."""

from __future__ import annotations

import uuid

import httpx
import pyotp

from api.demo import seed_demo
from api.dependencies import Services
from tests.support.clock import MutableClock
from tests.support.identity import Account, bearer, log_in


async def test_demo_cell_is_constituted_and_seeded_once(
    client: httpx.AsyncClient, services: Services, clock: MutableClock
) -> None:
    created = await seed_demo(services)
    assert {a.role for a in created} >= {
        "platformAdministrator",
        "auditor",
        "chair",
        "informationOfficer",
        "member",
        "mayor",
    }
    assert await seed_demo(services) == []
    chair = next(a for a in created if a.role == "chair")
    account = Account(uuid.uuid4(), chair.email, chair.password, chair.totp_secret)
    token = await log_in(client, account, clock)
    cells = (await client.get("/api/v1/cells", headers=bearer(token))).json()["items"]
    assert [cell["name"] for cell in cells] == ["LIVC-R Lindebeek"]
    report = (
        await client.get(f"/api/v1/cells/{cells[0]['id']}/composition", headers=bearer(token))
    ).json()
    assert report["caseWorkAllowed"] is True
    assert all(table["meetingsAllowed"] for table in report["tables"])
    assert pyotp.TOTP(chair.totp_secret).now()
