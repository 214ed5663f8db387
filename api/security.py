"""Reading credentials from requests. Only verifies tokens (no database): who the principal is and
what it may do is loaded by the use case in its own transaction."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from fastapi.openapi.models import OAuthFlowClientCredentials, OAuthFlows
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer, OAuth2

from api.dependencies import TokensDep
from domain.identity.errors import MissingToken
from domain.identity.model import Scope
from domain.identity.tokens import TokenClaims, TokenType

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="userToken",
    description="An access token from `POST /api/v1/auth/login` and `/auth/mfa` (10 minutes).",
)

client_credentials = OAuth2(
    flows=OAuthFlows(
        clientCredentials=OAuthFlowClientCredentials(
            tokenUrl="/api/v1/auth/token",
            scopes={
                Scope.meetings_read.value: "Read meeting times, places and the calendar feed",
                Scope.statistics_read.value: "Read aggregate statistics (small counts suppressed)",
                Scope.cadence_read.value: "Read the meeting cadence status",
                Scope.webhooks_manage.value: "Register webhooks for meeting and cadence events",
            },
        )
    ),
    scheme_name="clientCredentials",
    description="Integration clients of municipal systems. No scope grants case content.",
    auto_error=False,
)


def _verify(
    tokens: TokensDep, credentials: HTTPAuthorizationCredentials | None, expected: TokenType
) -> TokenClaims:
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        raise MissingToken()
    return tokens.verify(credentials.credentials, expected)


async def access_claims(
    tokens: TokensDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> TokenClaims:
    """The verified claims of a user's access token."""
    return _verify(tokens, credentials, TokenType.access)


async def challenge_claims(
    tokens: TokensDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> TokenClaims:
    """The verified claims of a login challenge (between password and second factor)."""
    return _verify(tokens, credentials, TokenType.challenge)


AccessClaims = Annotated[TokenClaims, Depends(access_claims)]
ChallengeClaims = Annotated[TokenClaims, Depends(challenge_claims)]
