"""Authentication: password, second factor, refresh, logout, and client credentials.

The access token travels in the response body and lives in the SPA's memory; the refresh token
lives only in an httpOnly, Secure, SameSite=Strict cookie scoped to this path, so page scripts can
never read it and other sites can never send it.
"""

from __future__ import annotations

import base64
from enum import StrEnum
from typing import Annotated
from urllib.parse import unquote

from fastapi import APIRouter, Cookie, Form, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from api.dependencies import AuthenticationDep, ClockDep, ServicesDep, UowDep
from api.openapi import errors
from api.schemas import ApiModel
from api.security import AccessClaims, ChallengeClaims
from domain.cells import clients
from domain.identity.authentication import IssuedTokens, LoginStatus
from domain.identity.errors import InvalidCredentials, SessionEnded
from domain.shared.errors import InputIssue, InvalidInput

router = APIRouter(prefix="/auth", tags=["Authentication"])

REFRESH_COOKIE = "tafel_refresh"
REFRESH_COOKIE_PATH = "/api/v1/auth"


class LoginStep(StrEnum):
    authenticated = "authenticated"
    second_factor_required = "secondFactorRequired"
    enrolment_required = "enrolmentRequired"


class LoginRequest(ApiModel):
    email: str = Field(min_length=3, max_length=254, examples=["prevention@gemeente.example"])
    password: str = Field(min_length=1, max_length=256)


class SecondFactorRequest(ApiModel):
    code: str = Field(pattern=r"^\d{6}$", examples=["123456"])


class AuthenticationResult(ApiModel):
    """The next step of the login, or the access token when it is complete."""

    status: LoginStep
    challenge_token: str | None = Field(
        default=None, description="Bearer token for `/auth/mfa` or `/auth/mfa/enrolment` (5 min)"
    )
    access_token: str | None = None
    token_type: str | None = Field(default=None, examples=["Bearer"])
    expires_in: int | None = Field(
        default=None, description="Seconds until the access token expires"
    )
    password_change_required: bool | None = None


class Enrolment(ApiModel):
    """A TOTP secret to add to an authenticator app; confirmed by the first code."""

    secret: str
    provisioning_uri: str
    qr_code: str = Field(description="An SVG data URI of the provisioning URI as a QR code")


def _client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _authenticated(
    response: Response, services: ServicesDep, tokens: IssuedTokens, must_change: bool
) -> AuthenticationResult:
    response.set_cookie(
        REFRESH_COOKIE,
        tokens.refresh_token,
        max_age=int(services.policy.session_lifetime.total_seconds()),
        path=REFRESH_COOKIE_PATH,
        secure=True,
        httponly=True,
        samesite="strict",
    )
    return AuthenticationResult(
        status=LoginStep.authenticated,
        access_token=tokens.access_token,
        token_type="Bearer",  # noqa: S106 (the OAuth token type, not a secret)
        expires_in=tokens.expires_in,
        password_change_required=must_change or None,
    )


@router.post(
    "/login",
    summary="Log in with e-mail and password",
    response_model=AuthenticationResult,
    response_model_exclude_none=True,
    responses=errors(400, 401, 429),
    openapi_extra={"security": []},
)
async def log_in(
    body: LoginRequest,
    request: Request,
    response: Response,
    uow: UowDep,
    auth: AuthenticationDep,
    services: ServicesDep,
) -> AuthenticationResult:
    """Step one. Unknown e-mail, wrong password and disabled account answer alike (401); after
    five failures per account or address, 429 with `Retry-After`."""
    outcome = await auth.login(uow, body.email, body.password, _client_address(request))
    if outcome.status is LoginStatus.authenticated and outcome.tokens is not None:
        return _authenticated(response, services, outcome.tokens, outcome.must_change_password)
    return AuthenticationResult(
        status=LoginStep(outcome.status.value), challenge_token=outcome.challenge_token
    )


@router.post(
    "/mfa/enrolment",
    summary="Start the enrolment of a second factor",
    status_code=201,
    response_model=Enrolment,
    responses=errors(401, 409),
)
async def create_enrolment(
    claims: ChallengeClaims, uow: UowDep, auth: AuthenticationDep
) -> Enrolment:
    """With an `enrolmentRequired` challenge: a new TOTP secret and its QR code."""
    enrolment = await auth.start_enrolment(uow, claims)
    return Enrolment(
        secret=enrolment.secret,
        provisioning_uri=enrolment.provisioning_uri,
        qr_code=enrolment.qr_svg,
    )


