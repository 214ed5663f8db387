"""Refusals of case work, each naming its rule."""

from __future__ import annotations

from domain.shared.errors import PermissionRuleViolation, RuleViolation


class TableNotConstituted(RuleViolation):
    """R-MEM-8: case work needs a constituted operational table."""

    code = "tableNotConstituted"
    rule = "R-MEM-8"


class LegalBasisMissing(RuleViolation):
    """R-PRIV-3: no case consultation before the cell records its legal basis."""

    code = "legalBasisMissing"
    rule = "R-PRIV-3"


class NotAPartner(PermissionRuleViolation):
    """R-CASE-1: cases come from partner organisations of the operational table."""

    code = "notAPartner"
    rule = "R-CASE-1"


class LtfOnlyThroughInformationOfficer(PermissionRuleViolation):
    """R-CASE-1: the LTF submits only through the information officer."""

    code = "ltfOnlyThroughInformationOfficer"
    rule = "R-CASE-1"


class MunicipalityOutsideCell(RuleViolation):
    """R-SCOPE-2: the person resides in one of the cell's municipalities."""

    code = "municipalityOutsideCell"
    rule = "R-SCOPE-2"


class TermsNotAcknowledged(PermissionRuleViolation):
    """R-PRIV-4: case content opens only after the current confidentiality terms are
    acknowledged."""

    code = "termsNotAcknowledged"
    rule = "R-PRIV-4"


class ChairDecides(PermissionRuleViolation):
    """R-CASE-2 / R-CASE-6: the table decides (admission, weighing, closure); the chair records."""

    code = "chairDecides"
    rule = "R-CASE-6"


class OnlyInformationOfficerAddsCards(PermissionRuleViolation):
    code = "onlyInformationOfficerAddsCards"
    rule = "R-INFO-1"


class CardMustBeNonClassified(RuleViolation):
    code = "cardMustBeNonClassified"
    rule = "R-INFO-1"


class ActionOutsidePartners(RuleViolation):
    """R-CASE-8: an action is carried by a partner taking part in the case."""

    code = "actionOutsidePartners"
    rule = "R-CASE-8"


class PlanExists(RuleViolation):
    code = "planExists"
    rule = "R-CASE-8"


class PlanNeedsFollowUp(RuleViolation):
    """R-CASE-8: a plan is carried while the case is followed up (after being retained)."""

    code = "planNeedsFollowUp"
    rule = "R-CASE-8"
