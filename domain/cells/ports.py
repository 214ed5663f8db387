"""What the cells context needs from persistence."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from domain.cells.model import Cell, ConfidentialityTerms, Member, Organisation, Table


class CellRepository(Protocol):
    """Cells with their whole composition."""

    async def get(
        self, cell_id: uuid.UUID, *, for_update: bool = False, seen: str | None = None
    ) -> Cell | None:
        """The cell with municipalities, terms, organisations, tables and members (active and
        past). `for_update` serialises concurrent composition changes of one cell. `seen` is
        the cell's revision as this request already read it (its caller's standing): the
        repository may then build the cell from what it holds at that revision, unread."""
        ...

    async def list(self, cell_ids: Iterable[uuid.UUID] | None) -> list[Cell]:
        """Cells by name without their members; None lists every cell (platform administrator)."""
        ...

    async def add(self, cell: Cell) -> None:
        """Store a new cell with its municipalities, first terms and tables."""
        ...

    async def save(self, cell: Cell) -> None:
        """Store the cell's own fields and municipalities."""
        ...

    async def add_terms(self, cell_id: uuid.UUID, terms: ConfidentialityTerms) -> None:
        """Publish a new version of the confidentiality terms."""
        ...

    async def add_organisation(self, organisation: Organisation) -> None: ...

    async def save_organisation(self, organisation: Organisation) -> None: ...

    async def add_table(self, table: Table) -> None: ...

    async def save_table(self, table: Table) -> None: ...

    async def add_member(self, member: Member) -> None: ...

    async def save_member(self, member: Member) -> None: ...

    async def acknowledged(self, cell_id: uuid.UUID, version: int) -> frozenset[uuid.UUID]:
        """Users who acknowledged this version of the cell's terms (R-PRIV-4)."""
        ...

    async def acknowledge(
        self, cell_id: uuid.UUID, user_id: uuid.UUID, version: int, at: datetime
    ) -> None:
        """Record an acknowledgement (idempotent)."""
        ...
