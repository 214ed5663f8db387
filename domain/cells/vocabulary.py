"""The fixed vocabularies of the guidance: organisation types, functions, tables."""

from __future__ import annotations

from enum import StrEnum


class OrganisationType(StrEnum):
    """Who can be around a LIVC-R table. Types the guidance excludes are listed too, so that a
    refusal is explicit (R-MEM-5, R-MEM-6, R-MEM-7) rather than a missing option."""

    municipal_prevention_service = "municipalPreventionService"
    mayors_office = "mayorsOffice"
    municipal_services = "municipalServices"
    ocmw_social_service = "ocmwSocialService"
    clb = "clb"
    school = "school"
    caw = "caw"
    vdab = "vdab"
    youth_care = "youthCare"
    hospital = "hospital"
    mediation_service = "mediationService"
    justice_house = "justiceHouse"
    local_police = "localPolice"
    entrepreneurs_association = "entrepreneursAssociation"
    public_prosecutor = "publicProsecutor"
    security_intelligence_service = "securityIntelligenceService"
    ocad = "ocad"
    federal_police = "federalPolice"
    other = "other"


class Function(StrEnum):
    """What a member does at the table."""

    mayor = "mayor"
    designated_radicalisation_officer = "designatedRadicalisationOfficer"
    prevention_worker = "preventionWorker"
    alderman_social_affairs = "aldermanSocialAffairs"
    alderman_mandate = "aldermanMandate"
    department_head = "departmentHead"
    police_chief = "policeChief"
    information_officer = "informationOfficer"
    police_officer = "policeOfficer"
    social_worker = "socialWorker"
    clb_counsellor = "clbCounsellor"
    youth_worker = "youthWorker"
    job_coach = "jobCoach"
    justice_assistant = "justiceAssistant"
    health_professional = "healthProfessional"
    mediator = "mediator"
    entrepreneur_representative = "entrepreneurRepresentative"
    prosecutor = "prosecutor"
    other = "other"


class TableKind(StrEnum):
    operational = "operational"
    strategic = "strategic"


class Participation(StrEnum):
    """R-MEM-11: taking part is voluntary. An organisation that does not sit can still be linked
    informally through the DRO, who is then its contact point."""

    sitting = "sitting"
    withdrawn = "withdrawn"
    informal_link = "informalLink"


class LegalBasisKind(StrEnum):
    """R-PRIV-3: case consultation under art. 458ter needs a legal basis or the prosecutor's
    permission."""

    law = "law"
    regional_decree = "regionalDecree"
    prosecutor_permission = "prosecutorPermission"


class WorkingLanguage(StrEnum):
    nl = "nl"
    fr = "fr"
    de = "de"


POLICE_FUNCTIONS = frozenset(
    {Function.police_chief, Function.information_officer, Function.police_officer}
)
# R-MEM-7: of the Local Task Force only the local police sits in the cell.
LTF_BODIES_NEVER_SEATED = frozenset({OrganisationType.federal_police, OrganisationType.ocad})
