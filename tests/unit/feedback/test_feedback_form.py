"""R-FB-2: consensus of the effectively participating members on exactly the current version;
editing and the version history of a feedback form."""

from __future__ import annotations

import pytest

from domain.feedback import (
    ConsensusNotReached,
    FeedbackForm,
    FormStatus,
    FormVersionNotFound,
    NotEffectivelyParticipating,
    ObjectionReasonRequired,
    UnchangedContent,
    Verdict,
)
from domain.shared.errors import PermissionRuleViolation, StaleVersion
from tests.unit.feedback.feedback_samples import (
    CHAIR,
    IO,
    OUTSIDER,
    PRESENT,
    SCHOOL,
    SOCIAL,
    TABLE,
    YOUTH,
    approve_all,
    at,
    consensual_form,
    content,
    new_form,
    transmit,
)


def _edit(form: FeedbackForm, **overrides: object) -> None:
    form.edit(content(**overrides), by=CHAIR, at=at(30), expected_hash=form.current.hash)


class TestConsensus:
    def test_r_fb_2_all_present_members_approving_reach_consensus(self) -> None:
        form = consensual_form()

        assert form.consensus(PRESENT)
        assert form.status(PRESENT) is FormStatus.consensus_reached

    def test_r_fb_2_one_objection_blocks(self) -> None:
        form = consensual_form()
        form.object(SOCIAL, form.current.hash, "Motivering te stellig.", PRESENT, at(10))

        assert not form.consensus(PRESENT)
        assert form.status(PRESENT) is FormStatus.draft
        with pytest.raises(ConsensusNotReached) as caught:
            transmit(form)
        assert caught.value.rule == "R-FB-2"
        assert caught.value.params == {"awaiting": 1, "objections": 1}

    def test_r_fb_2_no_majority_four_of_five_is_not_consensus(self) -> None:
        form = new_form()
        approve_all(form, TABLE - {YOUTH})

        assert not form.consensus(TABLE)
        assert form.awaiting(TABLE) == {YOUTH}

    def test_r_fb_2_an_empty_meeting_never_reaches_consensus(self) -> None:
        assert not new_form().consensus(frozenset())
        assert not consensual_form().consensus(frozenset())

    def test_r_fb_2_absent_member_is_refused(self) -> None:
        form = new_form()

        with pytest.raises(NotEffectivelyParticipating) as caught:
            form.approve(SCHOOL, form.current.hash, PRESENT, at(1))

        assert isinstance(caught.value, PermissionRuleViolation)
        assert caught.value.rule == "R-FB-2"
        assert form.approvals == {}

    def test_r_fb_2_non_member_is_refused_for_approval_and_objection(self) -> None:
        form = consensual_form()

        with pytest.raises(NotEffectivelyParticipating):
            form.approve(OUTSIDER, form.current.hash, PRESENT, at(1))
        with pytest.raises(NotEffectivelyParticipating):
            form.object(OUTSIDER, form.current.hash, "Niet akkoord.", PRESENT, at(1))

        assert OUTSIDER not in form.approvals
        assert form.consensus(PRESENT)

    def test_r_fb_2_approval_names_exactly_the_current_version(self) -> None:
        form = new_form()
        first = form.current.hash
        _edit(form, effectiveness_score=4)

        with pytest.raises(StaleVersion) as caught:
            form.approve(IO, first, PRESENT, at(40))

        assert caught.value.params == {"currentVersion": 2, "currentHash": form.current.hash}
        with pytest.raises(StaleVersion):
            form.object(IO, "0" * 64, "Niet akkoord.", PRESENT, at(40))
        assert form.approvals == {}

    def test_r_fb_2_edit_voids_every_approval_and_objection(self) -> None:
        form = new_form()
        form.approve(IO, form.current.hash, PRESENT, at(1))
        form.object(CHAIR, form.current.hash, "Aanbeveling ontbreekt.", PRESENT, at(2))

        voided = form.edit(
            content(other_elements="Aanbeveling toegevoegd."),
            by=CHAIR,
            at=at(3),
            expected_hash=form.current.hash,
        )

        assert [(a.member_id, a.verdict) for a in voided] == [
            (IO, Verdict.approved),
            (CHAIR, Verdict.objected),
        ]
        assert form.approvals == {}
        assert not form.consensus(PRESENT)
        assert form.awaiting(PRESENT) == PRESENT

    def test_r_fb_2_a_newly_present_member_breaks_consensus_until_they_approve(self) -> None:
        form = consensual_form()
        arrived = PRESENT | {SCHOOL}

        assert not form.consensus(arrived)
        assert form.status(arrived) is FormStatus.draft
        form.approve(SCHOOL, form.current.hash, arrived, at(20))
        assert form.consensus(arrived)

    def test_r_fb_2_a_member_who_left_no_longer_counts_and_counts_again_on_return(self) -> None:
        form = new_form()
        form.approve(IO, form.current.hash, PRESENT, at(1))
        form.approve(CHAIR, form.current.hash, PRESENT, at(2))
        after_social_left = PRESENT - {SOCIAL}

        assert form.consensus(after_social_left)
        assert not form.consensus(PRESENT)

        form.approve(SOCIAL, form.current.hash, PRESENT, at(3))
        after_chair_left = PRESENT - {CHAIR}
        assert form.consensus(after_chair_left)
        assert CHAIR in form.approvals
        assert form.consensus(PRESENT)

    def test_r_fb_2_an_objection_stands_after_its_author_leaves(self) -> None:
        form = consensual_form()
        form.object(SOCIAL, form.current.hash, "Motivering ontbreekt.", PRESENT, at(10))

        assert not form.consensus(PRESENT - {SOCIAL})

    def test_r_fb_2_the_last_verdict_of_a_member_counts(self) -> None:
        form = consensual_form()
        form.object(CHAIR, form.current.hash, "Toch niet akkoord.", PRESENT, at(10))
        assert not form.consensus(PRESENT)

        form.approve(CHAIR, form.current.hash, PRESENT, at(11))
        assert form.consensus(PRESENT)
        assert form.approvals[CHAIR].verdict is Verdict.approved

    @pytest.mark.parametrize("reason", ["", "   ", "x" * 2001])
    def test_r_fb_2_an_objection_needs_a_reason(self, reason: str) -> None:
        form = consensual_form()

        with pytest.raises(ObjectionReasonRequired) as caught:
            form.object(CHAIR, form.current.hash, reason, PRESENT, at(10))

        assert caught.value.rule == "R-FB-2"
        assert caught.value.issues[0].name == "reason"
        assert form.consensus(PRESENT)


