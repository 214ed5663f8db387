"""Domain errors: what went wrong, in business terms, never in HTTP terms.

Each error has a stable lowerCamelCase `code` (it becomes the problem type) and the parameters its
localised message needs. A rule violation names the rule of `RULES.md` it enforces, so a refusal
can be traced back to a sentence of the guidance. `api/errors.py` maps these classes to statuses in
one table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar


class DomainError(Exception):
    """Base of every refusal the core can express."""

    code: ClassVar[str] = "domainError"

    def __init__(self, **params: object) -> None:
        self.params: dict[str, object] = params
        super().__init__(f"{self.code} {params}" if params else self.code)


class NotFound(DomainError):
    """The object does not exist *for this caller*: another cell's object looks exactly the same."""

    code = "resourceNotFound"


class PermissionDenied(DomainError):
    """The caller is known but may not do this to this object."""

    code = "missingPermission"


class Conflict(DomainError):
    """The request clashes with the current state (duplicate, wrong step, frozen object)."""

    code = "conflict"


class RuleViolation(DomainError):
    """A rule of the guidance refuses the change; `rule` is its ID in RULES.md."""

    code = "ruleViolation"
    rule: ClassVar[str] = ""


class PermissionRuleViolation(RuleViolation):
    """A rule of the guidance that says *who* may act (answered as 403, not 409)."""

    code = "permissionRuleViolation"


class StaleVersion(DomainError):
    """The caller edited a version that is no longer the current one (optimistic concurrency)."""

    code = "staleVersion"


class VersionRequired(DomainError):
    """A change to a shared editable object must name the version it starts from."""

    code = "versionRequired"


class IdempotencyKeyReused(DomainError):
    """The same `Idempotency-Key` came back with a different request (422, not a replay)."""

    code = "idempotencyKeyReused"


class AuthenticationFailed(DomainError):
    """Credentials are missing, wrong or expired. Deliberately vague to avoid enumeration."""

    code = "authenticationFailed"


class Unavailable(DomainError):
    """The service cannot answer right now: its database is unreachable, restarting or out of
    connections. Retry after `retry_after_seconds`; a connection lost while committing leaves the
    outcome unknown, which `If-Match` and `Idempotency-Key` make safe to retry."""

    code = "serviceUnavailable"

    def __init__(self, retry_after_seconds: int = 5) -> None:
        super().__init__()
        self.retry_after_seconds = retry_after_seconds


class TooManyAttempts(DomainError):
    """Throttled: too many failures for this account or address."""

    code = "tooManyFailedRequests"

    def __init__(self, retry_after_seconds: int) -> None:
        super().__init__(retryAfterSec=retry_after_seconds)
        self.retry_after_seconds = retry_after_seconds


@dataclass(frozen=True, slots=True)
class InputIssue:
    """One problem with one input field, found by a rule the schema cannot express.

    `value` is deliberately absent: an issue about personal data must never echo it.
    """

    name: str
    code: str
    params: dict[str, object] = field(default_factory=dict)
    location: str = "body"


class InvalidInput(DomainError):
    """Input that is well-formed but refused by a domain rule, with one issue per finding."""

    code = "invalidInput"
    rule: ClassVar[str] = ""

    def __init__(self, issues: list[InputIssue], rule: str = "") -> None:
        super().__init__(count=len(issues))
        self.issues = issues
        self.rule_id = rule
