"""Table roles per cell, from the active memberships of active cells."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sqlalchemy.repositories.standing import ACTIVE_MEMBERSHIPS, add_roles
from domain.identity.principal import CellRole, MembershipDirectory


class SqlAlchemyMembershipDirectory(MembershipDirectory):
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def cell_roles(self, user_id: uuid.UUID) -> dict[uuid.UUID, set[CellRole]]:
        rows = await self.session.execute(ACTIVE_MEMBERSHIPS, {"user_id": user_id})
        roles: dict[uuid.UUID, set[CellRole]] = {}
        for cell_id, kind, function, is_chair in rows:
            add_roles(roles, cell_id, kind, function, is_chair)
        return roles
