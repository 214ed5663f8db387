"""Refusals of the composition rules, each naming its rule of RULES.md."""

from __future__ import annotations

from domain.shared.errors import Conflict, InvalidInput, RuleViolation


class NoMunicipality(RuleViolation):
    """R-SCOPE-1: a cell covers one municipality or several — never none."""

    code = "noMunicipality"
    rule = "R-SCOPE-1"


class SecondStrategicTable(RuleViolation):
    """R-TAB-1: at most one strategic table (the operational one is created with the cell)."""

    code = "secondStrategicTable"
    rule = "R-TAB-1"


class StrategicChairMustBeMayor(RuleViolation):
    code = "strategicChairMustBeMayor"
    rule = "R-MEM-1"


class OperationalChairMustBeDro(RuleViolation):
    code = "operationalChairMustBeDro"
    rule = "R-MEM-2"


class PoliceCannotChair(RuleViolation):
    code = "policeCannotChair"
    rule = "R-MEM-3"


class PolicePresenceTooProminent(RuleViolation):
    code = "policePresenceTooProminent"
    rule = "R-MEM-4"


class IntelligenceServicesExcluded(RuleViolation):
    code = "intelligenceServicesExcluded"
    rule = "R-MEM-5"


class ProsecutorNotAtOperationalTable(RuleViolation):
    code = "prosecutorNotAtOperationalTable"
    rule = "R-MEM-6"


class ProsecutorNeedsDecision(RuleViolation):
    code = "prosecutorNeedsDecision"
    rule = "R-MEM-6"


class LtfBodyExcluded(RuleViolation):
    code = "ltfBodyExcluded"
    rule = "R-MEM-7"


class EntrepreneursNotAtOperationalTable(RuleViolation):
    code = "entrepreneursNotAtOperationalTable"
    rule = "R-MEM-9"


class OrganisationNotTakingPart(RuleViolation):
    code = "organisationNotTakingPart"
    rule = "R-MEM-11"


class ClearanceOnlyForInformationOfficer(RuleViolation):
    code = "clearanceOnlyForInformationOfficer"
    rule = "R-MEM-12"


class SchoolContactMustBeClb(RuleViolation):
    code = "schoolContactMustBeClb"
    rule = "R-MEM-13"


class AlreadyMember(Conflict):
    code = "alreadyMember"


class NotAMember(Conflict):
    code = "notAMember"


class LegalBasisIncomplete(InvalidInput):
    """R-PRIV-3: the prosecutor's permission needs its reference and date."""


class CellDeactivated(Conflict):
    code = "cellDeactivated"


class InvitationAlreadyAccepted(Conflict):
    """An accepted invitation has done its work: the account exists and has a password."""

    code = "invitationAlreadyAccepted"
