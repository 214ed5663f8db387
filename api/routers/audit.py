"""The audit trail for auditors and the platform administrator (R-AUD-1)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Query, Request
from pydantic import Field

from api.dependencies import AnchorSignerDep, ClockDep, ReadUowDep
from api.openapi import errors
from api.pagination import Page, page_links
from api.schemas import ApiModel, QueryMoment
from api.security import AccessClaims
from domain.audit import use_cases
from domain.audit.anchoring import SignedHeads
from domain.audit.model import AuditEvent, timestamp
from domain.audit.verification import ChainReport

router = APIRouter(prefix="/audit", tags=["Audit"])


class AuditEventRead(ApiModel):
    """One event: who did what to which pseudonymous object, and how it ended."""

    chain: str = Field(description="The cell's id, or `platform`")
    seq: int
    occurred_at: str
    actor_type: str
    actor: str
    action: str
    object_type: str
    object: str
    outcome: str
    hash: str
    prev_hash: str


class AuditEventPage(Page):
    items: list[AuditEventRead]


class ChainStatus(ApiModel):
    chain: str
    length: int
    head_hash: str
    intact: bool
    first_broken_seq: int | None = None
    reason: str | None = None


class Verification(ApiModel):
    intact: bool
    chains: list[ChainStatus]


class AnchorHead(ApiModel):
    chain: str
    seq: int
    hash: str


class AnchorDocument(ApiModel):
    """Signed chain heads (Ed25519): keep a copy outside Tafel; `tafel audit verify --anchors`
    then also detects truncation or a recomputed chain."""

    issued_at: str
    heads: list[AnchorHead]
    public_key: str
    signature: str


def to_read(event: AuditEvent) -> AuditEventRead:
    return AuditEventRead(
        chain=event.chain,
        seq=event.seq,
        occurred_at=event.occurred_at,
        actor_type=str(event.actor.type),
        actor=event.actor.id,
        action=event.action,
        object_type=event.object_type,
        object=event.object_id,
        outcome=str(event.outcome),
        hash=event.hash,
        prev_hash=event.prev_hash,
    )


def to_status(report: ChainReport) -> ChainStatus:
    return ChainStatus(
        chain=report.chain,
        length=report.length,
        head_hash=report.head_hash,
        intact=report.intact,
        first_broken_seq=report.first_broken_seq,
        reason=report.reason,
    )


def _moment(value: datetime | None) -> str | None:
    if value is None:
        return None
    return timestamp(value if value.tzinfo else value.replace(tzinfo=UTC))


@router.get(
    "/events",
    summary="Browse audit events",
    response_model=AuditEventPage,
    response_model_exclude_none=True,
    responses=errors(400, 401, 403, 404),
)
async def list_audit_events(
    request: Request,
    claims: AccessClaims,
    uow: ReadUowDep,
    clock: ClockDep,
    cell: Annotated[uuid.UUID | None, Query(description="Only this cell's chain")] = None,
    actor: Annotated[str | None, Query(max_length=64)] = None,
    action: Annotated[str | None, Query(max_length=64)] = None,
    object_type: Annotated[str | None, Query(alias="objectType", max_length=32)] = None,
    object_id: Annotated[str | None, Query(alias="object", max_length=64)] = None,
    since: Annotated[QueryMoment | None, Query(description="From this time (inclusive)")] = None,
    until: Annotated[QueryMoment | None, Query(description="Before this time")] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    page_size: Annotated[int, Query(alias="pageSize", ge=1, le=200)] = 50,
) -> AuditEventPage:
    """Newest first. Filters combine with AND."""
    events, total = await use_cases.browse_events(
        uow,
        clock,
        claims,
        use_cases.EventFilter(
            cell_id=cell,
            actor_id=actor,
            action=action,
            object_type=object_type,
            object_id=object_id,
            since=_moment(since),
            until=_moment(until),
            offset=(page - 1) * page_size,
            limit=page_size,
        ),
    )
    return AuditEventPage(
        items=[to_read(event) for event in events], **page_links(request, page, page_size, total)
    )


@router.get(
    "/verification",
    summary="Verify the audit chains",
    response_model=Verification,
    response_model_exclude_none=True,
    responses=errors(401, 403),
)
async def verify_audit_chains(
    claims: AccessClaims, uow: ReadUowDep, clock: ClockDep
) -> Verification:
    """Re-hashes every chain the caller may audit and reports the first broken link of each."""
    reports = await use_cases.verification(uow, clock, claims)
    return Verification(
        intact=all(report.intact for report in reports), chains=[to_status(r) for r in reports]
    )


@router.get(
    "/anchor",
    summary="Get the signed heads of the audit chains",
    response_model=AnchorDocument,
    responses=errors(401, 403),
)
async def get_audit_anchor(
    claims: AccessClaims, uow: ReadUowDep, clock: ClockDep, signer: AnchorSignerDep
) -> AnchorDocument:
    document = await use_cases.signed_heads(uow, clock, signer, claims)
    return to_anchor_document(document)


def to_anchor_document(document: SignedHeads) -> AnchorDocument:
    return AnchorDocument(
        issued_at=document.issued_at,
        heads=[AnchorHead(chain=h.chain, seq=h.seq, hash=h.hash) for h in document.heads],
        public_key=document.public_key,
        signature=document.signature,
    )
