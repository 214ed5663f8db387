"""Cells with their composition, mapped explicitly to the domain aggregate."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import BindParameter, Select, bindparam, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from adapters.sqlalchemy.base import Base
from adapters.sqlalchemy.compositions import Composition, CompositionCache, PlainRow
from adapters.sqlalchemy.rows.cells import (
    CellMunicipalityRow,
    CellTableRow,
    ConfidentialityTermsRow,
    MemberRow,
    OrganisationRow,
    TermsAcknowledgementRow,
)
from adapters.sqlalchemy.rows.identity import CellRow
from domain.cells.model import (
    Cell,
    CellStatus,
    ConfidentialityTerms,
    LegalBasis,
    Member,
    Municipality,
    Organisation,
    ProsecutorDecision,
    Table,
)
from domain.cells.ports import CellRepository
from domain.cells.vocabulary import (
    Function,
    LegalBasisKind,
    OrganisationType,
    Participation,
    TableKind,
    WorkingLanguage,
)

RowT = TypeVar("RowT", CellRow, OrganisationRow, CellTableRow, MemberRow)


def _assembled(found: PlainRow, composition: Composition) -> Cell:
    """A new aggregate from the cell's row (with its latest terms) and its composition."""
    cell = _cell(found)
    cell.municipalities = [Municipality(m.nis_code, m.name) for m in composition.municipalities]
    if found.terms_version is not None:
        cell.terms = ConfidentialityTerms(
            found.terms_version, found.terms_text, found.terms_published_at
        )
    cell.organisations = [_organisation(org) for org in composition.organisations]
    # Tables and members are two statements: a table added in between has no list here.
    members: dict[uuid.UUID, list[Member]] = {}
    for member in composition.members:
        members.setdefault(member.table_id, []).append(_member(member))
    cell.tables = [_table(table, members.get(table.id, [])) for table in composition.tables]
    return cell


def _cell(row: CellRow | PlainRow) -> Cell:
    basis = None
    if row.legal_basis_kind:
        basis = LegalBasis(
            LegalBasisKind(row.legal_basis_kind),
            row.legal_basis_reference or "",
            row.legal_basis_date,
        )
    return Cell(
        id=row.id,
        name=row.name,
        municipalities=[],
        working_language=WorkingLanguage(row.working_language),
        retention=timedelta(days=row.retention_days),
        created_at=row.created_at,
        legal_basis=basis,
        status=CellStatus(row.status),
    )


def _member(row: PlainRow) -> Member:
    return Member(
        id=row.id,
        table_id=row.table_id,
        user_id=row.user_id,
        organisation_id=row.organisation_id,
        function=Function(row.function),
        joined_at=row.joined_at,
        is_chair=row.is_chair,
        left_at=row.left_at,
        clearance_expires_on=row.clearance_expires_on,
    )


def _organisation(row: PlainRow) -> Organisation:
    return Organisation(
        id=row.id,
        cell_id=row.cell_id,
        name=row.name,
        type=OrganisationType(row.type),
        participation=Participation(row.participation),
        school_contact=row.school_contact,
        created_at=row.created_at,
    )


def _table(row: PlainRow, members: list[Member]) -> Table:
    decision = None
    if row.prosecutor_decision_reference and row.prosecutor_decision_date:
        decision = ProsecutorDecision(
            row.prosecutor_decision_reference, row.prosecutor_decision_date
        )
    return Table(row.id, row.cell_id, TableKind(row.kind), row.created_at, decision, members)


# A cell is read by nearly every request: its statements are built once (building and keying a
# select cost more than running it).
_CELL_ID: BindParameter[uuid.UUID] = bindparam("cell_id")
# The cell with its latest confidentiality terms, if any, and its revision, as one plain row (a
# process keeps it with the composition; an ORM row already in the session would also keep the
# revision it was loaded with).
_CELLS = CellRow.__table__
_TERMS = ConfidentialityTermsRow.__table__
CELL = (
    select(
        *_CELLS.columns,
        _TERMS.c.version.label("terms_version"),
        _TERMS.c.text.label("terms_text"),
        _TERMS.c.published_at.label("terms_published_at"),
    )
    .select_from(
        _CELLS.outerjoin(
            _TERMS,
            (_TERMS.c.cell_id == _CELLS.c.id)
            & (
                _TERMS.c.version
                == select(func.max(_TERMS.c.version))
                .where(_TERMS.c.cell_id == _CELL_ID)
                .scalar_subquery()
            ),
        )
    )
    .where(_CELLS.c.id == _CELL_ID)
)
CELL_FOR_UPDATE = CELL.with_for_update(of=_CELLS)


