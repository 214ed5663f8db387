"""Organisations, tables, members, chairs and the composition report."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Response

from api.dependencies import ClockDep, ReadUowDep, UowDep
from api.openapi import errors
from api.routers.cells.schemas import (
    ChairAppointment,
    ClearanceWarningRead,
    CompositionRead,
    MemberCreate,
    MemberRead,
    MemberUpdate,
    OrganisationCreate,
    OrganisationList,
    OrganisationRead,
    OrganisationUpdate,
    TableComposition,
    TableCreate,
    TableList,
    TableRead,
    TableUpdate,
    to_member,
    to_organisation,
    to_table,
)
from api.security import AccessClaims
from domain.cells import membership
from domain.cells.model import ProsecutorDecision
from domain.cells.vocabulary import TableKind
from domain.shared.errors import InputIssue, InvalidInput, NotFound

router = APIRouter(prefix="/cells/{cellId}", tags=["Cells"])
CellId = Annotated[uuid.UUID, Path(alias="cellId")]
Kind = Annotated[TableKind, Path(alias="tableKind")]
MemberId = Annotated[uuid.UUID, Path(alias="memberId")]
OrganisationId = Annotated[uuid.UUID, Path(alias="organisationId")]
ALL = errors(400, 401, 403, 404, 409)


@router.get(
    "/organisations",
    summary="List the organisations of a cell",
    response_model=OrganisationList,
    responses=errors(401, 404),
)
async def list_organisations(
    cell_id: CellId, claims: AccessClaims, uow: ReadUowDep, clock: ClockDep
) -> OrganisationList:
    view = await membership.composition(uow, clock, claims, cell_id)
    items = [to_organisation(org) for org in view.cell.organisations]
    return OrganisationList(items=items, total=len(items))


@router.post(
    "/organisations",
    summary="Record an organisation",
    status_code=201,
    response_model=OrganisationRead,
    responses=ALL,
)
async def create_organisation(
    cell_id: CellId,
    body: OrganisationCreate,
    response: Response,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
) -> OrganisationRead:
    """Any type may be recorded, so that refusing to seat an excluded one is explicit."""
    organisation = await membership.add_organisation(
        uow, clock, claims, cell_id, body.name, body.type
    )
    response.headers["Location"] = f"/api/v1/cells/{cell_id}/organisations/{organisation.id}"
    return to_organisation(organisation)


@router.patch(
    "/organisations/{organisationId}",
    summary="Change an organisation's participation",
    response_model=OrganisationRead,
    responses=ALL,
)
async def update_organisation(
    cell_id: CellId,
    organisation_id: OrganisationId,
    body: OrganisationUpdate,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
) -> OrganisationRead:
    """R-MEM-11 withdrawal or informal link (never refused); R-MEM-13 CLB school contact."""
    change = membership.OrganisationChange(
        name=body.name, participation=body.participation, school_contact=body.school_contact
    )
    return to_organisation(
        await membership.change_organisation(uow, clock, claims, cell_id, organisation_id, change)
    )


@router.get(
    "/tables",
    summary="List the tables of a cell",
    response_model=TableList,
    responses=errors(401, 404),
    response_model_exclude_none=True,
)
async def list_tables(
    cell_id: CellId, claims: AccessClaims, uow: ReadUowDep, clock: ClockDep
) -> TableList:
    view = await membership.composition(uow, clock, claims, cell_id)
    items = [
        to_table(view.cell, table, view.people, view.acknowledged)
        for table in sorted(view.cell.tables, key=lambda table: table.kind)
    ]
    return TableList(items=items, total=len(items))


@router.post(
    "/tables",
    summary="Add the strategic table",
    status_code=201,
    response_model=TableRead,
    response_model_exclude_none=True,
    responses=ALL,
)
async def create_table(
    cell_id: CellId,
    body: TableCreate,
    response: Response,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
) -> TableRead:
    """R-TAB-1: the operational table always exists; at most one strategic table."""
    if body.kind is not TableKind.strategic:
        raise InvalidInput([InputIssue("kind", "onlyStrategicTableCanBeAdded")], rule="R-TAB-1")
    decision = body.prosecutor_decision
    table = await membership.add_strategic_table(
        uow,
        clock,
        claims,
        cell_id,
        ProsecutorDecision(decision.reference, decision.decided_on) if decision else None,
    )
    response.headers["Location"] = f"/api/v1/cells/{cell_id}/tables/{table.kind}"
    view = await membership.composition(uow, clock, claims, cell_id)
    return to_table(view.cell, table, view.people, view.acknowledged)


async def _table_read(
    cell_id: uuid.UUID, kind: TableKind, claims: AccessClaims, uow: UowDep, clock: ClockDep
) -> TableRead:
    view = await membership.composition(uow, clock, claims, cell_id)
    table = view.cell.table(kind)
    if table is None:
        raise NotFound()
    return to_table(view.cell, table, view.people, view.acknowledged)


@router.get(
    "/tables/{tableKind}",
    summary="Read a table with its members",
    response_model=TableRead,
    response_model_exclude_none=True,
    responses=errors(401, 404),
)
async def get_table(
    cell_id: CellId, kind: Kind, claims: AccessClaims, uow: ReadUowDep, clock: ClockDep
) -> TableRead:
    return await _table_read(cell_id, kind, claims, uow, clock)


@router.patch(
    "/tables/{tableKind}",
    summary="Record the prosecutor's decision for the strategic table",
    response_model=TableRead,
    response_model_exclude_none=True,
    responses=ALL,
)
async def update_table(
    cell_id: CellId,
    kind: Kind,
    body: TableUpdate,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
) -> TableRead:
    """R-MEM-6: only with the procureur des Konings' decision may the prosecutor sit there."""
    if kind is not TableKind.strategic:
        raise InvalidInput(
            [InputIssue("tableKind", "onlyStrategicTable", location="path")], rule="R-MEM-6"
        )
    decision = body.prosecutor_decision
    await membership.record_prosecutor_decision(
        uow,
        clock,
        claims,
        cell_id,
        ProsecutorDecision(decision.reference, decision.decided_on) if decision else None,
    )
    return await _table_read(cell_id, kind, claims, uow, clock)


