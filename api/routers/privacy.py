"""Checking a draft text before submitting it: the privacy guard as a helper, not a wall."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import Field

from api.dependencies import GuardDep, LanguageDep
from api.i18n import translate
from api.openapi import errors
from api.schemas import ApiModel
from api.security import AccessClaims
from domain.privacy.model import IdentifierKind

router = APIRouter(prefix="/privacyChecks", tags=["Privacy"])


class PrivacyCheckCreate(ApiModel):
    text: str = Field(max_length=20_000)


class Finding(ApiModel):
    """Where an identifier seems to be (offsets in Unicode code points, end exclusive); the
    value itself is never repeated."""

    kind: IdentifierKind
    start: int
    end: int
    detail: str


class PrivacyCheck(ApiModel):
    acceptable: bool
    findings: list[Finding]


@router.post(
    "",
    summary="Check a draft text for identifiers of persons",
    response_model=PrivacyCheck,
    responses=errors(400, 401),
)
async def check_text(
    body: PrivacyCheckCreate, claims: AccessClaims, guard: GuardDep, language: LanguageDep
) -> PrivacyCheck:
    """R-PRIV-2: the same guard every free-text field passes, for live feedback while typing.
    Nothing is stored and nothing is audited: the text goes nowhere."""
    del claims
    findings = [
        Finding(kind=f.kind, start=f.start, end=f.end, detail=translate(f.kind.value, language))
        for f in guard.scan(body.text)
    ]
    return PrivacyCheck(acceptable=not findings, findings=findings)
