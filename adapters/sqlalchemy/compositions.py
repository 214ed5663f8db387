"""What a server process remembers of the cells it serves: each cell's composition (municipalities,
organisations, tables, members) as last read, under the revision token it was read with.

The composition is read by nearly every request (need to know depends on who sits where,
R-PRIV-5) and changes a few times a year. The database renews a cell's token on every write to
its composition (migration 0010's triggers), and every request reads the token in the same
statement as the cell row: an entry is used only when its token is the current one, so a change
made by another process, a job or a restore is seen by the next request, as without the cache.

Entries hold plain result rows (immutable tuples of column values), never domain objects: every
request builds its own aggregate from them and may change it freely.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row

PlainRow = Row[*tuple[Any, ...]]

# 600 cells in Belgium; room for all of them and their re-reads.
CAPACITY = 4096


@dataclass(frozen=True, slots=True)
class Composition:
    revision: str
    municipalities: tuple[PlainRow, ...]
    organisations: tuple[PlainRow, ...]
    tables: tuple[PlainRow, ...]
    members: tuple[PlainRow, ...]
    # The cell's own row with its latest terms (`cells.CELL`), at the same revision: a request
    # that already knows the revision (its caller's standing) needs no statement for the cell.
    cell: PlainRow | None = None


class CompositionCache:
    """The last composition read per cell, least recently used first out."""

    def __init__(self, capacity: int = CAPACITY) -> None:
        self.capacity = capacity
        self._entries: OrderedDict[uuid.UUID, Composition] = OrderedDict()

    def get(self, cell_id: uuid.UUID, revision: str) -> Composition | None:
        entry = self._entries.get(cell_id)
        if entry is None or entry.revision != revision:
            return None
        self._entries.move_to_end(cell_id)
        return entry

    def put(self, cell_id: uuid.UUID, composition: Composition) -> None:
        self._entries[cell_id] = composition
        self._entries.move_to_end(cell_id)
        while len(self._entries) > self.capacity:
            self._entries.popitem(last=False)
