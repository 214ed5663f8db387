"""The feedback form as a PDF for the LTF (fpdf2, core fonts: no font files to ship)."""

from __future__ import annotations

from fpdf import FPDF

from domain.feedback.content import FeedbackContent
from domain.feedback.ports import FeedbackDocument, TransmittedForm

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "LIVC-R terugkoppelingsfiche",
        "case": "Casus",
        "round": "Evaluatieronde",
        "version": "Versie",
        "transmitted": "Overgemaakt aan de LTF op",
        "by": "door de information officer",
        "meeting": "Goedgekeurd bij consensus op de vergadering van",
        "approved": "Goedgekeurd door alle effectief deelnemende leden",
        "effectiveness": "Effectiviteit van de maatregelen",
        "willingness": "Bereidwilligheid om mee te werken",
        "distance": "Afstand van het extremistisch gedachtegoed",
        "followUp": "Verdere opvolging door de LIVC-R nuttig",
        "options": "Voldoende opties om te begeleiden",
        "other": "Andere elementen (maatregelen, aanbevelingen)",
        "key": "Kernvraag: in staat en bereid om over te gaan tot terroristische daden?",
        "yes": "ja",
        "no": "nee",
        "noIndication": "geen aanwijzingen",
        "concern": "bezorgdheid",
        "seriousConcern": "ernstige bezorgdheid",
        "confidential": "Vertrouwelijk - art. 458ter Sw. - enkel voor de LTF",
    },
    "fr": {
        "title": "CSIL-R fiche de retour",
        "case": "Cas",
        "round": "Tour d'évaluation",
        "version": "Version",
        "transmitted": "Transmise à la LTF le",
        "by": "par l'information officer",
        "meeting": "Approuvée par consensus à la réunion du",
        "approved": "Approuvée par tous les membres effectivement présents",
        "effectiveness": "Efficacité des mesures",
        "willingness": "Disposition à collaborer",
        "distance": "Distance prise avec les idées extrémistes",
        "followUp": "Suivi par la CSIL-R encore utile",
        "options": "Options suffisantes pour accompagner",
        "other": "Autres éléments (mesures, recommandations)",
        "key": "Question centrale : capable et disposé à passer à des actes terroristes ?",
        "yes": "oui",
        "no": "non",
        "noIndication": "aucune indication",
        "concern": "inquiétude",
        "seriousConcern": "inquiétude sérieuse",
        "confidential": "Confidentiel - art. 458ter C. pén. - pour la LTF uniquement",
    },
    "de": {
        "title": "LIVC-R Rückmeldebogen",
        "case": "Fall",
        "round": "Evaluationsrunde",
        "version": "Version",
        "transmitted": "An die LTF übermittelt am",
        "by": "durch den Information Officer",
        "meeting": "Im Konsens genehmigt in der Sitzung vom",
        "approved": "Genehmigt von allen tatsächlich teilnehmenden Mitgliedern",
        "effectiveness": "Wirksamkeit der Maßnahmen",
        "willingness": "Bereitschaft zur Zusammenarbeit",
        "distance": "Distanz zum extremistischen Gedankengut",
        "followUp": "Weitere Begleitung durch die LIVC-R sinnvoll",
        "options": "Genügend Möglichkeiten zur Begleitung",
        "other": "Weitere Elemente (Maßnahmen, Empfehlungen)",
        "key": "Kernfrage: fähig und bereit, terroristische Taten zu begehen?",
        "yes": "ja",
        "no": "nein",
        "noIndication": "keine Hinweise",
        "concern": "Besorgnis",
        "seriousConcern": "ernste Besorgnis",
        "confidential": "Vertraulich - Art. 458ter StGB - nur für die LTF",
    },
}
REPLACEMENTS = {"–": "-", "—": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "…": "...", "€": "EUR"}


def latin1(text: str) -> str:
    """The core PDF fonts speak Latin-1: Dutch, French and German fit; the rest is replaced."""
    for character, replacement in REPLACEMENTS.items():
        text = text.replace(character, replacement)
    return text.encode("latin-1", "replace").decode("latin-1")


class FpdfFeedbackDocument(FeedbackDocument):
    def render(self, form: TransmittedForm, language: str) -> bytes:
        words = LABELS.get(language, LABELS["nl"])
        pdf = FPDF(format="A4")
        pdf.set_auto_page_break(auto=True, margin=15)
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 15)
        pdf.cell(0, 10, latin1(words["title"]), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 9)
        pdf.cell(0, 6, latin1(words["confidential"]), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        self._line(pdf, words["case"], f"{form.case_code} ({form.cell_name})")
        self._line(pdf, words["round"], str(form.round))
        self._line(pdf, words["version"], f"{form.version.number} - {form.version.hash[:16]}")
        self._line(
            pdf,
            words["transmitted"],
            f"{form.transmitted_at:%Y-%m-%d %H:%M} UTC {words['by']} {form.transmitted_by}",
        )
        if form.meeting_started_at is not None:
            self._line(pdf, words["meeting"], f"{form.meeting_started_at:%Y-%m-%d}")
        self._line(pdf, words["approved"], ", ".join(form.approved_by))
        pdf.ln(3)
        self._content(pdf, form.version.content, words)
        return bytes(pdf.output())

    @staticmethod
    def _line(pdf: FPDF, label: str, value: str) -> None:
        pdf.set_font("Helvetica", "B", 10)
        pdf.multi_cell(0, 5, latin1(label), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(0, 5, latin1(value), new_x="LMARGIN", new_y="NEXT")

    def _content(self, pdf: FPDF, content: FeedbackContent, words: dict[str, str]) -> None:
        yes_no = {True: words["yes"], False: words["no"]}
        self._line(
            pdf,
            f"{words['effectiveness']} ({content.effectiveness_score}/5)",
            content.effectiveness_explanation,
        )
        self._line(
            pdf,
            f"{words['willingness']} ({content.willingness_to_cooperate_score}/5)",
            content.willingness_to_cooperate_explanation,
        )
        self._line(
            pdf,
            f"{words['distance']} ({content.distance_from_extremist_ideas_score}/5)",
            content.distance_from_extremist_ideas_explanation,
        )
        self._line(
            pdf,
            f"{words['followUp']}: {yes_no[content.follow_up_still_useful]} - "
            f"{words['options']}: {yes_no[content.cell_has_enough_options]}",
            content.follow_up_explanation,
        )
        if content.other_elements:
            self._line(pdf, words["other"], content.other_elements)
        key = words[content.able_and_willing_to_commit_terrorist_acts.value]
        self._line(pdf, f"{words['key']} {key}", content.key_assessment_motivation)