class TestEditing:
    def test_an_edit_from_a_stale_version_is_refused(self) -> None:
        form = new_form()
        first = form.current.hash
        _edit(form, effectiveness_score=4)

        with pytest.raises(StaleVersion):
            form.edit(content(effectiveness_score=5), by=SOCIAL, at=at(31), expected_hash=first)

        assert [v.number for v in form.history()] == [1, 2]

    def test_an_edit_that_changes_nothing_is_refused_and_voids_nothing(self) -> None:
        form = consensual_form()

        with pytest.raises(UnchangedContent):
            _edit(form)

        assert form.consensus(PRESENT)
        assert len(form.history()) == 1

    def test_versions_are_numbered_and_keep_author_time_and_hash(self) -> None:
        form = new_form()
        _edit(form, effectiveness_score=4)

        second = form.version(2)
        assert (second.number, second.created_by, second.created_at) == (2, CHAIR, at(30))
        assert form.current is second
        assert form.version(1).hash != second.hash
        with pytest.raises(FormVersionNotFound):
            form.version(3)
        with pytest.raises(FormVersionNotFound):
            form.version(0)

    def test_r_fb_2_a_rehydrated_form_cannot_revive_a_verdict_on_an_earlier_version(self) -> None:
        form = consensual_form()
        stale = dict(form.approvals)
        _edit(form, effectiveness_score=4)

        with pytest.raises(ValueError, match="current version"):
            FeedbackForm(form.id, form.case_id, form.cell_id, 1, form.versions, stale)

    def test_a_form_starts_at_round_one_or_later_with_a_first_version(self) -> None:
        form = new_form()
        with pytest.raises(ValueError, match="round"):
            FeedbackForm(form.id, form.case_id, form.cell_id, 0, form.versions)
        with pytest.raises(ValueError, match="first version"):
            FeedbackForm(form.id, form.case_id, form.cell_id, 1, [])
