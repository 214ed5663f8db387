"""The national data set: 600 cells, 6 000 members, 60 000 cases, 600 000 signals and 5 000 000
audit events on PostgreSQL, valid for the application.

The database is dropped, created and migrated with the project's Alembic revisions; constraints
and indexes are set aside, every table is filled with COPY, and the constraints come back (the
foreign keys are validated, so the rows are consistent). Rows follow the domain's rules: case
codes `K-YYYY-XXXX` from the domain's alphabet, lifecycles that `Lifecycle` accepts, balanced
tables chaired by the DRO and the mayor, acknowledged terms, and one SHA-256 audit chain per cell
(and the platform's) hashed by `domain.audit.model.canonical`, so `tafel audit verify` passes.

Everything is invented: cells "LIVC-R Regio 001", municipalities with NIS codes from 94001 (no
Belgian municipality has one), professionals named by role and cell ("DRO 001"), fixed neutral
texts. Randomness is seeded, so two runs with the same seed build the same data set.
"""

from __future__ import annotations

import hashlib
import json
import random
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import ClassVar

import psycopg
from sqlalchemy.engine import make_url

from adapters.sqlalchemy.repositories.audit import STORED_COLUMNS
from bench.progress import Progress
from domain.audit.model import GENESIS_HASH, PLATFORM_CHAIN, canonical, timestamp
from domain.cases.codes import ALPHABET, RANDOM_LENGTH
from domain.cases.templates import DEFAULT_TEMPLATES

BENCH_PASSWORD = "tafel-bench-wachtwoord"  # noqa: S105 (a fictitious data set's shared password)
# Tafel's secret key in every bench run: fixed, so that TOTP seeds sealed at one run's logins open
# at the next (`--skip-generate`); fictitious data only.
BENCH_SECRET_KEY = "bench-secret-key-for-fictitious-data-only-" + "0123456789" * 3
BASE_NIS_CODE = 94001  # 94xxx and up: no Belgian municipality has such a code
SECOND = 1_000_000
DAY = 86_400 * SECOND
NULL = "\\N"
CHUNK_BYTES = 1 << 20
CHECK_EVERY = 500  # events between two comparisons with the domain's canonical form


@dataclass(frozen=True, slots=True)
class Scale:
    """How big the data set is. `of(1.0)` is the national set of issue 9 item 7."""

    cells: int = 600
    cases_per_cell: int = 100
    signals_per_case: int = 10
    audit_events: int = 5_000_000
    session_share: float = 0.04  # of the audit events: logins, in the platform chain

    @classmethod
    def of(cls, factor: float) -> Scale:
        national = cls()
        cells = max(1, round(national.cells * factor))
        return cls(cells=cells, audit_events=round(national.audit_events * cells / national.cells))

    @property
    def members(self) -> int:
        return self.cells * len(SEATS)

    @property
    def cases(self) -> int:
        return self.cells * self.cases_per_cell

    @property
    def signals(self) -> int:
        return self.cases * self.signals_per_case


@dataclass(frozen=True, slots=True)
class Seat:
    key: str  # also the e-mail's local part
    label: str  # display name prefix
    organisation: str
    function: str
    table: str
    chair: bool = False


# Seven at the operational table (one police seat: balanced, R-MEM-4; the fixed participants of
# R-MEM-8), three at the strategic table (the mayor chairs, one police seat of three).
SEATS = (
    Seat("dro", "DRO", "prevention", "designatedRadicalisationOfficer", "operational", True),
    Seat("alderman", "Schepen", "municipality", "aldermanSocialAffairs", "operational"),
    Seat("io", "IO", "police", "informationOfficer", "operational"),
    Seat("clb", "CLB", "clb", "clbCounsellor", "operational"),
    Seat("caw", "CAW", "caw", "socialWorker", "operational"),
    Seat("ocmw", "OCMW", "ocmw", "socialWorker", "operational"),
    Seat("vdab", "VDAB", "vdab", "jobCoach", "operational"),
    Seat("mayor", "Burgemeester", "mayor", "mayor", "strategic", True),
    Seat("chief", "Korpschef", "police", "policeChief", "strategic"),
    Seat("head", "Diensthoofd", "municipality", "departmentHead", "strategic"),
)
OPERATIONAL = tuple(seat.key for seat in SEATS if seat.table == "operational")
STRATEGIC = tuple(seat.key for seat in SEATS if seat.table == "strategic")
ORGANISATIONS = {
    # key: (type, Dutch name, French name)
    "prevention": ("municipalPreventionService", "Preventiedienst", "Service de prévention"),
    "municipality": ("municipalServices", "Gemeentelijke diensten", "Services communaux"),
    "police": ("localPolice", "Lokale politie", "Police locale"),
    "clb": ("clb", "CLB", "Centre PMS"),
    "caw": ("caw", "CAW", "CPAS accueil"),
    "ocmw": ("ocmwSocialService", "OCMW sociale dienst", "CPAS service social"),
    "vdab": ("vdab", "VDAB", "Forem"),
    "mayor": ("mayorsOffice", "Kabinet burgemeester", "Cabinet du bourgmestre"),
}
# The operational member who records for each organisation.
RECORDER = {seat.organisation: seat.key for seat in SEATS if seat.table == "operational"}
PARTNERS = ("clb", "caw", "ocmw", "vdab")

