"""Refusals of the webhooks context."""

from __future__ import annotations

from domain.shared.errors import Conflict


class TooManyWebhooks(Conflict):
    """A cell has at most `limit` webhooks: every event fans out to each of them."""

    code = "tooManyWebhooks"

    def __init__(self, limit: int) -> None:
        super().__init__(limit=limit)
