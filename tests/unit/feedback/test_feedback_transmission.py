"""R-FB-3 (with the R-FB-2 gate): only the information officer transmits, only with consensus of
the members present at that moment, only once; the transmitted form is then frozen."""

from __future__ import annotations

import pytest

from domain.feedback import (
    AlreadyTransmitted,
    ConsensusNotReached,
    FeedbackForm,
    FormFrozen,
    FormStatus,
    InformationOfficerOnly,
    Verdict,
)
from domain.shared.errors import PermissionRuleViolation, RuleViolation
from tests.unit.feedback.feedback_samples import (
    CHAIR,
    IO,
    MEETING,
    PRESENT,
    SOCIAL,
    YOUTH,
    at,
    consensual_form,
    content,
    new_form,
    transmit,
)


class TestTransmission:
    def test_r_fb_3_transmission_records_who_when_which_version_and_meeting(self) -> None:
        form = consensual_form()
        transmit(form)

        assert form.transmission is not None
        assert form.transmission.by == IO
        assert form.transmission.at == at(60)
        assert form.transmission.version_hash == form.current.hash
        assert form.transmission.meeting_id == MEETING
        assert form.transmission.present_members == PRESENT
        assert form.status(frozenset()) is FormStatus.transmitted

    def test_r_fb_3_only_the_information_officer_transmits(self) -> None:
        form = consensual_form()

        with pytest.raises(InformationOfficerOnly) as caught:
            form.transmit(CHAIR, False, PRESENT, MEETING, at(60))

        assert isinstance(caught.value, PermissionRuleViolation)
        assert caught.value.rule == "R-FB-3"
        assert form.transmission is None

    def test_r_fb_2_the_information_officer_cannot_transmit_without_consensus(self) -> None:
        form = new_form()
        form.approve(IO, form.current.hash, PRESENT, at(1))

        with pytest.raises(ConsensusNotReached) as caught:
            transmit(form)

        assert caught.value.params == {"awaiting": 2, "objections": 0}
        assert form.transmission is None

    def test_r_fb_2_consensus_is_judged_on_attendance_at_transmission(self) -> None:
        form = consensual_form()

        with pytest.raises(ConsensusNotReached):
            transmit(form, PRESENT | {YOUTH})
        transmit(form, PRESENT - {SOCIAL})

        assert form.transmission is not None
        assert form.transmission.present_members == PRESENT - {SOCIAL}

    def test_r_fb_3_no_double_transmission(self) -> None:
        form = consensual_form()
        transmit(form)
        first = form.transmission

        with pytest.raises(AlreadyTransmitted) as caught:
            transmit(form)

        assert caught.value.rule == "R-FB-3"
        assert form.transmission is first

    def test_r_fb_3_the_form_is_frozen_after_transmission(self) -> None:
        form = consensual_form()
        transmit(form)
        transmitted_hash = form.current.hash

        with pytest.raises(FormFrozen) as caught:
            form.edit(content(effectiveness_score=1), CHAIR, at(61), form.current.hash)
        assert isinstance(caught.value, RuleViolation)
        assert caught.value.rule == "R-FB-3"
        with pytest.raises(FormFrozen):
            form.approve(IO, transmitted_hash, PRESENT, at(61))
        with pytest.raises(FormFrozen):
            form.object(SOCIAL, transmitted_hash, "Te laat bedacht.", PRESENT, at(61))

        assert len(form.history()) == 1
        assert all(a.verdict is Verdict.approved for a in form.approvals.values())

    def test_r_fb_3_a_rehydrated_transmission_must_name_the_last_version(self) -> None:
        form = consensual_form()
        transmit(form)
        assert form.transmission is not None
        earlier = form.transmission
        form.transmission = None
        form.edit(content(effectiveness_score=1), CHAIR, at(61), form.current.hash)

        with pytest.raises(ValueError, match="transmitted version"):
            FeedbackForm(form.id, form.case_id, form.cell_id, 1, form.versions, {}, earlier)
