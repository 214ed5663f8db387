"""The SQLAlchemy unit of work: one session, one transaction, rolled back unless committed.

A database that cannot be reached (down, restarting, connection lost, pool exhausted) leaves the
unit of work as the domain's `Unavailable`, so every use case answers 503 instead of a 500.
"""

from __future__ import annotations

import logging
from types import TracebackType
from typing import Any, Self

from sqlalchemy import exc as sa_exc
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from adapters.security.secret_box import AesGcmSecretBox
from adapters.sqlalchemy.compositions import CompositionCache
from adapters.sqlalchemy.engine import AUDITED_READ, READ_ONLY
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
from domain.shared.errors import Unavailable
from domain.unit_of_work import UnitOfWork

logger = logging.getLogger("tafel.database")


def is_outage(error: BaseException) -> bool:
    """True for errors that say the database cannot be used right now, not that the statement
    is wrong: connection-level failures (refused, reset, server shutting down), lost connections
    SQLAlchemy invalidated, lock or serialization timeouts, and an exhausted pool. Constraint
    violations and programming errors stay what they are (a 409 or a 500 to fix)."""
    if isinstance(error, sa_exc.TimeoutError):
        return True
    if not isinstance(error, sa_exc.DBAPIError):
        return False
    if error.connection_invalidated or isinstance(error, sa_exc.InterfaceError):
        return True
    if not isinstance(error, sa_exc.OperationalError):
        return False
    # SQLite reports a missing table as an operational error too; that is a deployment bug
    # (migrations not run), not an outage a retry would cure.
    return "no such " not in str(error.orig)


def unavailable(error: BaseException) -> Unavailable:
    # Only the class names: SQLAlchemy's message holds the statement and its parameters, which
    # may carry case content that must never reach the logs.
    cause = type(getattr(error, "orig", None) or error).__name__
    logger.warning("database unavailable: %s (%s)", type(error).__name__, cause)
    return Unavailable()


class SqlAlchemyUnitOfWork(UnitOfWork):
    """Opens a session on enter; repositories share it. `read_only` lets SQLite readers skip the
    write lock (they still see a consistent snapshot). `audits_reads` is a reader whose one write
    is the audit trail (R-AUD-1: who read which case, minutes, form). `secrets` seals webhook
    secrets at rest, `totp_secrets` the accounts' TOTP seeds (each box has its own key).
    `compositions` is the process's cache of cell compositions (checked against the cell's
    revision on every read)."""

    def __init__(
        self,
        session_factory: async_sessionmaker[Any],
        clock: Clock,
        *,
        secrets: AesGcmSecretBox,
        totp_secrets: AesGcmSecretBox,
        read_only: bool = False,
        audits_reads: bool = False,
        compositions: CompositionCache | None = None,
    ) -> None:
        self._session_factory = session_factory
        self._compositions = compositions
        self._clock = clock
        self._secrets = secrets
        self._totp_secrets = totp_secrets
        self._read_only = read_only
        self._audits_reads = audits_reads
        self._session: AsyncSession | None = None

    @property
    def session(self) -> AsyncSession:
        if self._session is None:
            raise RuntimeError("the unit of work is used outside `async with`")
        return self._session

    async def __aenter__(self) -> Self:
        self._session = self._session_factory()
        options = self._connection_options()
        if options:
            try:
                await self._session.connection(execution_options=options)
            except Exception as error:
                await self._close_quietly()
                if is_outage(error):
                    raise unavailable(error) from error
                raise
        self._bind_repositories(self._session)
        return self

    def _connection_options(self) -> dict[str, Any] | None:
        """A reader never writes. On SQLite it begins a deferred transaction, one snapshot for
        all its statements, without the write lock. On PostgreSQL under READ COMMITTED every
        statement sees its own snapshot, transaction or not: a reader runs in autocommit and
        spares the BEGIN and ROLLBACK round trips (two of a handful per request).

        An audited reader on PostgreSQL runs in autocommit too: its reads as a reader's, its
        audit events appended by one statement (migration 0013), which is a transaction of its
        own, so it spares BEGIN and COMMIT. The engine refuses any other write on it
        (`AuditedReadWrites`). On SQLite it is a writer: there the append takes two statements
        under the database lock."""
        postgres = self.session.get_bind().dialect.name == "postgresql"
        if self._read_only:
            options: dict[str, Any] = {READ_ONLY: True}
            if postgres:
                options["isolation_level"] = "AUTOCOMMIT"
            return options
        if self._audits_reads and postgres:
            return {AUDITED_READ: True, "isolation_level": "AUTOCOMMIT"}
        return None

    def _bind_repositories(self, session: AsyncSession) -> None:
        """Attach one repository per aggregate to the session."""
        # A reader may verify chains over one more connection (two cores, two hashing backends).
        self.audit = SqlAlchemyAuditTrail(
            session, self._clock, helper_connections=1 if self._read_only else 0
        )
        self.users = SqlAlchemyUserRepository(session, self._totp_secrets)
        self.sessions = SqlAlchemySessionRepository(session)
        self.throttles = SqlAlchemyThrottleRepository(session)
        self.clients = SqlAlchemyClientRepository(session)
        self.memberships = SqlAlchemyMembershipDirectory(session)
        self.cells = SqlAlchemyCellRepository(session, self._compositions)
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
        except Exception as error:
            # Rolling back on a dead connection fails too; the server discards the transaction
            # anyway. Report the first failure, not this one.
            if exc is None:
                if is_outage(error):
                    raise unavailable(error) from error
                raise
        finally:
            await self._close_quietly()
        if exc is not None and is_outage(exc):
            raise unavailable(exc) from exc

    async def _close_quietly(self) -> None:
        """Return the connection to the pool; a connection that died is only dropped."""
        session, self._session = self._session, None
        if session is None:
            return
        try:
            await session.close()
        except Exception as error:
            if not is_outage(error):
                raise

    async def commit(self) -> None:
        if self._read_only:
            # In autocommit each statement would already have been kept: a use case that writes
            # must take the writing unit of work, where its changes stand or fall together.
            raise RuntimeError("a read-only unit of work never commits")
        await self.session.commit()

    async def rollback(self) -> None:
        await self.session.rollback()