# R-CASE-5 paths; the prefix that fits before "now" is what a case went through.
PATHS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (3, ()),
    (4, ("admit",)),
    (4, ("admit", "startWeighing")),
    (22, ("admit", "startWeighing", "weigh.retained")),
    (6, ("admit", "startWeighing", "weigh.retained", "startEvaluation", "resumeFollowUp")),
    (8, ("admit", "startWeighing", "weigh.retained", "startEvaluation")),
    (8, ("notAdmitted",)),
    (8, ("admit", "startWeighing", "weigh.notRetained")),
    (5, ("admit", "startWeighing", "weigh.referred")),
    (32, ("admit", "startWeighing", "weigh.retained", "startEvaluation", "close")),
)
PATH_WEIGHTS = [weight for weight, _ in PATHS]
# step: (from, to, decision, assessments, closure reason)
STEPS: dict[str, tuple[str, str, str | None, tuple[bool, bool, bool] | None, str | None]] = {
    "admit": ("registered", "fileBuilding", None, None, None),
    "notAdmitted": ("registered", "closed", None, None, "notRetained"),
    "startWeighing": ("fileBuilding", "weighing", None, None, None),
    "weigh.retained": ("weighing", "followUp", "retained", (True, True, True), None),
    "weigh.notRetained": ("weighing", "closed", "notRetained", (True, False, False), "notRetained"),
    "weigh.referred": ("weighing", "closed", "referred", (False, True, True), "referred"),
    "startEvaluation": ("followUp", "evaluation", None, None, None),
    "resumeFollowUp": ("evaluation", "followUp", None, None, None),
    "close": ("evaluation", "closed", None, None, "completed"),
}
AGE_BANDS = ("under12", "from12To15", "from16To17", "from18To24", "from25To34", "from35")
AGE_WEIGHTS = (2, 20, 30, 28, 12, 8)
PROBLEMS = (
    "familySituation",
    "identity",
    "school",
    "work",
    "mentalHealth",
    "socialIsolation",
    "addiction",
    "housing",
    "finances",
    "delinquency",
    "onlineBehaviour",
    "other",
)
PHENOMENA = ("ftf", "htf", "hp", "childOfFtfHtf", "none")

TEXTS = {
    "nl": {
        "terms": "Wat aan tafel gedeeld wordt, blijft aan tafel (art. 458ter Sw.).",
        "basis": "Wet van 30 juli 2018",
        "handling": "Drie gesprekken met de jongere en twee met het gezin sinds de vorige periode.",
        "assessment": "Toenemende afzondering en uitspraken die de begeleiders zorgen baren.",
        "followUp": "De LTF vraagt een opvolging door de cel met terugkoppeling na drie maanden.",
        "card": "Niet-geclassificeerde informatie: geen nieuwe elementen sinds de vorige fiche.",
        "place": "Gemeentehuis, vergaderzaal",
        "general": "Rondvraag en planning",
        "strategic": "Cijfers en jaarplanning",
        "signals": (
            "Deelde in de klas een filmpje met een oproep tot geweld.",
            "Bleef drie weken weg van school zonder verklaring.",
            "Verbrak het contact met de vaste begeleider.",
            "Sprak op de jeugdwerking over strijders als voorbeeld.",
            "Weigerde een afspraak bij de trajectbegeleider.",
            "Toont meer afstand tegenover de vroegere vriendengroep.",
            "Nam opnieuw deel aan de sportwerking, positief signaal.",
            "Uitte bedreigingen tegenover een leerkracht.",
            "Bezocht online kanalen met extremistische inhoud.",
            "Vraagt zelf hulp bij het zoeken naar werk.",
        ),
    },
    "fr": {
        "terms": "Ce qui est partagé autour de la table reste à la table (art. 458ter C. pén.).",
        "basis": "Loi du 30 juillet 2018",
        "handling": "Trois entretiens avec le jeune et deux avec la famille depuis la rentrée.",
        "assessment": "Isolement croissant et propos qui inquiètent les accompagnateurs.",
        "followUp": "La LTF demande un suivi par la cellule avec un retour après trois mois.",
        "card": "Information non classifiée : pas d'élément nouveau depuis la fiche précédente.",
        "place": "Hôtel de ville, salle de réunion",
        "general": "Divers et planification",
        "strategic": "Chiffres et planification annuelle",
        "signals": (
            "A partagé en classe une vidéo appelant à la violence.",
            "Absent de l'école pendant trois semaines sans explication.",
            "A rompu le contact avec son accompagnateur habituel.",
            "A présenté des combattants comme modèles à la maison de jeunes.",
            "A refusé un rendez-vous avec le conseiller emploi.",
            "Prend ses distances avec son ancien groupe d'amis.",
            "A repris les activités sportives, signal positif.",
            "A proféré des menaces envers un enseignant.",
            "A consulté des canaux en ligne au contenu extrémiste.",
            "Demande lui-même de l'aide pour chercher un emploi.",
        ),
    },
}
LANGUAGES = ("nl",) * 12 + ("fr",) * 7 + ("de",)
CELL_NAMES = {"nl": "LIVC-R Regio", "fr": "CSIL-R Région", "de": "LIVC-R Region"}
MUNICIPALITY_NAMES = {"nl": "Gemeente", "fr": "Commune", "de": "Gemeinde"}


