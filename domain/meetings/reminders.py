"""`tafel jobs remind`: an overdue cadence (R-CAD-2, R-CAD-3), a meeting tomorrow, overdue plan
actions (R-CASE-8). Mails name no case and carry no content; each reminder is sent once, however
often or concurrently the job runs (a unique key is claimed before sending)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from domain.cells.model import Cell
from domain.cells.vocabulary import TableKind
from domain.meetings.model import MeetingStatus
from domain.meetings.status import cadence_of
from domain.notifications.ports import Mailer, Notification
from domain.shared.clock import Clock
from domain.unit_of_work import UnitOfWork
from domain.webhooks.events import CadenceFacts, EventType, WebhookEvent

UPCOMING = timedelta(hours=24)


@dataclass
class RemindRun:
    cadence: int = 0
    meetings: int = 0
    actions: int = 0
    outbox: list[Notification] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


async def send_reminders(
    factory: Callable[[], UnitOfWork], clock: Clock, mailer: Mailer
) -> RemindRun:
    now = clock.now()
    run = RemindRun()
    async with factory() as uow:
        for listed in await uow.cells.list(None):
            cell = await uow.cells.get(listed.id)
            if cell is None or not cell.is_active:
                continue
            await _cadence(uow, cell, now, run)
            await _meetings(uow, cell, now, run)
            await _actions(uow, cell, now, run)
        await uow.commit()
    # Sent after the claims are committed: a crash in between loses a reminder, never doubles one.
    for notification in run.outbox:
        try:
            await mailer.send(notification)
        except OSError:
            run.failed.append(notification.kind)
    return run


async def _mail(
    uow: UnitOfWork, users: Iterable[uuid.UUID], kind: str, params: dict[str, str], run: RemindRun
) -> None:
    for user in (await uow.users.get_many(users)).values():
        run.outbox.append(Notification(kind, user.email, str(user.language), params))


async def _cadence(uow: UnitOfWork, cell: Cell, now: datetime, run: RemindRun) -> None:
    cadence = await cadence_of(uow, cell, now)
    if not cadence.overdue or cadence.next_due is None:
        return
    if not await uow.meetings.claim_reminder(f"cadence:{cell.id}:{cadence.next_due.date()}", now):
        return
    run.cadence += 1
    facts = CadenceFacts(cadence.mode, cadence.next_due)
    await uow.webhooks.publish(WebhookEvent(EventType.cadence_overdue, cell.id, now, cadence=facts))
    table = cell.table(TableKind.operational)
    chairs = [m.user_id for m in table.active_members() if m.is_chair] if table else []
    params = {"cell": cell.name, "due": cadence.next_due.date().isoformat()}
    await _mail(uow, chairs, "cadenceOverdue", params, run)


async def _meetings(uow: UnitOfWork, cell: Cell, now: datetime, run: RemindRun) -> None:
    for meeting in await uow.meetings.for_cell(cell.id, now, now + UPCOMING):
        key = f"meeting:{meeting.id}:{meeting.starts_at.isoformat()}"
        if meeting.status is not MeetingStatus.planned or not await uow.meetings.claim_reminder(
            key, now
        ):
            continue
        run.meetings += 1
        params = {
            "cell": cell.name,
            "start": meeting.starts_at.isoformat(timespec="minutes"),
            "place": meeting.place or meeting.online_link,
        }
        await _mail(uow, meeting.invitees, "meetingReminder", params, run)


async def _actions(uow: UnitOfWork, cell: Cell, now: datetime, run: RemindRun) -> None:
    table = cell.table(TableKind.operational)
    members = table.active_members() if table else []
    organisations = frozenset(m.organisation_id for m in members)
    for action in await uow.cases.actions_of(cell.id, organisations):
        key = f"action:{action.id}:{action.due_on.isoformat()}"
        if not action.overdue(now.date()) or not await uow.meetings.claim_reminder(key, now):
            continue
        run.actions += 1
        carriers = [m.user_id for m in members if m.organisation_id == action.organisation_id]
        await _mail(uow, carriers, "actionOverdue", {"cell": cell.name}, run)