@router.post(
    "/tables/{tableKind}/members",
    summary="Seat a member at a table",
    status_code=201,
    response_model=MemberRead,
    response_model_exclude_none=True,
    responses=ALL,
)
async def create_member(
    cell_id: CellId,
    kind: Kind,
    body: MemberCreate,
    response: Response,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
) -> MemberRead:
    """Checked against every membership rule (R-MEM-4 … R-MEM-12); refusals name their rule."""
    member = await membership.seat_member(
        uow,
        clock,
        claims,
        cell_id,
        kind,
        membership.Seat(body.email, body.organisation, body.function, body.clearance_expires_on),
    )
    response.headers["Location"] = f"/api/v1/cells/{cell_id}/tables/{kind}/members/{member.id}"
    return await _member_read(cell_id, member.id, claims, uow, clock)


async def _member_read(
    cell_id: uuid.UUID, member_id: uuid.UUID, claims: AccessClaims, uow: UowDep, clock: ClockDep
) -> MemberRead:
    view = await membership.composition(uow, clock, claims, cell_id)
    found = view.cell.member(member_id)
    if found is None:
        raise NotFound()
    return to_member(view.cell, found[1], view.people, view.acknowledged)


@router.patch(
    "/tables/{tableKind}/members/{memberId}",
    summary="Change a member's function or clearance",
    response_model=MemberRead,
    response_model_exclude_none=True,
    responses=ALL,
)
async def update_member(
    cell_id: CellId,
    kind: Kind,
    member_id: MemberId,
    body: MemberUpdate,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
) -> MemberRead:
    del kind  # the member id is unique in the cell; the kind keeps the URL readable
    change = membership.MemberChange(
        function=body.function, clearance_expires_on=body.clearance_expires_on
    )
    member = await membership.change_member(uow, clock, claims, cell_id, member_id, change)
    return await _member_read(cell_id, member.id, claims, uow, clock)


@router.delete(
    "/tables/{tableKind}/members/{memberId}",
    summary="Withdraw a member from a table",
    status_code=204,
    responses=errors(401, 403, 404),
)
async def delete_member(
    cell_id: CellId,
    kind: Kind,
    member_id: MemberId,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
) -> Response:
    """R-MEM-11: never refused. The composition report shows any imbalance or vacant chair."""
    del kind
    await membership.withdraw_member(uow, clock, claims, cell_id, member_id)
    return Response(status_code=204)


@router.put(
    "/tables/{tableKind}/chair",
    summary="Appoint the chair of a table",
    response_model=MemberRead,
    response_model_exclude_none=True,
    responses=ALL,
)
async def appoint_chair(
    cell_id: CellId,
    kind: Kind,
    body: ChairAppointment,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
) -> MemberRead:
    """R-MEM-1 mayor for the strategic table, R-MEM-2 DRO for the operational one, R-MEM-3 never
    the police."""
    member = await membership.appoint_chair(uow, clock, claims, cell_id, kind, body.member)
    return await _member_read(cell_id, member.id, claims, uow, clock)


@router.get(
    "/composition",
    summary="Check the composition of a cell",
    response_model=CompositionRead,
    response_model_exclude_none=True,
    responses=errors(401, 404),
)
async def get_composition(
    cell_id: CellId, claims: AccessClaims, uow: ReadUowDep, clock: ClockDep
) -> CompositionRead:
    """R-MEM-8 constituted or not (and what is missing), R-MEM-4 police share, the chair,
    R-PRIV-3 legal basis, R-MEM-12 clearances expiring within 60 days, R-PRIV-4 acknowledgements."""
    report = (await membership.composition(uow, clock, claims, cell_id)).report
    return CompositionRead(
        tables=[
            TableComposition(
                kind=table.kind,
                members=table.members,
                police=table.police,
                balanced=table.balanced,
                chair=table.chair,
                chair_valid=table.chair_valid,
                constituted=table.constituted,
                missing=list(table.missing),
                meetings_allowed=table.meetings_allowed,
            )
            for table in report.tables
        ],
        legal_basis_recorded=report.legal_basis_recorded,
        case_work_allowed=report.case_work_allowed,
        clearance_warnings=[
            ClearanceWarningRead(
                member=w.member_id, user=w.user_id, expires_on=w.expires_on, state=w.state
            )
            for w in report.clearance_warnings
        ],
        unacknowledged=list(report.unacknowledged),
    )