def _check_texts() -> None:
    """COPY's text format would need escapes for these; the fixed texts never contain them."""
    for language in TEXTS.values():
        for value in language.values():
            for text in (value,) if isinstance(value, str) else value:
                assert not set(text) & {"\t", "\n", "\r", "\\"}, text  # noqa: S101


# --- formatting -------------------------------------------------------------------------------

_DAYS: dict[int, str] = {}


def _second(epoch: int) -> str:
    """`YYYY-MM-DD HH:MM:SS` in UTC, fast: the date part is cached per day."""
    days, rest = divmod(epoch, 86_400)
    date = _DAYS.get(days)
    if date is None:
        date = _DAYS[days] = time.strftime("%Y-%m-%d", time.gmtime(days * 86_400))
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{date} {hours:02d}:{minutes:02d}:{seconds:02d}"


def ts(micros: int) -> str:
    """A timestamptz for COPY, in UTC."""
    seconds, rest = divmod(micros, SECOND)
    return f"{_second(seconds)}.{rest:06d}+00"


def audit_ts(micros: int) -> str:
    """`domain.audit.model.timestamp` of the same moment (checked in `_check_formats`)."""
    seconds, rest = divmod(micros, SECOND)
    return f"{_second(seconds).replace(' ', 'T')}.{rest:06d}Z"


def day(micros: int) -> str:
    return _second(micros // SECOND)[:10]


def fast_canonical(
    chain: str, seq: int, occurred_at: str, fields: tuple[str, ...], prev_hash: str
) -> bytes:
    """`domain.audit.model.canonical` for values JSON writes verbatim (ids, action names, UTC
    times, hex): no quote, backslash or control character, which is all this generator writes.
    `Generator.chain` compares it with the domain's function on a sample of every chain, and the
    benchmark then verifies every chain with the project's verifier."""
    quoted = '","'.join(fields)
    return f'["{chain}",{seq},"{occurred_at}","{quoted}","{prev_hash}"]'.encode()


def _check_formats() -> None:
    for micros in (0, 1_767_225_600_123_456, 1_800_000_000_000_001):
        moment = datetime.fromtimestamp(micros / SECOND, UTC).replace(microsecond=micros % SECOND)
        assert audit_ts(micros) == timestamp(moment), micros  # noqa: S101


def line(*values: object) -> str:
    """One COPY text line; values are str (already free of tabs and newlines), int, bool, None."""
    out = []
    for value in values:
        if value is None:
            out.append(NULL)
        elif value is True:
            out.append("t")
        elif value is False:
            out.append("f")
        else:
            out.append(str(value))
    return "\t".join(out) + "\n"


# --- the model of one cell ----------------------------------------------------------------------


@dataclass(slots=True)
class CaseModel:
    id: str
    created: int
    end: int  # closure, or now
    submitter: str
    reference: str  # organisation key
    ltf: bool
    participants: list[str]
    status: str
    card: tuple[str, int] | None = None


@dataclass
class CellOutput:
    """What one cell contributes: buffered rows per table, its events, and what it has."""

    cell: str = ""
    users: dict[str, str] = field(default_factory=dict)
    events: list[tuple[int, str, str, str, str, str]] = field(default_factory=list)
    cases: list[CaseModel] = field(default_factory=list)


class Tables:
    """Buffered COPY lines per table (everything except the two streamed ones)."""

    COLUMNS: ClassVar[dict[str, tuple[str, ...]]] = {
        "cell": (
            "id",
            "name",
            "status",
            "created_at",
            "working_language",
            "retention_days",
            "legal_basis_kind",
            "legal_basis_reference",
            "legal_basis_date",
        ),
        "cell_municipality": ("cell_id", "nis_code", "name", "position"),
        "confidentiality_terms": ("cell_id", "version", "text", "published_at"),
        "organisation": (
            "id",
            "cell_id",
            "name",
            "type",
            "participation",
            "school_contact",
            "created_at",
        ),
        "cell_table": (
            "id",
            "cell_id",
            "kind",
            "prosecutor_decision_reference",
            "prosecutor_decision_date",
            "created_at",
        ),
        "user_account": (
            "id",
            "email",
            "display_name",
            "password_hash",
            "language",
            "organisation",
            "function",
            "status",
            "must_change_password",
            "totp_secret",
            "totp_confirmed",
            "totp_last_step",
            "created_at",
        ),
        "platform_grant": ("user_id", "role", "scope"),
        "member": (
            "id",
            "cell_id",
            "table_id",
            "user_id",
            "organisation_id",
            "function",
            "is_chair",
            "joined_at",
            "left_at",
            "clearance_expires_on",
        ),
        "terms_acknowledgement": ("cell_id", "user_id", "version", "acknowledged_at"),
        "trajectory_template": ("id", "cell_id", "name", "steps", "created_at"),
        "case_file": (
            "id",
            "cell_id",
            "code",
            "municipality",
            "age_band",
            "phenomenon",
            "source",
            "submitted_by",
            "reference_holder",
            "prior_handling",
            "professional_assessment",
            "requested_follow_up",
            "problematic",
            "status",
            "created_at",
            "closed_at",
            "purged_at",
            "problematic_since",
        ),
        "case_problem": ("case_id", "problem"),
        "case_participant": ("case_id", "organisation_id"),
        "case_transition": (
            "case_id",
            "seq",
            "from_status",
            "to_status",
            "at",
            "by",
            "meeting_id",
            "decision",
            "threat_not_particularly_high",
            "willing_to_cooperate",
            "no_heavy_milieu_contacts",
            "closure_reason",
        ),
        "follow_up_plan": ("case_id", "version", "template_id", "started_on"),
        "plan_action": (
            "id",
            "case_id",
            "cell_id",
            "description",
            "organisation_id",
            "due_on",
            "status",
            "created_at",
        ),
        "information_card": (
            "id",
            "case_id",
            "text",
            "non_classified_attested",
            "added_by",
            "added_at",
        ),
        "meeting": (
            "id",
            "cell_id",
            "table_kind",
            "starts_at",
            "ends_at",
            "place",
            "online_link",
            "status",
            "created_by",
            "created_at",
            "opened_at",
            "closed_at",
        ),
        "meeting_invitee": ("meeting_id", "user_id"),
        "agenda_item": ("id", "meeting_id", "position", "purpose", "case_id", "title"),
        "attendance": ("meeting_id", "user_id", "present", "recorded_at", "acknowledged_at"),
    }
    SIGNAL_COLUMNS = (
        "id",
        "case_id",
        "organisation_id",
        "observed_on",
        "description",
        "recorded_by",
        "recorded_at",
    )
    AUDIT_COLUMNS = STORED_COLUMNS

    def __init__(self) -> None:
        self.lines: dict[str, list[str]] = {name: [] for name in self.COLUMNS}

    def add(self, table: str, *values: object) -> None:
        self.lines[table].append(line(*values))

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.lines.items()}


