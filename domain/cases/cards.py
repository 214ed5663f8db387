"""OCAD information cards (R-INFO-1, R-INFO-2): non-classified information the information
officer alone shares, for one purpose — the cell's follow-up — visible only inside its case, every
view audited."""

from __future__ import annotations

import uuid

from domain.cases.access import open_case
from domain.cases.errors import CardMustBeNonClassified, OnlyInformationOfficerAddsCards
from domain.cases.lifecycle import CaseClosed
from domain.cases.model import InformationCard
from domain.cases.work import record
from domain.identity.principal import CellRole, load_principal
from domain.identity.tokens import TokenClaims
from domain.privacy.guard import PrivacyGuard
from domain.shared.clock import Clock
from domain.unit_of_work import UnitOfWork


async def add_card(
    uow: UnitOfWork,
    clock: Clock,
    guard: PrivacyGuard,
    claims: TokenClaims,
    case_id: uuid.UUID,
    text: str,
    non_classified_attested: bool,
) -> InformationCard:
    guard.check({"text": text})
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        case, cell = await open_case(uow, principal, case_id, for_update=True)
        if CellRole.information_officer not in principal.roles_in(cell.id):
            raise OnlyInformationOfficerAddsCards()
        if not non_classified_attested:
            raise CardMustBeNonClassified()
        if not case.is_open:
            raise CaseClosed(case.lifecycle.closure_reason, case.status)
        card = InformationCard(uuid.uuid4(), case.id, text.strip(), True, principal.user_id, now)
        await uow.cases.add_card(card)
        await uow.audit.record(
            record(case, principal, "informationCard.add", "informationCard", card.id)
        )
        await uow.commit()
    return card
