"""Table roles per cell, read for every request from the active memberships of active cells."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    String,
    bindparam,
    cast,
    literal,
    null,
    select,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from adapters.sqlalchemy.repositories.identity import to_grant
from adapters.sqlalchemy.rows.cells import CellTableRow, MemberRow, TermsAcknowledgementRow
from adapters.sqlalchemy.rows.identity import CellRow, GrantRow
from domain.cells.vocabulary import Function, TableKind
from domain.identity.principal import CellRole, MembershipDirectory, Standing


def roles_of(kind: TableKind, function: Function, is_chair: bool) -> set[CellRole]:
    if kind is TableKind.strategic:
        return {CellRole.strategic_chair if is_chair else CellRole.strategic_member}
    roles = {CellRole.operational_chair if is_chair else CellRole.operational_member}
    if function is Function.information_officer:
        roles.add(CellRole.information_officer)
    if is_chair:
        roles.add(CellRole.operational_member)
    return roles


def _active_memberships(cell: ColumnElement[Any] | InstrumentedAttribute[Any]) -> Select[Any]:
    """(cell, table kind, function, chair) of the user's active seats in active cells."""
    return (
        select(cell, CellTableRow.kind, MemberRow.function, MemberRow.is_chair)
        .join(CellTableRow, CellTableRow.id == MemberRow.table_id)
        .join(CellRow, CellRow.id == MemberRow.cell_id)
        .where(
            MemberRow.user_id == bindparam("user_id"),
            MemberRow.left_at.is_(None),
            CellRow.status == "active",
        )
    )


# Read on every request: built once.
ACTIVE_MEMBERSHIPS = _active_memberships(MemberRow.cell_id)
# Grants, table roles and acknowledged terms side by side, one statement for what every request
# needs: (scope or cell, role or table kind, function or terms version, chair, source).
STANDING: CompoundSelect[Any] = union_all(
    _active_memberships(cast(MemberRow.cell_id, String)).add_columns(literal("member")),
    select(GrantRow.scope, GrantRow.role, null(), null(), literal("grant")).where(
        GrantRow.user_id == bindparam("user_id")
    ),
    select(
        cast(TermsAcknowledgementRow.cell_id, String),
        null(),
        cast(TermsAcknowledgementRow.version, String),
        null(),
        literal("terms"),
    ).where(TermsAcknowledgementRow.user_id == bindparam("user_id")),
)


def _add_roles(
    roles: dict[uuid.UUID, set[CellRole]], cell_id: uuid.UUID, kind: str, function: str, chair: bool
) -> None:
    roles.setdefault(cell_id, set()).update(roles_of(TableKind(kind), Function(function), chair))


class SqlAlchemyMembershipDirectory(MembershipDirectory):
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def cell_roles(self, user_id: uuid.UUID) -> dict[uuid.UUID, set[CellRole]]:
        rows = await self.session.execute(ACTIVE_MEMBERSHIPS, {"user_id": user_id})
        roles: dict[uuid.UUID, set[CellRole]] = {}
        for cell_id, kind, function, is_chair in rows:
            _add_roles(roles, cell_id, kind, function, is_chair)
        return roles

    async def standing(self, user_id: uuid.UUID) -> Standing:
        standing = Standing([], {}, {})
        for scope, kind, function, is_chair, source in await self.session.execute(
            STANDING, {"user_id": user_id}
        ):
            if source == "grant":
                standing.grants.append(to_grant(user_id, kind, scope))
            elif source == "terms":
                standing.acknowledged.setdefault(uuid.UUID(scope), set()).add(int(function))
            else:
                _add_roles(standing.roles, uuid.UUID(scope), kind, function, bool(is_chair))
        return standing
