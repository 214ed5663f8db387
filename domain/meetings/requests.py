"""Meeting requests (R-CAD-5): any member may ask the table to meet; a case that must be discussed
raises a request by itself; the chair answers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from domain.audit.model import AuditRecord
from domain.cases.access import OPERATIONAL_ROLES
from domain.cases.model import Case
from domain.cells.access import require_visible
from domain.identity.principal import CellRole, load_principal
from domain.identity.tokens import TokenClaims
from domain.meetings.model import AgendaPurpose, MeetingRequest, RequestOrigin, RequestStatus
from domain.privacy.guard import PrivacyGuard
from domain.shared.clock import Clock
from domain.shared.errors import InputIssue, InvalidInput, NotFound, PermissionDenied
from domain.unit_of_work import UnitOfWork
from domain.webhooks.events import EventType, WebhookEvent

CHAIRS = frozenset({CellRole.operational_chair, CellRole.strategic_chair})


async def raise_case_request(
    uow: UnitOfWork, case: Case, purpose: AgendaPurpose, now: datetime
) -> None:
    """A case needing discussion asks for a meeting once per purpose (inside the caller's UoW)."""
    if await uow.meetings.open_request_for(case.id, str(purpose)) is not None:
        return
    await uow.meetings.add_request(
        MeetingRequest(
            uuid.uuid4(), case.cell_id, RequestOrigin.case, now, case_id=case.id, purpose=purpose
        )
    )


async def request_meeting(
    uow: UnitOfWork,
    clock: Clock,
    guard: PrivacyGuard,
    claims: TokenClaims,
    cell_id: uuid.UUID,
    reason: str,
) -> MeetingRequest:
    """Any member of the cell asks for a meeting, with a reason (privacy-guarded)."""
    guard.check({"reason": reason})
    if not reason.strip():
        raise InvalidInput([InputIssue("reason", "requiredInput")])
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        roles = principal.roles_in(cell_id) - {CellRole.auditor}
        if not roles:
            raise NotFound()
        request = MeetingRequest(
            uuid.uuid4(),
            cell_id,
            RequestOrigin.member,
            now,
            requested_by=principal.user_id,
            reason=reason.strip(),
        )
        await uow.meetings.add_request(request)
        await uow.webhooks.publish(
            WebhookEvent(EventType.meeting_requested, cell_id, now, meeting_request_id=request.id)
        )
        await uow.audit.record(
            AuditRecord(
                str(cell_id),
                principal.actor,
                "meetingRequest.create",
                "meetingRequest",
                str(request.id),
            )
        )
        await uow.commit()
    return request


@dataclass(frozen=True, slots=True)
class RequestListing:
    """Requests with the codes of their cases and the names of who asked, for the chair."""

    requests: list[MeetingRequest]
    case_codes: dict[uuid.UUID, str]
    names: dict[uuid.UUID, str]


async def list_requests(
    uow: UnitOfWork,
    clock: Clock,
    claims: TokenClaims,
    cell_id: uuid.UUID,
    status: RequestStatus | None,
) -> RequestListing:
    """The chairs see every request; a member sees their own."""
    async with uow:
        principal = await load_principal(uow, claims, clock.now())
        require_visible(principal, cell_id)
        roles = principal.roles_in(cell_id)
        if not roles - {CellRole.auditor}:
            raise NotFound()
        requests = await uow.meetings.requests(cell_id, status)
        if not roles & CHAIRS:
            requests = [r for r in requests if r.requested_by == principal.user_id]
        if not roles & OPERATIONAL_ROLES:
            # R-TAB-3: the strategic chair never learns of a case, not even by its code.
            requests = [r for r in requests if r.case_id is None]
        codes = await uow.cases.codes(r.case_id for r in requests if r.case_id)
        names = await uow.users.display_names(r.requested_by for r in requests if r.requested_by)
    return RequestListing(requests, codes, names)


async def answer_request(
    uow: UnitOfWork,
    clock: Clock,
    guard: PrivacyGuard,
    claims: TokenClaims,
    cell_id: uuid.UUID,
    request_id: uuid.UUID,
    status: RequestStatus,
    answer: str | None,
    meeting_id: uuid.UUID | None,
) -> MeetingRequest:
    guard.check({"answer": answer})
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        require_visible(principal, cell_id)
        if not principal.roles_in(cell_id) & CHAIRS:
            raise PermissionDenied()
        request = await uow.meetings.get_request(request_id)
        if request is None or request.cell_id != cell_id:
            raise NotFound()
        if request.case_id is not None and not principal.roles_in(cell_id) & OPERATIONAL_ROLES:
            raise NotFound()  # R-TAB-3, as in the listing
        if status is RequestStatus.open:
            raise InvalidInput([InputIssue("status", "requestMustBeAnswered")])
        if meeting_id is not None:
            meeting = await uow.meetings.get(meeting_id)
            if meeting is None or meeting.cell_id != cell_id:
                raise InvalidInput([InputIssue("meeting", "referencedResourceNotFound")])
        request.status = status
        request.answer = (answer or "").strip() or None
        request.answered_by = principal.user_id
        request.answered_at = now
        request.meeting_id = meeting_id
        await uow.meetings.save_request(request)
        await uow.audit.record(
            AuditRecord(
                str(cell_id),
                principal.actor,
                f"meetingRequest.{status}",
                "meetingRequest",
                str(request.id),
            )
        )
        await uow.commit()
    return request
