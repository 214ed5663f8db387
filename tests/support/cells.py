"""In-memory cells for domain tests: a fictitious municipality and its organisations."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from domain.cells.model import Cell, ConfidentialityTerms, Municipality, Organisation, Table
from domain.cells.vocabulary import OrganisationType, TableKind, WorkingLanguage

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def new_cell(*, strategic: bool = True) -> Cell:
    cell_id = uuid.uuid4()
    tables = [Table(uuid.uuid4(), cell_id, TableKind.operational, NOW)]
    if strategic:
        tables.append(Table(uuid.uuid4(), cell_id, TableKind.strategic, NOW))
    cell = Cell(
        id=cell_id,
        name="LIVC-R Lindebeek",
        municipalities=[Municipality("99001", "Lindebeek")],
        working_language=WorkingLanguage.nl,
        retention=timedelta(days=730),
        created_at=NOW,
        terms=ConfidentialityTerms(1, "Wat aan tafel gedeeld wordt, blijft aan tafel.", NOW),
        tables=tables,
    )
    for kind in OrganisationType:
        cell.organisations.append(
            Organisation(uuid.uuid4(), cell_id, f"{kind.value} Lindebeek", kind, created_at=NOW)
        )
    return cell


def org(cell: Cell, kind: OrganisationType) -> uuid.UUID:
    return next(o.id for o in cell.organisations if o.type is kind)
