"""Table roles per cell, read for every request (the cells context fills the membership table)."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from domain.identity.principal import CellRole, MembershipDirectory


class SqlAlchemyMembershipDirectory(MembershipDirectory):
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def cell_roles(self, user_id: uuid.UUID) -> dict[uuid.UUID, set[CellRole]]:
        del user_id  # memberships arrive with the cells context
        return {}
