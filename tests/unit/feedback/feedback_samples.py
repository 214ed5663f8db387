"""Sample feedback contents, members and times shared by the feedback form tests."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, datetime, timedelta

from domain.feedback import FeedbackContent, FeedbackForm, KeyAssessment

T0 = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)

IO = uuid.UUID(int=1)
CHAIR = uuid.UUID(int=2)
SOCIAL = uuid.UUID(int=3)
SCHOOL = uuid.UUID(int=4)
YOUTH = uuid.UUID(int=5)
OUTSIDER = uuid.UUID(int=99)
TABLE = frozenset({IO, CHAIR, SOCIAL, SCHOOL, YOUTH})
MEETING = uuid.UUID(int=500)
PRESENT = frozenset({IO, CHAIR, SOCIAL})


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def content(**overrides: object) -> FeedbackContent:
    """A valid content; keyword arguments replace single fields."""
    base = FeedbackContent(
        effectiveness_score=3,
        effectiveness_explanation="Begeleiding door jeugdwerk loopt, schoolverzuim daalt.",
        willingness_to_cooperate_score=4,
        willingness_to_cooperate_explanation="Komt op afspraken, ook zonder herinnering.",
        distance_from_extremist_ideas_score=2,
        distance_from_extremist_ideas_explanation="Eerste twijfels, nog geen afstand.",
        follow_up_still_useful=True,
        cell_has_enough_options=True,
        follow_up_explanation="Het traject via de CLB-contactpersoon loopt verder.",
        other_elements="Aanbeveling: mentor uit de sportclub betrekken.",
        able_and_willing_to_commit_terrorist_acts=KeyAssessment.no_indication,
        key_assessment_motivation="Geen aanwijzingen van middelen of intentie.",
    )
    return dataclasses.replace(base, **overrides)  # type: ignore[arg-type]


def new_form() -> FeedbackForm:
    return FeedbackForm.start(
        id=uuid.UUID(int=1000),
        case_id=uuid.UUID(int=2000),
        cell_id=uuid.UUID(int=3000),
        round=1,
        content=content(),
        by=CHAIR,
        at=T0,
    )


def approve_all(form: FeedbackForm, members: frozenset[uuid.UUID]) -> None:
    for minute, member in enumerate(sorted(members), start=1):
        form.approve(member, form.current.hash, members, at(minute))


def consensual_form() -> FeedbackForm:
    """A form that every member of `PRESENT` approved."""
    form = new_form()
    approve_all(form, PRESENT)
    return form


def transmit(form: FeedbackForm, present: frozenset[uuid.UUID] = PRESENT) -> None:
    form.transmit(IO, True, present, MEETING, at(60))