# The composition, as plain rows (see adapters.sqlalchemy.compositions): read only when the
# process does not hold the cell's current revision.
def _of_cell(row: type[Base], *order: InstrumentedAttribute[Any]) -> Select[Any]:
    """Every column of a composition table's rows for one cell, as plain rows."""
    table = row.__table__
    return select(*table.columns).where(table.c.cell_id == _CELL_ID).order_by(*order)


MUNICIPALITIES = _of_cell(CellMunicipalityRow, CellMunicipalityRow.position)
ORGANISATIONS = _of_cell(OrganisationRow, OrganisationRow.name)
TABLES = _of_cell(CellTableRow, CellTableRow.kind)
MEMBERS = _of_cell(MemberRow, MemberRow.joined_at, MemberRow.id)


class SqlAlchemyCellRepository(CellRepository):
    def __init__(self, session: AsyncSession, compositions: CompositionCache | None = None) -> None:
        self.session = session
        # Without a process-wide cache (scripts, tests), one for this unit of work only.
        self.compositions = compositions if compositions is not None else CompositionCache()

    async def get(
        self, cell_id: uuid.UUID, *, for_update: bool = False, seen: str | None = None
    ) -> Cell | None:
        if seen is not None and not for_update:
            held = self.compositions.get(cell_id, seen)
            if held is not None and held.cell is not None:
                return _assembled(held.cell, held)
        given = {"cell_id": cell_id}
        found = (await self.session.execute(CELL_FOR_UPDATE if for_update else CELL, given)).first()
        if found is None:
            return None
        composition = self.compositions.get(cell_id, found.revision)
        if composition is None:
            composition = await self._composition(cell_id, found.revision)
        if composition.cell != found:
            composition = replace(composition, cell=found)
            self.compositions.put(cell_id, composition)
        return _assembled(found, composition)

    async def _composition(self, cell_id: uuid.UUID, revision: str) -> Composition:
        given = {"cell_id": cell_id}
        return Composition(
            revision,
            tuple(await self.session.execute(MUNICIPALITIES, given)),
            tuple(await self.session.execute(ORGANISATIONS, given)),
            tuple(await self.session.execute(TABLES, given)),
            tuple(await self.session.execute(MEMBERS, given)),
        )

    async def list(self, cell_ids: Iterable[uuid.UUID] | None) -> list[Cell]:
        statement = select(CellRow).order_by(CellRow.name)
        if cell_ids is not None:
            statement = statement.where(CellRow.id.in_(list(cell_ids)))
        cells = [_cell(row) for row in await self.session.scalars(statement)]
        if not cells:
            return cells
        rows = await self.session.scalars(
            select(CellMunicipalityRow)
            .where(CellMunicipalityRow.cell_id.in_([cell.id for cell in cells]))
            .order_by(CellMunicipalityRow.position)
        )
        by_cell: dict[uuid.UUID, list[Municipality]] = {}
        for row in rows:
            by_cell.setdefault(row.cell_id, []).append(Municipality(row.nis_code, row.name))
        for cell in cells:
            cell.municipalities = by_cell.get(cell.id, [])
        return cells

    async def add(self, cell: Cell) -> None:
        row = CellRow(id=cell.id, created_at=cell.created_at)
        self._apply_cell(row, cell)
        self.session.add(row)
        await self.session.flush()
        await self._replace_municipalities(cell)
        if cell.terms is not None:
            await self.add_terms(cell.id, cell.terms)
        for table in cell.tables:
            await self.add_table(table)

    async def save(self, cell: Cell) -> None:
        row = await self._row(CellRow, cell.id)
        self._apply_cell(row, cell)
        await self.session.flush()
        await self._replace_municipalities(cell)

    async def _row(self, kind: type[RowT], key: uuid.UUID) -> RowT:
        row = await self.session.get(kind, key)
        if row is None:
            raise LookupError(key)
        return row

    @staticmethod
    def _apply_cell(row: CellRow, cell: Cell) -> None:
        row.name = cell.name
        row.status = str(cell.status)
        row.working_language = str(cell.working_language)
        row.retention_days = cell.retention.days
        basis = cell.legal_basis
        row.legal_basis_kind = str(basis.kind) if basis else None
        row.legal_basis_reference = basis.reference if basis else None
        row.legal_basis_date = basis.decided_on if basis else None

    async def _replace_municipalities(self, cell: Cell) -> None:
        await self.session.execute(
            delete(CellMunicipalityRow).where(CellMunicipalityRow.cell_id == cell.id)
        )
        self.session.add_all(
            CellMunicipalityRow(cell_id=cell.id, nis_code=m.nis_code, name=m.name, position=index)
            for index, m in enumerate(cell.municipalities)
        )
        await self.session.flush()

    async def add_terms(self, cell_id: uuid.UUID, terms: ConfidentialityTerms) -> None:
        self.session.add(
            ConfidentialityTermsRow(
                cell_id=cell_id,
                version=terms.version,
                text=terms.text,
                published_at=terms.published_at,
            )
        )
        await self.session.flush()

    async def add_organisation(self, organisation: Organisation) -> None:
        row = OrganisationRow(id=organisation.id, cell_id=organisation.cell_id)
        self._apply_organisation(row, organisation)
        self.session.add(row)
        await self.session.flush()

    async def save_organisation(self, organisation: Organisation) -> None:
        self._apply_organisation(await self._row(OrganisationRow, organisation.id), organisation)
        await self.session.flush()

    @staticmethod
    def _apply_organisation(row: OrganisationRow, organisation: Organisation) -> None:
        row.name = organisation.name
        row.type = str(organisation.type)
        row.participation = str(organisation.participation)
        row.school_contact = organisation.school_contact
        row.created_at = organisation.created_at or row.created_at

    async def add_table(self, table: Table) -> None:
        row = CellTableRow(
            id=table.id, cell_id=table.cell_id, kind=str(table.kind), created_at=table.created_at
        )
        self._apply_table(row, table)
        self.session.add(row)
        await self.session.flush()

    async def save_table(self, table: Table) -> None:
        self._apply_table(await self._row(CellTableRow, table.id), table)
        await self.session.flush()

    @staticmethod
    def _apply_table(row: CellTableRow, table: Table) -> None:
        decision = table.prosecutor_decision
        row.prosecutor_decision_reference = decision.reference if decision else None
        row.prosecutor_decision_date = decision.decided_on if decision else None

    async def add_member(self, member: Member) -> None:
        table = await self._row(CellTableRow, member.table_id)
        row = MemberRow(
            id=member.id, cell_id=table.cell_id, table_id=member.table_id, user_id=member.user_id
        )
        self._apply_member(row, member)
        self.session.add(row)
        await self.session.flush()

    async def save_member(self, member: Member) -> None:
        self._apply_member(await self._row(MemberRow, member.id), member)
        await self.session.flush()

    @staticmethod
    def _apply_member(row: MemberRow, member: Member) -> None:
        row.organisation_id = member.organisation_id
        row.function = str(member.function)
        row.is_chair = member.is_chair
        row.joined_at = member.joined_at
        row.left_at = member.left_at
        row.clearance_expires_on = member.clearance_expires_on

    async def acknowledged(self, cell_id: uuid.UUID, version: int) -> frozenset[uuid.UUID]:
        rows = await self.session.scalars(
            select(TermsAcknowledgementRow.user_id).where(
                TermsAcknowledgementRow.cell_id == cell_id,
                TermsAcknowledgementRow.version == version,
            )
        )
        return frozenset(rows)

    async def acknowledge(
        self, cell_id: uuid.UUID, user_id: uuid.UUID, version: int, at: datetime
    ) -> None:
        if await self.session.get(TermsAcknowledgementRow, (cell_id, user_id, version)) is None:
            self.session.add(
                TermsAcknowledgementRow(
                    cell_id=cell_id, user_id=user_id, version=version, acknowledged_at=at
                )
            )
            await self.session.flush()
