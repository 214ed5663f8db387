"""A cell's own settings: municipalities, language, retention, legal basis, terms."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Response

from api.dependencies import ClockDep, ReadUowDep, UowDep
from api.openapi import errors
from api.routers.cells.schemas import (
    AcknowledgementCreate,
    CellCreate,
    CellList,
    CellRead,
    CellUpdate,
    LegalBasisBody,
    TermsCreate,
    to_cell,
)
from api.security import AccessClaims
from domain.cells import setup
from domain.cells.model import LegalBasis, Municipality

router = APIRouter(prefix="/cells", tags=["Cells"])
CellId = Annotated[uuid.UUID, Path(alias="cellId")]


@router.get("", summary="List my cells", response_model=CellList, responses=errors(401))
async def list_cells(claims: AccessClaims, uow: ReadUowDep, clock: ClockDep) -> CellList:
    """Every cell for the platform administrator (no content); otherwise the caller's cells."""
    cells = await setup.list_cells(uow, clock, claims)
    return CellList(items=[to_cell(cell) for cell in cells], total=len(cells))


@router.post(
    "",
    summary="Create a cell",
    status_code=201,
    response_model=CellRead,
    response_model_exclude_none=True,
    responses=errors(400, 401, 403, 409),
)
async def create_cell(
    body: CellCreate, response: Response, claims: AccessClaims, uow: UowDep, clock: ClockDep
) -> CellRead:
    """Platform administrator. The operational table is created with the cell (R-TAB-1)."""
    cell = await setup.create_cell(
        uow,
        clock,
        claims,
        setup.CellDraft(
            name=body.name,
            municipalities=tuple(Municipality(m.nis_code, m.name) for m in body.municipalities),
            working_language=body.working_language,
            retention=body.retention,
            terms_text=body.confidentiality_terms,
            legal_basis=(
                LegalBasis(
                    body.legal_basis.kind, body.legal_basis.reference, body.legal_basis.decided_on
                )
                if body.legal_basis
                else None
            ),
        ),
    )
    response.headers["Location"] = f"/api/v1/cells/{cell.id}"
    return to_cell(cell)


@router.get(
    "/{cellId}",
    summary="Read a cell",
    response_model=CellRead,
    response_model_exclude_none=True,
    responses=errors(401, 404),
)
async def get_cell(
    cell_id: CellId, claims: AccessClaims, uow: ReadUowDep, clock: ClockDep
) -> CellRead:
    return to_cell(await setup.get_cell(uow, clock, claims, cell_id))


@router.patch(
    "/{cellId}",
    summary="Change a cell",
    response_model=CellRead,
    response_model_exclude_none=True,
    responses=errors(400, 401, 403, 404, 409),
)
async def update_cell(
    cell_id: CellId, body: CellUpdate, claims: AccessClaims, uow: UowDep, clock: ClockDep
) -> CellRead:
    """Chairs and the platform administrator; only the latter may (de)activate a cell."""
    cell = None
    if body.active is not None:
        cell = await setup.set_cell_active(uow, clock, claims, cell_id, body.active)
    change = setup.CellChange(
        name=body.name,
        municipalities=(
            tuple(Municipality(m.nis_code, m.name) for m in body.municipalities)
            if body.municipalities is not None
            else None
        ),
        working_language=body.working_language,
        retention=body.retention,
    )
    if change != setup.CellChange() or cell is None:
        cell = await setup.change_cell(uow, clock, claims, cell_id, change)
    return to_cell(cell)


@router.put(
    "/{cellId}/legalBasis",
    summary="Record the legal basis of case consultation",
    response_model=CellRead,
    response_model_exclude_none=True,
    responses=errors(400, 401, 403, 404, 409),
)
async def record_legal_basis(
    cell_id: CellId, body: LegalBasisBody, claims: AccessClaims, uow: UowDep, clock: ClockDep
) -> CellRead:
    """R-PRIV-3: the law, a regional decree, or the prosecutor's permission (reference, date)."""
    basis = LegalBasis(body.kind, body.reference, body.decided_on)
    return to_cell(await setup.record_legal_basis(uow, clock, claims, cell_id, basis))


@router.post(
    "/{cellId}/confidentialityTerms",
    summary="Publish a new version of the confidentiality terms",
    status_code=201,
    response_model=CellRead,
    response_model_exclude_none=True,
    responses=errors(400, 401, 403, 404, 409),
)
async def publish_terms(
    cell_id: CellId, body: TermsCreate, claims: AccessClaims, uow: UowDep, clock: ClockDep
) -> CellRead:
    """R-PRIV-4: every member is asked to acknowledge the new version."""
    return to_cell(await setup.publish_terms(uow, clock, claims, cell_id, body.text))


@router.post(
    "/{cellId}/acknowledgements",
    summary="Acknowledge the confidentiality terms",
    status_code=204,
    responses=errors(400, 401, 403, 404),
)
async def acknowledge_terms(
    cell_id: CellId, body: AcknowledgementCreate, claims: AccessClaims, uow: UowDep, clock: ClockDep
) -> Response:
    """R-PRIV-4: before first seeing case content, each member acknowledges the current terms."""
    await setup.acknowledge_terms(uow, clock, claims, cell_id, body.version)
    return Response(status_code=204)
