"""The cell aggregate: its municipalities, legal basis, terms, organisations, tables and members.

Loaded whole (a cell has tens of members, not thousands), so every composition rule can be
checked against the complete table before a change is accepted.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from domain.cells.vocabulary import (
    POLICE_FUNCTIONS,
    Function,
    LegalBasisKind,
    OrganisationType,
    Participation,
    TableKind,
    WorkingLanguage,
)
from domain.shared.errors import InputIssue

NIS_CODE = re.compile(r"^\d{5}$")


class CellStatus(StrEnum):
    active = "active"
    deactivated = "deactivated"


@dataclass(frozen=True, slots=True)
class Municipality:
    """A municipality by its NIS code (Statbel's five digits) and name."""

    nis_code: str
    name: str

    def issues(self, field_name: str) -> list[InputIssue]:
        problems = []
        if not NIS_CODE.fullmatch(self.nis_code):
            problems.append(InputIssue(f"{field_name}.nisCode", "invalidNisCode"))
        if not self.name.strip():
            problems.append(InputIssue(f"{field_name}.name", "requiredInput"))
        return problems


@dataclass(frozen=True, slots=True)
class LegalBasis:
    """R-PRIV-3: the law, a regional decree, or the prosecutor's permission (reference + date)."""

    kind: LegalBasisKind
    reference: str
    decided_on: date | None = None

    def issues(self) -> list[InputIssue]:
        problems = []
        if not self.reference.strip():
            problems.append(InputIssue("reference", "requiredInput"))
        if self.kind is LegalBasisKind.prosecutor_permission and self.decided_on is None:
            problems.append(InputIssue("decidedOn", "requiredInput"))
        return problems


@dataclass(frozen=True, slots=True)
class ConfidentialityTerms:
    """R-PRIV-4: the versioned text every member acknowledges before seeing case content."""

    version: int
    text: str
    published_at: datetime


@dataclass(frozen=True, slots=True)
class ProsecutorDecision:
    """R-MEM-6: the procureur des Konings decided the prosecutor sits at the strategic table."""

    reference: str
    decided_on: date


@dataclass
class Organisation:
    id: uuid.UUID
    cell_id: uuid.UUID
    name: str
    type: OrganisationType
    participation: Participation = Participation.sitting
    school_contact: bool = False
    created_at: datetime | None = None

    @property
    def is_police(self) -> bool:
        return self.type is OrganisationType.local_police

    @property
    def takes_part(self) -> bool:
        return self.participation is Participation.sitting


@dataclass
class Member:
    """A professional seated at one table, for one organisation, in one function."""

    id: uuid.UUID
    table_id: uuid.UUID
    user_id: uuid.UUID
    organisation_id: uuid.UUID
    function: Function
    joined_at: datetime
    is_chair: bool = False
    left_at: datetime | None = None
    clearance_expires_on: date | None = None

    @property
    def active(self) -> bool:
        return self.left_at is None


@dataclass
class Table:
    id: uuid.UUID
    cell_id: uuid.UUID
    kind: TableKind
    created_at: datetime
    prosecutor_decision: ProsecutorDecision | None = None
    members: list[Member] = field(default_factory=list)

    def active_members(self) -> list[Member]:
        return [member for member in self.members if member.active]

    def chair(self) -> Member | None:
        return next((m for m in self.active_members() if m.is_chair), None)


@dataclass
class Cell:
    """One LIVC-R: the tenant of everything else."""

    id: uuid.UUID
    name: str
    municipalities: list[Municipality]
    working_language: WorkingLanguage
    retention: timedelta
    created_at: datetime
    legal_basis: LegalBasis | None = None
    terms: ConfidentialityTerms | None = None
    status: CellStatus = CellStatus.active
    organisations: list[Organisation] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)

    @property
    def is_active(self) -> bool:
        return self.status is CellStatus.active

    def table(self, kind: TableKind) -> Table | None:
        return next((table for table in self.tables if table.kind is kind), None)

    def organisation(self, organisation_id: uuid.UUID) -> Organisation | None:
        return next((org for org in self.organisations if org.id == organisation_id), None)

    def is_police(self, member: Member) -> bool:
        """Police presence counts members of the local police and anyone in a police function."""
        organisation = self.organisation(member.organisation_id)
        return member.function in POLICE_FUNCTIONS or bool(organisation and organisation.is_police)

    def member(self, member_id: uuid.UUID) -> tuple[Table, Member] | None:
        for table in self.tables:
            for member in table.members:
                if member.id == member_id:
                    return table, member
        return None
