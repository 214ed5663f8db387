"""The feedback form's life: drafted and versioned by the chair or the information officer,
approved to the exact version by every member effectively present at the meeting that discusses
it (R-FB-2), and transmitted once, by the information officer, to the LTF (R-FB-3).

Approvers are the members recorded present at the meeting in session *who take part in the
case* (R-PRIV-5: only they can read the form); they confirmed the meeting's secrecy (R-PRIV-4).
Verdicts count in the meeting they were given in.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, field

from domain.audit.model import AuditRecord
from domain.cases.access import open_case, participant_users
from domain.cases.lifecycle import CaseStatus
from domain.cases.model import Case
from domain.cells.model import Cell
from domain.feedback.content import FeedbackContent
from domain.feedback.form import FeedbackForm, FormStatus, Verdict
from domain.feedback.ports import ConsensusRecord, TransmittedForm
from domain.identity.principal import CellRole, Principal, load_principal
from domain.identity.tokens import TokenClaims
from domain.meetings.errors import MeetingNotInSession
from domain.meetings.model import AgendaPurpose, Meeting, MeetingStatus
from domain.meetings.requests import raise_case_request
from domain.meetings.session import require_session_view
from domain.privacy.guard import PrivacyGuard
from domain.shared.clock import Clock
from domain.shared.errors import (
    Conflict,
    IdempotencyKeyReused,
    InputIssue,
    InvalidInput,
    NotFound,
    PermissionDenied,
    VersionRequired,
)
from domain.unit_of_work import UnitOfWork

EDITORS = frozenset({CellRole.operational_chair, CellRole.information_officer})
OPEN_FOR_FEEDBACK = (CaseStatus.follow_up, CaseStatus.evaluation)


class OpenFeedbackFormExists(Conflict):
    code = "openFeedbackFormExists"


class CaseNotInFollowUp(Conflict):
    code = "caseNotInFollowUp"


class FormNotOnAgenda(Conflict):
    """R-FB-2: a form is approved at a meeting in session that has it on its agenda."""

    code = "formNotOnAgenda"


@dataclass(frozen=True, slots=True)
class FormView:
    form: FeedbackForm
    case_code: str
    meeting: Meeting | None
    approvers: frozenset[uuid.UUID]
    consensus: ConsensusRecord | None
    names: dict[uuid.UUID, str] = field(default_factory=dict)

    @property
    def status(self) -> FormStatus:
        """In a meeting, the state among those present now; outside one, what was recorded:
        a consensus on the current version stays reached until an edit voids it."""
        if self.meeting is None and self.form.transmission is None:
            current = self.consensus is not None and (
                self.consensus.version_hash == self.form.current.hash
            )
            return FormStatus.consensus_reached if current else FormStatus.draft
        return self.form.status(self.approvers)


def record(form: FeedbackForm, principal: Principal, action: str) -> AuditRecord:
    return AuditRecord(str(form.cell_id), principal.actor, action, "feedbackForm", str(form.id))


async def with_names(uow: UnitOfWork, view: FormView) -> FormView:
    """The display names of whoever the form mentions: approvers, verdicts, authors of its
    versions, and who transmitted it to whom present."""
    form = view.form
    sent = form.transmission
    names = await uow.users.display_names(
        {
            *view.approvers,
            *form.approvals,
            *(version.created_by for version in form.history()),
            *((sent.by, *sent.present_members) if sent else ()),
        }
    )
    return FormView(view.form, view.case_code, view.meeting, view.approvers, view.consensus, names)


def require_editor(principal: Principal, cell: Cell) -> None:
    if not principal.roles_in(cell.id) & EDITORS:
        raise PermissionDenied()


def approvers(meeting: Meeting, case: Case, cell: Cell) -> frozenset[uuid.UUID]:
    """R-FB-2 *effectively participating members*: present at the meeting and part of the case."""
    return meeting.present & participant_users(cell, case)


async def _form_and_case(
    uow: UnitOfWork,
    principal: Principal,
    form_id: uuid.UUID,
    meeting_id: uuid.UUID | None,
    *,
    for_update: bool,
) -> tuple[FeedbackForm, Case, Cell]:
    form = await uow.feedback.get(form_id, meeting_id, for_update=for_update)
    if form is None:
        raise NotFound()
    case, cell = await open_case(uow, principal, form.case_id)
    return form, case, cell


async def _meeting_for(uow: UnitOfWork, meeting_id: uuid.UUID, form: FeedbackForm) -> Meeting:
    """The meeting in session that has this form's case on its agenda for the feedback form."""
    meeting = await uow.meetings.get(meeting_id)
    if meeting is None or meeting.cell_id != form.cell_id:
        raise InvalidInput([InputIssue("meeting", "referencedResourceNotFound")])
    if meeting.status is not MeetingStatus.in_session:
        raise MeetingNotInSession()
    if not any(
        i.purpose is AgendaPurpose.feedback_form and i.case_id == form.case_id
        for i in meeting.agenda
    ):
        raise FormNotOnAgenda()
    return meeting


