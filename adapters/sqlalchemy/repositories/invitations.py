"""Invitations of professionals to a cell."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sqlalchemy.rows.cells import InvitationRow
from domain.cells.invitations import Invitation, InvitationRepository


def to_invitation(row: InvitationRow) -> Invitation:
    return Invitation(
        id=row.id,
        cell_id=row.cell_id,
        user_id=row.user_id,
        token_hash=row.token_hash,
        created_by=row.created_by,
        created_at=row.created_at,
        expires_at=row.expires_at,
        accepted_at=row.accepted_at,
    )


class SqlAlchemyInvitationRepository(InvitationRepository):
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, invitation: Invitation) -> None:
        self.session.add(
            InvitationRow(
                id=invitation.id,
                cell_id=invitation.cell_id,
                user_id=invitation.user_id,
                token_hash=invitation.token_hash,
                created_by=invitation.created_by,
                created_at=invitation.created_at,
                expires_at=invitation.expires_at,
                accepted_at=invitation.accepted_at,
            )
        )
        await self.session.flush()

    async def by_token_hash(self, token_hash: str) -> Invitation | None:
        row = await self.session.scalar(
            select(InvitationRow).where(InvitationRow.token_hash == token_hash).with_for_update()
        )
        return to_invitation(row) if row else None

    async def save(self, invitation: Invitation) -> None:
        row = await self.session.get(InvitationRow, invitation.id)
        if row is None:
            raise LookupError(invitation.id)
        row.accepted_at = invitation.accepted_at
        row.token_hash = invitation.token_hash
        row.expires_at = invitation.expires_at
        await self.session.flush()

    async def for_cell(self, cell_id: uuid.UUID) -> list[Invitation]:
        rows = await self.session.scalars(
            select(InvitationRow)
            .where(InvitationRow.cell_id == cell_id)
            .order_by(InvitationRow.created_at.desc())
        )
        return [to_invitation(row) for row in rows]

    async def get(self, invitation_id: uuid.UUID, *, for_update: bool = False) -> Invitation | None:
        statement = select(InvitationRow).where(InvitationRow.id == invitation_id)
        if for_update:
            statement = statement.with_for_update()
        row = await self.session.scalar(statement)
        return to_invitation(row) if row else None
