"""The composition root: the only module of `api` that imports `adapters`.

`build_services(settings)` wires every adapter once per process; routes receive what they need
through the `Annotated` aliases below, and tests swap parts with `app.dependency_overrides`.
"""

from __future__ import annotations

import asyncio
import base64
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from adapters.backup.archive import BackupFailed as BackupFailed  # noqa: PLC0414 - re-exported for the CLI
from adapters.backup.database import DatabaseBackup
from adapters.calendar.ics import IcalendarRenderer
from adapters.clock import SystemClock
from adapters.documents.evidence_pdf import FpdfEvidenceDocument
from adapters.documents.feedback_pdf import FpdfFeedbackDocument
from adapters.mail.mailers import OutboxMailer, SmtpMailer
from adapters.privacy.detector import LibraryIdentifierDetector
from adapters.security.anchors import Ed25519AnchorSigner
from adapters.security.one_time_codes import PyotpOneTimeCodes
from adapters.security.passwords import Argon2PasswordHasher
from adapters.security.secret_box import TOTP_SECRETS, WEBHOOK_SECRETS, AesGcmSecretBox
from adapters.security.tokens import JoseTokenService
from adapters.sqlalchemy.compositions import CompositionCache
from adapters.sqlalchemy.engine import make_engine, make_session_factory
from adapters.sqlalchemy.repositories.identity import SealedSecretUnreadable, check_seeds_open
from adapters.sqlalchemy.unit_of_work import SqlAlchemyUnitOfWork
from adapters.webhooks.resolver import SystemHostResolver
from adapters.webhooks.sender import HttpxWebhookSender
from api.i18n import DEFAULT_LANGUAGE, Language
from api.settings import Settings
from domain.audit.anchoring import AnchorSigner
from domain.feedback.ports import FeedbackDocument
from domain.identity.authentication import Authentication
from domain.identity.policy import AuthPolicy
from domain.identity.ports import OneTimeCodes, PasswordHasher
from domain.identity.tokens import TokenService
from domain.meetings.ports import CalendarRenderer
from domain.notifications.ports import Mailer
from domain.oversight.ports import EvidenceDocument
from domain.privacy.guard import PrivacyGuard
from domain.shared.clock import Clock
from domain.unit_of_work import UnitOfWork
from domain.webhooks.ports import WebhookSender
from domain.webhooks.targets import TargetPolicy

HEALTH_TIMEOUT_SECONDS = 3.0

logger = logging.getLogger("tafel.startup")


@dataclass
class Services:
    """Everything a request may need, built once per process."""

    settings: Settings
    engine: AsyncEngine
    session_factory: async_sessionmaker[Any]
    clock: Clock
    tokens: TokenService
    hasher: PasswordHasher
    authentication: Authentication
    policy: AuthPolicy
    anchor_signer: AnchorSigner
    one_time_codes: OneTimeCodes
    mailer: Mailer
    guard: PrivacyGuard
    secret_box: AesGcmSecretBox
    totp_box: AesGcmSecretBox
    webhook_targets: TargetPolicy
    webhook_sender: WebhookSender
    # Cell compositions as last read by this process (revision-checked on every read).
    compositions: CompositionCache = field(default_factory=CompositionCache)

    def unit_of_work(self, *, read_only: bool = False, audits_reads: bool = False) -> UnitOfWork:
        return SqlAlchemyUnitOfWork(
            self.session_factory,
            self.clock,
            secrets=self.secret_box,
            totp_secrets=self.totp_box,
            read_only=read_only,
            audits_reads=audits_reads,
            compositions=self.compositions,
        )

    async def check_secret_key(self) -> None:
        """At startup: refuse a `TAFEL_SECRET_KEY` that does not open the stored TOTP seeds
        (`SealedSecretUnreadable`). A database that does not answer yet is no reason to refuse:
        the server starts and answers 503 until it does."""
        try:
            async with self.session_factory() as session:
                await check_seeds_open(session, self.totp_box)
        except SealedSecretUnreadable:
            raise
        except Exception as error:  # unreachable, not migrated yet: nothing to check against
            logger.warning("secret key not checked at startup: %s", type(error).__name__)

    async def close(self) -> None:
        await self.engine.dispose()


def auth_policy(settings: Settings) -> AuthPolicy:
    return AuthPolicy(
        access_token_lifetime=timedelta(minutes=settings.access_token_minutes),
        session_lifetime=timedelta(hours=settings.refresh_token_hours),
        totp_waiver=settings.totp_waiver,
    )


