"""The compliance evidence pack as a PDF (fpdf2), for the mayor, the DPO's file and the auditor.

The whole document follows the requested language (nl default, fr, de, en); the rule IDs stay as
they are in every language, since auditors search for them. Times are shown in Belgian time
(Europe/Brussels); a naive time is taken to be UTC, the time every port of Tafel speaks.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from fpdf import FPDF

from adapters.documents.feedback_pdf import latin1
from domain.oversight.evidence import EvidencePack
from domain.oversight.ports import EvidenceDocument

BRUSSELS = ZoneInfo("Europe/Brussels")
DEFAULT_LANGUAGE = "nl"

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Bewijsdossier naleving",
        "cell": "Lokale Integrale Veiligheidscel inzake Radicalisme, Extremisme en Terrorisme "
        "(LIVC-R)",
        "computedAt": "Berekend op {moment}",
        "timeZone": "Alle tijden in Belgische tijd (Europe/Brussels).",
        "page": "pagina {page} van {total}",
        "colon": ": ",
        "yes": "ja",
        "no": "nee",
        "none": "geen",
        "noneRecorded": "niets geregistreerd",
        "chain": "Auditketen (R-AUD-1)",
        "events": "Aantal gebeurtenissen",
        "verification": "Verificatie",
        "intact": "intact",
        "broken": "GEBROKEN vanaf volgnummer {seq}",
        "chainHead": "Kop van de keten (laatste hash)",
        "legalBasis": "Wettelijke basis (R-PRIV-3)",
        "kind": "Soort",
        "reference": "Referentie",
        "decidedOn": "Datum van de beslissing",
        "law": "wet",
        "regionalDecree": "decreet",
        "prosecutorPermission": "toestemming van de procureur des Konings",
        "composition": "Samenstelling van de operationele tafel (R-MEM-4, R-MEM-8)",
        "compositionMonth": "{month} - leden: {members}, politie: {police} - {balance} - "
        "{constituted}",
        "balanced": "in evenwicht",
        "outOfBalance": "NIET IN EVENWICHT (politie meer dan een derde)",
        "constituted": "volledig samengesteld",
        "notConstituted": "niet volledig samengesteld",
        "cadence": "Vergaderritme (R-CAD-1 tot R-CAD-4)",
        "mode": "Ritme",
        "weekly": "wekelijks",
        "monthly": "maandelijks",
        "sleep": "slaapstand",
        "nextDue": "Uiterste datum volgende vergadering",
        "adHoc": "geen vaste datum (ad hoc)",
        "overdue": "Achterstand",
        "overdueDays": "ja (dagen te laat: {days})",
        "constitutive": "Constituerende vergadering gehouden (R-CAD-1)",
        "meetingsPerMonth": "Gehouden operationele vergaderingen per maand",
        "feedback": "Terugkoppelingsfiches overgemaakt aan de LTF (R-FB-2, R-FB-3)",
        "form": "Fiche {form} - ronde {round}, versie {version} ({hash})",
        "transmitted": "Overgemaakt aan de LTF op {moment} door {by}",
        "meeting": "Vergadering van {date}",
        "present": "Aanwezig",
        "approval": "{member}: {verdict} - versie {hash} - {moment}",
        "approved": "goedgekeurd",
        "objected": "bezwaar",
        "acknowledgements": "Vertrouwelijkheidsverklaringen (R-PRIV-4) - geldende versie van de "
        "voorwaarden: {version}",
        "acknowledgement": "{member}: versie {version}, {date}",
        "unacknowledged": "Nog niet bevestigd",
        "reads": "Inzage van casusinhoud per organisatie (laatste 12 maanden)",
        "noOrganisation": "Geen organisatie aan de operationele tafel",
        "retention": "Bewaring (R-PRIV-6): {days} dagen na afsluiting",
        "retentionRuns": "Uitgevoerde opschoningsrondes (laatste 12 maanden)",
        "lastRun": "Laatste opschoningsronde",
        "purges": "Gewiste dossiers",
        "purge": "{date} - gewiste dossiers: {cases}",
    },
    "fr": {
        "title": "Dossier de preuves de conformité",
        "cell": "Cellule de sécurité intégrale locale en matière de radicalisme, d'extrémisme et "
        "de terrorisme (CSIL-R)",
        "computedAt": "Calculé le {moment}",
        "timeZone": "Toutes les heures en heure belge (Europe/Brussels).",
        "page": "page {page} sur {total}",
        "colon": " : ",
        "yes": "oui",
        "no": "non",
        "none": "néant",
        "noneRecorded": "rien d'enregistré",
        "chain": "Chaîne d'audit (R-AUD-1)",
        "events": "Nombre d'événements",
        "verification": "Vérification",
        "intact": "intacte",
        "broken": "ROMPUE à partir du numéro d'ordre {seq}",
        "chainHead": "Tête de la chaîne (dernière empreinte)",
        "legalBasis": "Base légale (R-PRIV-3)",
        "kind": "Nature",
        "reference": "Référence",
        "decidedOn": "Date de la décision",
        "law": "loi",
        "regionalDecree": "décret",
        "prosecutorPermission": "autorisation du procureur du Roi",
        "composition": "Composition de la table opérationnelle (R-MEM-4, R-MEM-8)",
        "compositionMonth": "{month} - membres : {members}, police : {police} - {balance} - "
        "{constituted}",
        "balanced": "équilibrée",
        "outOfBalance": "DÉSÉQUILIBRÉE (police plus d'un tiers)",
        "constituted": "composition complète",
        "notConstituted": "composition incomplète",
        "cadence": "Rythme des réunions (R-CAD-1 à R-CAD-4)",
        "mode": "Rythme",
        "weekly": "hebdomadaire",
        "monthly": "mensuel",
        "sleep": "veille",
        "nextDue": "Échéance de la prochaine réunion",
        "adHoc": "pas de date fixe (ad hoc)",
        "overdue": "En retard",
        "overdueDays": "oui (jours de retard : {days})",
        "constitutive": "Réunion constitutive tenue (R-CAD-1)",
        "meetingsPerMonth": "Réunions opérationnelles tenues par mois",
        "feedback": "Fiches de retour transmises à la LTF (R-FB-2, R-FB-3)",
        "form": "Fiche {form} - tour {round}, version {version} ({hash})",
        "transmitted": "Transmise à la LTF le {moment} par {by}",
        "meeting": "Réunion du {date}",
        "present": "Présents",
        "approval": "{member} : {verdict} - version {hash} - {moment}",
        "approved": "approuvé",
        "objected": "objection",
        "acknowledgements": "Engagements de confidentialité (R-PRIV-4) - version en vigueur des "
        "conditions : {version}",
        "acknowledgement": "{member} : version {version}, le {date}",
        "unacknowledged": "Pas encore confirmé",
        "reads": "Consultations du contenu des cas par organisation (12 derniers mois)",
        "noOrganisation": "Sans organisation à la table opérationnelle",
        "retention": "Conservation (R-PRIV-6) : {days} jours après la clôture",
        "retentionRuns": "Purges automatiques exécutées (12 derniers mois)",
        "lastRun": "Dernière purge automatique",
        "purges": "Cas effacés",
        "purge": "{date} - cas effacés : {cases}",
    },
    "de": {
        "title": "Nachweisdossier zur Einhaltung",
        "cell": "Lokale Integrale Sicherheitszelle in Sachen Radikalismus, Extremismus und "
        "Terrorismus (LIVC-R)",
        "computedAt": "Berechnet am {moment}",
        "timeZone": "Alle Uhrzeiten in belgischer Zeit (Europe/Brussels).",
        "page": "Seite {page} von {total}",
        "colon": ": ",
        "yes": "ja",
        "no": "nein",
        "none": "keine",
        "noneRecorded": "nichts erfasst",
        "chain": "Audit-Kette (R-AUD-1)",
        "events": "Anzahl der Ereignisse",
        "verification": "Prüfung",
        "intact": "intakt",
        "broken": "GEBROCHEN ab laufender Nummer {seq}",
        "chainHead": "Kopf der Kette (letzter Hash)",
        "legalBasis": "Rechtsgrundlage (R-PRIV-3)",
        "kind": "Art",
        "reference": "Fundstelle",
        "decidedOn": "Datum der Entscheidung",
        "law": "Gesetz",
        "regionalDecree": "Dekret",
        "prosecutorPermission": "Zustimmung des Prokurators des Königs",
        "composition": "Zusammensetzung des operativen Tisches (R-MEM-4, R-MEM-8)",
        "compositionMonth": "{month} - Mitglieder: {members}, Polizei: {police} - {balance} - "
        "{constituted}",
        "balanced": "ausgewogen",
        "outOfBalance": "NICHT AUSGEWOGEN (Polizei mehr als ein Drittel)",
        "constituted": "vollständig besetzt",
        "notConstituted": "nicht vollständig besetzt",
        "cadence": "Sitzungsrhythmus (R-CAD-1 bis R-CAD-4)",
        "mode": "Rhythmus",
        "weekly": "wöchentlich",
        "monthly": "monatlich",
        "sleep": "Ruhemodus",
        "nextDue": "Frist für die nächste Sitzung",
        "adHoc": "kein fester Termin (bei Bedarf)",
        "overdue": "Überfällig",
        "overdueDays": "ja (Tage Verzug: {days})",
        "constitutive": "Konstituierende Sitzung abgehalten (R-CAD-1)",
        "meetingsPerMonth": "Abgehaltene operative Sitzungen pro Monat",
        "feedback": "An die LTF übermittelte Rückmeldebögen (R-FB-2, R-FB-3)",
        "form": "Bogen {form} - Runde {round}, Version {version} ({hash})",
        "transmitted": "An die LTF übermittelt am {moment} durch {by}",
        "meeting": "Sitzung vom {date}",
        "present": "Anwesend",
        "approval": "{member}: {verdict} - Version {hash} - {moment}",
        "approved": "genehmigt",
        "objected": "Einwand",
        "acknowledgements": "Vertraulichkeitserklärungen (R-PRIV-4) - geltende Fassung der "
        "Bedingungen: {version}",
        "acknowledgement": "{member}: Version {version}, am {date}",
        "unacknowledged": "Noch nicht bestätigt",
        "reads": "Einsichtnahmen in Fallinhalte pro Organisation (letzte 12 Monate)",
        "noOrganisation": "Ohne Organisation am operativen Tisch",
        "retention": "Aufbewahrung (R-PRIV-6): {days} Tage nach Abschluss",
        "retentionRuns": "Durchgeführte Löschläufe (letzte 12 Monate)",
        "lastRun": "Letzter Löschlauf",
        "purges": "Gelöschte Fälle",
        "purge": "{date} - gelöschte Fälle: {cases}",
    },
    "en": {
        "title": "Compliance evidence pack",
        "cell": "Local Integral Security Cell on radicalism, extremism and terrorism (LIVC-R)",
        "computedAt": "Computed at {moment}",
        "timeZone": "All times in Belgian time (Europe/Brussels).",
        "page": "page {page} of {total}",
        "colon": ": ",
        "yes": "yes",
        "no": "no",
        "none": "none",
        "noneRecorded": "none recorded",
        "chain": "Audit chain (R-AUD-1)",
        "events": "Number of events",
        "verification": "Verification",
        "intact": "intact",
        "broken": "BROKEN from sequence number {seq}",
        "chainHead": "Chain head (last hash)",
        "legalBasis": "Legal basis (R-PRIV-3)",
        "kind": "Kind",
        "reference": "Reference",
        "decidedOn": "Date of the decision",
        "law": "law",
        "regionalDecree": "regional decree",
        "prosecutorPermission": "permission of the public prosecutor (procureur des Konings)",
        "composition": "Composition of the operational table (R-MEM-4, R-MEM-8)",
        "compositionMonth": "{month} - members: {members}, police: {police} - {balance} - "
        "{constituted}",
        "balanced": "balanced",
        "outOfBalance": "OUT OF BALANCE (police more than a third)",
        "constituted": "constituted",
        "notConstituted": "not constituted",
        "cadence": "Cadence (R-CAD-1 to R-CAD-4)",
        "mode": "Mode",
        "weekly": "weekly",
        "monthly": "monthly",
        "sleep": "sleep mode",
        "nextDue": "Next meeting due by",
        "adHoc": "no fixed date (ad hoc)",
        "overdue": "Overdue",
        "overdueDays": "yes (days overdue: {days})",
        "constitutive": "Constitutive meeting held (R-CAD-1)",
        "meetingsPerMonth": "Operational meetings held per month",
        "feedback": "Feedback forms transmitted to the LTF (R-FB-2, R-FB-3)",
        "form": "Form {form} - round {round}, version {version} ({hash})",
        "transmitted": "Transmitted to the LTF on {moment} by {by}",
        "meeting": "Meeting of {date}",
        "present": "Present",
        "approval": "{member}: {verdict} - version {hash} - {moment}",
        "approved": "approved",
        "objected": "objected",
        "acknowledgements": "Confidentiality acknowledgements (R-PRIV-4) - current terms "
        "version: {version}",
        "acknowledgement": "{member}: version {version}, {date}",
        "unacknowledged": "Not yet acknowledged",
        "reads": "Reads of case content per organisation (last 12 months)",
        "noOrganisation": "No organisation at the operational table",
        "retention": "Retention (R-PRIV-6): {days} days after closure",
        "retentionRuns": "Retention runs (last 12 months)",
        "lastRun": "Last run",
        "purges": "Cases purged",
        "purge": "{date} - cases purged: {cases}",
    },
}
DATE_FORMATS = {"nl": "%d-%m-%Y", "fr": "%d/%m/%Y", "de": "%d.%m.%Y", "en": "%d/%m/%Y"}
MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "nl": (
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ),
    "fr": (
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ),
    "de": (
        "Januar", "Februar", "März", "April", "Mai", "Juni",
        "Juli", "August", "September", "Oktober", "November", "Dezember",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip
SHORT_HASH = 16
SECTION_KEPT_TOGETHER = 20  # mm: a heading and its first lines
SLUG_LENGTH = 40
_PERIOD = re.compile(r"(\d{4})-(\d{2})")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# Letters NFKD does not decompose into a base letter and an accent.
_TRANSLITERATION = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l"}
)


def brussels(moment: datetime) -> datetime:
    """The moment in Belgian time; a naive moment is UTC (what the ports hand out)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(BRUSSELS)


