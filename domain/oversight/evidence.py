"""The compliance evidence pack (R-AUD-1): what a mayor, a data-protection officer or an auditor
needs to sign off — composition over time (R-MEM), legal basis (R-PRIV-3), cadence (R-CAD), who
was present and who approved which version of every transmitted feedback form (R-FB-2),
acknowledgements (R-PRIV-4), reads of case content per organisation, retention runs (R-PRIV-6)
and the audit chain's verification at the head it was computed at. No case code, no content."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from domain.audit.model import AuditRecord, timestamp
from domain.audit.use_cases import verify_chains
from domain.cells.composition import missing_participants
from domain.cells.model import Cell, LegalBasis
from domain.cells.rules import police_count
from domain.cells.vocabulary import TableKind
from domain.feedback.form import Verdict
from domain.identity.principal import load_principal
from domain.identity.tokens import TokenClaims
from domain.meetings.cadence import CadenceStatus
from domain.meetings.status import cadence_from
from domain.oversight.access import require_oversight
from domain.oversight.months import month_ends, per_month
from domain.oversight.ports import PurgeRecord
from domain.shared.clock import Clock
from domain.shared.errors import NotFound
from domain.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class CompositionMonth:
    month: str
    members: int
    police: int
    balanced: bool
    constituted: bool


@dataclass(frozen=True, slots=True)
class ApprovalEvidence:
    member: str
    version_hash: str
    verdict: Verdict
    at: datetime


@dataclass(frozen=True, slots=True)
class FormEvidence:
    form_id: uuid.UUID
    round: int
    version: int
    version_hash: str
    transmitted_at: datetime
    transmitted_by: str
    meeting_id: uuid.UUID
    meeting_started_at: datetime | None
    present: tuple[str, ...]
    approvals: tuple[ApprovalEvidence, ...]


@dataclass(frozen=True, slots=True)
class AcknowledgementEvidence:
    member: str
    version: int
    at: datetime


@dataclass(frozen=True, slots=True)
class EvidencePack:
    cell_id: uuid.UUID
    cell_name: str
    computed_at: datetime
    chain_length: int
    chain_head: str
    chain_intact: bool
    first_broken_seq: int | None
    legal_basis: LegalBasis | None
    composition: tuple[CompositionMonth, ...]
    cadence: CadenceStatus
    meetings_per_month: dict[str, int]
    feedback_forms: tuple[FormEvidence, ...]
    terms_version: int
    acknowledgements: tuple[AcknowledgementEvidence, ...]
    unacknowledged: tuple[str, ...]
    reads_by_organisation: dict[str, int]
    retention_days: int
    retention_runs: tuple[str, ...]
    purges: tuple[PurgeRecord, ...]


def composition_history(cell: Cell, now: datetime) -> list[CompositionMonth]:
    """R-MEM-4 and R-MEM-8 at each month's end, from the membership history kept by Tafel."""
    table = cell.table(TableKind.operational)
    history = []
    for end in month_ends(now):
        if table is None or end < cell.created_at:
            continue
        seated = [
            replace(m, left_at=None)
            for m in table.members
            if m.joined_at <= end and (m.left_at is None or m.left_at > end)
        ]
        then = replace(table, members=seated)
        police = police_count(cell, then)
        history.append(
            CompositionMonth(
                month=end.strftime("%Y-%m"),
                members=len(seated),
                police=police,
                balanced=police * 3 <= len(seated),
                constituted=not missing_participants(then),
            )
        )
    return history


