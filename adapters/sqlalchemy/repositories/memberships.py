"""Table roles per cell, read for every request from the active memberships of active cells."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import CompoundSelect, String, bindparam, cast, literal, null, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sqlalchemy.repositories.identity import PLATFORM_SCOPE
from adapters.sqlalchemy.rows.cells import CellTableRow, MemberRow
from adapters.sqlalchemy.rows.identity import CellRow, GrantRow
from domain.cells.vocabulary import Function, TableKind
from domain.identity.model import Grant, PlatformRole
from domain.identity.principal import CellRole, MembershipDirectory


def roles_of(kind: TableKind, function: Function, is_chair: bool) -> set[CellRole]:
    if kind is TableKind.strategic:
        return {CellRole.strategic_chair if is_chair else CellRole.strategic_member}
    roles = {CellRole.operational_chair if is_chair else CellRole.operational_member}
    if function is Function.information_officer:
        roles.add(CellRole.information_officer)
    if is_chair:
        roles.add(CellRole.operational_member)
    return roles


# Read on every request: built once.
ACTIVE_MEMBERSHIPS = (
    select(MemberRow.cell_id, CellTableRow.kind, MemberRow.function, MemberRow.is_chair)
    .join(CellTableRow, CellTableRow.id == MemberRow.table_id)
    .join(CellRow, CellRow.id == MemberRow.cell_id)
    .where(
        MemberRow.user_id == bindparam("user_id"),
        MemberRow.left_at.is_(None),
        CellRow.status == "active",
    )
)


# Grants and table roles side by side (source, scope, role or table kind, function, chair).
STANDING: CompoundSelect[Any] = union_all(
    select(
        literal("member"),
        cast(MemberRow.cell_id, String),
        CellTableRow.kind,
        MemberRow.function,
        MemberRow.is_chair,
    )
    .join(CellTableRow, CellTableRow.id == MemberRow.table_id)
    .join(CellRow, CellRow.id == MemberRow.cell_id)
    .where(
        MemberRow.user_id == bindparam("user_id"),
        MemberRow.left_at.is_(None),
        CellRow.status == "active",
    ),
    select(literal("grant"), GrantRow.scope, GrantRow.role, null(), null()).where(
        GrantRow.user_id == bindparam("user_id")
    ),
)


class SqlAlchemyMembershipDirectory(MembershipDirectory):
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def cell_roles(self, user_id: uuid.UUID) -> dict[uuid.UUID, set[CellRole]]:
        rows = await self.session.execute(ACTIVE_MEMBERSHIPS, {"user_id": user_id})
        roles: dict[uuid.UUID, set[CellRole]] = {}
        for cell_id, kind, function, is_chair in rows:
            roles.setdefault(cell_id, set()).update(
                roles_of(TableKind(kind), Function(function), is_chair)
            )
        return roles

    async def standing(
        self, user_id: uuid.UUID
    ) -> tuple[list[Grant], dict[uuid.UUID, set[CellRole]]]:
        grants: list[Grant] = []
        roles: dict[uuid.UUID, set[CellRole]] = {}
        for source, scope, kind, function, is_chair in await self.session.execute(
            STANDING, {"user_id": user_id}
        ):
            if source == "grant":
                cell = None if scope == PLATFORM_SCOPE else uuid.UUID(scope)
                grants.append(Grant(user_id, PlatformRole(kind), cell))
            else:
                roles.setdefault(uuid.UUID(scope), set()).update(
                    roles_of(TableKind(kind), Function(function), bool(is_chair))
                )
        return grants, roles
