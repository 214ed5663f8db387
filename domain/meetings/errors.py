"""Refusals of the meetings context, each naming its rule."""

from __future__ import annotations

from domain.shared.errors import Conflict, PermissionRuleViolation, RuleViolation


class InviteeNotAtTable(RuleViolation):
    """R-TAB-2: invitations are chosen from the table's members and the case's partners — which
    also keeps intelligence services, the prosecutor and other LTF bodies out (R-MEM-5, 6, 7)."""

    code = "inviteeNotAtTable"
    rule = "R-TAB-2"


class NoCasesAtStrategicTable(RuleViolation):
    """R-TAB-3: the strategic table steers on figures; its meetings carry no case."""

    code = "noCasesAtStrategicTable"
    rule = "R-TAB-3"


class TableCannotMeet(RuleViolation):
    """R-MEM-4: an out-of-balance table (police above one third) or one without a valid chair
    does not meet until restored."""

    code = "tableCannotMeet"
    rule = "R-MEM-4"


class ChairRunsTheMeeting(PermissionRuleViolation):
    """R-MEM-1 / R-MEM-2: the table's chair plans and runs its meetings."""

    code = "chairRunsTheMeeting"
    rule = "R-MEM-2"


class MeetingNotInSession(Conflict):
    code = "meetingNotInSession"


class MeetingNotPlanned(Conflict):
    code = "meetingNotPlanned"


class MeetingAcknowledgementRequired(PermissionRuleViolation):
    """R-PRIV-4: each attendee confirms the secrecy of this meeting before its session opens."""

    code = "meetingAcknowledgementRequired"
    rule = "R-PRIV-4"


class NotPresent(PermissionRuleViolation):
    """Minutes are released to those present (R-FB-2 reads the same attendance)."""

    code = "notPresent"
    rule = "R-FB-2"


class AgendaItemWithoutCase(Conflict):
    code = "agendaItemWithoutCase"
