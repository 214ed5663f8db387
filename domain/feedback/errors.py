"""Refusals of the feedback form, each naming the rule of RULES.md it enforces.

`StaleVersion` (shared) is raised as is when an edit or a verdict names a version that is no longer
the current one.
"""

from __future__ import annotations

from domain.shared.errors import (
    Conflict,
    InputIssue,
    InvalidInput,
    NotFound,
    PermissionRuleViolation,
    RuleViolation,
)


class InvalidFeedbackContent(InvalidInput):
    """R-FB-1: the content misses a criterion, scores off the scale or exceeds a length."""

    code = "invalidFeedbackContent"
    rule = "R-FB-1"

    def __init__(self, issues: list[InputIssue]) -> None:
        super().__init__(issues, rule=self.rule)


class ObjectionReasonRequired(InvalidInput):
    """R-FB-2: an objection blocks the form for everyone, so it must say why (and not at length)."""

    code = "objectionReasonRequired"
    rule = "R-FB-2"

    def __init__(self, issues: list[InputIssue]) -> None:
        super().__init__(issues, rule=self.rule)


class NotEffectivelyParticipating(PermissionRuleViolation):
    """R-FB-2: only members recorded as present at the meeting in session may approve or object.

    Absent members and non-members never count towards, or against, the consensus.
    """

    code = "notEffectivelyParticipating"
    rule = "R-FB-2"


class ConsensusNotReached(RuleViolation):
    """R-FB-2: not every present member approved the current version, or someone objected."""

    code = "consensusNotReached"
    rule = "R-FB-2"


class InformationOfficerOnly(PermissionRuleViolation):
    """R-FB-3: only the information officer transmits a feedback form to the LTF."""

    code = "informationOfficerOnly"
    rule = "R-FB-3"


class AlreadyTransmitted(RuleViolation):
    """R-FB-3: a form is transmitted once; a later evaluation round starts a new form."""

    code = "alreadyTransmitted"
    rule = "R-FB-3"


class FormFrozen(RuleViolation):
    """R-FB-3: a transmitted form is the IO's report to the LTF and is never changed or re-voted."""

    code = "feedbackFormFrozen"
    rule = "R-FB-3"


class UnchangedContent(Conflict):
    """An edit must change something: a no-op save would void every approval for nothing."""

    code = "unchangedContent"


class FormVersionNotFound(NotFound):
    """The form has no version with this number."""

    code = "feedbackFormVersionNotFound"
