"""Bodies of the cells API."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from typing import Annotated

from pydantic import Field, PlainSerializer

from api.schemas import ApiModel, in_days
from domain.cells.composition import ClearanceState, FixedParticipant
from domain.cells.model import Cell, Member, Organisation, Table
from domain.cells.vocabulary import (
    Function,
    LegalBasisKind,
    OrganisationType,
    Participation,
    TableKind,
    WorkingLanguage,
)
from domain.identity.model import User

Text = Field(min_length=1, max_length=200)


class MunicipalityBody(ApiModel):
    nis_code: str = Field(pattern=r"^\d{5}$", examples=["44021"], description="Statbel NIS code")
    name: str = Field(min_length=1, max_length=120, examples=["Lindebeek"])


class LegalBasisBody(ApiModel):
    """R-PRIV-3. `decidedOn` is required for the prosecutor's permission."""

    kind: LegalBasisKind
    reference: str = Field(min_length=1, max_length=300, examples=["Wet van 30 juli 2018"])
    decided_on: date | None = None


class TermsRead(ApiModel):
    version: int
    text: str
    published_at: datetime


class CellCreate(ApiModel):
    name: str = Text
    municipalities: list[MunicipalityBody] = Field(min_length=1, max_length=60)
    working_language: WorkingLanguage
    retention: timedelta = Field(description="ISO 8601 duration, e.g. P730D (R-PRIV-6)")
    confidentiality_terms: str = Field(min_length=1, max_length=20_000)
    legal_basis: LegalBasisBody | None = None


class CellUpdate(ApiModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    municipalities: list[MunicipalityBody] | None = Field(default=None, min_length=1, max_length=60)
    working_language: WorkingLanguage | None = None
    retention: timedelta | None = None
    active: bool | None = Field(default=None, description="Platform administrator only")


class CellRead(ApiModel):
    id: uuid.UUID
    name: str
    municipalities: list[MunicipalityBody]
    working_language: WorkingLanguage
    retention: Annotated[timedelta, PlainSerializer(in_days, return_type=str)] = Field(
        json_schema_extra={"format": "duration"}, examples=["P730D"]
    )
    legal_basis: LegalBasisBody | None = None
    confidentiality_terms: TermsRead | None = None
    active: bool
    created_at: datetime


class CellList(ApiModel):
    items: list[CellRead]
    total: int


class TermsCreate(ApiModel):
    text: str = Field(min_length=1, max_length=20_000)


class AcknowledgementCreate(ApiModel):
    version: int = Field(ge=1, le=1_000_000)


class OrganisationCreate(ApiModel):
    name: str = Text
    type: OrganisationType


class OrganisationUpdate(ApiModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    participation: Participation | None = None
    school_contact: bool | None = Field(default=None, description="R-MEM-13, CLB only")


class OrganisationRead(ApiModel):
    id: uuid.UUID
    name: str
    type: OrganisationType
    participation: Participation
    school_contact: bool


class OrganisationList(ApiModel):
    items: list[OrganisationRead]
    total: int


class ProsecutorDecisionBody(ApiModel):
    reference: str = Field(min_length=1, max_length=200)
    decided_on: date


class TableCreate(ApiModel):
    kind: TableKind = Field(description="Only `strategic`: the operational table always exists")
    prosecutor_decision: ProsecutorDecisionBody | None = None


class TableUpdate(ApiModel):
    prosecutor_decision: ProsecutorDecisionBody | None = None


class MemberCreate(ApiModel):
    email: str = Field(min_length=3, max_length=254, description="An existing account")
    organisation: uuid.UUID
    function: Function
    clearance_expires_on: date | None = Field(default=None, description="R-MEM-12, IO only")


class MemberUpdate(ApiModel):
    function: Function | None = None
    clearance_expires_on: date | None = None


class ChairAppointment(ApiModel):
    member: uuid.UUID


class MemberRead(ApiModel):
    id: uuid.UUID
    user: uuid.UUID
    display_name: str
    email: str
    organisation: uuid.UUID
    function: Function
    chair: bool
    police: bool
    joined_at: datetime
    clearance_expires_on: date | None = None
    terms_acknowledged: bool


class TableRead(ApiModel):
    id: uuid.UUID
    kind: TableKind
    prosecutor_decision: ProsecutorDecisionBody | None = None
    members: list[MemberRead]


class TableList(ApiModel):
    items: list[TableRead]
    total: int


class TableComposition(ApiModel):
    kind: TableKind
    members: int
    police: int
    balanced: bool = Field(description="R-MEM-4: police at most one third")
    chair: uuid.UUID | None = None
    chair_valid: bool
    constituted: bool = Field(description="R-MEM-8 (operational table only)")
    missing: list[FixedParticipant]
    meetings_allowed: bool


class ClearanceWarningRead(ApiModel):
    member: uuid.UUID
    user: uuid.UUID
    expires_on: date | None = None
    state: ClearanceState


class CompositionRead(ApiModel):
    """The live composition checklist."""

    tables: list[TableComposition]
    legal_basis_recorded: bool
    case_work_allowed: bool
    clearance_warnings: list[ClearanceWarningRead]
    unacknowledged: list[uuid.UUID]


def to_cell(cell: Cell) -> CellRead:
    basis = cell.legal_basis
    return CellRead(
        id=cell.id,
        name=cell.name,
        municipalities=[
            MunicipalityBody(nis_code=m.nis_code, name=m.name) for m in cell.municipalities
        ],
        working_language=cell.working_language,
        retention=cell.retention,
        legal_basis=(
            LegalBasisBody(kind=basis.kind, reference=basis.reference, decided_on=basis.decided_on)
            if basis
            else None
        ),
        confidentiality_terms=(
            TermsRead(
                version=cell.terms.version,
                text=cell.terms.text,
                published_at=cell.terms.published_at,
            )
            if cell.terms
            else None
        ),
        active=cell.is_active,
        created_at=cell.created_at,
    )


def to_organisation(organisation: Organisation) -> OrganisationRead:
    return OrganisationRead(
        id=organisation.id,
        name=organisation.name,
        type=organisation.type,
        participation=organisation.participation,
        school_contact=organisation.school_contact,
    )


def to_member(
    cell: Cell, member: Member, people: dict[uuid.UUID, User], acknowledged: frozenset[uuid.UUID]
) -> MemberRead:
    person = people.get(member.user_id)
    return MemberRead(
        id=member.id,
        user=member.user_id,
        display_name=person.display_name if person else "",
        email=person.email if person else "",
        organisation=member.organisation_id,
        function=member.function,
        chair=member.is_chair,
        police=cell.is_police(member),
        joined_at=member.joined_at,
        clearance_expires_on=member.clearance_expires_on,
        terms_acknowledged=member.user_id in acknowledged,
    )


def to_table(
    cell: Cell, table: Table, people: dict[uuid.UUID, User], acknowledged: frozenset[uuid.UUID]
) -> TableRead:
    decision = table.prosecutor_decision
    return TableRead(
        id=table.id,
        kind=table.kind,
        prosecutor_decision=(
            ProsecutorDecisionBody(reference=decision.reference, decided_on=decision.decided_on)
            if decision
            else None
        ),
        members=[to_member(cell, m, people, acknowledged) for m in table.active_members()],
    )
