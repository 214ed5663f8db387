"""The composition rules of the guidance, checked against the whole table before any change.

Each check raises the refusal of its rule; the exclusions (R-MEM-3, 5, 6, 7, 9) refuse outright.
"""

from __future__ import annotations

from domain.cells.errors import (
    ClearanceOnlyForInformationOfficer,
    EntrepreneursNotAtOperationalTable,
    IntelligenceServicesExcluded,
    LtfBodyExcluded,
    OperationalChairMustBeDro,
    OrganisationNotTakingPart,
    PoliceCannotChair,
    PolicePresenceTooProminent,
    ProsecutorNeedsDecision,
    ProsecutorNotAtOperationalTable,
    SchoolContactMustBeClb,
    StrategicChairMustBeMayor,
)
from domain.cells.model import Cell, Member, Organisation, Table
from domain.cells.vocabulary import (
    LTF_BODIES_NEVER_SEATED,
    POLICE_FUNCTIONS,
    Function,
    OrganisationType,
    TableKind,
)


def check_excluded(table: Table, organisation: Organisation, function: Function) -> None:
    """Who may never sit where, whatever else is true.

    R-MEM-5 security and intelligence services never sit at any table; R-MEM-7 no LTF body other
    than the local police sits in the cell; R-MEM-6 the prosecutor never sits at the operational
    table, and at the strategic table only after the procureur des Konings decided so; R-MEM-9
    entrepreneurs' associations are never fixed members of the operational table.
    """
    kind = organisation.type
    if kind is OrganisationType.security_intelligence_service:
        raise IntelligenceServicesExcluded()
    if kind in LTF_BODIES_NEVER_SEATED:
        raise LtfBodyExcluded(type=str(kind))
    if kind is OrganisationType.public_prosecutor or function is Function.prosecutor:
        if table.kind is TableKind.operational:
            raise ProsecutorNotAtOperationalTable()
        if table.prosecutor_decision is None:
            raise ProsecutorNeedsDecision()
    entrepreneurs = (
        kind is OrganisationType.entrepreneurs_association
        or function is Function.entrepreneur_representative
    )
    if entrepreneurs and table.kind is TableKind.operational:
        raise EntrepreneursNotAtOperationalTable()


def police_count(cell: Cell, table: Table) -> int:
    return sum(1 for member in table.active_members() if cell.is_police(member))


def check_police_share(police: int, total: int) -> None:
    """R-MEM-4: police members are at most one third of a table's members."""
    if police * 3 > total:
        raise PolicePresenceTooProminent(police=police, total=total)


def is_police_seat(organisation: Organisation, function: Function) -> bool:
    return organisation.is_police or function in POLICE_FUNCTIONS


def check_seat(cell: Cell, table: Table, organisation: Organisation, function: Function) -> None:
    """A new member: exclusions, voluntary participation (R-MEM-11), then police share (R-MEM-4)."""
    check_excluded(table, organisation, function)
    if not organisation.takes_part:
        raise OrganisationNotTakingPart()
    if is_police_seat(organisation, function):
        check_police_share(police_count(cell, table) + 1, len(table.active_members()) + 1)


def check_chair(cell: Cell, table: Table, member: Member, function: Function) -> None:
    """R-MEM-3 no police chair (checked first: it is the reason that matters most); R-MEM-1 the
    strategic table is chaired by the mayor; R-MEM-2 the operational table by the DRO."""
    organisation = cell.organisation(member.organisation_id)
    if function in POLICE_FUNCTIONS or (organisation is not None and organisation.is_police):
        raise PoliceCannotChair()
    if table.kind is TableKind.strategic and function is not Function.mayor:
        raise StrategicChairMustBeMayor()
    if (
        table.kind is TableKind.operational
        and function is not Function.designated_radicalisation_officer
    ):
        raise OperationalChairMustBeDro()


def check_function_change(cell: Cell, table: Table, member: Member, function: Function) -> None:
    """A member changing function is checked like a new seat for what changes."""
    organisation = cell.organisation(member.organisation_id)
    if organisation is None:
        raise LookupError(member.organisation_id)
    check_excluded(table, organisation, function)
    if member.is_chair:
        check_chair(cell, table, member, function)
    if is_police_seat(organisation, function) and not cell.is_police(member):
        check_police_share(police_count(cell, table) + 1, len(table.active_members()))


def check_clearance(function: Function) -> None:
    """R-MEM-12: only the information officer needs (and records) a security clearance."""
    if function is not Function.information_officer:
        raise ClearanceOnlyForInformationOfficer()


def check_school_contact(organisation: Organisation) -> None:
    """R-MEM-13: a CLB can be the single contact for all schools of the territory."""
    if organisation.type is not OrganisationType.clb:
        raise SchoolContactMustBeClb()
