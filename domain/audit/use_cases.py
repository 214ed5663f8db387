"""The auditor's use cases: browse events, verify chains, sign chain heads (R-AUD-1).

Auditors see the audit trail of the cells they audit and never case content; the trail holds no
content anyway, only who did what to which pseudonymous object.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

from domain.audit.anchoring import AnchorSigner, SignedHeads, sign_heads, verify_signed_heads
from domain.audit.model import PLATFORM_CHAIN, AuditEvent
from domain.audit.ports import AuditQuery
from domain.audit.verification import Anchor, ChainReport, verify_chain
from domain.identity.principal import CellRole, Principal, load_principal
from domain.identity.tokens import TokenClaims
from domain.shared.clock import Clock
from domain.shared.errors import NotFound, PermissionDenied
from domain.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class EventFilter:
    cell_id: uuid.UUID | None = None
    actor_id: str | None = None
    action: str | None = None
    object_type: str | None = None
    object_id: str | None = None
    since: str | None = None
    until: str | None = None
    offset: int = 0
    limit: int = 50


def auditable(principal: Principal, all_chains: list[str]) -> list[str]:
    """The chains a principal may read: every chain for a platform auditor, the platform chain for
    a platform administrator, and the chain of each cell they audit."""
    if principal.is_platform_auditor:
        return all_chains
    chains = [PLATFORM_CHAIN] if principal.is_platform_administrator else []
    chains += [
        str(cell) for cell, roles in principal.cell_roles.items() if CellRole.auditor in roles
    ]
    if not chains:
        raise PermissionDenied()
    return chains


async def _readable_chains(uow: UnitOfWork, principal: Principal) -> list[str]:
    return auditable(principal, await uow.audit.chains())


async def browse_events(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, selection: EventFilter
) -> tuple[list[AuditEvent], int]:
    async with uow:
        principal = await load_principal(uow, claims, clock.now())
        chains = await _readable_chains(uow, principal)
        if selection.cell_id is not None:
            if str(selection.cell_id) not in chains:
                raise NotFound()
            chains = [str(selection.cell_id)]
        return await uow.audit.search(
            AuditQuery(
                chains=chains,
                actor_id=selection.actor_id,
                action=selection.action,
                object_type=selection.object_type,
                object_id=selection.object_id,
                since=selection.since,
                until=selection.until,
                offset=selection.offset,
                limit=selection.limit,
            )
        )


async def verify_chains(uow: UnitOfWork, chains: list[str]) -> list[ChainReport]:
    """Re-hash every listed chain (inside the caller's `async with uow`), R-AUD-1. The store
    confirms the intact chains in place when it can (national-scale trails verify at database
    speed); anything it does not confirm is walked here, event by event, so every verdict of a
    break — and its sequence number — comes from `verify_chain`."""
    confirmed = await uow.audit.confirm_intact(chains)
    reports = []
    for chain in sorted(chains):
        report = confirmed.get(chain)
        if report is None:
            report = verify_chain(chain, [event async for event in uow.audit.events(chain)])
        reports.append(report)
    return reports


async def verification(uow: UnitOfWork, clock: Clock, claims: TokenClaims) -> list[ChainReport]:
    async with uow:
        principal = await load_principal(uow, claims, clock.now())
        return await verify_chains(uow, await _readable_chains(uow, principal))


async def signed_heads(
    uow: UnitOfWork, clock: Clock, signer: AnchorSigner, claims: TokenClaims | None
) -> SignedHeads:
    """The current head of every readable chain, signed, to keep outside the database."""
    async with uow:
        all_chains = await uow.audit.chains()
        if claims is None:
            chains = all_chains
        else:
            chains = auditable(await load_principal(uow, claims, clock.now()), all_chains)
        reports = await verify_chains(uow, chains)
    heads = [Anchor(report.chain, report.length, report.head_hash) for report in reports]
    return sign_heads(heads, clock.now(), signer)


@dataclass(frozen=True, slots=True)
class AnchoredReport:
    chains: list[ChainReport]
    anchor_failures: dict[str, str]

    @property
    def intact(self) -> bool:
        return all(report.intact for report in self.chains) and not self.anchor_failures


async def verify_everything(
    uow: UnitOfWork, signer: AnchorSigner, anchors: list[SignedHeads]
) -> AnchoredReport:
    """Every chain, plus every anchor: a truncated or wholly recomputed chain no longer contains
    the heads signed earlier (`tafel audit verify`)."""
    failures: dict[str, str] = {}
    async with uow:
        reports = {
            report.chain: report for report in await verify_chains(uow, await uow.audit.chains())
        }
        for document in anchors:
            if not verify_signed_heads(document, signer):
                failures["signature"] = "invalidSignature"
                continue
            for head in document.heads:
                report = reports.get(head.chain) or ChainReport(head.chain, 0, "")
                stored = await uow.audit.hash_at(head.chain, head.seq) if head.seq else ""
                if head.seq > report.length:
                    failures[head.chain] = "truncated"
                elif head.seq and stored != head.hash:
                    failures[head.chain] = "rewritten"
                    reports[head.chain] = replace(
                        report, first_broken_seq=report.first_broken_seq or head.seq
                    )
    return AnchoredReport(list(reports.values()), failures)