async def start_form(
    uow: UnitOfWork,
    clock: Clock,
    guard: PrivacyGuard,
    claims: TokenClaims,
    case_id: uuid.UUID,
    content: FeedbackContent,
) -> FeedbackForm:
    """R-FB-1: one form per case and evaluation round; the next round once the last one left."""
    guard.check(content.texts())
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        case, cell = await open_case(uow, principal, case_id, for_update=True)
        require_editor(principal, cell)
        if case.status not in OPEN_FOR_FEEDBACK:
            raise CaseNotInFollowUp()
        forms = await uow.feedback.for_case(case.id)
        if any(not f.is_transmitted for f in forms):
            raise OpenFeedbackFormExists()
        form = FeedbackForm.start(
            uuid.uuid4(), case.id, cell.id, len(forms) + 1, content, principal.user_id, now
        )
        await uow.feedback.add(form)
        await uow.audit.record(record(form, principal, "feedbackForm.create"))
        await raise_case_request(uow, case, AgendaPurpose.feedback_form, now)
        await uow.commit()
    return form


async def _view(
    uow: UnitOfWork, principal: Principal, form_id: uuid.UUID, meeting_id: uuid.UUID | None
) -> FormView:
    form, case, cell = await _form_and_case(uow, principal, form_id, meeting_id, for_update=False)
    meeting = await uow.meetings.get(meeting_id) if meeting_id else None
    if meeting_id is not None and (meeting is None or meeting.cell_id != cell.id):
        raise InvalidInput([InputIssue("meeting", "referencedResourceNotFound")], rule="")
    present = approvers(meeting, case, cell) if meeting else frozenset()
    consensus = await uow.feedback.consensus(form.id)
    return await with_names(uow, FormView(form, case.code, meeting, present, consensus))


async def read_form(
    uow: UnitOfWork,
    clock: Clock,
    claims: TokenClaims,
    form_id: uuid.UUID,
    meeting_id: uuid.UUID | None,
) -> FormView:
    """For the case's participants; with a meeting, its verdicts and approvers. Audited."""
    async with uow:
        principal = await load_principal(uow, claims, clock.now())
        view = await _view(uow, principal, form_id, meeting_id)
        await uow.audit.record(record(view.form, principal, "feedbackForm.read"))
        await uow.commit()
    return view


async def approval_state(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, form_id: uuid.UUID, meeting_id: uuid.UUID
) -> FormView:
    """Who approved or objected to which version in the meeting, for the live panel: the same
    need-to-know as the form, but not audited as a read of content — it carries none (only the
    version hash), and the panel asks every few seconds."""
    async with uow:
        principal = await load_principal(uow, claims, clock.now())
        return await _view(uow, principal, form_id, meeting_id)


async def list_forms(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, case_id: uuid.UUID
) -> list[FeedbackForm]:
    async with uow:
        principal = await load_principal(uow, claims, clock.now())
        case, _ = await open_case(uow, principal, case_id)
        return await uow.feedback.for_case(case.id)


async def edit_form(
    uow: UnitOfWork,
    clock: Clock,
    guard: PrivacyGuard,
    claims: TokenClaims,
    form_id: uuid.UUID,
    content: FeedbackContent,
    if_match: str | None,
) -> FeedbackForm:
    """A new version (`If-Match` names the one edited); every verdict is void (R-FB-2)."""
    guard.check(content.texts())
    if if_match is None:
        raise VersionRequired()
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        form, _, cell = await _form_and_case(uow, principal, form_id, None, for_update=True)
        require_editor(principal, cell)
        all_verdicts = (await uow.feedback.verdicts([form.id]))[form.id]
        form.edit(content, principal.user_id, now, if_match.strip().strip('"'))
        await uow.feedback.add_version(form.id, form.current)
        await uow.feedback.record_consensus(form.id, None)
        await uow.audit.record(record(form, principal, "feedbackForm.edit"))
        for _ in all_verdicts:
            await uow.audit.record(record(form, principal, "feedbackForm.approvalVoided"))
        await uow.commit()
    return form


