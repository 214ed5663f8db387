"""R-FB-1: what a feedback form holds, how it is validated, and how a version is fingerprinted."""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from domain.feedback import (
    MAX_TEXT_LENGTH,
    FieldChange,
    InvalidFeedbackContent,
    KeyAssessment,
    content_hash,
)
from domain.feedback import errors as feedback_errors
from domain.shared.errors import DomainError, InvalidInput, RuleViolation
from tests.unit.feedback.feedback_samples import content, new_form

REQUIRED_TEXTS = [
    "effectiveness_explanation",
    "willingness_to_cooperate_explanation",
    "distance_from_extremist_ideas_explanation",
    "follow_up_explanation",
    "key_assessment_motivation",
]


def _refusal(**overrides: object) -> InvalidFeedbackContent:
    with pytest.raises(InvalidFeedbackContent) as caught:
        content(**overrides)
    return caught.value


def test_r_fb_1_content_holds_every_criterion_of_the_guidance() -> None:
    names = set(content().canonical())

    assert names == {
        "effectivenessScore",
        "effectivenessExplanation",
        "willingnessToCooperateScore",
        "willingnessToCooperateExplanation",
        "distanceFromExtremistIdeasScore",
        "distanceFromExtremistIdeasExplanation",
        "followUpStillUseful",
        "cellHasEnoughOptions",
        "followUpExplanation",
        "otherElements",
        "ableAndWillingToCommitTerroristActs",
        "keyAssessmentMotivation",
    }


@pytest.mark.parametrize("score", [0, 6, -1, 100])
def test_r_fb_1_scores_outside_one_to_five_are_refused(score: int) -> None:
    error = _refusal(effectiveness_score=score)

    assert error.rule == "R-FB-1"
    assert isinstance(error, InvalidInput)
    assert [(i.name, i.code, i.params) for i in error.issues] == [
        ("effectivenessScore", "outOfRange", {"min": 1, "max": 5})
    ]


@pytest.mark.parametrize("score", [True, 3.0, "3", None])
def test_r_fb_1_a_score_must_be_an_integer(score: object) -> None:
    error = _refusal(distance_from_extremist_ideas_score=score)

    assert [(i.name, i.code) for i in error.issues] == [
        ("distanceFromExtremistIdeasScore", "integerRequired")
    ]


@pytest.mark.parametrize("score", [1, 2, 3, 4, 5])
def test_r_fb_1_every_point_of_the_scale_is_accepted(score: int) -> None:
    assert content(willingness_to_cooperate_score=score).willingness_to_cooperate_score == score


def test_r_fb_1_every_score_and_the_key_assessment_need_a_motivation_all_reported_at_once() -> None:
    error = _refusal(**dict.fromkeys(REQUIRED_TEXTS, "  \n"))

    assert [(i.name, i.code) for i in error.issues] == [
        ("effectivenessExplanation", "required"),
        ("willingnessToCooperateExplanation", "required"),
        ("distanceFromExtremistIdeasExplanation", "required"),
        ("followUpExplanation", "required"),
        ("keyAssessmentMotivation", "required"),
    ]


def test_r_fb_1_other_elements_are_optional() -> None:
    assert content(other_elements="").other_elements == ""


@pytest.mark.parametrize("name", [*REQUIRED_TEXTS, "other_elements"])
def test_r_fb_1_texts_are_capped_at_2000_characters(name: str) -> None:
    assert content(**{name: "x" * MAX_TEXT_LENGTH})
    error = _refusal(**{name: "x" * (MAX_TEXT_LENGTH + 1)})

    assert [(i.code, i.params) for i in error.issues] == [("tooLong", {"maxLength": 2000})]


def test_r_fb_1_key_assessment_must_be_one_of_the_listed_values() -> None:
    error = _refusal(able_and_willing_to_commit_terrorist_acts="maybe")

    assert [(i.name, i.code) for i in error.issues] == [
        ("ableAndWillingToCommitTerroristActs", "invalid")
    ]
    assert error.issues[0].params == {"allowed": ["noIndication", "concern", "seriousConcern"]}


def test_r_fb_1_follow_up_answers_are_booleans() -> None:
    error = _refusal(follow_up_still_useful="yes", cell_has_enough_options=None)

    assert [(i.name, i.code) for i in error.issues] == [
        ("followUpStillUseful", "booleanRequired"),
        ("cellHasEnoughOptions", "booleanRequired"),
    ]


