"""Random sequences of membership commands, withdrawals included, never leave a table in a state
that breaks R-MEM-3, 5, 6, 7 or 9, and push police above one third only by a withdrawal."""

from __future__ import annotations

import contextlib
import uuid

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from domain.cells import composing
from domain.cells.model import Table
from domain.cells.rules import police_count
from domain.cells.vocabulary import (
    LTF_BODIES_NEVER_SEATED,
    POLICE_FUNCTIONS,
    Function,
    OrganisationType,
    Participation,
    TableKind,
)
from domain.shared.errors import DomainError
from tests.support.cells import NOW, new_cell

ORGANISATION_TYPES = st.sampled_from(list(OrganisationType))
FUNCTIONS = st.sampled_from(list(Function))
KINDS = st.sampled_from(list(TableKind))


def balanced(police: int, total: int) -> bool:
    return police * 3 <= total


class CompositionMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.cell = new_cell()

    def _table(self, kind: TableKind) -> Table:
        table = self.cell.table(kind)
        assert table is not None
        return table

    def _shares(self) -> dict[TableKind, tuple[int, int]]:
        return {
            table.kind: (police_count(self.cell, table), len(table.active_members()))
            for table in self.cell.tables
        }

    def _addition(self, action) -> None:  # type: ignore[no-untyped-def]
        """An addition may never unbalance a table, nor add police to an unbalanced one."""
        before = self._shares()
        try:
            action()
        except DomainError:
            assert self._shares() == before, "a refused command changes nothing"
            return
        for kind, (police, total) in self._shares().items():
            old_police, old_total = before[kind]
            if balanced(old_police, old_total):
                assert balanced(police, total), f"an addition unbalanced the {kind} table"
            else:
                assert police <= old_police

    @rule(kind=KINDS, organisation=ORGANISATION_TYPES, function=FUNCTIONS)
    def seat(self, kind: TableKind, organisation: OrganisationType, function: Function) -> None:
        org = next(o for o in self.cell.organisations if o.type is organisation)
        self._addition(lambda: composing.seat(self.cell, kind, uuid.uuid4(), org.id, function, NOW))

    @precondition(lambda self: any(t.active_members() for t in self.cell.tables))
    @rule(data=st.data(), function=FUNCTIONS)
    def change_function(self, data: st.DataObject, function: Function) -> None:
        members = [m for t in self.cell.tables for m in t.active_members()]
        member = data.draw(st.sampled_from(members))
        self._addition(lambda: composing.change_function(self.cell, member.id, function))

    @precondition(lambda self: any(t.active_members() for t in self.cell.tables))
    @rule(data=st.data())
    def appoint_chair(self, data: st.DataObject) -> None:
        members = [(t.kind, m) for t in self.cell.tables for m in t.active_members()]
        kind, member = data.draw(st.sampled_from(members))
        with contextlib.suppress(DomainError):
            composing.appoint_chair(self.cell, kind, member.id)

    @precondition(lambda self: any(t.active_members() for t in self.cell.tables))
    @rule(data=st.data())
    def withdraw(self, data: st.DataObject) -> None:
        members = [m for t in self.cell.tables for m in t.active_members()]
        composing.withdraw(self.cell, data.draw(st.sampled_from(members)).id, NOW)

    @rule(organisation=ORGANISATION_TYPES, participation=st.sampled_from(list(Participation)))
    def participation(self, organisation: OrganisationType, participation: Participation) -> None:
        org = next(o for o in self.cell.organisations if o.type is organisation)
        before = self._shares()
        composing.change_participation(self.cell, org.id, participation, NOW)
        if participation is Participation.sitting:
            assert self._shares() == before

    @invariant()
    def exclusions_hold(self) -> None:
        for table in self.cell.tables:
            for member in table.active_members():
                organisation = self.cell.organisation(member.organisation_id)
                assert organisation is not None
                kind = organisation.type
                assert kind is not OrganisationType.security_intelligence_service  # R-MEM-5
                assert kind not in LTF_BODIES_NEVER_SEATED  # R-MEM-7
                prosecutor = (
                    kind is OrganisationType.public_prosecutor
                    or member.function is Function.prosecutor
                )
                if prosecutor:  # R-MEM-6
                    assert table.kind is TableKind.strategic
                    assert table.prosecutor_decision
                entrepreneurs = kind is OrganisationType.entrepreneurs_association or (
                    member.function is Function.entrepreneur_representative
                )
                if entrepreneurs:  # R-MEM-9
                    assert table.kind is TableKind.strategic
                assert organisation.takes_part  # R-MEM-11

    @invariant()
    def police_never_chairs(self) -> None:  # R-MEM-3
        for table in self.cell.tables:
            chairs = [m for m in table.active_members() if m.is_chair]
            assert len(chairs) <= 1
            for chair in chairs:
                assert chair.function not in POLICE_FUNCTIONS
                assert not self.cell.is_police(chair)


CompositionMachine.TestCase.settings = settings(
    max_examples=150, stateful_step_count=30, deadline=None
)
TestCompositionMachine = CompositionMachine.TestCase
