"""Accounts, for the platform administrator."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import Field

from api.dependencies import ClockDep, HasherDep, ReadUowDep, UowDep
from api.openapi import errors
from api.pagination import Page, page_links
from api.schemas import ApiModel, Mailbox
from api.security import AccessClaims
from domain.identity import accounts
from domain.identity.model import Language, PlatformRole, User

router = APIRouter(prefix="/users", tags=["Accounts"])


class UserRead(ApiModel):
    id: uuid.UUID
    email: str
    display_name: str
    language: Language
    organisation: str
    function: str
    active: bool
    second_factor_enrolled: bool


class UserCreate(ApiModel):
    email: Mailbox
    display_name: str = Field(min_length=1, max_length=200)
    language: Language = Language.nl
    organisation: str = Field(default="", max_length=200)
    function: str = Field(default="", max_length=200)
    platform_roles: list[PlatformRole] = Field(default_factory=list, max_length=2)


class UserCreated(UserRead):
    one_time_password: str = Field(description="Shown once; to be changed at first login")


class UserUpdate(ApiModel):
    active: bool


class UserPage(Page):
    items: list[UserRead]


def to_read(user: User) -> UserRead:
    return UserRead(
        id=user.id,
        email=user.email,
        display_name=user.display_name,
        language=user.language,
        organisation=user.organisation,
        function=user.function,
        active=user.is_active,
        second_factor_enrolled=user.has_second_factor,
    )


@router.get("", summary="List accounts", response_model=UserPage, responses=errors(400, 401, 403))
async def list_users(
    request: Request,
    claims: AccessClaims,
    uow: ReadUowDep,
    clock: ClockDep,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    page_size: Annotated[int, Query(alias="pageSize", ge=1, le=100)] = 20,
) -> UserPage:
    users, total = await accounts.list_accounts(
        uow, clock, claims, (page - 1) * page_size, page_size
    )
    return UserPage(
        items=[to_read(user) for user in users], **page_links(request, page, page_size, total)
    )


@router.post(
    "",
    summary="Create an account",
    status_code=201,
    response_model=UserCreated,
    responses=errors(400, 401, 403, 409),
)
async def create_user(
    body: UserCreate,
    response: Response,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
    hasher: HasherDep,
) -> UserCreated:
    """The account gets a one-time password, shown once, to be changed at first login."""
    user, password = await accounts.create_account(
        uow,
        hasher,
        clock,
        claims,
        accounts.NewAccount(
            email=str(body.email),
            display_name=body.display_name,
            language=body.language,
            organisation=body.organisation,
            function=body.function,
            platform_roles=frozenset(body.platform_roles),
        ),
    )
    response.headers["Location"] = f"/api/v1/users/{user.id}"
    return UserCreated(**to_read(user).model_dump(), one_time_password=password)


@router.patch(
    "/{userId}",
    summary="Enable or disable an account",
    response_model=UserRead,
    responses=errors(400, 401, 403, 404),
)
async def update_user(
    user_id: Annotated[uuid.UUID, Path(alias="userId")],
    body: UserUpdate,
    claims: AccessClaims,
    uow: UowDep,
    clock: ClockDep,
) -> UserRead:
    """Disabling ends every session of the account at once."""
    return to_read(await accounts.set_account_active(uow, clock, claims, user_id, body.active))
