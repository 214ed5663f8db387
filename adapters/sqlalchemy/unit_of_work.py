"""The SQLAlchemy unit of work: one session, one transaction, rolled back unless committed."""

from __future__ import annotations

from types import TracebackType
from typing import Any, Self

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from adapters.security.secret_box import AesGcmSecretBox
from adapters.sqlalchemy.repositories.audit import SqlAlchemyAuditTrail
from adapters.sqlalchemy.repositories.cases import (
    SqlAlchemyCaseRepository,
    SqlAlchemyTemplateRepository,
)
from adapters.sqlalchemy.repositories.cells import SqlAlchemyCellRepository
from adapters.sqlalchemy.repositories.feedback import (
    SqlAlchemyFeedbackRepository,
    SqlAlchemyIdempotencyStore,
)
from adapters.sqlalchemy.repositories.identity import (
    SqlAlchemyClientRepository,
    SqlAlchemySessionRepository,
    SqlAlchemyThrottleRepository,
    SqlAlchemyUserRepository,
)
from adapters.sqlalchemy.repositories.invitations import SqlAlchemyInvitationRepository
from adapters.sqlalchemy.repositories.meetings import SqlAlchemyMeetingRepository
from adapters.sqlalchemy.repositories.memberships import SqlAlchemyMembershipDirectory
from adapters.sqlalchemy.repositories.oversight import SqlAlchemyOversightReader
from adapters.sqlalchemy.repositories.webhooks import SqlAlchemyWebhookRepository
from domain.shared.clock import Clock
from domain.unit_of_work import UnitOfWork


class SqlAlchemyUnitOfWork(UnitOfWork):
    """Opens a session on enter; repositories share it. `read_only` lets SQLite readers skip the
    write lock (they still see a consistent snapshot). `secrets` seals webhook secrets at rest."""

    def __init__(
        self,
        session_factory: async_sessionmaker[Any],
        clock: Clock,
        *,
        secrets: AesGcmSecretBox,
        read_only: bool = False,
    ) -> None:
        self._session_factory = session_factory
        self._clock = clock
        self._secrets = secrets
        self._read_only = read_only
        self._session: AsyncSession | None = None

    @property
    def session(self) -> AsyncSession:
        if self._session is None:
            raise RuntimeError("the unit of work is used outside `async with`")
        return self._session

    async def __aenter__(self) -> Self:
        self._session = self._session_factory()
        if self._read_only:
            await self._session.connection(execution_options={"tafel_read_only": True})
        self._bind_repositories(self._session)
        return self

    def _bind_repositories(self, session: AsyncSession) -> None:
        """Attach one repository per aggregate to the session."""
        self.audit = SqlAlchemyAuditTrail(session, self._clock)
        self.users = SqlAlchemyUserRepository(session)
        self.sessions = SqlAlchemySessionRepository(session)
        self.throttles = SqlAlchemyThrottleRepository(session)
        self.clients = SqlAlchemyClientRepository(session)
        self.memberships = SqlAlchemyMembershipDirectory(session)
        self.cells = SqlAlchemyCellRepository(session)
        self.invitations = SqlAlchemyInvitationRepository(session)
        self.cases = SqlAlchemyCaseRepository(session)
        self.templates = SqlAlchemyTemplateRepository(session)
        self.webhooks = SqlAlchemyWebhookRepository(session, self._secrets)
        self.meetings = SqlAlchemyMeetingRepository(session)
        self.feedback = SqlAlchemyFeedbackRepository(session)
        self.idempotency = SqlAlchemyIdempotencyStore(session)
        self.oversight = SqlAlchemyOversightReader(session)

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            await self.rollback()
        finally:
            await self.session.close()
            self._session = None

    async def commit(self) -> None:
        await self.session.commit()

    async def rollback(self) -> None:
        await self.session.rollback()
