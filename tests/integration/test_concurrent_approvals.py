"""Fifty members approve the same version at the same moment: every approval is recorded exactly
once, consensus is recorded exactly once, nothing is lost, no server error — five versions in a
row, on SQLite and PostgreSQL (RELIABILITY.md §7, family 12)."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import func, select

from adapters.sqlalchemy.rows.feedback import FeedbackVerdictRow
from api.dependencies import Services
from domain.audit.model import Actor
from domain.cells import composing
from domain.cells.vocabulary import Function, TableKind
from domain.identity import accounts
from domain.identity.model import RefreshToken, Session
from domain.identity.tokens import TokenClaims, TokenType
from tests.support.clock import MutableClock
from tests.support.feedback import CONTENT, form_in_meeting
from tests.support.scenario import CellScenario

MEMBERS = 50
REPETITIONS = 5


async def seat_members(
    services: Services, cell: CellScenario, count: int
) -> list[tuple[uuid.UUID, str]]:
    """`count` more CLB counsellors at the operational table, each with a live session and an
    access token (the real token service; only the login round trips are skipped)."""
    now = services.clock.now()
    seated = []
    uow = services.unit_of_work()
    async with uow:
        loaded = await uow.cells.get(uuid.UUID(cell.cell), for_update=True)
        assert loaded is not None
        for index in range(count):
            user, _ = await accounts.add_account(
                uow,
                services.hasher,
                services.clock,
                accounts.NewAccount(f"counsellor{index}@clb.example", f"Counsellor {index}"),
                Actor.system("tests"),
            )
            user.must_change_password = False
            await uow.users.save(user)
            member = composing.seat(
                loaded,
                TableKind.operational,
                user.id,
                uuid.UUID(cell.organisations["clb"]),
                Function.clb_counsellor,
                now,
            )
            await uow.cells.add_member(member)
            await uow.cells.acknowledge(loaded.id, user.id, 1, now)
            session = Session(uuid.uuid4(), user.id, now, now + timedelta(hours=1))
            await uow.sessions.add(
                session, RefreshToken(uuid.uuid4(), session.id, uuid.uuid4().hex, now)
            )
            token = services.tokens.issue(
                TokenClaims(
                    str(user.id),
                    TokenType.access,
                    uuid.uuid4().hex,
                    now,
                    now + timedelta(minutes=10),
                    str(session.id),
                )
            )
            seated.append((user.id, token))
        await uow.commit()
    return seated


async def check_in(services: Services, meeting: str, people: list[uuid.UUID]) -> None:
    """The chair's attendance and everyone's acknowledgement, straight into the meeting."""
    from domain.meetings.model import Attendance

    now = services.clock.now()
    uow = services.unit_of_work()
    async with uow:
        loaded = await uow.meetings.get(uuid.UUID(meeting), for_update=True)
        assert loaded is not None
        for person in people:
            loaded.attendance[person] = Attendance(person, True, now, now)
        await uow.meetings.save(loaded)
        await uow.commit()


async def consensus_events(services: Services, cell: str, form: str) -> int:
    uow = services.unit_of_work(read_only=True)
    async with uow:
        events = [event async for event in uow.audit.events(cell)]
    return sum(1 for e in events if e.action == "feedbackForm.consensus" and e.object_id == form)


@pytest.mark.slow
async def test_fifty_concurrent_approvals_five_times(
    client: httpx.AsyncClient, services: Services, cell: CellScenario, clock: MutableClock
) -> None:
    form = await form_in_meeting(client, cell, clock)
    extra = await seat_members(services, cell, MEMBERS - 3)
    voters = [(cell[name].account.id, cell[name].token) for name in ("dro", "clb", "io")] + extra
    await check_in(services, form.meeting, [user for user, _ in voters])
    version = form.hash
    for repetition in range(REPETITIONS):
        if repetition:
            edited = await client.put(
                f"/api/v1/feedbackForms/{form.form}",
                json={**CONTENT, "effectivenessExplanation": f"Herziening {repetition}."},
                headers={**cell["dro"].headers, "If-Match": f'"{version}"'},
            )
            assert edited.status_code == 200, edited.text
            version = edited.json()["current"]["hash"]

        async def approve(token: str, hash_: str = version) -> httpx.Response:
            return await client.post(
                f"/api/v1/feedbackForms/{form.form}/approvals",
                json={"meeting": form.meeting, "versionHash": hash_, "verdict": "approved"},
                headers={"Authorization": f"Bearer {token}"},
            )

        responses = await asyncio.gather(*(approve(token) for _, token in voters))
        assert [r.status_code for r in responses] == [201] * MEMBERS, {
            r.status_code for r in responses
        }
        async with services.engine.connect() as connection:
            recorded = await connection.scalar(
                select(func.count())
                .select_from(FeedbackVerdictRow)
                .where(FeedbackVerdictRow.version_hash == version)
            )
        assert recorded == MEMBERS, "every approval recorded exactly once, none lost"
        assert await consensus_events(services, cell.cell, form.form) == repetition + 1, (
            "consensus once per version"
        )
    panel = await client.get(
        f"/api/v1/feedbackForms/{form.form}",
        params={"meeting": form.meeting},
        headers=cell["io"].headers,
    )
    assert panel.json()["status"] == "consensusReached"
    assert len(panel.json()["approvers"]) == MEMBERS
