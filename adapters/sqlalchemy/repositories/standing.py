"""What a user is on the platform and in each cell: platform grants, table roles from active
memberships of active cells, and the versions of each cell's terms acknowledged (R-PRIV-4).

Every authenticated request needs all of it, so it is read in the statement that reads the
caller's account and session (`identity.CALLER`); `memberships` reads the table roles alone.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
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
from sqlalchemy.orm import InstrumentedAttribute

from adapters.sqlalchemy.rows.cells import CellTableRow, MemberRow, TermsAcknowledgementRow
from adapters.sqlalchemy.rows.identity import CellRow, GrantRow
from domain.cells.vocabulary import Function, TableKind
from domain.identity.model import Grant, PlatformRole
from domain.identity.principal import CellRole, Standing

PLATFORM_SCOPE = "platform"


def to_grant(user_id: uuid.UUID, role: str, scope: str) -> Grant:
    """A stored grant: `scope` is "platform" or the id of the one cell it covers."""
    return Grant(user_id, PlatformRole(role), None if scope == PLATFORM_SCOPE else uuid.UUID(scope))


def roles_of(kind: TableKind, function: Function, is_chair: bool) -> set[CellRole]:
    if kind is TableKind.strategic:
        return {CellRole.strategic_chair if is_chair else CellRole.strategic_member}
    roles = {CellRole.operational_chair if is_chair else CellRole.operational_member}
    if function is Function.information_officer:
        roles.add(CellRole.information_officer)
    if is_chair:
        roles.add(CellRole.operational_member)
    return roles


def add_roles(
    roles: dict[uuid.UUID, set[CellRole]], cell_id: uuid.UUID, kind: str, function: str, chair: bool
) -> None:
    roles.setdefault(cell_id, set()).update(roles_of(TableKind(kind), Function(function), chair))


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


# Built once: read on every request.
ACTIVE_MEMBERSHIPS = _active_memberships(MemberRow.cell_id)
# Grants, table roles and acknowledged terms side by side: (scope or cell, role or table kind,
# function or terms version, chair, source, the cell's revision for a seat), named by
# `STANDING_COLUMNS` where it is read.
STANDING: CompoundSelect[Any] = union_all(
    _active_memberships(cast(MemberRow.cell_id, String)).add_columns(
        literal("member"), CellRow.__table__.c.revision
    ),
    select(GrantRow.scope, GrantRow.role, null(), null(), literal("grant"), null()).where(
        GrantRow.user_id == bindparam("user_id")
    ),
    select(
        cast(TermsAcknowledgementRow.cell_id, String),
        null(),
        cast(TermsAcknowledgementRow.version, String),
        null(),
        literal("terms"),
        null(),
    ).where(TermsAcknowledgementRow.user_id == bindparam("user_id")),
)
# Named apart from an account's columns (an account has a `function` too).
STANDING_COLUMNS = (
    "standing_scope",
    "standing_kind",
    "standing_function",
    "standing_chair",
    "standing_source",
    "standing_revision",
)


def to_standing(user_id: uuid.UUID, rows: Iterable[Any]) -> Standing:
    """From rows carrying the `standing_*` columns; a row whose source is NULL holds none (the
    caller's row when the user has no standing at all)."""
    standing = Standing([], {}, {}, {})
    for row in rows:
        source = row.standing_source
        if source == "grant":
            standing.grants.append(to_grant(user_id, row.standing_kind, row.standing_scope))
        elif source == "terms":
            cell = uuid.UUID(row.standing_scope)
            standing.acknowledged.setdefault(cell, set()).add(int(row.standing_function))
        elif source == "member":
            standing.revisions[uuid.UUID(row.standing_scope)] = row.standing_revision
            add_roles(
                standing.roles,
                uuid.UUID(row.standing_scope),
                row.standing_kind,
                row.standing_function,
                bool(row.standing_chair),
            )
    return standing
