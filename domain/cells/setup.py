"""Setting a cell up: municipalities (R-SCOPE-1), legal basis (R-PRIV-3), retention (R-PRIV-6),
confidentiality terms (R-PRIV-4), and the mandatory operational table (R-TAB-1)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from domain.audit.model import AuditRecord
from domain.cases.templates import default_templates
from domain.cells.access import require_manager, require_visible
from domain.cells.errors import CellDeactivated, LegalBasisIncomplete, NoMunicipality
from domain.cells.model import (
    Cell,
    CellStatus,
    ConfidentialityTerms,
    LegalBasis,
    Municipality,
    Table,
)
from domain.cells.vocabulary import TableKind, WorkingLanguage
from domain.identity.principal import Principal, load_principal
from domain.identity.tokens import TokenClaims
from domain.shared.clock import Clock
from domain.shared.errors import InputIssue, InvalidInput, NotFound, PermissionDenied
from domain.unit_of_work import UnitOfWork

MIN_RETENTION = timedelta(days=30)
MAX_RETENTION = timedelta(days=365 * 30)


@dataclass(frozen=True, slots=True)
class CellDraft:
    name: str
    municipalities: tuple[Municipality, ...]
    working_language: WorkingLanguage
    retention: timedelta
    terms_text: str
    legal_basis: LegalBasis | None = None


@dataclass(frozen=True, slots=True)
class CellChange:
    name: str | None = None
    municipalities: tuple[Municipality, ...] | None = None
    working_language: WorkingLanguage | None = None
    retention: timedelta | None = None


def audit(
    cell_id: uuid.UUID, principal: Principal, action: str, kind: str, object_id: object
) -> AuditRecord:
    """An event in the cell's own chain."""
    return AuditRecord(str(cell_id), principal.actor, action, kind, str(object_id))


def municipality_issues(municipalities: tuple[Municipality, ...]) -> list[InputIssue]:
    """R-SCOPE-1: one municipality or several, each a valid NIS code, none twice."""
    if not municipalities:
        raise NoMunicipality()
    issues = [
        issue
        for index, municipality in enumerate(municipalities)
        for issue in municipality.issues(f"municipalities[{index}]")
    ]
    codes = [municipality.nis_code for municipality in municipalities]
    if len(set(codes)) != len(codes):
        issues.append(InputIssue("municipalities", "duplicateMunicipality"))
    return issues


def retention_issues(retention: timedelta) -> list[InputIssue]:
    """R-PRIV-6: closed cases are purged after this period; it must be a sensible duration."""
    if not MIN_RETENTION <= retention <= MAX_RETENTION:
        return [
            InputIssue(
                "retention",
                "retentionOutOfRange",
                {"min": MIN_RETENTION.days, "max": MAX_RETENTION.days},
            )
        ]
    return []


async def create_cell(uow: UnitOfWork, clock: Clock, claims: TokenClaims, draft: CellDraft) -> Cell:
    """The platform administrator creates a cell; its operational table exists from the start
    (R-TAB-1: the minimum requirement), the strategic table is optional and added later."""
    now = clock.now()
    issues = municipality_issues(draft.municipalities) + retention_issues(draft.retention)
    if not draft.name.strip():
        issues.append(InputIssue("name", "requiredInput"))
    if not draft.terms_text.strip():
        issues.append(InputIssue("confidentialityTerms", "requiredInput"))
    if draft.legal_basis is not None:
        issues += [
            InputIssue(f"legalBasis.{i.name}", i.code, i.params) for i in draft.legal_basis.issues()
        ]
    if issues:
        raise InvalidInput(issues)
    async with uow:
        principal = await load_principal(uow, claims, now)
        if not principal.is_platform_administrator:
            raise PermissionDenied()
        cell_id = uuid.uuid4()
        cell = Cell(
            id=cell_id,
            name=draft.name.strip(),
            municipalities=list(draft.municipalities),
            working_language=draft.working_language,
            retention=draft.retention,
            created_at=now,
            legal_basis=draft.legal_basis,
            terms=ConfidentialityTerms(1, draft.terms_text.strip(), now),
            tables=[Table(uuid.uuid4(), cell_id, TableKind.operational, now)],
        )
        await uow.cells.add(cell)
        for template in default_templates(cell.id, now):
            await uow.templates.add(template)
        await uow.audit.record(audit(cell.id, principal, "cell.create", "cell", cell.id))
        await uow.commit()
    return cell


async def visible_cell(
    uow: UnitOfWork, principal: Principal, cell_id: uuid.UUID, *, for_update: bool = False
) -> Cell:
    """The cell, or the same NotFound whether it does not exist or is not the caller's."""
    require_visible(principal, cell_id)
    cell = await uow.cells.get(cell_id, for_update=for_update)
    if cell is None:
        raise NotFound()
    return cell


