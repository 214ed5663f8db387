"""Inviting a professional: the chair names them by e-mail; a one-time link (7 days) lets them
choose a password, after which the first login enrols their second factor."""

from __future__ import annotations

import hashlib
import logging
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

from domain.audit.model import PLATFORM_CHAIN, Actor, ActorType, AuditRecord
from domain.cells.errors import InvitationAlreadyAccepted
from domain.cells.setup import audit, managed_cell
from domain.identity.accounts import NewAccount, add_account
from domain.identity.errors import EmailAlreadyUsed, WeakPassword
from domain.identity.model import Language, User
from domain.identity.policy import password_issues
from domain.identity.ports import PasswordHasher
from domain.identity.principal import load_principal
from domain.identity.tokens import TokenClaims
from domain.notifications.ports import Mailer, Notification
from domain.shared.clock import Clock
from domain.shared.errors import InputIssue, InvalidInput, NotFound
from domain.unit_of_work import UnitOfWork

logger = logging.getLogger("tafel.invitations")
INVITATION_LIFETIME = timedelta(days=7)


@dataclass
class Invitation:
    id: uuid.UUID
    cell_id: uuid.UUID
    user_id: uuid.UUID
    token_hash: str
    created_by: uuid.UUID
    created_at: datetime
    expires_at: datetime
    accepted_at: datetime | None = None

    def state(self, now: datetime) -> InvitationState:
        if self.accepted_at is not None:
            return InvitationState.accepted
        return InvitationState.pending if self.expires_at > now else InvitationState.expired


class InvitationRepository(Protocol):
    """Pending and accepted invitations."""

    async def add(self, invitation: Invitation) -> None:
        """Store a new invitation."""
        ...

    async def by_token_hash(self, token_hash: str) -> Invitation | None:
        """The invitation with this token hash, or None."""
        ...

    async def save(self, invitation: Invitation) -> None:
        """Store its acceptance, or its renewed link and expiry."""
        ...

    async def for_cell(self, cell_id: uuid.UUID) -> list[Invitation]:
        """The cell's invitations, newest first."""
        ...

    async def get(
        self, invitation_id: uuid.UUID, *, for_update: bool = False
    ) -> Invitation | None: ...


class InvitationState(StrEnum):
    pending = "pending"
    accepted = "accepted"
    expired = "expired"


@dataclass(frozen=True, slots=True)
class Invitee:
    email: str
    display_name: str
    language: Language


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def invite(
    uow: UnitOfWork,
    clock: Clock,
    hasher: PasswordHasher,
    mailer: Mailer,
    claims: TokenClaims,
    cell_id: uuid.UUID,
    invitee: Invitee,
    public_url: str,
) -> tuple[Invitation, bool]:
    """Create the account and mail the link. Returns the invitation and whether the mail left."""
    now = clock.now()
    token = secrets.token_urlsafe(32)
    async with uow:
        principal = await load_principal(uow, claims, now)
        cell = await managed_cell(uow, principal, cell_id)
        if await uow.users.by_email(invitee.email) is not None:
            raise EmailAlreadyUsed()
        user, _ = await add_account(
            uow,
            hasher,
            clock,
            NewAccount(invitee.email, invitee.display_name, invitee.language),
            principal.actor,
        )
        # Until accepted, the account has only a random password nobody knows.
        user.must_change_password = False
        await uow.users.save(user)
        invitation = Invitation(
            id=uuid.uuid4(),
            cell_id=cell.id,
            user_id=user.id,
            token_hash=hash_token(token),
            created_by=principal.user_id,
            created_at=now,
            expires_at=now + INVITATION_LIFETIME,
        )
        await uow.invitations.add(invitation)
        await uow.audit.record(
            audit(cell.id, principal, "invitation.create", "invitation", invitation.id)
        )
        await uow.commit()
        inviter = principal.account.display_name
    return invitation, await _mail_link(mailer, user, inviter, cell.name, token, public_url)


