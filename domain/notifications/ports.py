"""The mail port: the core decides what to tell whom; an adapter renders and delivers it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Notification:
    """`kind` selects a template (e.g. `invitation`); `params` fill it; `language` picks its
    translation (nl, fr, de, en)."""

    kind: str
    to: str
    language: str
    params: dict[str, str] = field(default_factory=dict)


class Mailer(Protocol):
    """Delivers notifications by mail."""

    async def send(self, notification: Notification) -> None:
        """Deliver one notification, or raise when the mail system refuses it."""
        ...
