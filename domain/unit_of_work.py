"""The unit of work: one business transaction over all repositories.

Use cases own it: `async with uow: ...; await uow.commit()`. Leaving the block without committing
rolls back, so a refused command changes nothing (and writes no audit event).
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Protocol, Self

if TYPE_CHECKING:
    from domain.audit.ports import AuditTrail
    from domain.cases.ports import CaseRepository, TemplateRepository
    from domain.cells.invitations import InvitationRepository
    from domain.cells.ports import CellRepository
    from domain.feedback.ports import FeedbackRepository, IdempotencyStore
    from domain.identity.ports import (
        ClientRepository,
        SessionRepository,
        ThrottleRepository,
        UserRepository,
    )
    from domain.identity.principal import MembershipDirectory
    from domain.meetings.ports import MeetingRepository
    from domain.oversight.ports import OversightReader
    from domain.webhooks.ports import WebhookRepository


class UnitOfWork(Protocol):
    """A transaction boundary with one repository per aggregate."""

    audit: AuditTrail
    users: UserRepository
    sessions: SessionRepository
    throttles: ThrottleRepository
    clients: ClientRepository
    memberships: MembershipDirectory
    cells: CellRepository
    invitations: InvitationRepository
    cases: CaseRepository
    templates: TemplateRepository
    # The webhook outbox; also the `EventPublisher` other contexts call `publish` on.
    webhooks: WebhookRepository
    meetings: MeetingRepository
    feedback: FeedbackRepository
    idempotency: IdempotencyStore
    oversight: OversightReader

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None:
        """Make every change of this transaction durable, or raise and keep none."""
        ...

    async def rollback(self) -> None:
        """Discard every change of this transaction."""
        ...
