"""Feedback to the LTF: the terugkoppelingsfiche (R-FB-1), released only by consensus of all
effectively participating members (R-FB-2), transmitted once by the information officer (R-FB-3).
"""

from domain.feedback.errors import (
    AlreadyTransmitted,
    ConsensusNotReached,
    FormFrozen,
    FormVersionNotFound,
    InformationOfficerOnly,
    InvalidFeedbackContent,
    NotEffectivelyParticipating,
    ObjectionReasonRequired,
    UnchangedContent,
)
from domain.feedback.model import (
    MAX_TEXT_LENGTH,
    SCALE_MAX,
    SCALE_MIN,
    Approval,
    FeedbackContent,
    FeedbackForm,
    FieldChange,
    FormStatus,
    FormVersion,
    KeyAssessment,
    Transmission,
    Verdict,
    content_hash,
)

__all__ = [
    "MAX_TEXT_LENGTH",
    "SCALE_MAX",
    "SCALE_MIN",
    "AlreadyTransmitted",
    "Approval",
    "ConsensusNotReached",
    "FeedbackContent",
    "FeedbackForm",
    "FieldChange",
    "FormFrozen",
    "FormStatus",
    "FormVersion",
    "FormVersionNotFound",
    "InformationOfficerOnly",
    "InvalidFeedbackContent",
    "KeyAssessment",
    "NotEffectivelyParticipating",
    "ObjectionReasonRequired",
    "Transmission",
    "UnchangedContent",
    "Verdict",
    "content_hash",
]