async def _mail_link(
    mailer: Mailer, user: User, inviter: str, cell_name: str, token: str, public_url: str
) -> bool:
    notification = Notification(
        kind="invitation",
        to=user.email,
        language=str(user.language),
        params={
            "name": user.display_name,
            "inviter": inviter,
            "cell": cell_name,
            # The token travels in the fragment: browsers never send it to a server log.
            "link": f"{public_url.rstrip('/')}/invitation#{token}",
        },
    )
    try:
        await mailer.send(notification)
    except OSError:
        logger.warning("invitation mail could not be delivered; the chair can renew it")
        return False
    return True


@dataclass(frozen=True, slots=True)
class InvitationView:
    invitation: Invitation
    email: str
    display_name: str
    state: InvitationState


async def list_invitations(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, cell_id: uuid.UUID
) -> list[InvitationView]:
    """For those who invite (the platform administrator and the chairs): who has not yet
    accepted, whose link expired."""
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        cell = await managed_cell(uow, principal, cell_id)
        found = await uow.invitations.for_cell(cell.id)
        people = await uow.users.get_many(i.user_id for i in found)
    return [
        InvitationView(i, people[i.user_id].email, people[i.user_id].display_name, i.state(now))
        for i in found
        if i.user_id in people
    ]


async def renew_invitation(
    uow: UnitOfWork,
    clock: Clock,
    mailer: Mailer,
    claims: TokenClaims,
    cell_id: uuid.UUID,
    invitation_id: uuid.UUID,
    public_url: str,
) -> tuple[InvitationView, bool]:
    """A new link for seven more days, mailed again (the old link stops working); for a lost or
    expired mail. An accepted invitation cannot be renewed."""
    now = clock.now()
    token = secrets.token_urlsafe(32)
    async with uow:
        principal = await load_principal(uow, claims, now)
        cell = await managed_cell(uow, principal, cell_id)
        invitation = await uow.invitations.get(invitation_id, for_update=True)
        if invitation is None or invitation.cell_id != cell.id:
            raise NotFound()
        user = await uow.users.get(invitation.user_id)
        if user is None:
            raise NotFound()
        if invitation.accepted_at is not None:
            raise InvitationAlreadyAccepted()
        invitation.token_hash = hash_token(token)
        invitation.expires_at = now + INVITATION_LIFETIME
        await uow.invitations.save(invitation)
        await uow.audit.record(
            audit(cell.id, principal, "invitation.renew", "invitation", invitation.id)
        )
        await uow.commit()
        inviter = principal.account.display_name
    sent = await _mail_link(mailer, user, inviter, cell.name, token, public_url)
    view = InvitationView(invitation, user.email, user.display_name, invitation.state(now))
    return view, sent


async def accept_invitation(
    uow: UnitOfWork, clock: Clock, hasher: PasswordHasher, token: str, password: str
) -> uuid.UUID:
    """Choose a password with the one-time link. The link works once, for seven days."""
    now = clock.now()
    async with uow:
        invitation = await uow.invitations.by_token_hash(hash_token(token))
        if invitation is None or invitation.accepted_at is not None or invitation.expires_at <= now:
            raise InvalidInput([InputIssue("token", "invitationInvalid")])
        user = await uow.users.get(invitation.user_id)
        if user is None or not user.is_active:
            raise InvalidInput([InputIssue("token", "invitationInvalid")])
        issues = password_issues(password, email=user.email, field="password")
        if issues:
            raise WeakPassword(issues)
        user.password_hash = hasher.hash(password)
        user.must_change_password = False
        await uow.users.save(user)
        invitation.accepted_at = now
        await uow.invitations.save(invitation)
        actor = Actor(ActorType.user, str(user.id))
        await uow.audit.record(
            AuditRecord(
                str(invitation.cell_id),
                actor,
                "invitation.accept",
                "invitation",
                str(invitation.id),
            )
        )
        await uow.audit.record(
            AuditRecord(PLATFORM_CHAIN, actor, "account.activate", "account", str(user.id))
        )
        await uow.commit()
    return user.id