async def evidence_pack(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, cell_id: uuid.UUID
) -> EvidencePack:
    now = clock.now()
    since = timestamp(now - timedelta(days=365))
    async with uow:
        principal = await load_principal(uow, claims, now)
        require_oversight(principal, cell_id)
        cell = await uow.cells.get(cell_id, seen=principal.cell_revisions.get(cell_id))
        if cell is None:
            raise NotFound()
        (report,) = await verify_chains(uow, [str(cell.id)])
        rhythm = await uow.meetings.rhythm(
            cell.id, TableKind.operational, now - timedelta(days=365)
        )
        cadence = cadence_from(rhythm, cell, now)
        held = rhythm.held_since
        forms = await _feedback_evidence(uow, cell)
        acknowledged = await uow.oversight.acknowledgements(cell.id)
        reads = await uow.oversight.reads_by_actor(cell.id, since)
        purges = await uow.oversight.purges(cell.id)
        runs = await uow.oversight.retention_runs(since)
        seated = {m.user_id for t in cell.tables for m in t.active_members()}
        names = await uow.users.display_names({*seated, *(a.user_id for a in acknowledged)})
        await uow.audit.record(
            AuditRecord(str(cell.id), principal.actor, "evidencePack.read", "cell", str(cell.id))
        )
        await uow.commit()
    current_terms = cell.terms.version if cell.terms else 0
    current = {a.user_id for a in acknowledged if a.version == current_terms}
    return EvidencePack(
        cell_id=cell.id,
        cell_name=cell.name,
        computed_at=now,
        chain_length=report.length,
        chain_head=report.head_hash,
        chain_intact=report.intact,
        first_broken_seq=report.first_broken_seq,
        legal_basis=cell.legal_basis,
        composition=tuple(composition_history(cell, now)),
        cadence=cadence,
        meetings_per_month=per_month(held, now),
        feedback_forms=forms,
        terms_version=current_terms,
        acknowledgements=tuple(
            AcknowledgementEvidence(names.get(a.user_id, ""), a.version, a.at)
            for a in sorted(acknowledged, key=lambda a: a.at)
        ),
        unacknowledged=tuple(sorted(names.get(u, "") for u in seated - current)),
        reads_by_organisation=_reads_per_organisation(cell, reads),
        retention_days=cell.retention.days,
        retention_runs=tuple(runs),
        purges=tuple(purges),
    )


def _reads_per_organisation(cell: Cell, reads: dict[str, int]) -> dict[str, int]:
    """Reads of case content by the organisation of the reader (members are professionals)."""
    organisation_of = {
        str(m.user_id): m.organisation_id
        for t in cell.tables
        for m in t.members
        if t.kind is TableKind.operational
    }
    names = {o.id: o.name for o in cell.organisations}
    totals: dict[str, int] = defaultdict(int)
    for actor, total in reads.items():
        organisation = organisation_of.get(actor)
        totals[names.get(organisation, "-") if organisation else "-"] += total
    return dict(sorted(totals.items()))


async def _feedback_evidence(uow: UnitOfWork, cell: Cell) -> tuple[FormEvidence, ...]:
    """Each transmitted form with the approvals given at its transmission's meeting; the forms'
    verdicts, meetings and people are read together, whatever the number of forms."""
    sent = [(form, form.transmission) for form in await uow.feedback.transmitted(cell.id)]
    transmissions = [(form, t) for form, t in sent if t is not None]
    verdicts = await uow.feedback.verdicts([form.id for form, _ in transmissions])
    starts = await uow.meetings.starts({t.meeting_id for _, t in transmissions})
    given = {
        form.id: [v for meeting, v in verdicts[form.id] if meeting == t.meeting_id]
        for form, t in transmissions
    }
    name = await uow.users.display_names(
        {
            person
            for form, t in transmissions
            for person in (t.by, *t.present_members, *(v.member_id for v in given[form.id]))
        }
    )
    evidence = []
    for form, t in transmissions:
        evidence.append(
            FormEvidence(
                form_id=form.id,
                round=form.round,
                version=form.current.number,
                version_hash=t.version_hash,
                transmitted_at=t.at,
                transmitted_by=name.get(t.by, ""),
                meeting_id=t.meeting_id,
                meeting_started_at=starts.get(t.meeting_id),
                present=tuple(sorted(name.get(u, "") for u in t.present_members)),
                approvals=tuple(
                    ApprovalEvidence(name.get(v.member_id, ""), v.version_hash, v.verdict, v.at)
                    for v in sorted(given[form.id], key=lambda v: v.at)
                ),
            )
        )
    return tuple(evidence)
