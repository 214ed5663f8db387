"""R-AUD-1: the compliance evidence pack as a PDF follows the requested language — headings,
sentences, enum values, Belgian dates and times, month names, page numbers — and keeps the rule
IDs auditors search for. No database: the pack is built by hand with fictitious pseudonyms."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime

import pypdfium2
import pytest

from adapters.documents.evidence_pdf import FpdfEvidenceDocument, evidence_filename
from domain.cells.model import LegalBasis
from domain.cells.vocabulary import LegalBasisKind
from domain.feedback.form import Verdict
from domain.meetings.cadence import CadenceExplanation, CadenceMode, CadenceStatus
from domain.oversight.evidence import (
    AcknowledgementEvidence,
    ApprovalEvidence,
    CompositionMonth,
    EvidencePack,
    FormEvidence,
)
from domain.oversight.ports import PurgeRecord

HEAD = "a3f1" + "0" * 56 + "9b7c"
VERSION = "5e8d2c41a9b07f3366d1e0c4b2a9f871" * 2
COMPUTED = datetime(2026, 11, 28, 13, 5, tzinfo=UTC)  # 14:05 in Brussels (CET)
APPROVED = datetime(2026, 6, 10, 8, 30, tzinfo=UTC)  # 10:30 in Brussels (CEST)
RULES = (
    "R-AUD-1",
    "R-PRIV-3",
    "R-MEM-4",
    "R-MEM-8",
    "R-CAD-1",
    "R-CAD-4",
    "R-FB-2",
    "R-FB-3",
    "R-PRIV-4",
    "R-PRIV-6",
)
EXPECTED = {
    "nl": {
        "heading": "Bewijsdossier naleving",
        "computed": "28-11-2026 14:05",
        "approval": "Lid A: goedgekeurd",
        "objection": "Lid C: bezwaar",
        "zone": "Belgische tijd (Europe/Brussels)",
        "month": "mei 2026",
        "basis": "toestemming van de procureur des Konings",
        "mode": "wekelijks",
        "page": "pagina {page} van {total}",
        "approvedAt": "10-06-2026 10:30",
    },
    "fr": {
        "heading": "Dossier de preuves de conformité",
        "computed": "28/11/2026 14:05",
        "approval": "Lid A : approuvé",
        "objection": "Lid C : objection",
        "zone": "heure belge (Europe/Brussels)",
        "month": "mai 2026",
        "basis": "autorisation du procureur du Roi",
        "mode": "hebdomadaire",
        "page": "page {page} sur {total}",
        "approvedAt": "10/06/2026 10:30",
    },
    "de": {
        "heading": "Nachweisdossier zur Einhaltung",
        "computed": "28.11.2026 14:05",
        "approval": "Lid A: genehmigt",
        "objection": "Lid C: Einwand",
        "zone": "belgischer Zeit (Europe/Brussels)",
        "month": "Mai 2026",
        "basis": "Zustimmung des Prokurators des Königs",
        "mode": "wöchentlich",
        "page": "Seite {page} von {total}",
        "approvedAt": "10.06.2026 10:30",
    },
    "en": {
        "heading": "Compliance evidence pack",
        "computed": "28/11/2026 14:05",
        "approval": "Lid A: approved",
        "objection": "Lid C: objected",
        "zone": "Belgian time (Europe/Brussels)",
        "month": "May 2026",
        "basis": "permission of the public prosecutor",
        "mode": "weekly",
        "page": "page {page} of {total}",
        "approvedAt": "10/06/2026 10:30",
    },
}


def form(number: int) -> FormEvidence:
    return FormEvidence(
        form_id=uuid.UUID(int=number),
        round=1,
        version=2,
        version_hash=VERSION,
        transmitted_at=datetime(2026, 6, 11, 9, 0, tzinfo=UTC),
        transmitted_by="Lid D",
        meeting_id=uuid.UUID(int=1000 + number),
        meeting_started_at=datetime(2026, 6, 10, 7, 0, tzinfo=UTC),
        present=("Lid A", "Lid B", "Lid C", "Lid D"),
        approvals=(
            ApprovalEvidence("Lid A", VERSION, Verdict.approved, APPROVED),
            ApprovalEvidence("Lid B", VERSION, Verdict.approved, APPROVED),
            ApprovalEvidence("Lid C", VERSION, Verdict.objected, APPROVED),
            ApprovalEvidence("Lid D", VERSION, Verdict.approved, APPROVED),
        ),
    )


def pack() -> EvidencePack:
    months = ["2025-12", *(f"2026-{m:02d}" for m in range(1, 12))]
    unbalanced = "2026-05"
    return EvidencePack(
        cell_id=uuid.UUID(int=1),
        cell_name="LIVC-R Lindebeek",
        computed_at=COMPUTED,
        chain_length=412,
        chain_head=HEAD,
        chain_intact=True,
        first_broken_seq=None,
        legal_basis=LegalBasis(
            LegalBasisKind.prosecutor_permission, "PK Lindebeek 2025/017", date(2025, 3, 12)
        ),
        composition=tuple(
            CompositionMonth(
                month=m,
                members=9,
                police=4 if m == unbalanced else 2,
                balanced=m != unbalanced,
                constituted=True,
            )
            for m in months
        ),
        cadence=CadenceStatus(
            mode=CadenceMode.weekly,
            next_due=datetime(2026, 12, 4, 23, 30, tzinfo=UTC),  # 5 December in Brussels
            overdue=False,
            days_overdue=0,
            constitutive_meeting_held=True,
            explanation=CadenceExplanation.weekly_because_problematic,
        ),
        meetings_per_month=dict.fromkeys(months, 3),
        feedback_forms=tuple(form(n) for n in range(1, 7)),
        terms_version=2,
        acknowledgements=(
            AcknowledgementEvidence("Lid A", 2, datetime(2026, 1, 5, 10, 0, tzinfo=UTC)),
            AcknowledgementEvidence("Lid B", 2, datetime(2026, 1, 6, 10, 0, tzinfo=UTC)),
        ),
        unacknowledged=("Lid C",),
        reads_by_organisation={"-": 3, "CAW Lindebeek": 14, "Politiezone Lindebeek": 6},
        retention_days=730,
        retention_runs=("2026-11-27T02:00:00.000000Z", "2026-11-28T02:00:00.000000Z"),
        purges=(PurgeRecord(date(2026, 10, 2), 1),),
    )


def pages(language: str) -> list[str]:
    document = pypdfium2.PdfDocument(FpdfEvidenceDocument().render(pack(), language))
    # multi_cell may wrap a sentence: compare with whitespace collapsed.
    return [" ".join(page.get_textpage().get_text_range().split()) for page in document]


@pytest.mark.parametrize("language", ["nl", "fr", "de", "en"])
def test_r_aud_1_the_evidence_pdf_speaks_the_requested_language(language: str) -> None:
    texts = pages(language)
    text = " ".join(texts)
    expected = EXPECTED[language]
    assert expected["heading"] in text
    if language != "en":
        assert "Compliance evidence pack" not in text
        assert "Computed at" not in text
    for rule in RULES:
        assert rule in text, rule
    assert expected["computed"] in text, "computed at, in Belgian winter time"
    assert "13:05" not in text, "never the UTC time"
    assert expected["approvedAt"] in text, "an approval in Belgian summer time"
    assert expected["zone"] in text
    assert expected["approval"] in text
    assert expected["objection"] in text
    assert expected["month"] in text
    assert "2026-05" not in text
    assert expected["basis"] in text
    assert expected["mode"] in text
    assert HEAD in text, "the chain head in full"
    assert VERSION[:16] in text
    assert VERSION[:17] not in text, "version hashes shortened to 16 characters"
    assert len(texts) > 1
    for number, page_text in enumerate(texts, start=1):
        assert expected["page"].format(page=number, total=len(texts)) in page_text


def test_the_dates_are_the_belgian_days() -> None:
    text = " ".join(pages("nl"))
    assert "05-12-2026" in text, "next due at 23:30 UTC is the next day in Brussels"
    assert "12-03-2025" in text, "a date without time is shown as it is"


def test_an_unknown_language_falls_back_to_dutch() -> None:
    assert "Bewijsdossier naleving" in " ".join(pages("pt"))


def test_the_filename_is_language_neutral() -> None:
    computed = datetime(2026, 11, 28, tzinfo=UTC)
    assert (
        evidence_filename("LIVC-R Liège-Oostende", computed)
        == "evidence-livc-r-liege-oostende-20261128.pdf"
    )
    assert evidence_filename("Straße & Æther", computed) == "evidence-strasse-aether-20261128.pdf"
    long = evidence_filename("LIVC-R " + "Lindebeek " * 10, computed)
    slug = long.removeprefix("evidence-").removesuffix("-20261128.pdf")
    assert len(slug) <= 40
    assert not slug.endswith("-")
    assert evidence_filename("???", computed) == "evidence-20261128.pdf"
    late = datetime(2026, 11, 28, 23, 30, tzinfo=UTC)
    assert evidence_filename("X", late) == "evidence-x-20261129.pdf", "the Belgian day"


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("nl", ("GEBROKEN vanaf volgnummer 17", "niets geregistreerd", "NIET IN EVENWICHT")),
        ("fr", ("ROMPUE à partir du numéro d'ordre 17", "rien d'enregistré", "DÉSÉQUILIBRÉE")),
        ("de", ("GEBROCHEN ab laufender Nummer 17", "nichts erfasst", "NICHT AUSGEWOGEN")),
        ("en", ("BROKEN from sequence number 17", "none recorded", "OUT OF BALANCE")),
    ],
)
def test_a_broken_chain_and_a_missing_legal_basis_are_spelled_out(
    language: str, words: tuple[str, ...]
) -> None:
    broken = replace(pack(), chain_intact=False, first_broken_seq=17, legal_basis=None)
    document = pypdfium2.PdfDocument(FpdfEvidenceDocument().render(broken, language))
    text = " ".join(" ".join(p.get_textpage().get_text_range().split()) for p in document)
    for word in words:
        assert word in text, word
