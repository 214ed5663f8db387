"""Inviting professionals, and accepting an invitation with its one-time link."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, Response
from pydantic import Field

from api.dependencies import ClockDep, HasherDep, MailerDep, ReadUowDep, SettingsDep, UowDep
from api.openapi import errors
from api.schemas import ApiModel, Mailbox
from api.security import AccessClaims
from domain.cells import invitations
from domain.cells.invitations import InvitationState
from domain.identity.model import Language

router = APIRouter(tags=["Cells"])
CellId = Annotated[uuid.UUID, Path(alias="cellId")]


class InvitationCreate(ApiModel):
    email: Mailbox
    display_name: str = Field(min_length=1, max_length=200)
    language: Language = Language.nl


class InvitationRead(ApiModel):
    id: uuid.UUID
    user: uuid.UUID
    expires_at: datetime
    mail_sent: bool


class InvitationSummary(ApiModel):
    id: uuid.UUID
    user: uuid.UUID
    email: str
    display_name: str
    state: InvitationState
    created_at: datetime
    expires_at: datetime
    accepted_at: datetime | None = None


class InvitationList(ApiModel):
    items: list[InvitationSummary]
    total: int


class InvitationRenewed(InvitationSummary):
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


def summary(view: invitations.InvitationView) -> dict[str, object]:
    invitation = view.invitation
    return {
        "id": invitation.id,
        "user": invitation.user_id,
        "email": view.email,
        "display_name": view.display_name,
        "state": view.state,
        "created_at": invitation.created_at,
        "expires_at": invitation.expires_at,
        "accepted_at": invitation.accepted_at,
    }


@router.get(
    "/cells/{cellId}/invitations",
    summary="List the invitations of a cell",
    response_model=InvitationList,
    response_model_exclude_none=True,
    responses=errors(401, 403, 404),
)
async def list_invitations(
    cell_id: CellId, claims: AccessClaims, uow: ReadUowDep, clock: ClockDep
) -> InvitationList:
    """For the platform administrator and the chairs: pending, accepted and expired."""
    views = await invitations.list_invitations(uow, clock, claims, cell_id)
    items = [InvitationSummary.model_validate(summary(v)) for v in views]
    return InvitationList(items=items, total=len(items))


@router.post(
    "/cells/{cellId}/invitations/{invitationId}/renewal",
    summary="Send a new invitation link",
    status_code=201,
    response_model=InvitationRenewed,
    response_model_exclude_none=True,
    responses=errors(401, 403, 404, 409),
)
async def renew_invitation(
    cell_id: CellId,
    invitation_id: Annotated[uuid.UUID, Path(alias="invitationId")],
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
    mailer: MailerDep,
    settings: SettingsDep,
) -> InvitationRenewed:
    """For a lost or expired mail: a new link, valid seven days; the previous link stops
    working. 409 once accepted."""
    view, sent = await invitations.renew_invitation(
        uow, clock, mailer, claims, cell_id, invitation_id, settings.public_url
    )
    return InvitationRenewed.model_validate({**summary(view), "mail_sent": sent})


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