def fingerprint(*parts: object) -> str:
    return hashlib.sha256(json.dumps([str(p) for p in parts]).encode()).hexdigest()


async def give_verdict(
    uow: UnitOfWork,
    clock: Clock,
    guard: PrivacyGuard,
    claims: TokenClaims,
    form_id: uuid.UUID,
    meeting_id: uuid.UUID,
    version_hash: str,
    verdict: Verdict,
    reason: str,
    idempotency_key: str | None = None,
) -> FormView:
    """Approve or object to exactly `version_hash` (R-FB-2), in the meeting in session. The form
    is locked, so of fifty simultaneous approvals none is lost and consensus is recorded once."""
    guard.check({"reason": reason})
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        scope = f"verdict:{principal.user_id}:{idempotency_key}" if idempotency_key else None
        request = fingerprint(form_id, meeting_id, version_hash, verdict, reason)
        stored = await uow.idempotency.recall(scope) if scope is not None else None
        if stored is not None and stored[0] != request:
            raise IdempotencyKeyReused()
        form, case, cell = await _form_and_case(
            uow, principal, form_id, meeting_id, for_update=True
        )
        meeting = await _meeting_for(uow, meeting_id, form)
        require_session_view(meeting, principal)
        present = approvers(meeting, case, cell)
        if stored is None:
            if verdict is Verdict.approved:
                given = form.approve(principal.user_id, version_hash, present, now)
            else:
                given = form.object(principal.user_id, version_hash, reason, present, now)
            await uow.feedback.save_verdict(form.id, meeting.id, given)
            await uow.audit.record(record(form, principal, f"feedbackForm.{verdict}"))
            if scope is not None:
                await uow.idempotency.remember(scope, request, str(form.id), now)
        consensus = await uow.feedback.consensus(form.id)
        if form.consensus(present) and (
            consensus is None or consensus.version_hash != form.current.hash
        ):
            consensus = ConsensusRecord(form.current.hash, meeting.id, now)
            await uow.feedback.record_consensus(form.id, consensus)
            await uow.audit.record(record(form, principal, "feedbackForm.consensus"))
        view = await with_names(uow, FormView(form, case.code, meeting, present, consensus))
        await uow.commit()
    return view


async def transmit(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, form_id: uuid.UUID, meeting_id: uuid.UUID
) -> FormView:
    """R-FB-3: the information officer, once, with the consensus of the members present now on
    the current version (R-FB-2). Records who, when, which version and which meeting; frozen."""
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        form, case, cell = await _form_and_case(
            uow, principal, form_id, meeting_id, for_update=True
        )
        meeting = await _meeting_for(uow, meeting_id, form)
        present = approvers(meeting, case, cell)
        is_io = CellRole.information_officer in principal.roles_in(cell.id)
        form.transmit(principal.user_id, is_io, present, meeting.id, now)
        await uow.feedback.save_transmission(form)
        await uow.audit.record(record(form, principal, "feedbackForm.transmit"))
        await uow.commit()
        consensus = await uow.feedback.consensus(form.id)
        return await with_names(uow, FormView(form, case.code, meeting, present, consensus))


async def export_for_ltf(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, form_id: uuid.UUID
) -> tuple[FormView, TransmittedForm, str]:
    """The transmitted form for the information officer to hand to the LTF (audited), with the
    cell's working language for the printed document."""
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        form, case, cell = await _form_and_case(uow, principal, form_id, None, for_update=False)
        if CellRole.information_officer not in principal.roles_in(cell.id):
            raise PermissionDenied()
        sent = form.transmission
        if sent is None:
            raise NotFound()
        meeting = await uow.meetings.get(sent.meeting_id)
        consensus = await uow.feedback.consensus(form.id)
        names = await uow.users.display_names({sent.by, *sent.present_members})
        await uow.audit.record(record(form, principal, "feedbackForm.export"))
        await uow.commit()
    document = TransmittedForm(
        cell_name=cell.name,
        case_code=case.code,
        round=form.round,
        version=form.current,
        transmitted_at=sent.at,
        transmitted_by=names.get(sent.by, ""),
        meeting_started_at=meeting.starts_at if meeting else None,
        approved_by=tuple(
            sorted(name for user, name in names.items() if user in sent.present_members)
        ),
    )
    view = FormView(form, case.code, meeting, sent.present_members, consensus)
    return view, document, str(cell.working_language)
