"""The feedback form's model in one import: content (R-FB-1), form and verdicts (R-FB-2, R-FB-3)."""

from domain.feedback.content import (
    MAX_TEXT_LENGTH,
    SCALE_MAX,
    SCALE_MIN,
    FeedbackContent,
    FieldChange,
    KeyAssessment,
    content_hash,
)
from domain.feedback.form import (
    Approval,
    FeedbackForm,
    FormStatus,
    FormVersion,
    Transmission,
    Verdict,
)

__all__ = [
    "MAX_TEXT_LENGTH",
    "SCALE_MAX",
    "SCALE_MIN",
    "Approval",
    "FeedbackContent",
    "FeedbackForm",
    "FieldChange",
    "FormStatus",
    "FormVersion",
    "KeyAssessment",
    "Transmission",
    "Verdict",
    "content_hash",
]
