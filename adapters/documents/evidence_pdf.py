"""The compliance evidence pack as a PDF (fpdf2), for the DPO's file and the auditor."""

from __future__ import annotations

from fpdf import FPDF

from adapters.documents.feedback_pdf import latin1
from domain.oversight.evidence import EvidencePack
from domain.oversight.ports import EvidenceDocument

TITLES = {
    "nl": "Bewijsdossier naleving",
    "fr": "Dossier de preuves de conformité",
    "de": "Nachweisdossier zur Einhaltung",
    "en": "Compliance evidence pack",
}


class FpdfEvidenceDocument(EvidenceDocument):
    def render(self, pack: object, language: str) -> bytes:
        if not isinstance(pack, EvidencePack):
            raise TypeError(type(pack))
        pdf = FPDF(format="A4")
        pdf.set_auto_page_break(auto=True, margin=15)
        pdf.add_page()
        self._title(pdf, f"{TITLES.get(language, TITLES['en'])} - {pack.cell_name}")
        self._text(pdf, f"Computed at {pack.computed_at:%Y-%m-%d %H:%M} UTC")
        state = "intact" if pack.chain_intact else f"BROKEN at seq {pack.first_broken_seq}"
        self._text(pdf, f"Audit chain (R-AUD-1): {pack.chain_length} events, {state}")
        self._text(pdf, f"Chain head: {pack.chain_head}")
        self._section(pdf, "Legal basis (R-PRIV-3)")
        basis = pack.legal_basis
        self._text(
            pdf,
            f"{basis.kind}: {basis.reference} {basis.decided_on or ''}"
            if basis
            else "none recorded",
        )
        self._section(pdf, "Composition of the operational table (R-MEM-4, R-MEM-8)")
        for month in pack.composition:
            self._text(
                pdf,
                f"{month.month}: {month.members} members, police {month.police}, "
                f"{'balanced' if month.balanced else 'OUT OF BALANCE'}, "
                f"{'constituted' if month.constituted else 'not constituted'}",
            )
        self._section(pdf, "Cadence (R-CAD-1 to R-CAD-4)")
        cadence = pack.cadence
        due = f"{cadence.next_due:%Y-%m-%d}" if cadence.next_due else "-"
        self._text(
            pdf,
            f"Mode {cadence.mode}, next due {due}, overdue: {'yes' if cadence.overdue else 'no'}",
        )
        for period, held in pack.meetings_per_month.items():
            self._text(pdf, f"{period}: {held} operational meetings held")
        self._section(pdf, "Feedback forms transmitted to the LTF (R-FB-2, R-FB-3)")
        if not pack.feedback_forms:
            self._text(pdf, "none")
        for form in pack.feedback_forms:
            self._text(
                pdf,
                f"Form {form.form_id} round {form.round}, version {form.version} "
                f"({form.version_hash[:16]}), transmitted {form.transmitted_at:%Y-%m-%d} "
                f"by {form.transmitted_by}",
            )
            self._text(pdf, f"  Present: {', '.join(form.present)}")
            for approval in form.approvals:
                self._text(
                    pdf,
                    f"  {approval.member}: {approval.verdict} {approval.version_hash[:16]} "
                    f"at {approval.at:%Y-%m-%d %H:%M}",
                )
        self._section(
            pdf, f"Confidentiality acknowledgements (R-PRIV-4), terms version {pack.terms_version}"
        )
        for acknowledgement in pack.acknowledgements:
            self._text(
                pdf,
                f"{acknowledgement.member}: version {acknowledgement.version}, "
                f"{acknowledgement.at:%Y-%m-%d}",
            )
        if pack.unacknowledged:
            self._text(pdf, f"Not yet acknowledged: {', '.join(pack.unacknowledged)}")
        self._section(pdf, "Reads of case content per organisation (last 12 months)")
        for organisation, reads in pack.reads_by_organisation.items():
            self._text(pdf, f"{organisation}: {reads}")
        self._section(pdf, f"Retention (R-PRIV-6): {pack.retention_days} days after closure")
        self._text(pdf, f"Retention runs: {len(pack.retention_runs)}")
        for purge in pack.purges:
            self._text(pdf, f"{purge.day}: {purge.cases} cases purged")
        return bytes(pdf.output())

    @staticmethod
    def _title(pdf: FPDF, text: str) -> None:
        pdf.set_font("Helvetica", "B", 15)
        pdf.multi_cell(0, 8, latin1(text), new_x="LMARGIN", new_y="NEXT")

    @staticmethod
    def _section(pdf: FPDF, text: str) -> None:
        pdf.ln(2)
        pdf.set_font("Helvetica", "B", 11)
        pdf.multi_cell(0, 6, latin1(text), new_x="LMARGIN", new_y="NEXT")

    @staticmethod
    def _text(pdf: FPDF, text: str) -> None:
        pdf.set_font("Helvetica", "", 9)
        pdf.multi_cell(0, 5, latin1(text), new_x="LMARGIN", new_y="NEXT")
