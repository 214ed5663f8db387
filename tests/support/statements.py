"""What the app's engine sends to the database while a block runs (SQLAlchemy's
`before_cursor_execute`): the statements themselves, or only how many."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from api.dependencies import Services


@contextmanager
def sending(services: Services) -> Iterator[list[str]]:
    """The statements sent while the block runs, in order."""
    sent: list[str] = []

    def record(_connection: object, _cursor: object, statement: str, *_rest: object) -> None:
        sent.append(statement)

    engine = services.engine.sync_engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", record)


@contextmanager
def counting(services: Services) -> Iterator[list[int]]:
    """How many statements were sent while the block runs (`[n]`, read after it)."""
    counted = [0]
    with sending(services) as sent:
        try:
            yield counted
        finally:
            counted[0] = len(sent)
