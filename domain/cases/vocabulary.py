"""The structured, non-identifying description of a case (R-PRIV-1, R-CASE-4)."""

from __future__ import annotations

from enum import StrEnum


class AgeBand(StrEnum):
    """An age band instead of a birth date (R-PRIV-1); the first three are minors."""

    under_12 = "under12"
    from_12_to_15 = "from12To15"
    from_16_to_17 = "from16To17"
    from_18_to_24 = "from18To24"
    from_25_to_34 = "from25To34"
    from_35 = "from35"

    @property
    def minor(self) -> bool:
        return self in (AgeBand.under_12, AgeBand.from_12_to_15, AgeBand.from_16_to_17)


class InitialProblem(StrEnum):
    """R-CASE-4: approach the person through the initial problem, not a label."""

    family_situation = "familySituation"
    identity = "identity"
    school = "school"
    work = "work"
    mental_health = "mentalHealth"
    social_isolation = "socialIsolation"
    addiction = "addiction"
    housing = "housing"
    finances = "finances"
    delinquency = "delinquency"
    online_behaviour = "onlineBehaviour"
    other = "other"


class PhenomenonLabel(StrEnum):
    """R-CASE-4: optional, and better left empty early on (labels stigmatise)."""

    ftf = "ftf"
    htf = "htf"
    hp = "hp"
    child_of_ftf_htf = "childOfFtfHtf"
    none = "none"


class CaseSource(StrEnum):
    """R-CASE-1: a partner organisation of the operational table, or the LTF through the IO."""

    partner = "partner"
    ltf = "ltf"


class ActionStatus(StrEnum):
    open = "open"
    in_progress = "inProgress"
    done = "done"
    cancelled = "cancelled"
