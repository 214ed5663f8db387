"""Intake (R-CASE-1, 2, 3): a partner brings a case through the filter of the guidance — its own
prior handling, its professional assessment, dated objective signals — and the table decides.
Nothing is admitted automatically: a submission is only *registered*."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from domain.audit.model import AuditRecord
from domain.cases.access import (
    operational_cell,
    organisations_of,
    require_acknowledged,
    require_case_work,
)
from domain.cases.codes import new_code
from domain.cases.errors import (
    LtfOnlyThroughInformationOfficer,
    MunicipalityOutsideCell,
    NotAPartner,
)
from domain.cases.model import Case, Signal
from domain.cases.vocabulary import AgeBand, CaseSource, InitialProblem, PhenomenonLabel
from domain.identity.principal import CellRole, load_principal
from domain.identity.tokens import TokenClaims
from domain.meetings.model import AgendaPurpose
from domain.meetings.requests import raise_case_request
from domain.privacy.guard import PrivacyGuard
from domain.shared.clock import Clock
from domain.shared.errors import InputIssue, InvalidInput
from domain.unit_of_work import UnitOfWork

MIN_HANDLING_LENGTH = 20  # a sentence, not a word: the filter asks for the partner's own work


@dataclass(frozen=True, slots=True)
class SignalDraft:
    observed_on: date
    description: str


@dataclass(frozen=True, slots=True)
class Submission:
    organisation_id: uuid.UUID
    source: CaseSource
    municipality: str
    age_band: AgeBand
    initial_problems: frozenset[InitialProblem]
    prior_handling: str
    professional_assessment: str
    signals: tuple[SignalDraft, ...]
    phenomenon: PhenomenonLabel | None = None
    requested_follow_up: str | None = None


def filter_issues(submission: Submission, today: date) -> list[InputIssue]:
    """R-CASE-2 (own handling, professional assessment, dated objective signals), R-CASE-3 (the
    LTF states what it asks), R-CASE-4 (at least one initial problem)."""
    issues = []
    if len(submission.prior_handling.strip()) < MIN_HANDLING_LENGTH:
        issues.append(
            InputIssue("priorHandling", "priorHandlingRequired", {"min": MIN_HANDLING_LENGTH})
        )
    if len(submission.professional_assessment.strip()) < MIN_HANDLING_LENGTH:
        issues.append(
            InputIssue("professionalAssessment", "assessmentRequired", {"min": MIN_HANDLING_LENGTH})
        )
    if not submission.signals:
        issues.append(InputIssue("signals", "signalRequired"))
    for index, signal in enumerate(submission.signals):
        if signal.observed_on > today:
            issues.append(InputIssue(f"signals[{index}].observedOn", "signalInFuture"))
        if not signal.description.strip():
            issues.append(InputIssue(f"signals[{index}].description", "requiredInput"))
    if submission.source is CaseSource.ltf and not (submission.requested_follow_up or "").strip():
        issues.append(InputIssue("requestedFollowUp", "ltfMustStateFollowUp"))
    if not submission.initial_problems:
        issues.append(InputIssue("initialProblems", "initialProblemRequired"))
    return issues


def free_texts(submission: Submission) -> dict[str, str | None]:
    texts: dict[str, str | None] = {
        "priorHandling": submission.prior_handling,
        "professionalAssessment": submission.professional_assessment,
        "requestedFollowUp": submission.requested_follow_up,
    }
    for index, signal in enumerate(submission.signals):
        texts[f"signals[{index}].description"] = signal.description
    return texts


async def submit_case(
    uow: UnitOfWork,
    clock: Clock,
    guard: PrivacyGuard,
    claims: TokenClaims,
    cell_id: uuid.UUID,
    submission: Submission,
) -> Case:
    now = clock.now()
    issues = filter_issues(submission, now.date())
    try:
        guard.check(free_texts(submission))
    except InvalidInput as refused:
        # Every problem at once: the author fixes identifiers and missing parts in one go.
        raise InvalidInput([*refused.issues, *issues], rule=refused.rule_id) from refused
    if issues:
        rule = "R-CASE-3" if any(i.code == "ltfMustStateFollowUp" for i in issues) else "R-CASE-2"
        raise InvalidInput(issues, rule=rule)
    async with uow:
        principal = await load_principal(uow, claims, now)
        cell = await operational_cell(uow, principal, cell_id)
        require_case_work(cell)
        require_acknowledged(principal, cell)
        if submission.organisation_id not in organisations_of(cell, principal.user_id):
            raise NotAPartner()
        if (
            submission.source is CaseSource.ltf
            and CellRole.information_officer not in principal.roles_in(cell.id)
        ):
            raise LtfOnlyThroughInformationOfficer()
        if submission.municipality not in {m.nis_code for m in cell.municipalities}:
            raise MunicipalityOutsideCell()
        code = new_code(now)
        while await uow.cases.code_taken(cell.id, code):
            code = new_code(now)
        case = Case(
            id=uuid.uuid4(),
            cell_id=cell.id,
            code=code,
            municipality=submission.municipality,
            age_band=submission.age_band,
            initial_problems=submission.initial_problems,
            source=submission.source,
            submitted_by=principal.user_id,
            reference_holder=submission.organisation_id,
            prior_handling=submission.prior_handling.strip(),
            professional_assessment=submission.professional_assessment.strip(),
            created_at=now,
            phenomenon=submission.phenomenon,
            requested_follow_up=(submission.requested_follow_up or "").strip() or None,
            participants={submission.organisation_id},
        )
        await uow.cases.add(case)
        await uow.audit.record(
            AuditRecord(str(cell.id), principal.actor, "case.create", "case", str(case.id))
        )
        await raise_case_request(uow, case, AgendaPurpose.admission, now)
        for draft in submission.signals:
            signal = Signal(
                uuid.uuid4(),
                case.id,
                submission.organisation_id,
                draft.observed_on,
                draft.description.strip(),
                principal.user_id,
                now,
            )
            await uow.cases.add_signal(signal)
            await uow.audit.record(
                AuditRecord(str(cell.id), principal.actor, "signal.add", "signal", str(signal.id))
            )
        await uow.commit()
    return case