def evidence_filename(cell_name: str, computed_at: datetime) -> str:
    """`evidence-<ascii slug of the cell name>-<YYYYMMDD>.pdf`, the same in every language; the
    day is the Belgian one, as printed in the document."""
    ascii_name = (
        unicodedata.normalize("NFKD", cell_name.translate(_TRANSLITERATION))
        .encode("ascii", "ignore")
        .decode("ascii")
    )
    slug = _NOT_SLUG.sub("-", ascii_name.lower()).strip("-")[:SLUG_LENGTH].rstrip("-")
    day = f"{brussels(computed_at):%Y%m%d}"
    return f"evidence-{slug}-{day}.pdf" if slug else f"evidence-{day}.pdf"


class _Formats:
    """Dates, times and month names in one language."""

    def __init__(self, language: str) -> None:
        self.date_format = DATE_FORMATS[language]
        self.months = MONTH_NAMES[language]

    def day(self, value: date | datetime) -> str:
        if isinstance(value, datetime):
            value = brussels(value)
        return value.strftime(self.date_format)

    def moment(self, value: datetime) -> str:
        return brussels(value).strftime(f"{self.date_format} %H:%M")

    def month(self, period: str) -> str:
        """`2026-05` as `mei 2026`; anything else as it is."""
        match = _PERIOD.fullmatch(period)
        if match is None or not 1 <= int(match[2]) <= 12:
            return period
        return f"{self.months[int(match[2]) - 1]} {match[1]}"

    def iso_moment(self, value: str) -> str:
        """A time of the audit chain (`2026-11-28T13:05:00.000000Z`) in Belgian time."""
        try:
            return self.moment(datetime.fromisoformat(value))
        except ValueError:
            return value


