"""Who is calling, and in which roles — loaded from the database inside the use case's own
transaction, so a revoked session or a removed role takes effect on the very next request and the
check cannot go stale before the change it guards (ASVS 8.3.2, 15.4.2)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from domain.audit.model import Actor, ActorType
from domain.identity.errors import PasswordChangeRequired, SessionEnded
from domain.identity.model import Grant, IntegrationClient, PlatformRole, Scope, User
from domain.identity.tokens import TokenClaims

if TYPE_CHECKING:
    from domain.unit_of_work import UnitOfWork

CLIENT_SUBJECT_PREFIX = "client:"


class CellRole(StrEnum):
    """What a user is in one cell. Table roles come from memberships; `auditor` from a grant."""

    operational_chair = "operationalChair"
    strategic_chair = "strategicChair"
    information_officer = "informationOfficer"
    operational_member = "operationalMember"
    strategic_member = "strategicMember"
    auditor = "auditor"


class MembershipDirectory(Protocol):
    """Reads a user's table roles per cell (implemented by the cells context's persistence)."""

    async def cell_roles(self, user_id: uuid.UUID) -> dict[uuid.UUID, set[CellRole]]:
        """Every cell the user sits in, with the roles held there."""
        ...


@dataclass(frozen=True, slots=True)
class Standing:
    grants: list[Grant]
    roles: dict[uuid.UUID, set[CellRole]]
    # The versions of each cell's confidentiality terms the user acknowledged (R-PRIV-4).
    acknowledged: dict[uuid.UUID, set[int]]
    # The revision of each cell the user has a seat in, as read with the standing: whatever the
    # cell holds, as of this request (see `CellRepository.get`).
    revisions: dict[uuid.UUID, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Principal:
    """An authenticated caller: a user in a live session, or an integration client."""

    actor: Actor
    user: User | None = None
    client: IntegrationClient | None = None
    session_id: uuid.UUID | None = None
    platform_roles: frozenset[PlatformRole] = frozenset()
    cell_roles: Mapping[uuid.UUID, frozenset[CellRole]] = field(default_factory=dict)
    acknowledged_terms: Mapping[uuid.UUID, frozenset[int]] = field(default_factory=dict)
    cell_revisions: Mapping[uuid.UUID, str] = field(default_factory=dict)

    @property
    def account(self) -> User:
        """The user behind the principal; integration clients have none."""
        if self.user is None:
            raise SessionEnded()
        return self.user

    @property
    def user_id(self) -> uuid.UUID:
        return self.account.id

    @property
    def is_platform_administrator(self) -> bool:
        return PlatformRole.platform_administrator in self.platform_roles

    @property
    def is_platform_auditor(self) -> bool:
        return PlatformRole.auditor in self.platform_roles

    def roles_in(self, cell_id: uuid.UUID) -> frozenset[CellRole]:
        return self.cell_roles.get(cell_id, frozenset())

    def has_scope(self, scope: Scope) -> bool:
        return self.client is not None and scope in self.client.scopes

    def cells(self) -> frozenset[uuid.UUID]:
        return frozenset(self.cell_roles)

    def has_acknowledged(self, cell_id: uuid.UUID, version: int) -> bool:
        """Whether the caller acknowledged this version of the cell's terms (R-PRIV-4), as read
        at the start of this request's transaction."""
        return version in self.acknowledged_terms.get(cell_id, frozenset())


async def load_principal(
    uow: UnitOfWork,
    claims: TokenClaims,
    now: datetime,
    *,
    allow_pending_password_change: bool = False,
) -> Principal:
    """Resolve verified token claims to a principal, or SessionEnded (401)."""
    if claims.subject.startswith(CLIENT_SUBJECT_PREFIX):
        return await _client_principal(uow, claims)
    try:
        user_id = uuid.UUID(claims.subject)
        session_id = uuid.UUID(claims.session_id or "")
    except ValueError as error:
        raise SessionEnded() from error
    signed_in = await uow.users.signed_in(user_id, session_id)
    if signed_in is None:
        raise SessionEnded()
    # The standing comes with the account: every request needs both, so they are one read.
    user, session, standing = signed_in
    if not user.is_active or session.user_id != user.id or not session.is_live(now):
        raise SessionEnded()
    if user.must_change_password and not allow_pending_password_change:
        raise PasswordChangeRequired()
    grants, roles = standing.grants, standing.roles
    for grant in grants:
        if grant.cell_id is not None and grant.role is PlatformRole.auditor:
            roles.setdefault(grant.cell_id, set()).add(CellRole.auditor)
    return Principal(
        actor=Actor(ActorType.user, str(user.id)),
        user=user,
        session_id=session.id,
        platform_roles=frozenset(grant.role for grant in grants if grant.cell_id is None),
        cell_roles={cell: frozenset(held) for cell, held in roles.items()},
        acknowledged_terms={
            cell: frozenset(versions) for cell, versions in standing.acknowledged.items()
        },
        cell_revisions=standing.revisions,
    )


async def _client_principal(uow: UnitOfWork, claims: TokenClaims) -> Principal:
    try:
        client_id = uuid.UUID(claims.subject.removeprefix(CLIENT_SUBJECT_PREFIX))
    except ValueError as error:
        raise SessionEnded() from error
    client = await uow.clients.get(client_id)
    if client is None or not client.is_active:
        raise SessionEnded()
    granted = frozenset(scope for scope in client.scopes if scope.value in claims.scopes)
    restricted = IntegrationClient(
        id=client.id,
        cell_id=client.cell_id,
        name=client.name,
        secret_hash=client.secret_hash,
        scopes=granted,
        created_by=client.created_by,
        created_at=client.created_at,
        revoked_at=client.revoked_at,
    )
    return Principal(actor=Actor(ActorType.client, str(client.id)), client=restricted)
