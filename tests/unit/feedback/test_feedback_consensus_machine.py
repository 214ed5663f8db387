"""R-FB-2 and R-FB-3 as a model-based test: a Hypothesis state machine drives one feedback form
through edits, verdicts (by present members, absent members and outsiders, on current and stale
hashes), members arriving and leaving, and transmission attempts by the IO and others.

The model is deliberately naive (a dict of verdicts, a set of present members, a list of
transmissions) and predicts the exact outcome of every command, so the form can find no way to
transmit without full consensus of the members present on the current version, transmit twice,
count an outsider or an absent member, or keep a verdict across an edit.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TypeVar

import pytest
from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from domain.feedback import (
    AlreadyTransmitted,
    ConsensusNotReached,
    FeedbackContent,
    FeedbackForm,
    FormFrozen,
    FormStatus,
    InformationOfficerOnly,
    KeyAssessment,
    NotEffectivelyParticipating,
    ObjectionReasonRequired,
    UnchangedContent,
    content_hash,
)
from domain.shared.errors import DomainError, StaleVersion
from tests.unit.feedback.feedback_samples import CHAIR, IO, MEETING, OUTSIDER, TABLE, at, content

R = TypeVar("R")

MEMBERS = tuple(sorted(TABLE))
OUTSIDERS = (OUTSIDER, uuid.UUID(int=98))
EVERYONE = MEMBERS + OUTSIDERS
# A small pool, so that no-op edits and A→B→A sequences (a hash coming back) happen often.
CONTENTS = (
    content(),
    content(effectiveness_score=1),
    content(other_elements=""),
    content(able_and_willing_to_commit_terrorist_acts=KeyAssessment.serious_concern),
)
BOGUS_HASH = "f" * 64

hash_choice = st.sampled_from(["current", "earlier", "bogus"])


class FeedbackConsensusMachine(RuleBasedStateMachine):
    """R-FB-2 and R-FB-3: the form agrees with the naive model after every step."""

    form: FeedbackForm
    present: set[uuid.UUID]
    content: FeedbackContent
    hashes_seen: list[str]
    verdicts: dict[uuid.UUID, str]
    transmissions: list[tuple[str, frozenset[uuid.UUID]]]
    minute: int

    @initialize(present=st.sets(st.sampled_from(MEMBERS)))
    def start(self, present: set[uuid.UUID]) -> None:
        self.form = FeedbackForm.start(
            uuid.UUID(int=1000),
            uuid.UUID(int=2000),
            uuid.UUID(int=3000),
            1,
            CONTENTS[0],
            CHAIR,
            at(0),
        )
        self.present = set(present)
        self.content = CONTENTS[0]
        self.hashes_seen = [content_hash(CONTENTS[0])]
        self.verdicts = {}
        self.transmissions = []
        self.minute = 0

    # -- the model --------------------------------------------------------------------------------

    def model_consensus(self) -> bool:
        return (
            len(self.present) > 0
            and all(self.verdicts.get(member) == "approved" for member in self.present)
            and "objected" not in self.verdicts.values()
        )

    def current_hash(self) -> str:
        return content_hash(self.content)

    def pick_hash(self, choice: str, index: int) -> str:
        if choice == "current":
            return self.current_hash()
        if choice == "earlier":
            # May equal the current hash after A→B→A: then it *is* the current version.
            return self.hashes_seen[index % len(self.hashes_seen)]
        return BOGUS_HASH

    def now(self) -> int:
        self.minute += 1
        return self.minute

    def expect(self, error: type[DomainError] | None, command: Callable[[], R]) -> R | None:
        if error is None:
            return command()
        with pytest.raises(error):
            command()
        event(f"refused: {error.__name__}")
        return None

    # -- commands ---------------------------------------------------------------------------------

    @rule(
        index=st.integers(0, len(CONTENTS) - 1),
        editor=st.sampled_from(MEMBERS),
        choice=hash_choice,
        earlier=st.integers(0, 40),
    )
    def edit(self, index: int, editor: uuid.UUID, choice: str, earlier: int) -> None:
        new, expected_hash = CONTENTS[index], self.pick_hash(choice, earlier)
        error: type[DomainError] | None = None
        if self.transmissions:
            error = FormFrozen
        elif expected_hash != self.current_hash():
            error = StaleVersion
        elif new == self.content:
            error = UnchangedContent
        minute = self.now()
        voided = self.expect(error, lambda: self.form.edit(new, editor, at(minute), expected_hash))
        if error is None:
            assert voided is not None
            assert {(a.member_id, a.verdict) for a in voided} == set(self.verdicts.items())
            self.verdicts = {}
            self.content = new
            self.hashes_seen.append(self.current_hash())

    @rule(
        voter=st.sampled_from(EVERYONE),
        verdict=st.sampled_from(["approved", "objected"]),
        reason=st.sampled_from(["", "  ", "Motivering ontbreekt."]),
        choice=hash_choice,
        earlier=st.integers(0, 40),
    )
    def vote(self, voter: uuid.UUID, verdict: str, reason: str, choice: str, earlier: int) -> None:
        version_hash, present, minute = (
            self.pick_hash(choice, earlier),
            self.attendance(),
            self.now(),
        )
        error: type[DomainError] | None = None
        if self.transmissions:
            error = FormFrozen
        elif voter not in self.present:
            error = NotEffectivelyParticipating
        elif version_hash != self.current_hash():
            error = StaleVersion
        elif verdict == "objected" and not reason.strip():
            error = ObjectionReasonRequired
        if verdict == "approved":
            self.expect(error, lambda: self.form.approve(voter, version_hash, present, at(minute)))
        else:
            self.expect(
                error, lambda: self.form.object(voter, version_hash, reason, present, at(minute))
            )
        if error is None:
            self.verdicts[voter] = verdict

    @precondition(lambda self: not self.transmissions)
    @rule()
    def every_present_member_approves(self) -> None:
        """A meeting agreeing in one go, so that transmissions are actually reached."""
        for member in sorted(self.present):
            self.form.approve(member, self.current_hash(), self.attendance(), at(self.now()))
            self.verdicts[member] = "approved"

    @precondition(lambda self: bool(self.present) and not self.transmissions)
    @rule(pick=st.integers(0, len(MEMBERS) - 1))
    def a_present_member_objects(self, pick: int) -> None:
        """A valid objection, so that objections meet departures and later approvals often."""
        member = sorted(self.present)[pick % len(self.present)]
        reason = "Motivering ontbreekt."
        self.form.object(member, self.current_hash(), reason, self.attendance(), at(self.now()))
        self.verdicts[member] = "objected"

    @rule(member=st.sampled_from(MEMBERS))
    def arrive(self, member: uuid.UUID) -> None:
        self.present.add(member)

    @rule(member=st.sampled_from(MEMBERS))
    def leave(self, member: uuid.UUID) -> None:
        self.present.discard(member)

    @rule()
    def information_officer_transmits(self) -> None:
        self.transmit(IO)

    @rule(by=st.sampled_from(EVERYONE))
    def transmit(self, by: uuid.UUID) -> None:
        is_io, present, minute = by == IO, self.attendance(), self.now()
        error: type[DomainError] | None = None
        if not is_io:
            error = InformationOfficerOnly
        elif self.transmissions:
            error = AlreadyTransmitted
        elif not self.model_consensus():
            error = ConsensusNotReached
        transmission = self.expect(
            error, lambda: self.form.transmit(by, is_io, present, MEETING, at(minute))
        )
        if error is None:
            assert transmission is not None
            assert self.model_consensus()
            assert transmission.version_hash == self.current_hash()
            assert transmission.present_members == present
            assert transmission.by == IO
            self.transmissions.append((self.current_hash(), present))
            event("transmitted")

    def attendance(self) -> frozenset[uuid.UUID]:
        return frozenset(self.present)

    # -- invariants -------------------------------------------------------------------------------

    @invariant()
    def consensus_matches_the_model(self) -> None:
        assert self.form.consensus(self.attendance()) == self.model_consensus()

    @invariant()
    def status_matches_the_model(self) -> None:
        expected = (
            FormStatus.transmitted
            if self.transmissions
            else FormStatus.consensus_reached
            if self.model_consensus()
            else FormStatus.draft
        )
        assert self.form.status(self.attendance()) is expected

    @invariant()
    def verdicts_are_the_models_and_only_on_the_current_version(self) -> None:
        recorded = {member: a.verdict.value for member, a in self.form.approvals.items()}
        assert recorded == self.verdicts
        assert set(recorded) <= set(MEMBERS)
        assert all(a.version_hash == self.current_hash() for a in self.form.approvals.values())

    @invariant()
    def transmitted_at_most_once_and_as_recorded(self) -> None:
        assert len(self.transmissions) <= 1
        if self.transmissions:
            version_hash, present = self.transmissions[0]
            assert self.form.transmission is not None
            assert (
                self.form.transmission.version_hash,
                self.form.transmission.present_members,
            ) == (
                version_hash,
                present,
            )
            assert self.form.current.hash == version_hash
        else:
            assert self.form.transmission is None

    @invariant()
    def versions_follow_the_edits(self) -> None:
        assert [v.hash for v in self.form.history()] == self.hashes_seen
        assert [v.number for v in self.form.history()] == list(range(1, len(self.hashes_seen) + 1))


FeedbackConsensusMachine.TestCase.settings = settings(
    max_examples=200, stateful_step_count=30, deadline=None
)
TestFeedbackConsensusMachine = FeedbackConsensusMachine.TestCase
