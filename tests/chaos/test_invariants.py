"""The chaos runs' invariant checker, held to account in the regular suite: no false alarm on the
populated world of both cells, and each kind of planted damage found (a checker that never fires
would make `make chaos` pass for nothing)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import delete, update
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.sqlalchemy.engine import make_engine, make_session_factory
from adapters.sqlalchemy.rows.cases import CaseRow, SignalRow
from adapters.sqlalchemy.rows.feedback import FeedbackVerdictRow
from adapters.sqlalchemy.rows.meetings import MinutesEntryRow
from api.settings import Settings
from tests.chaos.invariants import check
from tests.support.world import World


@pytest.fixture
async def engine(settings: Settings) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(settings.database_url)
    yield engine
    await engine.dispose()


async def test_the_populated_world_violates_nothing(world: World, engine: AsyncEngine) -> None:
    report, snap = await check(engine)
    assert report.violations == []
    assert report.chains >= 3  # the platform and both cells
    assert sum(1 for f in snap.rows("feedback_form") if f["transmitted_at"]) == 2


async def test_planted_damage_is_found(world: World, engine: AsyncEngine) -> None:
    ids = world.a.ids
    stranger = uuid.uuid4()
    now = datetime.now(UTC)
    async with make_session_factory(engine)() as session:
        # A present member's approval gone from a transmitted form.
        await session.execute(
            delete(FeedbackVerdictRow).where(
                FeedbackVerdictRow.form_id == uuid.UUID(ids["formSent"]),
                FeedbackVerdictRow.member_id == world.a.scenario["clb"].account.id,
            )
        )
        # A change without its audit event, and one whose author does not exist.
        session.add(
            SignalRow(
                id=uuid.uuid4(),
                case_id=uuid.UUID(ids["caseOther"]),
                organisation_id=uuid.UUID(ids["orgCaw"]),
                observed_on=date(2030, 1, 2),
                description="Geplant zonder auditspoor.",
                recorded_by=stranger,
                recorded_at=now,
            )
        )
        # A minutes entry pointing at another meeting's agenda item.
        session.add(
            MinutesEntryRow(
                id=uuid.uuid4(),
                meeting_id=uuid.UUID(world.b.ids["meetingLive"]),
                agenda_item_id=uuid.UUID(ids["agendaItemLive"]),
                kind="action",
                text="Geplant.",
                recorded_by=world.b.scenario["dro"].account.id,
                recorded_at=now,
            )
        )
        # A case moved without a transition.
        await session.execute(
            update(CaseRow).where(CaseRow.id == uuid.UUID(ids["caseOwn"])).values(status="closed")
        )
        await session.commit()

    report, _ = await check(engine)
    found = "\n".join(report.violations)
    for rule in (
        "transmitted without this present member's approval",
        "case_signal row without signal.add event",
        "case_signal.recorded_by names no account",
        "minutes_entry.agenda_item_id names an item of another meeting",
        "minutes actions differ from meeting.action events",
        "case status differs from its last transition",
    ):
        assert rule in found, rule