def build_services(settings: Settings, *, clock: Clock | None = None) -> Services:
    """Wire the adapters chosen by the settings."""
    engine = make_engine(settings.database_url)
    clock = clock or SystemClock()
    tokens = JoseTokenService(
        settings.secret_key.get_secret_value(),
        issuer=settings.issuer,
        audience=settings.audience,
        clock=clock,
    )
    hasher = Argon2PasswordHasher(fast=settings.password_hashing == "fast")  # noqa: S105
    policy = auth_policy(settings)
    codes = PyotpOneTimeCodes()
    return Services(
        settings=settings,
        engine=engine,
        session_factory=make_session_factory(engine),
        clock=clock,
        tokens=tokens,
        hasher=hasher,
        authentication=Authentication(
            tokens=tokens, hasher=hasher, codes=codes, clock=clock, policy=policy
        ),
        policy=policy,
        anchor_signer=Ed25519AnchorSigner(anchor_seed(settings)),
        one_time_codes=codes,
        mailer=build_mailer(settings),
        guard=PrivacyGuard(LibraryIdentifierDetector()),
        secret_box=AesGcmSecretBox(settings.secret_key.get_secret_value(), purpose=WEBHOOK_SECRETS),
        totp_box=AesGcmSecretBox(settings.secret_key.get_secret_value(), purpose=TOTP_SECRETS),
        webhook_targets=TargetPolicy(
            SystemHostResolver(), allow_private=settings.webhook_allow_private
        ),
        webhook_sender=HttpxWebhookSender(allow_private=settings.webhook_allow_private),
    )


def build_mailer(settings: Settings) -> Mailer:
    if settings.mail_backend == "smtp":
        return SmtpMailer(settings.smtp_host, settings.smtp_port, settings.smtp_sender)
    return OutboxMailer(settings.smtp_sender, settings.mail_outbox_dir)


def anchor_seed(settings: Settings) -> bytes:
    if settings.anchor_key is not None:
        return base64.b64decode(settings.anchor_key.get_secret_value())
    return settings.secret_key.get_secret_value().encode()


def database_backup(settings: Settings) -> DatabaseBackup:
    """Backups of the configured database (`tafel backup` / `tafel restore`); raises
    `BackupFailed` for a database it cannot back up."""
    return DatabaseBackup(settings.database_url)


# The providers below are `async def` although they only hand out what `Services` holds: FastAPI
# runs a plain `def` dependency in its thread pool, a thread hop per provider per request.
async def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


async def get_clock(services: ServicesDep) -> Clock:
    return services.clock


async def get_uow(services: ServicesDep) -> UnitOfWork:
    return services.unit_of_work()


async def get_read_uow(services: ServicesDep) -> UnitOfWork:
    return services.unit_of_work(read_only=True)


async def get_audited_read_uow(services: ServicesDep) -> UnitOfWork:
    """For a read that is itself audited (a case, minutes, a feedback form): its only write is
    the audit trail's append."""
    return services.unit_of_work(audits_reads=True)


async def get_tokens(services: ServicesDep) -> TokenService:
    return services.tokens


async def get_hasher(services: ServicesDep) -> PasswordHasher:
    return services.hasher


async def get_authentication(services: ServicesDep) -> Authentication:
    return services.authentication


async def get_settings(services: ServicesDep) -> Settings:
    return services.settings


async def get_guard(services: ServicesDep) -> PrivacyGuard:
    return services.guard


async def get_language(request: Request) -> Language:
    language: Language = getattr(request.state, "language", DEFAULT_LANGUAGE)
    return language


async def get_calendar(services: ServicesDep) -> CalendarRenderer:
    del services
    return IcalendarRenderer()


async def get_feedback_document(services: ServicesDep) -> FeedbackDocument:
    del services
    return FpdfFeedbackDocument()


async def get_evidence_document(services: ServicesDep) -> EvidenceDocument:
    del services
    return FpdfEvidenceDocument()


async def get_mailer(services: ServicesDep) -> Mailer:
    return services.mailer


async def get_anchor_signer(services: ServicesDep) -> AnchorSigner:
    return services.anchor_signer


async def get_webhook_targets(services: ServicesDep) -> TargetPolicy:
    return services.webhook_targets


async def database_answers(engine: AsyncEngine) -> bool:
    """True when the database runs a trivial query within the timeout."""
    try:
        async with asyncio.timeout(HEALTH_TIMEOUT_SECONDS):
            async with engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
    except Exception:  # any failure means DOWN; the reason is for the logs, not the caller
        return False
    return True


async def get_health_probe(services: ServicesDep) -> Callable[[], Awaitable[bool]]:
    return lambda: database_answers(services.engine)


ClockDep = Annotated[Clock, Depends(get_clock)]
UowDep = Annotated[UnitOfWork, Depends(get_uow)]
ReadUowDep = Annotated[UnitOfWork, Depends(get_read_uow)]
AuditedReadUowDep = Annotated[UnitOfWork, Depends(get_audited_read_uow)]
TokensDep = Annotated[TokenService, Depends(get_tokens)]
HasherDep = Annotated[PasswordHasher, Depends(get_hasher)]
AuthenticationDep = Annotated[Authentication, Depends(get_authentication)]
AnchorSignerDep = Annotated[AnchorSigner, Depends(get_anchor_signer)]
MailerDep = Annotated[Mailer, Depends(get_mailer)]
CalendarDep = Annotated[CalendarRenderer, Depends(get_calendar)]
FeedbackDocumentDep = Annotated[FeedbackDocument, Depends(get_feedback_document)]
EvidenceDocumentDep = Annotated[EvidenceDocument, Depends(get_evidence_document)]
GuardDep = Annotated[PrivacyGuard, Depends(get_guard)]
LanguageDep = Annotated[Language, Depends(get_language)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
WebhookTargetsDep = Annotated[TargetPolicy, Depends(get_webhook_targets)]
HealthProbeDep = Annotated[Callable[[], Awaitable[bool]], Depends(get_health_probe)]
