"""Bodies of the feedback-form API."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import Field

from api.schemas import ApiModel
from domain.feedback.content import FeedbackContent, KeyAssessment
from domain.feedback.form import FormStatus, Verdict

Score = Field(ge=1, le=5, description="1 … 5, higher is more favourable to the person")
Text = Field(max_length=2000)


class FeedbackContentBody(ApiModel):
    """R-FB-1: the criteria of the terugkoppelingsfiche."""

    effectiveness_score: int = Score
    effectiveness_explanation: str = Text
    willingness_to_cooperate_score: int = Score
    willingness_to_cooperate_explanation: str = Text
    distance_from_extremist_ideas_score: int = Score
    distance_from_extremist_ideas_explanation: str = Text
    follow_up_still_useful: bool
    cell_has_enough_options: bool
    follow_up_explanation: str = Text
    other_elements: str = Field(
        default="", max_length=2000, description="Measures taken, recommendations"
    )
    able_and_willing_to_commit_terrorist_acts: KeyAssessment = Field(
        description="The key assessment: is the person able and willing to commit terrorist acts?"
    )
    key_assessment_motivation: str = Text

    def to_content(self) -> FeedbackContent:
        return FeedbackContent(**self.model_dump(by_alias=False))


class VersionRead(ApiModel):
    number: int
    hash: str
    created_at: datetime
    created_by: uuid.UUID
    content: FeedbackContentBody


class VerdictRead(ApiModel):
    member: uuid.UUID
    display_name: str
    verdict: Verdict
    reason: str | None = None
    version_hash: str


class PersonRead(ApiModel):
    id: uuid.UUID
    display_name: str


class TransmissionRead(ApiModel):
    by: uuid.UUID
    at: datetime
    version_hash: str
    meeting: uuid.UUID
    present_members: list[uuid.UUID]


class FeedbackFormRead(ApiModel):
    id: uuid.UUID
    case: uuid.UUID
    case_code: str
    round: int
    status: FormStatus = Field(description="For the meeting named in `?meeting=` when given")
    current: VersionRead
    versions: int
    meeting: uuid.UUID | None = None
    approvers: list[uuid.UUID] = Field(
        description="Present members taking part in the case (R-FB-2)"
    )
    awaiting: list[uuid.UUID]
    verdicts: list[VerdictRead]
    people: list[PersonRead] = Field(
        default_factory=list,
        description="Names of everyone the form mentions: approvers, verdicts, version authors, "
        "the transmission",
    )
    consensus_reached_at: datetime | None = None
    transmission: TransmissionRead | None = None


class ApprovalPanelRead(ApiModel):
    """The approval state in one meeting, without the form's content (for live panels)."""

    form: uuid.UUID
    status: FormStatus
    version: int
    version_hash: str
    meeting: uuid.UUID
    approvers: list[uuid.UUID]
    awaiting: list[uuid.UUID]
    verdicts: list[VerdictRead]
    people: list[PersonRead]
    consensus_reached_at: datetime | None = None
    transmitted: bool


class FeedbackFormSummary(ApiModel):
    id: uuid.UUID
    round: int
    versions: int
    current_hash: str
    transmitted: bool


class FeedbackFormList(ApiModel):
    items: list[FeedbackFormSummary]
    total: int


class VerdictCreate(ApiModel):
    meeting: uuid.UUID
    version_hash: str = Field(pattern=r"^[0-9a-f]{64}$", description="The exact version approved")
    verdict: Verdict
    reason: str = Field(default="", max_length=2000, description="Required for an objection")


class TransmissionCreate(ApiModel):
    meeting: uuid.UUID


class FieldChangeRead(ApiModel):
    field: str
    old: str | int | bool | None = None
    new: str | int | bool | None = None


class Comparison(ApiModel):
    from_version: int
    to_version: int
    changes: list[FieldChangeRead]


class VersionList(ApiModel):
    items: list[VersionRead]
    total: int