class Stream:
    """An open COPY on its own connection, fed in chunks of about a megabyte."""

    def __init__(self, connection: psycopg.Connection, table: str, columns: tuple[str, ...]):
        self.connection = connection
        self.cursor = connection.cursor()
        statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        self._context = self.cursor.copy(statement)
        self._copy = self._context.__enter__()
        self._buffer: list[str] = []
        self._size = 0
        self.rows = 0

    def write(self, text: str, rows: int = 1) -> None:
        self._buffer.append(text)
        self._size += len(text)
        self.rows += rows
        if self._size >= CHUNK_BYTES:
            self.flush()

    def flush(self) -> None:
        if self._buffer:
            self._copy.write("".join(self._buffer).encode())
            self._buffer.clear()
            self._size = 0

    def close(self) -> None:
        self.flush()
        self._context.__exit__(None, None, None)
        self.connection.commit()


# --- generation ---------------------------------------------------------------------------------


class Generator:
    def __init__(self, scale: Scale, seed: int, now: datetime, password_hash: str) -> None:
        self.scale = scale
        self.rng = random.Random(seed)  # noqa: S311 (reproducible fictitious data, no secret)
        self.now = int(now.timestamp()) * SECOND
        self.password_hash = password_hash
        self.tables = Tables()
        self.nis = BASE_NIS_CODE
        self.admin = self.uuid()
        self.platform_events: list[tuple[int, str, str, str, str, str]] = []
        self.users: list[tuple[str, int]] = []  # (user id, created) for logins
        self.hashes = 0

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def between(self, start: int, end: int) -> int:
        return start + int(self.rng.random() * max(end - start, 1))

    def secret(self) -> str:
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
        return "".join(self.rng.choice(alphabet) for _ in range(32))

    def platform(self) -> None:
        """The platform administrator who set the cells up."""
        created = self.now - 900 * DAY
        self.tables.add(
            "user_account",
            self.admin,
            "admin@platform.tafel.example",
            "Platformbeheer",
            self.password_hash,
            "nl",
            "Tafel",
            "platform administrator",
            "active",
            False,
            self.secret(),
            True,
            0,
            ts(created),
        )
        self.tables.add("platform_grant", self.admin, "platformAdministrator", "platform")
        self.platform_events.append(
            (created, "system", "tafel.cli", "account.create", "account", self.admin)
        )

    def cell(self, index: int) -> CellOutput:  # noqa: PLR0915 (one cell, read top to bottom)
        rng, add, number = self.rng, self.tables.add, index + 1
        language = LANGUAGES[index % len(LANGUAGES)]
        texts = TEXTS["fr" if language == "fr" else "nl"]
        out = CellOutput()
        events = out.events
        cell = out.cell = self.uuid()
        created = self.now - (800 + rng.randint(0, 60)) * DAY
        add(
            "cell",
            cell,
            f"{CELL_NAMES[language]} {number:03d}",
            "active",
            ts(created),
            language,
            730,
            "law",
            texts["basis"],
            None,
        )
        admin = self.admin
        events.append((created, "user", admin, "cell.create", "cell", cell))
        municipalities = []
        for position in range(1 + index % 3):
            code = str(self.nis)
            self.nis += 1
            municipalities.append(code)
            add("cell_municipality", cell, code, f"{MUNICIPALITY_NAMES[language]} {code}", position)
        add("confidentiality_terms", cell, 1, texts["terms"], ts(created))
        organisations: dict[str, str] = {}
        for offset, (key, (kind, dutch, french)) in enumerate(ORGANISATIONS.items()):
            organisation = self.uuid()
            organisations[key] = organisation
            name = f"{french if language == 'fr' else dutch} {number:03d}"
            at = created + (offset + 1) * SECOND
            add("organisation", organisation, cell, name, kind, "sitting", False, ts(at))
            events.append((at, "user", admin, "organisation.create", "organisation", organisation))
        tables = {"operational": self.uuid(), "strategic": self.uuid()}
        for kind, table in tables.items():
            at = created + (0 if kind == "operational" else 10 * SECOND)
            add("cell_table", table, cell, kind, None, None, ts(at))
        events.append(
            (created + 10 * SECOND, "user", admin, "table.create", "table", tables["strategic"])
        )
        users = out.users
        for offset, seat in enumerate(SEATS):
            user, member = self.uuid(), self.uuid()
            users[seat.key] = user
            joined = created + DAY + offset * 60 * SECOND
            organisation = organisations[seat.organisation]
            organisation_name = (
                f"{ORGANISATIONS[seat.organisation][2 if language == 'fr' else 1]} {number:03d}"
            )
            add(
                "user_account",
                user,
                f"{seat.key}.{number:03d}@cel{number:03d}.tafel.example",
                f"{seat.label} {number:03d}",
                self.password_hash,
                "fr" if language == "fr" else "nl",
                organisation_name,
                seat.function,
                "active",
                False,
                self.secret(),
                True,
                0,
                ts(joined - 3600 * SECOND),
            )
            self.users.append((user, joined))
            self.platform_events.append(
                (joined - 3600 * SECOND, "user", admin, "account.create", "account", user)
            )
            clearance = day(self.now + 400 * DAY) if seat.key == "io" else None
            add(
                "member",
                member,
                cell,
                tables[seat.table],
                user,
                organisation,
                seat.function,
                seat.chair,
                ts(joined),
                None,
                clearance,
            )
            events.append((joined, "user", admin, "member.add", "member", member))
            if seat.chair:
                events.append((joined + SECOND, "user", admin, "member.chair", "member", member))
            acknowledged = joined + DAY
            add("terms_acknowledgement", cell, user, 1, ts(acknowledged))
            events.append((acknowledged, "user", user, "terms.acknowledge", "terms", "1"))
        templates = []
        for name, steps in DEFAULT_TEMPLATES.items():
            template = self.uuid()
            templates.append((template, steps))
            add(
                "trajectory_template",
                template,
                cell,
                name,
                json.dumps([[text, offset] for text, offset in steps], ensure_ascii=False),
                ts(created),
            )
        dro = users["dro"]
        codes: set[str] = set()
        for _ in range(self.scale.cases_per_cell):
            out.cases.append(
                self.case(
                    cell, language, municipalities, organisations, users, templates, codes, events
                )
            )
        self.meetings(cell, language, created, users, out, dro)
        return out

    def case(  # noqa: PLR0912, PLR0915 (one case, read top to bottom)
        self,
        cell: str,
        language: str,
        municipalities: list[str],
        organisations: dict[str, str],
        users: dict[str, str],
        templates: list[tuple[str, tuple[tuple[str, int], ...]]],
        codes: set[str],
        events: list[tuple[int, str, str, str, str, str]],
    ) -> CaseModel:
        rng, add = self.rng, self.tables.add
        texts = TEXTS["fr" if language == "fr" else "nl"]
        dro, io = users["dro"], users["io"]
        created = self.now - rng.randint(3 * 86_400, 720 * 86_400) * SECOND
        code = ""
        while not code or code in codes:
            year = time.gmtime(created // SECOND).tm_year
            code = f"K-{year}-" + "".join(rng.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
        codes.add(code)
        ltf = rng.random() < 0.1
        reference = "police" if ltf else rng.choice(PARTNERS)
        submitter = users[RECORDER[reference]]
        participants = [reference]
        if rng.random() < (0.6 if ltf else 0.4):
            other = rng.choice([*PARTNERS, "municipality"])
            if other != reference:
                participants.append(other)
        case = self.uuid()
        # The lifecycle: the prefix of a path whose steps fit before now.
        path = rng.choices(PATHS, weights=PATH_WEIGHTS)[0][1]
        horizon = self.now - 3600 * SECOND
        moment = created
        steps: list[tuple[str, int]] = []
        for step in path:
            moment += rng.randint(5 * 86_400, 45 * 86_400) * SECOND
            if moment > horizon:
                break
            steps.append((step, moment))
        status = STEPS[steps[-1][0]][1] if steps else "registered"
        closed = steps[-1][1] if status == "closed" else None
        end = closed or horizon
        problematic_since = None
        if status not in ("registered", "closed") and rng.random() < 0.08:
            problematic_since = created + (steps[-1][1] - created) // 2
        add(
            "case_file",
            case,
            cell,
            code,
            rng.choice(municipalities),
            rng.choices(AGE_BANDS, weights=AGE_WEIGHTS)[0],
            rng.choice(PHENOMENA) if rng.random() < 0.35 else None,
            "ltf" if ltf else "partner",
            submitter,
            organisations[reference],
            texts["handling"],
            texts["assessment"],
            texts["followUp"] if ltf else None,
            problematic_since is not None,
            status,
            ts(created),
            ts(closed) if closed else None,
            None,
            ts(problematic_since) if problematic_since else None,
        )
        events.append((created, "user", submitter, "case.create", "case", case))
        for problem in rng.sample(PROBLEMS, rng.randint(1, 3)):
            add("case_problem", case, problem)
        for key in participants:
            add("case_participant", case, organisations[key])
        retained = None
        for seq, (step, at) in enumerate(steps, start=1):
            from_status, to_status, decision, assessments, reason = STEPS[step]
            a, b, c = assessments if assessments else (None, None, None)
            add(
                "case_transition",
                case,
                seq,
                from_status,
                to_status,
                ts(at),
                dro,
                None,
                decision,
                a,
                b,
                c,
                reason,
            )
            events.append((at, "user", dro, f"case.{step}", "case", case))
            if step == "weigh.retained":
                retained = at
        if problematic_since is not None:
            events.append((problematic_since, "user", dro, "case.markProblematic", "case", case))
        # Signals: the intake's first, then partners over the case's life.
        signals = self.signals
        later = (self.between(created, end) for _ in range(self.scale.signals_per_case - 1))
        signal_times = [created, *sorted(later)]
        descriptions = texts["signals"]
        for number, at in enumerate(signal_times):
            key = reference if number == 0 else rng.choice(participants)
            recorder = users[RECORDER[key]]
            signal = self.uuid()
            observed = at - rng.randint(0, 5) * DAY
            signals.write(
                f"{signal}\t{case}\t{organisations[key]}\t{day(observed)}\t"
                f"{descriptions[(number + len(code)) % len(descriptions)]}\t{recorder}\t{ts(at)}\n"
            )
            events.append((at, "user", recorder, "signal.add", "signal", signal))
        if retained is not None:
            template, template_steps = rng.choice(templates)
            add("follow_up_plan", case, 3, template, day(retained))
            events.append((retained + SECOND, "user", dro, "plan.start", "plan", case))
            for offset, (description, days) in enumerate(template_steps[:2]):
                action = self.uuid()
                due = retained + days * DAY
                if status == "closed":
                    state = "done" if offset == 0 else "cancelled"
                else:
                    state = (
                        "done" if due < self.now - 30 * DAY else rng.choice(("open", "inProgress"))
                    )
                add(
                    "plan_action",
                    action,
                    case,
                    cell,
                    description,
                    organisations[rng.choice(participants)],
                    day(due),
                    state,
                    ts(retained + (offset + 2) * SECOND),
                )
                events.append(
                    (
                        retained + (offset + 2) * SECOND,
                        "user",
                        dro,
                        "action.create",
                        "action",
                        action,
                    )
                )
        model = CaseModel(case, created, end, submitter, reference, ltf, participants, status)
        if ltf and steps:
            card = self.uuid()
            at = min(steps[0][1] + DAY, end)
            add("information_card", card, case, texts["card"], True, io, ts(at))
            events.append((at, "user", io, "informationCard.add", "informationCard", card))
            model.card = (card, at)
        return model

    def meetings(
        self,
        cell: str,
        language: str,
        created: int,
        users: dict[str, str],
        out: CellOutput,
        dro: str,
    ) -> None:
        """Monthly operational meetings held over two years, quarterly strategic ones, and the
        next operational meeting, planned, with open cases on its agenda."""
        rng, add, events = self.rng, self.tables.add, out.events
        texts = TEXTS["fr" if language == "fr" else "nl"]
        cases = sorted(out.cases, key=lambda c: c.created)
        noon = self.now - self.now % DAY + 12 * 3600 * SECOND
        plans = [("operational", noon - months * 30 * DAY, "held") for months in range(1, 25)]
        plans += [
            ("strategic", noon - quarter * 91 * DAY + 2 * DAY, "held") for quarter in range(1, 9)
        ]
        plans.append(("operational", noon + 7 * DAY, "planned"))
        for kind, starts, status in plans:
            if starts <= created + 3 * DAY:
                continue
            meeting = self.uuid()
            ends = starts + 2 * 3600 * SECOND
            chair = dro if kind == "operational" else users["mayor"]
            planned_at = min(starts - 14 * DAY, self.now - DAY)
            held = status == "held"
            add(
                "meeting",
                meeting,
                cell,
                kind,
                ts(starts),
                ts(ends),
                f"{texts['place']} {rng.randint(1, 4)}",
                "",
                status,
                chair,
                ts(planned_at),
                ts(starts) if held else None,
                ts(ends) if held else None,
            )
            events.append((planned_at, "user", chair, "meeting.plan", "meeting", meeting))
            seats = OPERATIONAL if kind == "operational" else STRATEGIC
            for key in seats:
                add("meeting_invitee", meeting, users[key])
            if kind == "strategic":
                add("agenda_item", self.uuid(), meeting, 1, "general", None, texts["strategic"])
            else:
                alive = [c for c in cases if c.created < starts - DAY and c.end > starts]
                chosen = rng.sample(alive, min(len(alive), 6 if status == "planned" else 3))
                for position, case in enumerate(chosen, start=1):
                    purpose = {
                        "registered": "admission",
                        "fileBuilding": "weighing",
                        "weighing": "weighing",
                    }.get(case.status, "evaluation")
                    add("agenda_item", self.uuid(), meeting, position, purpose, case.id, None)
                if not chosen:
                    add("agenda_item", self.uuid(), meeting, 1, "general", None, texts["general"])
            if not held:
                continue
            events.append((starts, "user", chair, "meeting.open", "meeting", meeting))
            recorded = starts + 5 * 60 * SECOND
            for key in seats:
                present = key in ("dro", "io", "mayor") or rng.random() < 0.85
                acknowledged = recorded + 60 * SECOND if present else None
                add(
                    "attendance",
                    meeting,
                    users[key],
                    present,
                    ts(recorded),
                    ts(acknowledged) if acknowledged else None,
                )
                if acknowledged:
                    events.append(
                        (
                            acknowledged,
                            "user",
                            users[key],
                            "meeting.acknowledge",
                            "meeting",
                            meeting,
                        )
                    )
            events.append((recorded, "user", chair, "meeting.attendance", "meeting", meeting))
            events.append((ends, "user", chair, "meeting.close", "meeting", meeting))

    def reads(self, out: CellOutput, quota: int) -> None:
        """Fill the cell's chain up to its share with reads of case content (R-AUD-1), and of the
        information cards shown with them (R-INFO-2)."""
        rng, events, cases, users = self.rng, out.events, out.cases, out.users
        while len(events) < quota and cases:
            case = rng.choice(cases)
            at = self.between(case.created, case.end)
            pick = rng.random()
            reader = users["dro"] if pick < 0.4 else users["io"] if pick < 0.6 else case.submitter
            events.append((at, "user", reader, "case.read", "case", case.id))
            if case.card and at > case.card[1] and len(events) < quota:
                card = case.card[0]
                events.append(
                    (at + 1, "user", reader, "informationCard.read", "informationCard", card)
                )

    def chain(self, chain: str, events: list[tuple[int, str, str, str, str, str]]) -> None:
        """Hash the events in time order exactly as the audit trail does, and stream them."""
        events.sort(key=lambda event: event[0])
        audit, sha256 = self.audit, hashlib.sha256
        prev = GENESIS_HASH
        rows = []
        for seq, (at, actor_type, actor, action, object_type, object_id) in enumerate(events, 1):
            occurred = audit_ts(at)
            fields = (actor_type, actor, action, object_type, object_id, "success")
            payload = fast_canonical(chain, seq, occurred, fields, prev)
            if seq % CHECK_EVERY == 1 and payload != canonical(chain, seq, occurred, fields, prev):
                raise AssertionError(f"canonical form differs at {chain} #{seq}")
            digest = sha256(payload).hexdigest()
            rows.append(
                f"{chain}\t{seq}\t{occurred}\t{actor_type}\t{actor}\t{action}\t{object_type}\t"
                f"{object_id}\tsuccess\t{prev}\t{digest}\n"
            )
            prev = digest
            if len(rows) >= 2000:
                audit.write("".join(rows), len(rows))
                rows.clear()
        if rows:
            audit.write("".join(rows), len(rows))
        self.hashes += len(events)

    def logins(self, count: int) -> None:
        """Sessions started over two years, in the platform chain."""
        rng = self.rng
        for _ in range(count):
            user, since = rng.choice(self.users)
            at = self.between(since, self.now - 3600 * SECOND)
            self.platform_events.append((at, "user", user, "session.start", "session", self.uuid()))

    # Set by `generate` before use.
    signals: Stream
    audit: Stream


# --- the database -------------------------------------------------------------------------------


def libpq(url: str, database: str | None = None) -> str:
    parsed = make_url(url).set(drivername="postgresql")
    if database is not None:
        parsed = parsed.set(database=database)
    return parsed.render_as_string(hide_password=False)


def recreate_database(url: str) -> None:
    name = make_url(url).database
    if not name:
        raise SystemExit("the database URL names no database")
    with psycopg.connect(libpq(url, "postgres"), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def migrate(url: str) -> None:
    from alembic import command

    from api.cli import alembic_config

    command.upgrade(alembic_config(url), "head")  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class SavedSchema:
    """Constraints and indexes set aside during the load, restored in dependency order."""

    keys: list[tuple[str, str, str]]  # (table, name, definition): primary keys and uniques
    indexes: list[str]  # CREATE INDEX statements
    foreign: list[tuple[str, str, str]]


def set_aside(connection: psycopg.Connection) -> SavedSchema:
    constraints = connection.execute(
        """SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid), c.contype
           FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
           WHERE t.relnamespace = 'public'::regnamespace AND c.contype IN ('p', 'u', 'f')
             AND t.relname <> 'alembic_version'"""
    ).fetchall()
    indexes = connection.execute(
        """SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
           FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
           WHERE t.relnamespace = 'public'::regnamespace AND t.relname <> 'alembic_version'
             AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)"""
    ).fetchall()
    saved = SavedSchema(
        keys=[(t, n, d) for t, n, d, kind in constraints if kind in ("p", "u")],
        indexes=[definition for _, definition in indexes],
        foreign=[(t, n, d) for t, n, d, kind in constraints if kind == "f"],
    )
    for table, name, _ in saved.foreign:
        connection.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for name, _ in indexes:
        connection.execute(f"DROP INDEX {name}")
    for table, name, _ in saved.keys:
        connection.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    connection.commit()
    return saved


def restore(connection: psycopg.Connection, saved: SavedSchema) -> None:
    statements = [
        *(f'ALTER TABLE {t} ADD CONSTRAINT "{n}" {d}' for t, n, d in saved.keys),
        *saved.indexes,
        *(f'ALTER TABLE {t} ADD CONSTRAINT "{n}" {d}' for t, n, d in saved.foreign),
    ]
    with Progress("constraints, indexes", len(statements)) as bar:
        for statement in statements:
            connection.execute(statement)
            connection.commit()
            bar.advance()


def session_settings(connection: psycopg.Connection) -> None:
    connection.execute("SET synchronous_commit = off")
    # The composition triggers (migration 0010) would renew a cell's revision once per member,
    # organisation and table copied; the cells keep the revision they were copied with.
    connection.execute("SET session_replication_role = replica")
    connection.execute("SET maintenance_work_mem = '512MB'")
    connection.commit()


@contextmanager
def timed(phases: dict[str, float], name: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    phases[name] = time.perf_counter() - started


@dataclass
class GenerationReport:
    scale: Scale
    seed: int
    rows: dict[str, int]
    phases: dict[str, float]

    @property
    def seconds(self) -> float:
        return sum(self.phases.values())


def generate(url: str, scale: Scale, seed: int) -> GenerationReport:
    """Drop, create, migrate and fill the database at `url`."""
    from adapters.security.passwords import Argon2PasswordHasher

    _check_texts()
    _check_formats()
    phases: dict[str, float] = {}
    with timed(phases, "create and migrate"):
        recreate_database(url)
        migrate(url)
    target = libpq(url)
    password_hash = Argon2PasswordHasher().hash(BENCH_PASSWORD)
    generator = Generator(scale, seed, datetime.now(UTC), password_hash)
    with (
        psycopg.connect(target) as main,
        psycopg.connect(target) as audit_connection,
        psycopg.connect(target) as signal_connection,
    ):
        for connection in (main, audit_connection, signal_connection):
            session_settings(connection)
        with timed(phases, "set constraints aside"):
            saved = set_aside(main)
        with timed(phases, "generate and copy"):
            generator.audit = Stream(audit_connection, "audit_event", Tables.AUDIT_COLUMNS)
            generator.signals = Stream(signal_connection, "case_signal", Tables.SIGNAL_COLUMNS)
            generator.platform()
            sessions = round(scale.audit_events * scale.session_share)
            platform_total = 1 + scale.members + sessions
            per_cell, extra = divmod(scale.audit_events - platform_total, scale.cells)
            with Progress("cells → audit events", scale.audit_events) as bar:
                for index in range(scale.cells):
                    out = generator.cell(index)
                    generator.reads(out, per_cell + (1 if index < extra else 0))
                    generator.chain(out.cell, out.events)
                    bar.advance(len(out.events))
                generator.logins(sessions)
                generator.chain(PLATFORM_CHAIN, generator.platform_events)
                bar.advance(len(generator.platform_events))
            generator.audit.close()
            generator.signals.close()
            rows = generator.tables.counts()
            with Progress("other tables", sum(rows.values())) as bar:
                for table, lines in generator.tables.lines.items():
                    columns = ", ".join(Tables.COLUMNS[table])
                    statement = f"COPY {table} ({columns}) FROM STDIN"
                    with main.cursor() as cursor, cursor.copy(statement) as copy:
                        for start in range(0, len(lines), 20_000):
                            copy.write("".join(lines[start : start + 20_000]).encode())
                            bar.advance(min(20_000, len(lines) - start))
                    lines.clear()
                main.commit()
        rows["case_signal"] = generator.signals.rows
        rows["audit_event"] = generator.audit.rows
        with timed(phases, "restore constraints and indexes"):
            restore(main, saved)
    with timed(phases, "vacuum analyze"), psycopg.connect(target, autocommit=True) as connection:
        connection.execute("VACUUM (ANALYZE)")
    return GenerationReport(scale, seed, dict(sorted(rows.items())), phases)
