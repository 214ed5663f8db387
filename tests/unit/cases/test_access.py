"""R-PRIV-4 in the domain: the caller's acknowledged terms come with the principal (read in the
request's own transaction), and only the cell's current version opens case content."""

from __future__ import annotations

import dataclasses
import uuid

import pytest

from domain.audit.model import Actor, ActorType
from domain.cases.access import require_acknowledged
from domain.cases.errors import TermsNotAcknowledged
from domain.cells.model import ConfidentialityTerms
from domain.identity.principal import CellRole, Principal
from tests.support.cells import NOW, new_cell


def caller(acknowledged: dict[uuid.UUID, frozenset[int]]) -> Principal:
    user = uuid.uuid4()
    return Principal(
        actor=Actor(ActorType.user, str(user)),
        cell_roles={cell: frozenset({CellRole.operational_member}) for cell in acknowledged},
        acknowledged_terms=acknowledged,
    )


def test_r_priv_4_only_the_current_version_of_this_cells_terms_opens_content() -> None:
    cell = new_cell()
    require_acknowledged(caller({cell.id: frozenset({1})}), cell)
    newer = dataclasses.replace(cell, terms=ConfidentialityTerms(2, "Nieuwe tekst.", NOW))
    with pytest.raises(TermsNotAcknowledged):
        require_acknowledged(caller({cell.id: frozenset({1})}), newer)
    with pytest.raises(TermsNotAcknowledged):
        require_acknowledged(caller({uuid.uuid4(): frozenset({1})}), cell)
    with pytest.raises(TermsNotAcknowledged):
        require_acknowledged(
            caller({cell.id: frozenset({1})}), dataclasses.replace(cell, terms=None)
        )