class _EvidencePdf(FPDF):
    """A4 with a footer naming the cell and the page ("page 2 of 3" in the language)."""

    def __init__(self, footer_text: str) -> None:
        super().__init__(format="A4")
        self.footer_text = footer_text

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", "I", 8)
        text = self.footer_text.replace("{page}", str(self.page_no()))
        self.cell(0, 5, latin1(text), align="C")


class FpdfEvidenceDocument(EvidenceDocument):
    def filename(self, cell_name: str, computed_at: datetime) -> str:
        return evidence_filename(cell_name, computed_at)

    def render(self, pack: object, language: str) -> bytes:
        if not isinstance(pack, EvidencePack):
            raise TypeError(type(pack))
        if language not in LABELS:
            language = DEFAULT_LANGUAGE
        words = LABELS[language]
        formats = _Formats(language)
        page = words["page"].format(page="{page}", total="{nb}")
        pdf = _EvidencePdf(f"{words['title']} - {pack.cell_name} - {page}")
        pdf.set_auto_page_break(auto=True, margin=18)
        pdf.add_page()
        self._title(pdf, f"{words['title']} - {pack.cell_name}")
        self._text(pdf, words["cell"])
        self._text(pdf, words["computedAt"].format(moment=formats.moment(pack.computed_at)))
        self._text(pdf, words["timeZone"])
        self._chain(pdf, words, pack)
        self._legal_basis(pdf, words, formats, pack)
        self._composition(pdf, words, formats, pack)
        self._cadence(pdf, words, formats, pack)
        self._feedback(pdf, words, formats, pack)
        self._acknowledgements(pdf, words, formats, pack)
        self._reads(pdf, words, pack)
        self._retention(pdf, words, formats, pack)
        return bytes(pdf.output())

    def _chain(self, pdf: FPDF, words: dict[str, str], pack: EvidencePack) -> None:
        self._section(pdf, words["chain"])
        self._pair(pdf, words, words["events"], str(pack.chain_length))
        seq = "?" if pack.first_broken_seq is None else str(pack.first_broken_seq)
        state = words["intact"] if pack.chain_intact else words["broken"].format(seq=seq)
        self._pair(pdf, words, words["verification"], state)
        self._pair(pdf, words, words["chainHead"], pack.chain_head)

    def _legal_basis(
        self, pdf: FPDF, words: dict[str, str], formats: _Formats, pack: EvidencePack
    ) -> None:
        self._section(pdf, words["legalBasis"])
        basis = pack.legal_basis
        if basis is None:
            self._text(pdf, words["noneRecorded"])
            return
        self._pair(pdf, words, words["kind"], words.get(str(basis.kind), str(basis.kind)))
        self._pair(pdf, words, words["reference"], basis.reference)
        if basis.decided_on is not None:
            self._pair(pdf, words, words["decidedOn"], formats.day(basis.decided_on))

    def _composition(
        self, pdf: FPDF, words: dict[str, str], formats: _Formats, pack: EvidencePack
    ) -> None:
        self._section(pdf, words["composition"])
        if not pack.composition:
            self._text(pdf, words["noneRecorded"])
        for month in pack.composition:
            self._text(
                pdf,
                words["compositionMonth"].format(
                    month=formats.month(month.month),
                    members=month.members,
                    police=month.police,
                    balance=words["balanced" if month.balanced else "outOfBalance"],
                    constituted=words["constituted" if month.constituted else "notConstituted"],
                ),
            )

    def _cadence(
        self, pdf: FPDF, words: dict[str, str], formats: _Formats, pack: EvidencePack
    ) -> None:
        self._section(pdf, words["cadence"])
        cadence = pack.cadence
        self._pair(pdf, words, words["mode"], words.get(str(cadence.mode), str(cadence.mode)))
        due = formats.day(cadence.next_due) if cadence.next_due else words["adHoc"]
        self._pair(pdf, words, words["nextDue"], due)
        if not cadence.overdue:
            overdue = words["no"]
        elif cadence.days_overdue > 0:
            overdue = words["overdueDays"].format(days=cadence.days_overdue)
        else:
            overdue = words["yes"]
        self._pair(pdf, words, words["overdue"], overdue)
        held = words["yes"] if cadence.constitutive_meeting_held else words["no"]
        self._pair(pdf, words, words["constitutive"], held)
        if not pack.meetings_per_month:
            self._pair(pdf, words, words["meetingsPerMonth"], words["none"])
            return
        self._text(pdf, f"{words['meetingsPerMonth']}{words['colon'].rstrip()}")
        for period, count in pack.meetings_per_month.items():
            self._pair(pdf, words, f"  {formats.month(period)}", str(count))

    def _feedback(
        self, pdf: FPDF, words: dict[str, str], formats: _Formats, pack: EvidencePack
    ) -> None:
        self._section(pdf, words["feedback"])
        if not pack.feedback_forms:
            self._text(pdf, words["none"])
        for form in pack.feedback_forms:
            pdf.ln(1)
            self._text(
                pdf,
                words["form"].format(
                    form=form.form_id,
                    round=form.round,
                    version=form.version,
                    hash=form.version_hash[:SHORT_HASH],
                ),
                style="B",
            )
            self._text(
                pdf,
                "  "
                + words["transmitted"].format(
                    moment=formats.moment(form.transmitted_at), by=form.transmitted_by
                ),
            )
            if form.meeting_started_at is not None:
                self._text(
                    pdf, "  " + words["meeting"].format(date=formats.day(form.meeting_started_at))
                )
            self._pair(pdf, words, f"  {words['present']}", ", ".join(form.present) or "-")
            for approval in form.approvals:
                self._text(
                    pdf,
                    "    "
                    + words["approval"].format(
                        member=approval.member,
                        verdict=words.get(str(approval.verdict), str(approval.verdict)),
                        hash=approval.version_hash[:SHORT_HASH],
                        moment=formats.moment(approval.at),
                    ),
                )

    def _acknowledgements(
        self, pdf: FPDF, words: dict[str, str], formats: _Formats, pack: EvidencePack
    ) -> None:
        self._section(pdf, words["acknowledgements"].format(version=pack.terms_version))
        if not pack.acknowledgements:
            self._text(pdf, words["noneRecorded"])
        for acknowledgement in pack.acknowledgements:
            self._text(
                pdf,
                words["acknowledgement"].format(
                    member=acknowledgement.member,
                    version=acknowledgement.version,
                    date=formats.day(acknowledgement.at),
                ),
            )
        if pack.unacknowledged:
            self._pair(pdf, words, words["unacknowledged"], ", ".join(pack.unacknowledged))

    def _reads(self, pdf: FPDF, words: dict[str, str], pack: EvidencePack) -> None:
        self._section(pdf, words["reads"])
        if not pack.reads_by_organisation:
            self._text(pdf, words["noneRecorded"])
        for organisation, reads in pack.reads_by_organisation.items():
            name = words["noOrganisation"] if organisation == "-" else organisation
            self._pair(pdf, words, name, str(reads))

    def _retention(
        self, pdf: FPDF, words: dict[str, str], formats: _Formats, pack: EvidencePack
    ) -> None:
        self._section(pdf, words["retention"].format(days=pack.retention_days))
        self._pair(pdf, words, words["retentionRuns"], str(len(pack.retention_runs)))
        if pack.retention_runs:
            last = formats.iso_moment(max(pack.retention_runs))
            self._pair(pdf, words, words["lastRun"], last)
        if not pack.purges:
            self._pair(pdf, words, words["purges"], words["none"])
        for purge in pack.purges:
            self._text(pdf, words["purge"].format(date=formats.day(purge.day), cases=purge.cases))

    @staticmethod
    def _title(pdf: FPDF, text: str) -> None:
        pdf.set_font("Helvetica", "B", 15)
        pdf.multi_cell(0, 8, latin1(text), new_x="LMARGIN", new_y="NEXT")

    @staticmethod
    def _section(pdf: FPDF, text: str) -> None:
        pdf.ln(2)
        if pdf.will_page_break(SECTION_KEPT_TOGETHER):
            pdf.add_page()  # no heading alone at the foot of a page
        pdf.set_font("Helvetica", "B", 11)
        pdf.multi_cell(0, 6, latin1(text), new_x="LMARGIN", new_y="NEXT")

    @staticmethod
    def _text(pdf: FPDF, text: str, style: str = "") -> None:
        pdf.set_font("Helvetica", style, 9)
        pdf.multi_cell(0, 5, latin1(text), new_x="LMARGIN", new_y="NEXT")

    @classmethod
    def _pair(cls, pdf: FPDF, words: dict[str, str], label: str, value: str) -> None:
        cls._text(pdf, f"{label}{words['colon']}{value}")
