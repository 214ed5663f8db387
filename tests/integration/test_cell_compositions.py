"""A process keeps each cell's composition under the revision the database gives it (migration
0010's triggers, `adapters.sqlalchemy.compositions`). Need to know hangs on that composition
(R-PRIV-5): a change must be seen by the very next read, whoever made it, and a change that was
rolled back must never be served."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Executable, delete, insert, select, update

from adapters.sqlalchemy.rows.cells import (
    CellMunicipalityRow,
    CellTableRow,
    ConfidentialityTermsRow,
    MemberRow,
    OrganisationRow,
)
from adapters.sqlalchemy.rows.identity import CellRow
from api.dependencies import Services
from domain.cells.model import Cell, Organisation
from domain.cells.vocabulary import OrganisationType
from tests.support.scenario import CellScenario
from tests.support.statements import counting

MOMENT = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


async def read(services: Services, cell_id: uuid.UUID, seen: str | None = None) -> Cell:
    async with services.unit_of_work(read_only=True) as uow:
        found = await uow.cells.get(cell_id, seen=seen)
    assert found is not None
    return found


async def revision(services: Services, cell_id: uuid.UUID) -> str:
    """What a member's standing reads: the cell's revision as it is now."""
    async with services.engine.connect() as connection:
        current = await connection.scalar(select(CellRow.revision).where(CellRow.id == cell_id))
    assert current
    return str(current)


def _some_member(cell: Cell) -> uuid.UUID:
    return next(member.id for table in cell.tables for member in table.members)


_members_before: dict[uuid.UUID, int] = {}


def _gone(cell: Cell) -> bool:
    return sum(len(t.members) for t in cell.tables) == _members_before[cell.id] - 1


# Each change as another process, a job or an operator's SQL would make it: straight to the
# tables, past the repository. `seen` tells whether a read shows it.
Change = tuple[Callable[[Cell], Executable], Callable[[Cell], bool]]
CHANGES: dict[str, Change] = {
    "member updated": (
        lambda cell: (
            update(MemberRow).where(MemberRow.id == _some_member(cell)).values(left_at=MOMENT)
        ),
        lambda cell: any(m.left_at == MOMENT for t in cell.tables for m in t.members),
    ),
    "member deleted": (
        lambda cell: delete(MemberRow).where(MemberRow.id == _some_member(cell)),
        _gone,
    ),
    "organisation inserted": (
        lambda cell: insert(OrganisationRow).values(
            id=uuid.uuid4(),
            cell_id=cell.id,
            name="Jeugdhuis Elders",
            type="other",
            participation="sitting",
            school_contact=False,
            created_at=MOMENT,
        ),
        lambda cell: "Jeugdhuis Elders" in {o.name for o in cell.organisations},
    ),
    "organisation renamed": (
        lambda cell: (
            update(OrganisationRow)
            .where(OrganisationRow.id == cell.organisations[0].id)
            .values(name="Hernoemd")
        ),
        lambda cell: "Hernoemd" in {o.name for o in cell.organisations},
    ),
    "municipality deleted": (
        lambda cell: delete(CellMunicipalityRow).where(CellMunicipalityRow.cell_id == cell.id),
        lambda cell: not cell.municipalities,
    ),
    "table decision recorded": (
        lambda cell: (
            update(CellTableRow)
            .where(CellTableRow.cell_id == cell.id)
            .values(
                prosecutor_decision_reference="PK-2026-17", prosecutor_decision_date=MOMENT.date()
            )
        ),
        lambda cell: any(
            t.prosecutor_decision and t.prosecutor_decision.reference == "PK-2026-17"
            for t in cell.tables
        ),
    ),
}


async def test_a_cell_read_again_costs_one_statement(
    services: Services, cell: CellScenario
) -> None:
    cell_id = uuid.UUID(cell.cell)
    with counting(services) as first:
        before = await read(services, cell_id)
    with counting(services) as again:
        after = await read(services, cell_id)
    # The composition's four statements (municipalities, organisations, tables, members) are
    # skipped; the cell row and its revision are read every time.
    assert first[0] - again[0] == 4
    assert after == before


@pytest.mark.parametrize("change", sorted(CHANGES))
async def test_a_change_made_elsewhere_is_seen_by_the_next_read(
    services: Services, cell: CellScenario, change: str
) -> None:
    statement, seen = CHANGES[change]
    before = await read(services, uuid.UUID(cell.cell))  # now held by this process
    _members_before[before.id] = sum(len(t.members) for t in before.tables)
    assert not seen(before)
    async with services.engine.begin() as connection:
        await connection.execute(statement(before))
    assert seen(await read(services, before.id))


async def test_a_change_rolled_back_is_never_served(services: Services, cell: CellScenario) -> None:
    cell_id = uuid.UUID(cell.cell)
    before = await read(services, cell_id)
    async with services.unit_of_work() as uow:  # left without commit: rolled back
        await uow.cells.add_organisation(
            Organisation(
                uuid.uuid4(),
                cell_id,
                "Nooit bevestigd",
                OrganisationType.other,
                created_at=MOMENT,
            )
        )
        inside: Any = await uow.cells.get(cell_id)  # read, and held, inside the transaction
        assert "Nooit bevestigd" in {o.name for o in inside.organisations}
    after = await read(services, cell_id)
    assert after == before


# Migration 0014: the cell's own row and its terms renew the revision too.
CELL_CHANGES: dict[str, Change] = {
    "cell renamed": (
        lambda cell: update(CellRow).where(CellRow.id == cell.id).values(name="Hernoemde cel"),
        lambda cell: cell.name == "Hernoemde cel",
    ),
    "cell deactivated": (
        lambda cell: update(CellRow).where(CellRow.id == cell.id).values(status="deactivated"),
        lambda cell: not cell.is_active,
    ),
    "legal basis recorded": (
        lambda cell: (
            update(CellRow)
            .where(CellRow.id == cell.id)
            .values(legal_basis_kind="law", legal_basis_reference="Wet van 30 juli 2018, art. 9")
        ),
        lambda cell: cell.legal_basis is not None and cell.legal_basis.reference.endswith("art. 9"),
    ),
    "terms published": (
        lambda cell: insert(ConfidentialityTermsRow).values(
            cell_id=cell.id, version=99, text="Nieuwe voorwaarden.", published_at=MOMENT
        ),
        lambda cell: cell.terms is not None and cell.terms.version == 99,
    ),
    "terms withdrawn": (
        lambda cell: delete(ConfidentialityTermsRow).where(
            ConfidentialityTermsRow.cell_id == cell.id
        ),
        lambda cell: cell.terms is None,
    ),
}


@pytest.mark.parametrize("change", sorted({**CHANGES, **CELL_CHANGES}))
async def test_every_change_renews_the_revision_a_member_reads(
    services: Services, cell: CellScenario, change: str
) -> None:
    """A request that knows the revision (its caller's standing) builds the cell from what the
    process holds, unread: whatever changed the composition, the cell's row or its terms must
    have renewed the revision, or the change would not be seen."""
    statement, seen = {**CHANGES, **CELL_CHANGES}[change]
    cell_id = uuid.UUID(cell.cell)
    held = await revision(services, cell_id)
    before = await read(services, cell_id, seen=held)  # now held by this process
    _members_before[before.id] = sum(len(t.members) for t in before.tables)
    assert not seen(before)
    async with services.engine.begin() as connection:
        await connection.execute(statement(before))
    renewed = await revision(services, cell_id)
    assert renewed != held
    assert seen(await read(services, cell_id, seen=renewed))
    assert seen(await read(services, cell_id, seen=held)), "a stale revision reads the cell again"


async def test_a_cell_at_the_revision_its_caller_read_costs_no_statement(
    services: Services, cell: CellScenario
) -> None:
    cell_id = uuid.UUID(cell.cell)
    held = await revision(services, cell_id)
    with counting(services) as unknown:
        before = await read(services, cell_id)
    with counting(services) as known:
        after = await read(services, cell_id, seen=held)
    # The cell's row with its terms, and (first time) its composition's four statements.
    assert unknown[0] - known[0] == 5
    assert after == before
