"""Logging in: password, then the second factor (TOTP), then a session with a short-lived access
token and a rotating refresh token. Every step is throttled and audited."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from domain.audit.model import PLATFORM_CHAIN, Actor, ActorType, AuditRecord, Outcome
from domain.identity.errors import InvalidCredentials, SecondFactorAlreadyEnrolled, SessionEnded
from domain.identity.model import RefreshToken, Session, User
from domain.identity.policy import AuthPolicy
from domain.identity.ports import OneTimeCodes, PasswordHasher
from domain.identity.principal import load_principal
from domain.identity.throttling import (
    account_key,
    address_key,
    ensure_not_locked,
    register_failure,
)
from domain.identity.tokens import ChallengePurpose, TokenClaims, TokenService, TokenType
from domain.shared.clock import Clock
from domain.unit_of_work import UnitOfWork


class LoginStatus(StrEnum):
    authenticated = "authenticated"
    second_factor_required = "secondFactorRequired"
    enrolment_required = "enrolmentRequired"


@dataclass(frozen=True, slots=True)
class IssuedTokens:
    """What a successful authentication hands out. The refresh token is shown only here."""

    access_token: str
    expires_in: int
    refresh_token: str
    session_id: uuid.UUID


@dataclass(frozen=True, slots=True)
class LoginOutcome:
    status: LoginStatus
    challenge_token: str | None = None
    tokens: IssuedTokens | None = None
    must_change_password: bool = False


@dataclass(frozen=True, slots=True)
class Enrolment:
    """A new TOTP secret to scan; it becomes the second factor once one of its codes is verified."""

    secret: str
    provisioning_uri: str
    qr_svg: str


def hash_refresh_token(token: str) -> str:
    """Refresh tokens are 256-bit random values: a plain SHA-256 is enough to store them safely."""
    return hashlib.sha256(token.encode()).hexdigest()


def user_actor(user: User) -> Actor:
    return Actor(ActorType.user, str(user.id))


class Authentication:
    """The login use cases, sharing their ports."""

    def __init__(
        self,
        *,
        tokens: TokenService,
        hasher: PasswordHasher,
        codes: OneTimeCodes,
        clock: Clock,
        policy: AuthPolicy,
    ) -> None:
        self.tokens = tokens
        self.hasher = hasher
        self.codes = codes
        self.clock = clock
        self.policy = policy
        # Unknown accounts are checked against this, so they cost the same time as known ones.
        self._decoy_hash = hasher.hash(secrets.token_urlsafe(24))

    async def login(self, uow: UnitOfWork, email: str, password: str, address: str) -> LoginOutcome:
        """Step one. Wrong e-mail, wrong password and disabled account all answer the same."""
        now = self.clock.now()
        keys = [account_key(email), address_key(address)]
        async with uow:
            await ensure_not_locked(uow.throttles, keys, now)
            user = await uow.users.by_email(email)
            matches = self.hasher.verify(user.password_hash if user else self._decoy_hash, password)
            if user is None or not matches or not user.is_active:
                await register_failure(uow.throttles, keys, now, self.policy)
                await uow.audit.record(
                    AuditRecord(
                        PLATFORM_CHAIN,
                        Actor(ActorType.anonymous, "-"),
                        "session.login",
                        "account",
                        str(user.id) if user else "unknown",
                        Outcome.failure,
                    )
                )
                await uow.commit()
                raise InvalidCredentials()
            await uow.throttles.delete(keys[0])
            if user.has_second_factor:
                outcome = self._challenge(user, ChallengePurpose.second_factor, now)
            elif self.policy.totp_waiver:
                tokens = await self._start_session(uow, user, now)
                outcome = LoginOutcome(
                    LoginStatus.authenticated,
                    tokens=tokens,
                    must_change_password=user.must_change_password,
                )
            else:
                outcome = self._challenge(user, ChallengePurpose.enrolment, now)
            await uow.audit.record(
                AuditRecord(
                    PLATFORM_CHAIN, user_actor(user), "session.password", "account", str(user.id)
                )
            )
            await uow.commit()
        return outcome

    def _challenge(self, user: User, purpose: ChallengePurpose, now: datetime) -> LoginOutcome:
        claims = TokenClaims(
            subject=str(user.id),
            token_type=TokenType.challenge,
            token_id=uuid.uuid4().hex,
            issued_at=now,
            expires_at=now + self.policy.challenge_lifetime,
            purpose=purpose,
            factor_step=user.totp_last_step,
        )
        status = (
            LoginStatus.second_factor_required
            if purpose is ChallengePurpose.second_factor
            else LoginStatus.enrolment_required
        )
        return LoginOutcome(
            status, challenge_token=self.tokens.issue(claims), must_change_password=False
        )

    async def _challenged_user(self, uow: UnitOfWork, challenge: TokenClaims) -> User:
        try:
            user = await uow.users.get(uuid.UUID(challenge.subject))
        except ValueError:
            user = None
        if user is None or not user.is_active:
            raise SessionEnded()
        return user

    async def start_enrolment(self, uow: UnitOfWork, challenge: TokenClaims) -> Enrolment:
        """A new TOTP secret for an account that has no confirmed second factor yet."""
        async with uow:
            user = await self._challenged_user(uow, challenge)
            if user.has_second_factor or challenge.purpose is not ChallengePurpose.enrolment:
                raise SecondFactorAlreadyEnrolled()
            user.totp_secret = self.codes.new_secret()
            user.totp_confirmed = False
            await uow.users.save(user)
            await uow.audit.record(
                AuditRecord(
                    PLATFORM_CHAIN, user_actor(user), "secondFactor.enrol", "account", str(user.id)
                )
            )
            await uow.commit()
        uri = self.codes.provisioning_uri(user.totp_secret, user.email)
        return Enrolment(user.totp_secret, uri, self.codes.qr_svg(uri))

    async def verify_second_factor(
        self, uow: UnitOfWork, challenge: TokenClaims, code: str, address: str
    ) -> tuple[IssuedTokens, bool]:
        """Step two: a TOTP code, usable once (ASVS 6.5.1), with a challenge usable once too: a
        second factor that succeeded since the challenge was issued has spent it, so
        a challenge seen by someone else cannot open a second session. Confirms a pending
        enrolment."""
        now = self.clock.now()
        async with uow:
            user = await self._challenged_user(uow, challenge)
            keys = [account_key(user.email), address_key(address)]
            await ensure_not_locked(uow.throttles, keys, now)
            spent = challenge.factor_step != user.totp_last_step
            step = (
                self.codes.matching_step(user.totp_secret, code, now) if user.totp_secret else None
            )
            if spent or step is None or step <= user.totp_last_step:
                await register_failure(uow.throttles, keys, now, self.policy)
                await uow.audit.record(
                    AuditRecord(
                        PLATFORM_CHAIN,
                        user_actor(user),
                        "session.secondFactor",
                        "account",
                        str(user.id),
                        Outcome.failure,
                    )
                )
                await uow.commit()
                raise InvalidCredentials()
            user.totp_last_step = step
            user.totp_confirmed = True
            await uow.users.save(user)
            await uow.throttles.delete(keys[0])
            tokens = await self._start_session(uow, user, now)
            await uow.commit()
        return tokens, user.must_change_password

    async def _start_session(self, uow: UnitOfWork, user: User, now: datetime) -> IssuedTokens:
        session = Session(
            id=uuid.uuid4(),
            user_id=user.id,
            created_at=now,
            expires_at=now + self.policy.session_lifetime,
        )
        refresh = secrets.token_urlsafe(32)
        await uow.sessions.add(
            session,
            RefreshToken(uuid.uuid4(), session.id, hash_refresh_token(refresh), now),
        )
        await uow.audit.record(
            AuditRecord(
                PLATFORM_CHAIN, user_actor(user), "session.start", "session", str(session.id)
            )
        )
        return IssuedTokens(
            self._access_token(user, session, now), self._ttl(), refresh, session.id
        )

    def _access_token(self, user: User, session: Session, now: datetime) -> str:
        expires_at = min(now + self.policy.access_token_lifetime, session.expires_at)
        return self.tokens.issue(
            TokenClaims(
                subject=str(user.id),
                token_type=TokenType.access,
                token_id=uuid.uuid4().hex,
                issued_at=now,
                expires_at=expires_at,
                session_id=str(session.id),
            )
        )

    def _ttl(self) -> int:
        return int(self.policy.access_token_lifetime.total_seconds())

    async def refresh(self, uow: UnitOfWork, refresh_token: str) -> IssuedTokens:
        """Rotate: the old refresh token is spent; presenting a spent one again ends the whole
        session, because only a thief or a replay would do that (token family revocation)."""
        now = self.clock.now()
        async with uow:
            stored = await uow.sessions.refresh_token(hash_refresh_token(refresh_token))
            session = await uow.sessions.get(stored.session_id) if stored else None
            user = await uow.users.get(session.user_id) if session else None
            if stored is None or session is None or user is None:
                raise SessionEnded()
            if stored.used_at is not None or not await uow.sessions.use_refresh_token(stored, now):
                await uow.sessions.revoke(session.id, now)
                await uow.audit.record(
                    AuditRecord(
                        PLATFORM_CHAIN,
                        user_actor(user),
                        "session.refreshReuse",
                        "session",
                        str(session.id),
                        Outcome.denied,
                    )
                )
                await uow.commit()
                raise SessionEnded()
            if not session.is_live(now) or not user.is_active:
                raise SessionEnded()
            rotated = secrets.token_urlsafe(32)
            await uow.sessions.add_refresh_token(
                RefreshToken(uuid.uuid4(), session.id, hash_refresh_token(rotated), now)
            )
            await uow.commit()
        return IssuedTokens(
            self._access_token(user, session, now), self._ttl(), rotated, session.id
        )

    async def logout(self, uow: UnitOfWork, claims: TokenClaims) -> None:
        """End every session of the account: tokens already handed out stop working at once."""
        now = self.clock.now()
        async with uow:
            principal = await load_principal(uow, claims, now, allow_pending_password_change=True)
            user = principal.account
            await uow.sessions.revoke_all(user.id, now)
            await uow.audit.record(
                AuditRecord(
                    PLATFORM_CHAIN, user_actor(user), "session.logout", "account", str(user.id)
                )
            )
            await uow.commit()