@router.post(
    "/mfa",
    summary="Complete the login with a one-time code",
    response_model=AuthenticationResult,
    response_model_exclude_none=True,
    responses=errors(400, 401, 429),
)
async def verify_second_factor(
    body: SecondFactorRequest,
    claims: ChallengeClaims,
    request: Request,
    response: Response,
    uow: UowDep,
    auth: AuthenticationDep,
    services: ServicesDep,
) -> AuthenticationResult:
    """A six-digit TOTP code, usable once; starts the session."""
    tokens, must_change = await auth.verify_second_factor(
        uow, claims, body.code, _client_address(request)
    )
    return _authenticated(response, services, tokens, must_change)


@router.post(
    "/refresh",
    summary="Get a new access token from the refresh cookie",
    response_model=AuthenticationResult,
    response_model_exclude_none=True,
    responses=errors(401),
    openapi_extra={"security": []},
)
async def refresh_session(
    response: Response,
    uow: UowDep,
    auth: AuthenticationDep,
    services: ServicesDep,
    tafel_refresh: Annotated[str | None, Cookie(max_length=128)] = None,
) -> AuthenticationResult:
    """Rotates the refresh token; a reused one ends the whole session."""
    if not tafel_refresh:
        raise SessionEnded()
    tokens = await auth.refresh(uow, tafel_refresh)
    return _authenticated(response, services, tokens, False)


class ClientToken(BaseModel):
    """RFC 6749 §5.1 — its field names are OAuth's, not lowerCamelCase (documented deviation)."""

    model_config = ConfigDict(extra="forbid")

    access_token: str
    token_type: str = "Bearer"  # noqa: S105 (the OAuth token type)
    expires_in: int
    scope: str


@router.post(
    "/token",
    summary="Get a client token (OAuth2 client credentials)",
    response_model=ClientToken,
    responses=errors(400, 401, 429),
    openapi_extra={"security": []},
)
async def issue_client_token(
    request: Request,
    uow: UowDep,
    clock: ClockDep,
    services: ServicesDep,
    grant_type: Annotated[str, Form(min_length=1, max_length=40)],
    client_id: Annotated[str | None, Form(max_length=64)] = None,
    client_secret: Annotated[str | None, Form(max_length=128)] = None,
    scope: Annotated[str | None, Form(max_length=500)] = None,
) -> ClientToken:
    """`application/x-www-form-urlencoded`: `grant_type=client_credentials`, the credentials in
    HTTP Basic or in the body (`client_id`, `client_secret`), and optionally `scope`."""
    if grant_type != "client_credentials":
        raise InvalidInput([InputIssue("grant_type", "unsupportedGrantType")])
    basic = _basic_credentials(request.headers.get("authorization"))
    identifier, secret = basic or (client_id, client_secret)
    if not identifier or not secret:
        raise InvalidCredentials()
    issued = await clients.issue_client_token(
        uow,
        clock,
        services.tokens,
        services.policy,
        identifier,
        secret,
        frozenset(scope.split()) if scope else None,
        _client_address(request),
    )
    return ClientToken(
        access_token=issued.access_token,
        expires_in=issued.expires_in,
        scope=" ".join(sorted(issued.scopes)),
    )


def _basic_credentials(header: str | None) -> tuple[str, str] | None:
    if not header or not header.lower().startswith("basic "):
        return None
    try:
        decoded = base64.b64decode(header[6:].strip(), validate=True).decode()
    except (ValueError, UnicodeDecodeError):
        return None
    identifier, _, secret = decoded.partition(":")
    return (unquote(identifier), unquote(secret)) if secret else None


@router.post(
    "/logout",
    summary="Log out everywhere",
    status_code=204,
    responses=errors(401),
)
async def log_out(claims: AccessClaims, uow: UowDep, auth: AuthenticationDep) -> Response:
    """Ends every session of the account; tokens already issued fail on their next use."""
    await auth.logout(uow, claims)
    response = Response(status_code=204)
    response.delete_cookie(
        REFRESH_COOKIE, path=REFRESH_COOKIE_PATH, secure=True, httponly=True, samesite="strict"
    )
    return response