async def managed_cell(uow: UnitOfWork, principal: Principal, cell_id: uuid.UUID) -> Cell:
    """A cell the caller may change, locked for the rest of the transaction."""
    require_manager(principal, cell_id)
    cell = await visible_cell(uow, principal, cell_id, for_update=True)
    if not cell.is_active:
        raise CellDeactivated()
    return cell


async def get_cell(uow: UnitOfWork, clock: Clock, claims: TokenClaims, cell_id: uuid.UUID) -> Cell:
    async with uow:
        principal = await load_principal(uow, claims, clock.now())
        return await visible_cell(uow, principal, cell_id)


async def list_cells(uow: UnitOfWork, clock: Clock, claims: TokenClaims) -> list[Cell]:
    """All cells for the platform administrator; otherwise the caller's own."""
    async with uow:
        principal = await load_principal(uow, claims, clock.now())
        scope = None if principal.is_platform_administrator else principal.cells()
        return await uow.cells.list(scope)


async def change_cell(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, cell_id: uuid.UUID, change: CellChange
) -> Cell:
    issues: list[InputIssue] = []
    if change.municipalities is not None:
        issues += municipality_issues(change.municipalities)
    if change.retention is not None:
        issues += retention_issues(change.retention)
    if change.name is not None and not change.name.strip():
        issues.append(InputIssue("name", "requiredInput"))
    if issues:
        raise InvalidInput(issues)
    async with uow:
        principal = await load_principal(uow, claims, clock.now())
        cell = await managed_cell(uow, principal, cell_id)
        if change.name is not None:
            cell.name = change.name.strip()
        if change.municipalities is not None:
            cell.municipalities = list(change.municipalities)
        if change.working_language is not None:
            cell.working_language = change.working_language
        if change.retention is not None:
            cell.retention = change.retention
        await uow.cells.save(cell)
        await uow.audit.record(audit(cell.id, principal, "cell.update", "cell", cell.id))
        await uow.commit()
    return cell


async def record_legal_basis(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, cell_id: uuid.UUID, basis: LegalBasis
) -> Cell:
    """R-PRIV-3: the legal basis (or the prosecutor's permission) of case consultation."""
    issues = basis.issues()
    if issues:
        raise LegalBasisIncomplete(issues, rule="R-PRIV-3")
    async with uow:
        principal = await load_principal(uow, claims, clock.now())
        cell = await managed_cell(uow, principal, cell_id)
        cell.legal_basis = basis
        await uow.cells.save(cell)
        await uow.audit.record(audit(cell.id, principal, "cell.legalBasis", "cell", cell.id))
        await uow.commit()
    return cell


async def publish_terms(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, cell_id: uuid.UUID, text: str
) -> Cell:
    """R-PRIV-4: a new version of the terms asks every member to acknowledge again."""
    if not text.strip():
        raise InvalidInput([InputIssue("text", "requiredInput")])
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        cell = await managed_cell(uow, principal, cell_id)
        version = (cell.terms.version if cell.terms else 0) + 1
        cell.terms = ConfidentialityTerms(version, text.strip(), now)
        await uow.cells.add_terms(cell.id, cell.terms)
        await uow.audit.record(audit(cell.id, principal, "terms.publish", "terms", version))
        await uow.commit()
    return cell


async def acknowledge_terms(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, cell_id: uuid.UUID, version: int
) -> Cell:
    """R-PRIV-4: a member of the cell acknowledges the current terms (an older version is stale)."""
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        cell = await visible_cell(uow, principal, cell_id)
        if not principal.roles_in(cell_id):
            raise PermissionDenied()
        if cell.terms is None or cell.terms.version != version:
            raise InvalidInput([InputIssue("version", "termsVersionNotCurrent")], rule="R-PRIV-4")
        await uow.cells.acknowledge(cell.id, principal.user_id, version, now)
        await uow.audit.record(audit(cell.id, principal, "terms.acknowledge", "terms", version))
        await uow.commit()
    return cell


async def set_cell_active(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, cell_id: uuid.UUID, active: bool
) -> Cell:
    """The platform administrator deactivates a cell: its members lose access at once; its data
    stays until its retention runs out."""
    async with uow:
        principal = await load_principal(uow, claims, clock.now())
        if not principal.is_platform_administrator:
            require_visible(principal, cell_id)
            raise PermissionDenied()
        cell = await uow.cells.get(cell_id, for_update=True)
        if cell is None:
            raise NotFound()
        cell.status = CellStatus.active if active else CellStatus.deactivated
        await uow.cells.save(cell)
        action = "cell.activate" if active else "cell.deactivate"
        await uow.audit.record(audit(cell.id, principal, action, "cell", cell.id))
        await uow.commit()
    return cell