def test_r_fb_1_refusal_never_echoes_the_text() -> None:
    secret = "Jan Peeters, 85.07.30-033 28" + "x" * MAX_TEXT_LENGTH
    error = _refusal(other_elements=secret)

    assert "Peeters" not in str(error)
    assert all("Peeters" not in str(issue) for issue in error.issues)


def test_texts_hands_every_free_text_to_the_privacy_guard() -> None:
    texts = content(other_elements="Maatregelen").texts()

    assert set(texts) == {
        "effectivenessExplanation",
        "willingnessToCooperateExplanation",
        "distanceFromExtremistIdeasExplanation",
        "followUpExplanation",
        "otherElements",
        "keyAssessmentMotivation",
    }
    assert texts["otherElements"] == "Maatregelen"


def test_content_hash_is_sha256_of_sorted_compact_utf8_json() -> None:
    sample = content(other_elements="Café, ‘aanbeveling’ — één mentor")
    expected_json = json.dumps(
        sample.canonical(), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )

    assert content_hash(sample) == hashlib.sha256(expected_json.encode("utf-8")).hexdigest()
    assert '"otherElements":"Café, ‘aanbeveling’ — één mentor"' in expected_json
    assert '"ableAndWillingToCommitTerroristActs":"noIndication"' in expected_json
    assert '"followUpStillUseful":true' in expected_json


CANONICAL_SAMPLE = (
    '{"ableAndWillingToCommitTerroristActs":"noIndication","cellHasEnoughOptions":true,'
    '"distanceFromExtremistIdeasExplanation":"Eerste twijfels, nog geen afstand.",'
    '"distanceFromExtremistIdeasScore":2,'
    '"effectivenessExplanation":"Begeleiding door jeugdwerk loopt, schoolverzuim daalt.",'
    '"effectivenessScore":3,'
    '"followUpExplanation":"Het traject via de CLB-contactpersoon loopt verder.",'
    '"followUpStillUseful":true,'
    '"keyAssessmentMotivation":"Geen aanwijzingen van middelen of intentie.",'
    '"otherElements":"Aanbeveling: mentor uit de sportclub betrekken.",'
    '"willingnessToCooperateExplanation":"Komt op afspraken, ook zonder herinnering.",'
    '"willingnessToCooperateScore":4}'
)


def test_content_hash_is_stable_across_runs() -> None:
    # Pinned (computed once with `printf %s "$json" | sha256sum`): a change here means every stored
    # approval would silently stop matching the version it approved.
    pinned = "23d983260b6909b149c7ce594633aa6b815f9e948e997f8cc7d0a6211a8b69b4"

    assert hashlib.sha256(CANONICAL_SAMPLE.encode("utf-8")).hexdigest() == pinned
    assert content_hash(content()) == pinned


def test_content_hash_changes_with_any_field() -> None:
    variants = [
        content(),
        content(effectiveness_score=4),
        content(cell_has_enough_options=False),
        content(other_elements=""),
        content(able_and_willing_to_commit_terrorist_acts=KeyAssessment.concern),
        content(key_assessment_motivation="Geen aanwijzingen van middelen of intentie"),
    ]

    assert len({content_hash(variant) for variant in variants}) == len(variants)


def test_compare_names_each_changed_field_with_old_and_new_value() -> None:
    form = new_form()
    form.edit(
        content(
            effectiveness_score=2, able_and_willing_to_commit_terrorist_acts=KeyAssessment.concern
        ),
        by=form.current.created_by,
        at=form.current.created_at,
        expected_hash=form.current.hash,
    )

    assert form.compare(1, 2) == [
        FieldChange("effectivenessScore", 3, 2),
        FieldChange("ableAndWillingToCommitTerroristActs", "noIndication", "concern"),
    ]
    assert form.compare(2, 1)[0] == FieldChange("effectivenessScore", 2, 3)
    assert form.compare(2, 2) == []


def test_every_feedback_error_has_a_lower_camel_code_and_rule_violations_name_their_rule() -> None:
    classes = [
        value
        for value in vars(feedback_errors).values()
        if isinstance(value, type)
        and issubclass(value, DomainError)
        and value.__module__ == feedback_errors.__name__
    ]

    assert len(classes) == 9
    for cls in classes:
        assert re.fullmatch(r"[a-z]+(?:[A-Z][a-z]*)*", cls.code), cls
        if issubclass(cls, RuleViolation | InvalidInput) and cls.__name__ != "UnchangedContent":
            assert re.fullmatch(r"R-FB-[123]", cls.rule), cls
