"""One test per composition rule: the allowed case passes, the forbidden one is refused."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from domain.cells import composing
from domain.cells.composition import composition_report
from domain.cells.errors import (
    AlreadyMember,
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
from domain.cells.model import Cell, LegalBasis, ProsecutorDecision
from domain.cells.vocabulary import (
    Function,
    LegalBasisKind,
    OrganisationType,
    Participation,
    TableKind,
)
from tests.support.cells import NOW, new_cell, org

OT, ST = TableKind.operational, TableKind.strategic
T = OrganisationType
F = Function


def seat(
    cell: Cell, kind: TableKind, organisation: OrganisationType, function: Function
) -> uuid.UUID:
    return composing.seat(cell, kind, uuid.uuid4(), org(cell, organisation), function, NOW).id


def constitute(cell: Cell) -> dict[str, uuid.UUID]:
    """DRO, alderman, two partners and the information officer: 1 police in 5."""
    return {
        "dro": seat(cell, OT, T.municipal_prevention_service, F.designated_radicalisation_officer),
        "alderman": seat(cell, OT, T.municipal_services, F.alderman_social_affairs),
        "clb": seat(cell, OT, T.clb, F.clb_counsellor),
        "io": seat(cell, OT, T.local_police, F.information_officer),
    }


class TestChairs:
    def test_r_mem_1_mayor_chairs_the_strategic_table(self) -> None:
        cell = new_cell()
        mayor = seat(cell, ST, T.mayors_office, F.mayor)
        assert composing.appoint_chair(cell, ST, mayor)[-1].is_chair

    def test_r_mem_1_refuses_another_strategic_chair(self) -> None:
        cell = new_cell()
        head = seat(cell, ST, T.municipal_services, F.department_head)
        with pytest.raises(StrategicChairMustBeMayor):
            composing.appoint_chair(cell, ST, head)

    def test_r_mem_2_dro_chairs_the_operational_table(self) -> None:
        cell = new_cell()
        dro = seat(cell, OT, T.municipal_prevention_service, F.designated_radicalisation_officer)
        assert composing.appoint_chair(cell, OT, dro)[-1].is_chair

    def test_r_mem_2_refuses_another_operational_chair(self) -> None:
        cell = new_cell()
        worker = seat(cell, OT, T.caw, F.social_worker)
        with pytest.raises(OperationalChairMustBeDro):
            composing.appoint_chair(cell, OT, worker)

    @pytest.mark.parametrize("function", [F.information_officer, F.police_chief, F.police_officer])
    def test_r_mem_3_police_never_chairs(self, function: Function) -> None:
        cell = new_cell()
        for kind in (T.clb, T.caw, T.vdab):
            seat(cell, OT, kind, F.social_worker)
        police = seat(cell, OT, T.local_police, function)
        with pytest.raises(PoliceCannotChair):
            composing.appoint_chair(cell, OT, police)

    def test_r_mem_3_a_chair_cannot_become_police(self) -> None:
        cell = new_cell()
        constitute(cell)
        mayor = seat(cell, ST, T.mayors_office, F.mayor)
        composing.appoint_chair(cell, ST, mayor)
        for kind in (T.clb, T.caw, T.vdab):
            seat(cell, ST, kind, F.department_head)
        with pytest.raises(PoliceCannotChair):
            composing.change_function(cell, mayor, F.police_chief)

    def test_appointing_a_new_chair_unseats_the_previous_one(self) -> None:
        cell = new_cell()
        first = seat(cell, OT, T.municipal_prevention_service, F.designated_radicalisation_officer)
        second = seat(cell, OT, T.mayors_office, F.designated_radicalisation_officer)
        composing.appoint_chair(cell, OT, first)
        changed = composing.appoint_chair(cell, OT, second)
        assert [m.id for m in changed if not m.is_chair] == [first]


class TestPolicePresence:
    def test_r_mem_4_one_police_member_in_three_is_allowed(self) -> None:
        cell = new_cell()
        seat(cell, OT, T.clb, F.clb_counsellor)
        seat(cell, OT, T.caw, F.social_worker)
        seat(cell, OT, T.local_police, F.information_officer)

    def test_r_mem_4_refuses_a_police_member_beyond_one_third(self) -> None:
        cell = new_cell()
        seat(cell, OT, T.clb, F.clb_counsellor)
        seat(cell, OT, T.caw, F.social_worker)
        seat(cell, OT, T.local_police, F.information_officer)
        with pytest.raises(PolicePresenceTooProminent) as refused:
            seat(cell, OT, T.local_police, F.police_chief)
        assert refused.value.params == {"police": 2, "total": 4}

    def test_r_mem_4_police_function_in_another_organisation_counts(self) -> None:
        cell = new_cell()
        seat(cell, OT, T.clb, F.clb_counsellor)
        with pytest.raises(PolicePresenceTooProminent):
            seat(cell, OT, T.other, F.police_officer)

    def test_r_mem_4_withdrawal_is_never_refused_and_reports_imbalance(self) -> None:
        cell = new_cell()
        ids = constitute(cell)
        for name in ("clb", "alderman", "dro"):
            composing.withdraw(cell, ids[name], NOW)
        report = composition_report(cell, NOW.date(), frozenset())
        assert not report.operational.balanced
        assert not report.operational.meetings_allowed

    def test_r_mem_4_changing_function_into_police_counts_as_an_addition(self) -> None:
        cell = new_cell()
        worker = seat(cell, OT, T.caw, F.social_worker)
        with pytest.raises(PolicePresenceTooProminent):
            composing.change_function(cell, worker, F.police_officer)


class TestExclusions:
    @pytest.mark.parametrize("kind", [OT, ST])
    def test_r_mem_5_intelligence_services_never_sit(self, kind: TableKind) -> None:
        cell = new_cell()
        with pytest.raises(IntelligenceServicesExcluded):
            seat(cell, kind, T.security_intelligence_service, F.other)

    def test_r_mem_6_prosecutor_never_at_the_operational_table(self) -> None:
        cell = new_cell()
        with pytest.raises(ProsecutorNotAtOperationalTable):
            seat(cell, OT, T.public_prosecutor, F.prosecutor)

    def test_r_mem_6_prosecutor_at_the_strategic_table_only_with_a_decision(self) -> None:
        cell = new_cell()
        for kind in (T.clb, T.caw):
            seat(cell, ST, kind, F.department_head)
        with pytest.raises(ProsecutorNeedsDecision):
            seat(cell, ST, T.public_prosecutor, F.prosecutor)
        table = cell.table(ST)
        assert table is not None
        table.prosecutor_decision = ProsecutorDecision("PK/2026/12", date(2026, 2, 1))
        seat(cell, ST, T.public_prosecutor, F.prosecutor)

    @pytest.mark.parametrize("kind", [T.federal_police, T.ocad])
    def test_r_mem_7_no_other_ltf_body_sits(self, kind: OrganisationType) -> None:
        cell = new_cell()
        with pytest.raises(LtfBodyExcluded):
            seat(cell, ST, kind, F.other)

    def test_r_mem_7_the_local_police_does_sit(self) -> None:
        cell = new_cell()
        seat(cell, OT, T.clb, F.clb_counsellor)
        seat(cell, OT, T.caw, F.social_worker)
        seat(cell, OT, T.local_police, F.information_officer)

    def test_r_mem_9_entrepreneurs_not_at_the_operational_table(self) -> None:
        cell = new_cell()
        with pytest.raises(EntrepreneursNotAtOperationalTable):
            seat(cell, OT, T.entrepreneurs_association, F.entrepreneur_representative)

    def test_r_mem_9_entrepreneurs_may_sit_at_the_strategic_table(self) -> None:
        cell = new_cell()
        seat(cell, ST, T.entrepreneurs_association, F.entrepreneur_representative)

    def test_r_mem_10_justice_houses_may_sit_at_the_operational_table(self) -> None:
        cell = new_cell()
        seat(cell, OT, T.justice_house, F.justice_assistant)


class TestConstitution:
    def test_r_mem_8_constituted_with_dro_io_and_alderman(self) -> None:
        cell = new_cell()
        constitute(cell)
        cell.legal_basis = LegalBasis(LegalBasisKind.law, "Wet van 30 juli 2018")
        report = composition_report(cell, NOW.date(), frozenset())
        assert report.operational.constituted
        assert report.case_work_allowed

    def test_r_mem_8_mayor_may_replace_the_dro_and_a_mandate_the_alderman(self) -> None:
        cell = new_cell()
        seat(cell, OT, T.mayors_office, F.mayor)
        seat(cell, OT, T.ocmw_social_service, F.alderman_mandate)
        seat(cell, OT, T.clb, F.clb_counsellor)
        seat(cell, OT, T.local_police, F.information_officer)
        assert composition_report(cell, NOW.date(), frozenset()).operational.constituted

    def test_r_mem_8_reports_what_is_missing(self) -> None:
        cell = new_cell()
        seat(cell, OT, T.municipal_prevention_service, F.designated_radicalisation_officer)
        report = composition_report(cell, NOW.date(), frozenset())
        assert report.operational.missing == ("informationOfficer", "aldermanSocialAffairs")
        assert not report.case_work_allowed

    def test_r_priv_3_no_case_work_without_a_legal_basis(self) -> None:
        cell = new_cell()
        constitute(cell)
        assert not composition_report(cell, NOW.date(), frozenset()).case_work_allowed

    def test_r_priv_3_prosecutor_permission_needs_a_date(self) -> None:
        basis = LegalBasis(LegalBasisKind.prosecutor_permission, "PK Lindebeek 2026/4")
        assert [issue.name for issue in basis.issues()] == ["decidedOn"]


class TestVoluntaryParticipation:
    def test_r_mem_11_withdrawing_organisation_takes_its_members_off(self) -> None:
        cell = new_cell()
        ids = constitute(cell)
        left = composing.change_participation(cell, org(cell, T.clb), Participation.withdrawn, NOW)
        assert [m.id for m in left] == [ids["clb"]]

    def test_r_mem_11_informal_link_cannot_be_seated(self) -> None:
        cell = new_cell()
        composing.change_participation(
            cell, org(cell, T.hospital), Participation.informal_link, NOW
        )
        with pytest.raises(OrganisationNotTakingPart):
            seat(cell, OT, T.hospital, F.health_professional)

    def test_r_mem_11_withdrawal_is_never_refused_even_for_the_chair(self) -> None:
        cell = new_cell()
        ids = constitute(cell)
        composing.appoint_chair(cell, OT, ids["dro"])
        composing.withdraw(cell, ids["dro"], NOW)
        report = composition_report(cell, NOW.date(), frozenset())
        assert report.operational.chair is None
        assert not report.operational.meetings_allowed


class TestClearanceAndSchools:
    def test_r_mem_12_clearance_only_for_the_information_officer(self) -> None:
        cell = new_cell()
        ids = constitute(cell)
        composing.record_clearance(cell, ids["io"], date(2027, 1, 1))
        with pytest.raises(ClearanceOnlyForInformationOfficer):
            composing.record_clearance(cell, ids["clb"], date(2027, 1, 1))

    def test_r_mem_12_clearance_expiring_within_60_days_is_reported(self) -> None:
        cell = new_cell()
        ids = constitute(cell)
        composing.record_clearance(cell, ids["io"], date(2026, 4, 15))
        warnings = composition_report(cell, NOW.date(), frozenset()).clearance_warnings
        assert [(w.member_id, w.state) for w in warnings] == [(ids["io"], "expiring")]

    def test_r_mem_13_a_clb_can_be_the_school_contact(self) -> None:
        cell = new_cell()
        changed = composing.designate_school_contact(cell, org(cell, T.clb), True)
        assert changed[-1].school_contact

    def test_r_mem_13_a_school_cannot_be_the_contact_for_all_schools(self) -> None:
        cell = new_cell()
        with pytest.raises(SchoolContactMustBeClb):
            composing.designate_school_contact(cell, org(cell, T.school), True)


def test_r_tab_1_a_member_sits_once_per_table() -> None:
    cell = new_cell()
    user = uuid.uuid4()
    composing.seat(cell, OT, user, org(cell, T.clb), F.clb_counsellor, NOW)
    with pytest.raises(AlreadyMember):
        composing.seat(cell, OT, user, org(cell, T.caw), F.social_worker, NOW)


def test_r_priv_4_members_who_did_not_acknowledge_are_listed() -> None:
    cell = new_cell()
    constitute(cell)
    table = cell.table(OT)
    assert table is not None
    first = table.active_members()[0].user_id
    report = composition_report(cell, NOW.date(), frozenset({first}))
    assert first not in report.unacknowledged
    assert len(report.unacknowledged) == 3
