"""Inviting professionals, and accepting an invitation with its one-time link."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, Response
from pydantic import EmailStr, Field

from api.dependencies import ClockDep, HasherDep, MailerDep, SettingsDep, UowDep
from api.openapi import errors
from api.schemas import ApiModel
from api.security import AccessClaims
from domain.cells import invitations
from domain.identity.model import Language

router = APIRouter(tags=["Cells"])
CellId = Annotated[uuid.UUID, Path(alias="cellId")]


class InvitationCreate(ApiModel):
    email: EmailStr = Field(max_length=254)
    display_name: str = Field(min_length=1, max_length=200)
    language: Language = Language.nl


class InvitationRead(ApiModel):
    id: uuid.UUID
    user: uuid.UUID
    expires_at: datetime
    mail_sent: bool


class InvitationAcceptance(ApiModel):
    token: str = Field(min_length=20, max_length=100, description="From the link's fragment")
    password: str = Field(min_length=1, max_length=256)


@router.post(
    "/cells/{cellId}/invitations",
    summary="Invite a professional by e-mail",
    status_code=201,
    response_model=InvitationRead,
    responses=errors(400, 401, 403, 404, 409),
)
async def create_invitation(
    cell_id: CellId,
    body: InvitationCreate,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
    hasher: HasherDep,
    mailer: MailerDep,
    settings: SettingsDep,
) -> InvitationRead:
    """Creates the account and mails a one-time link (7 days) to choose a password; the chair
    then seats the professional at a table."""
    invitation, sent = await invitations.invite(
        uow,
        clock,
        hasher,
        mailer,
        claims,
        cell_id,
        invitations.Invitee(str(body.email), body.display_name, body.language),
        settings.public_url,
    )
    return InvitationRead(
        id=invitation.id, user=invitation.user_id, expires_at=invitation.expires_at, mail_sent=sent
    )


@router.post(
    "/invitations/acceptance",
    summary="Accept an invitation and choose a password",
    status_code=204,
    responses=errors(400),
    openapi_extra={"security": []},
)
async def accept_invitation(
    body: InvitationAcceptance, uow: UowDep, clock: ClockDep, hasher: HasherDep
) -> Response:
    """The token comes from the invitation link; it works once. Next: log in and enrol TOTP."""
    await invitations.accept_invitation(uow, clock, hasher, body.token, body.password)
    return Response(status_code=204)
