"""The caller's own account: profile, roles, password."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response
from pydantic import Field

from api.dependencies import ClockDep, HasherDep, ReadUowDep, UowDep
from api.openapi import errors
from api.schemas import ApiModel
from api.security import AccessClaims
from domain.identity import accounts
from domain.identity.model import Language, PlatformRole
from domain.identity.principal import CellRole, Principal

router = APIRouter(prefix="/me", tags=["Accounts"])


class CellRoles(ApiModel):
    cell: uuid.UUID
    roles: list[CellRole]


class Me(ApiModel):
    """The caller's profile and roles, as loaded for this very request."""

    id: uuid.UUID
    email: str
    display_name: str
    language: Language
    organisation: str
    function: str
    second_factor_enrolled: bool
    password_change_required: bool
    platform_roles: list[PlatformRole]
    cells: list[CellRoles]


class ProfileUpdate(ApiModel):
    """Fields to change; absent fields stay as they are."""

    display_name: str | None = Field(default=None, min_length=1, max_length=200)
    language: Language | None = None
    organisation: str | None = Field(default=None, max_length=200)
    function: str | None = Field(default=None, max_length=200)


class PasswordChange(ApiModel):
    current_password: str = Field(min_length=1, max_length=256)
    new_password: str = Field(min_length=1, max_length=256)


def to_me(principal: Principal) -> Me:
    user = principal.account
    return Me(
        id=user.id,
        email=user.email,
        display_name=user.display_name,
        language=user.language,
        organisation=user.organisation,
        function=user.function,
        second_factor_enrolled=user.has_second_factor,
        password_change_required=user.must_change_password,
        platform_roles=sorted(principal.platform_roles),
        cells=[
            CellRoles(cell=cell, roles=sorted(roles))
            for cell, roles in sorted(principal.cell_roles.items(), key=lambda item: str(item[0]))
        ],
    )


@router.get("", summary="Read my profile and roles", response_model=Me, responses=errors(401))
async def get_me(claims: AccessClaims, uow: ReadUowDep, clock: ClockDep) -> Me:
    return to_me(await accounts.profile(uow, clock, claims))


@router.patch("", summary="Change my profile", response_model=Me, responses=errors(400, 401, 403))
async def update_me(body: ProfileUpdate, claims: AccessClaims, uow: UowDep, clock: ClockDep) -> Me:
    change = accounts.ProfileChange(
        display_name=body.display_name,
        language=body.language,
        organisation=body.organisation,
        function=body.function,
    )
    await accounts.change_profile(uow, clock, claims, change)
    return to_me(await accounts.profile(uow, clock, claims))


@router.post(
    "/password",
    summary="Change my password",
    status_code=204,
    responses=errors(400, 401),
)
async def change_my_password(
    body: PasswordChange, claims: AccessClaims, uow: UowDep, clock: ClockDep, hasher: HasherDep
) -> Response:
    """At least 12 characters. Ends every session: log in again with the new password."""
    await accounts.change_password(
        uow, hasher, clock, claims, body.current_password, body.new_password
    )
    return Response(status_code=204)
