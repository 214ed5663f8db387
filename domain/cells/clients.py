"""Integration clients of municipal systems: client credentials bound to one cell, with scopes
that never reach case content (meetings, statistics, cadence, webhooks)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta

from domain.audit.model import Actor, ActorType, AuditRecord, Outcome
from domain.cells.access import require_manager
from domain.cells.setup import audit, visible_cell
from domain.identity.errors import InvalidCredentials, MissingScope
from domain.identity.model import IntegrationClient, Scope
from domain.identity.policy import AuthPolicy
from domain.identity.principal import CLIENT_SUBJECT_PREFIX, Principal, load_principal
from domain.identity.throttling import address_key, ensure_not_locked, register_failure
from domain.identity.tokens import TokenClaims, TokenService, TokenType
from domain.shared.clock import Clock
from domain.shared.errors import InputIssue, InvalidInput, NotFound
from domain.unit_of_work import UnitOfWork

SECRET_PREFIX = "tfs_"  # noqa: S105 (a prefix that makes leaked secrets recognisable)
CLIENT_TOKEN_LIFETIME = timedelta(minutes=10)


def hash_secret(secret: str) -> str:
    """Client secrets are 256-bit random values: SHA-256 is enough to store them."""
    return hashlib.sha256(secret.encode()).hexdigest()


def require_scope(principal: Principal, scope: Scope) -> None:
    """403 `missingScope` for a client without the scope; users pass (their roles decide)."""
    if principal.client is not None and scope not in principal.client.scopes:
        raise MissingScope(scope.value)


@dataclass(frozen=True, slots=True)
class IssuedClientToken:
    access_token: str
    expires_in: int
    scopes: frozenset[Scope]


async def create_client(
    uow: UnitOfWork,
    clock: Clock,
    claims: TokenClaims,
    cell_id: uuid.UUID,
    name: str,
    scopes: frozenset[Scope],
) -> tuple[IntegrationClient, str]:
    """A chair or the platform administrator creates a client; the secret is shown once."""
    if not name.strip():
        raise InvalidInput([InputIssue("name", "requiredInput")])
    if not scopes:
        raise InvalidInput([InputIssue("scopes", "requiredInput")])
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        require_manager(principal, cell_id)
        cell = await visible_cell(uow, principal, cell_id)
        secret = SECRET_PREFIX + secrets.token_urlsafe(32)
        client = IntegrationClient(
            id=uuid.uuid4(),
            cell_id=cell.id,
            name=name.strip(),
            secret_hash=hash_secret(secret),
            scopes=scopes,
            created_by=principal.user_id,
            created_at=now,
        )
        await uow.clients.add(client)
        await uow.audit.record(audit(cell.id, principal, "client.create", "client", client.id))
        await uow.commit()
    return client, secret


async def list_clients(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, cell_id: uuid.UUID
) -> list[IntegrationClient]:
    async with uow:
        principal = await load_principal(uow, claims, clock.now())
        require_manager(principal, cell_id)
        await visible_cell(uow, principal, cell_id)  # a missing cell is 404, not an empty list
        return await uow.clients.for_cell(cell_id)


async def revoke_client(
    uow: UnitOfWork, clock: Clock, claims: TokenClaims, cell_id: uuid.UUID, client_id: uuid.UUID
) -> IntegrationClient:
    """Revocation takes effect on the client's next request (its tokens name it)."""
    now = clock.now()
    async with uow:
        principal = await load_principal(uow, claims, now)
        require_manager(principal, cell_id)
        client = await uow.clients.get(client_id)
        if client is None or client.cell_id != cell_id:
            raise NotFound()
        if client.revoked_at is None:
            client.revoked_at = now
            await uow.clients.save(client)
            await uow.audit.record(audit(cell_id, principal, "client.revoke", "client", client.id))
        await uow.commit()
    return client


async def issue_client_token(
    uow: UnitOfWork,
    clock: Clock,
    tokens: TokenService,
    policy: AuthPolicy,
    client_id: str,
    secret: str,
    requested: frozenset[str] | None,
    address: str,
) -> IssuedClientToken:
    """OAuth2 client credentials: a 10-minute access token for the granted scopes (all of them,
    or the requested subset). Failures are throttled like logins."""
    now = clock.now()
    keys = [f"client:{hashlib.sha256(client_id.encode()).hexdigest()}", address_key(address)]
    async with uow:
        await ensure_not_locked(uow.throttles, keys, now)
        try:
            client = await uow.clients.get(uuid.UUID(client_id))
        except ValueError:
            client = None
        valid = client is not None and hmac.compare_digest(client.secret_hash, hash_secret(secret))
        if client is None or not valid or not client.is_active:
            await register_failure(uow.throttles, keys, now, policy)
            await uow.commit()
            raise InvalidCredentials()
        granted = frozenset(scope.value for scope in client.scopes)
        if requested is not None and not requested <= granted:
            raise InvalidInput([InputIssue("scope", "invalidScope")])
        scopes = requested if requested is not None else granted
        token = tokens.issue(
            TokenClaims(
                subject=CLIENT_SUBJECT_PREFIX + str(client.id),
                token_type=TokenType.access,
                token_id=uuid.uuid4().hex,
                issued_at=now,
                expires_at=now + CLIENT_TOKEN_LIFETIME,
                scopes=scopes,
            )
        )
        await uow.audit.record(
            AuditRecord(
                str(client.cell_id),
                Actor(ActorType.client, str(client.id)),
                "client.token",
                "client",
                str(client.id),
                Outcome.success,
            )
        )
        await uow.commit()
    return IssuedClientToken(
        token, int(CLIENT_TOKEN_LIFETIME.total_seconds()), frozenset(Scope(s) for s in scopes)
    )
