"""What must hold in Tafel's database whatever happened to the server: read everything in one
snapshot and list every violation, by rule and pseudonymous id (never content).

- **Audit completeness**: each change has the audit event its use case writes in the same
  transaction, and each such event has its change (counts per object where a change repeats).
- **Consensus**: a transmitted feedback form carries the approval, on exactly the transmitted
  version, of every member recorded present, each present and sworn to secrecy in that meeting.
- **No orphans**: every foreign key resolves (also checked here, not only by PostgreSQL), and so do
  the references the schema does not enforce (authors, meetings, agenda items, templates), within
  the same cell.
- **The audit trail verifies**: every hash chain re-hashes intact (the `tafel audit verify` use
  case).

Works on PostgreSQL and SQLite alike: rows are compared in Python, after the column types have
turned ids into UUIDs on both.
"""

from __future__ import annotations

import json
import secrets
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

import adapters.sqlalchemy.rows  # noqa: F401 (registers every table in the metadata)
from adapters.clock import SystemClock
from adapters.security.anchors import Ed25519AnchorSigner
from adapters.security.secret_box import AesGcmSecretBox
from adapters.sqlalchemy.base import metadata
from adapters.sqlalchemy.engine import make_session_factory
from adapters.sqlalchemy.unit_of_work import SqlAlchemyUnitOfWork
from domain.audit.model import PLATFORM_CHAIN
from domain.audit.use_cases import verify_everything

Row = dict[str, Any]

TRANSITION_ACTIONS = frozenset(
    {
        "case.admit",
        "case.notAdmitted",
        "case.startWeighing",
        "case.startEvaluation",
        "case.resumeFollowUp",
        "case.close",
    }
)
# Tables whose rows a retention purge deletes while their creation events stay (R-PRIV-6).
PURGED_WITH_CASE = frozenset(
    {"case_signal", "information_card", "follow_up_plan", "plan_action", "feedback_form"}
)


def norm(value: Any) -> Any:
    """UUIDs as their canonical text, so row values compare with audit object ids."""
    return str(value) if isinstance(value, uuid.UUID) else value


@dataclass
class Snapshot:
    """Every row of every table Tafel maps, read in one transaction."""

    tables: dict[str, list[Row]]
    _indexes: dict[tuple[str, tuple[str, ...]], set[tuple[Any, ...]]] = field(default_factory=dict)

    def rows(self, table: str) -> list[Row]:
        return self.tables.get(table, [])

    def ids(self, table: str, column: str = "id") -> set[Any]:
        return {norm(row[column]) for row in self.rows(table)}

    def matches(self, table: str, wanted: Mapping[str, Any]) -> bool:
        """Whether a row of `table` has all these column values."""
        columns = tuple(sorted(wanted))
        index = self._indexes.get((table, columns))
        if index is None:
            index = {tuple(norm(row[c]) for c in columns) for row in self.rows(table)}
            self._indexes[(table, columns)] = index
        return tuple(norm(wanted[c]) for c in columns) in index


async def snapshot(engine: AsyncEngine) -> Snapshot:
    """All mapped tables in one consistent read: REPEATABLE READ on PostgreSQL, one deferred
    read transaction (a WAL snapshot) on SQLite."""
    options: dict[str, Any] = (
        {"isolation_level": "REPEATABLE READ"}
        if engine.dialect.name == "postgresql"
        else {"tafel_read_only": True}
    )
    tables: dict[str, list[Row]] = {}
    async with engine.connect() as plain:
        connection = await plain.execution_options(**options)
        async with connection.begin():
            for table in metadata.sorted_tables:
                result = await connection.execute(select(table))
                tables[table.name] = [dict(row._mapping) for row in result]
    return Snapshot(tables)


@dataclass
class Events:
    """The audit events, indexed the ways the checks ask for them."""

    by_object: dict[tuple[str, str], list[Row]] = field(default_factory=dict)
    actions: Counter[tuple[str, str]] = field(default_factory=Counter)
    by_actor: Counter[tuple[str, str, str]] = field(default_factory=Counter)

    @classmethod
    def of(cls, snap: Snapshot) -> Events:
        events = cls(defaultdict(list))
        for event in snap.rows("audit_event"):
            key = (event["action"], event["object_id"])
            events.by_object[key].append(event)
            events.actions[key] += 1
            events.by_actor[(event["action"], event["object_id"], event["actor_id"])] += 1
        return events

    def count(self, action: str, object_id: Any) -> int:
        return self.actions[(action, norm(object_id))]

    def has(self, action: str, object_id: Any, actor: Any | None = None) -> bool:
        if actor is None:
            return self.count(action, object_id) > 0
        return self.by_actor[(action, norm(object_id), norm(actor))] > 0

    def objects(self, action: str) -> set[str]:
        return {object_id for (name, object_id), n in self.actions.items() if name == action and n}


@dataclass
class Report:
    violations: list[str] = field(default_factory=list)
    chains: int = 0
    events: int = 0
    rows: int = 0

    def add(self, rule: str, *ids: Any) -> None:
        self.violations.append(f"{rule}: {' '.join(str(norm(i)) for i in ids)}")


def _by(rows: Iterable[Row], column: str) -> dict[Any, list[Row]]:
    grouped: dict[Any, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[norm(row[column])].append(row)
    return grouped


def _purged_cells(snap: Snapshot) -> set[str]:
    return {norm(c["cell_id"]) for c in snap.rows("case_file") if c["purged_at"] is not None}


def _check_paired(
    report: Report,
    snap: Snapshot,
    events: Events,
    table: str,
    action: str,
    *,
    column: str = "id",
    exempt: set[str] | None = None,
) -> None:
    """Each row of `table` has its creation event, and each creation event its row (unless a
    purge deleted it, which only a cell with purged cases can explain)."""
    ids = snap.ids(table, column)
    for object_id in ids - (exempt or set()):
        if not events.has(action, object_id):
            report.add(f"{table} row without {action} event", object_id)
    purged = _purged_cells(snap) if table in PURGED_WITH_CASE else set()
    for object_id in events.objects(action) - ids:
        chains = {e["chain"] for e in events.by_object[(action, object_id)]}
        if not chains <= purged:
            report.add(f"{action} event without {table} row", object_id)


def check_created(report: Report, snap: Snapshot, events: Events) -> None:
    """Creations, both ways: a row has its event, an event its row."""
    _check_paired(report, snap, events, "case_file", "case.create")
    _check_paired(report, snap, events, "case_signal", "signal.add")
    _check_paired(report, snap, events, "information_card", "informationCard.add")
    _check_paired(report, snap, events, "follow_up_plan", "plan.start", column="case_id")
    _check_paired(report, snap, events, "feedback_form", "feedbackForm.create")
    _check_paired(report, snap, events, "meeting", "meeting.plan")
    cell_created = {norm(c["id"]): c["created_at"] for c in snap.rows("cell")}
    _check_paired(
        report,
        snap,
        events,
        "trajectory_template",
        "template.create",
        # The default templates come with the cell (its `cell.create` event), in its transaction.
        exempt={
            norm(t["id"])
            for t in snap.rows("trajectory_template")
            if t["created_at"] == cell_created.get(norm(t["cell_id"]))
        },
    )
    templated = {
        norm(p["case_id"]) for p in snap.rows("follow_up_plan") if p["template_id"] is not None
    }
    _check_paired(
        report,
        snap,
        events,
        "plan_action",
        "action.create",
        # Actions a template created came with the plan (its `plan.start` event).
        exempt={norm(a["id"]) for a in snap.rows("plan_action") if norm(a["case_id"]) in templated},
    )


def check_case_changes(report: Report, snap: Snapshot, events: Events) -> None:
    """Changes that repeat, counted: one transition per lifecycle event, one plan version per
    action event, no progress note without its update."""
    transitions = Counter(norm(t["case_id"]) for t in snap.rows("case_transition"))
    weighings = Counter(
        norm(e["object_id"])
        for e in snap.rows("audit_event")
        if e["action"].startswith("case.weigh.")
    )
    for case in snap.rows("case_file"):
        case_id = norm(case["id"])
        expected = sum(events.count(a, case_id) for a in TRANSITION_ACTIONS) + weighings[case_id]
        if transitions[case_id] != expected:
            report.add("case transitions differ from their events", case_id)
    actions = _by(snap.rows("plan_action"), "case_id")
    for plan in snap.rows("follow_up_plan"):
        changes = sum(
            events.count("action.create", a["id"]) + events.count("action.update", a["id"])
            for a in actions.get(norm(plan["case_id"]), [])
        )
        if plan["version"] != 1 + changes:
            report.add("plan version differs from its action events", plan["case_id"])
    notes = Counter(norm(n["action_id"]) for n in snap.rows("action_note"))
    for action in snap.rows("plan_action"):
        if notes[norm(action["id"])] > events.count("action.update", action["id"]):
            report.add("action notes without action.update events", action["id"])


def check_form_changes(report: Report, snap: Snapshot, events: Events) -> None:
    """One version per edit, a consensus and a transmission with their events, a verdict with
    the event of the member who gave it."""
    versions = Counter(norm(v["form_id"]) for v in snap.rows("feedback_version"))
    for form in snap.rows("feedback_form"):
        form_id = norm(form["id"])
        if versions[form_id] - 1 != events.count("feedbackForm.edit", form_id):
            report.add("feedback versions differ from feedbackForm.edit events", form_id)
        if form["consensus_hash"] and not events.has("feedbackForm.consensus", form_id):
            report.add("consensus without feedbackForm.consensus event", form_id)
        sent = events.count("feedbackForm.transmit", form_id)
        if sent != (1 if form["transmitted_at"] is not None else 0):
            report.add("transmission differs from feedbackForm.transmit events", form_id)
    transmitted = {norm(f["id"]) for f in snap.rows("feedback_form") if f["transmitted_at"]}
    forms = snap.ids("feedback_form")
    for form_id in events.objects("feedbackForm.transmit") - transmitted:
        if form_id in forms:
            report.add("feedbackForm.transmit event without transmission", form_id)
    for verdict in snap.rows("feedback_verdict"):
        action = f"feedbackForm.{verdict['verdict']}"
        if not events.has(action, verdict["form_id"], verdict["member_id"]):
            report.add("verdict without its event", verdict["form_id"], verdict["member_id"])


def check_meeting_changes(report: Report, snap: Snapshot, events: Events) -> None:
    """A meeting's status, attendance, confirmations, minutes and requests, with their events."""
    required = {"inSession": ("open",), "held": ("open", "close"), "cancelled": ("cancel",)}
    for meeting in snap.rows("meeting"):
        for step in required.get(meeting["status"], ()):
            if not events.has(f"meeting.{step}", meeting["id"]):
                report.add(f"{meeting['status']} meeting without meeting.{step}", meeting["id"])
    for seat in snap.rows("attendance"):
        if not events.has("meeting.attendance", seat["meeting_id"]):
            report.add("attendance without meeting.attendance event", seat["meeting_id"])
        if seat["acknowledged_at"] is not None and not events.has(
            "meeting.acknowledge", seat["meeting_id"], seat["user_id"]
        ):
            report.add("acknowledgement without its event", seat["meeting_id"])
    minutes = Counter((norm(m["meeting_id"]), m["kind"]) for m in snap.rows("minutes_entry"))
    for meeting_id in snap.ids("meeting"):
        for kind in ("action", "decision"):
            if minutes[(meeting_id, kind)] != events.count(f"meeting.{kind}", meeting_id):
                report.add(f"minutes {kind}s differ from meeting.{kind} events", meeting_id)
    for request in snap.rows("meeting_request"):
        if request["origin"] == "member" and not events.has("meetingRequest.create", request["id"]):
            report.add("member's meeting request without its event", request["id"])


@dataclass
class Forms:
    """Feedback forms with what their checks look up: current versions, verdicts, seats."""

    current: dict[str, str]
    verdicts: dict[tuple[str, str, str], Row]
    attendance: dict[tuple[str, str], Row]
    meetings: dict[str, Row]
    agenda: set[tuple[str, str, str]]
    officers: set[tuple[str, str]]

    @classmethod
    def of(cls, snap: Snapshot) -> Forms:
        latest: dict[str, Row] = {}
        for version in snap.rows("feedback_version"):
            form = norm(version["form_id"])
            if form not in latest or version["number"] > latest[form]["number"]:
                latest[form] = version
        return cls(
            current={form: version["hash"] for form, version in latest.items()},
            verdicts={
                (norm(v["form_id"]), norm(v["meeting_id"]), norm(v["member_id"])): v
                for v in snap.rows("feedback_verdict")
            },
            attendance={
                (norm(a["meeting_id"]), norm(a["user_id"])): a for a in snap.rows("attendance")
            },
            meetings={norm(m["id"]): m for m in snap.rows("meeting")},
            agenda={
                (norm(i["meeting_id"]), norm(i["case_id"]), i["purpose"])
                for i in snap.rows("agenda_item")
            },
            officers={
                (norm(m["cell_id"]), norm(m["user_id"]))
                for m in snap.rows("member")
                if m["function"] == "informationOfficer"
            },
        )


def check_versions(report: Report, snap: Snapshot, forms: Forms) -> None:
    """R-FB-1 and R-FB-2 as stored: versions 1..n, one open form per case and round, verdicts
    and consensus only on the current version (an edit voids them)."""
    numbers: dict[str, list[int]] = defaultdict(list)
    for version in snap.rows("feedback_version"):
        numbers[norm(version["form_id"])].append(version["number"])
    for form in snap.rows("feedback_form"):
        form_id = norm(form["id"])
        if (
            sorted(numbers[form_id]) != list(range(1, len(numbers[form_id]) + 1))
            or not numbers[form_id]
        ):
            report.add("feedback versions not numbered 1..n", form_id)
        if form["consensus_hash"] and form["consensus_hash"] != forms.current.get(form_id):
            report.add("consensus on a version that is not the current one", form_id)
    for key, verdict in forms.verdicts.items():
        if verdict["version_hash"] != forms.current.get(key[0]):
            report.add("verdict on a version that is not the current one", *key)
    for case_id, of_case in _by(snap.rows("feedback_form"), "case_id").items():
        if sum(1 for f in of_case if f["transmitted_at"] is None) > 1:
            report.add("more than one open feedback form", case_id)
        if len({f["round"] for f in of_case}) != len(of_case):
            report.add("two feedback forms in one round", case_id)


def check_transmissions(report: Report, snap: Snapshot, forms: Forms) -> None:
    """R-FB-2 and R-FB-3 as stored: what was transmitted is the current version, in a meeting
    of the cell with the form on its agenda, by an information officer, with the approval of
    exactly that version by every member recorded present, each present and sworn in."""
    for form in snap.rows("feedback_form"):
        if form["transmitted_at"] is None:
            continue
        form_id, cell_id = norm(form["id"]), norm(form["cell_id"])
        meeting_id = norm(form["transmitted_meeting_id"])
        sent_hash = form["transmitted_hash"]
        present = [str(u) for u in json.loads(form["transmitted_present"] or "[]")]
        meeting = forms.meetings.get(meeting_id)
        for broken, rule in (
            (sent_hash != forms.current.get(form_id), "transmitted version is not the current"),
            (not present, "transmitted without anyone present"),
            (
                meeting is None or norm(meeting["cell_id"]) != cell_id,
                "transmitted in a meeting of no or another cell",
            ),
            (
                (meeting_id, norm(form["case_id"]), "feedbackForm") not in forms.agenda,
                "transmitted in a meeting without the form on its agenda",
            ),
            (
                (cell_id, norm(form["transmitted_by"])) not in forms.officers,
                "transmitted by someone who is not an information officer",
            ),
        ):
            if broken:
                report.add(rule, form_id)
        for member in present:
            verdict = forms.verdicts.get((form_id, meeting_id, member), {})
            if verdict.get("verdict") != "approved" or verdict.get("version_hash") != sent_hash:
                report.add("transmitted without this present member's approval", form_id, member)
            seat = forms.attendance.get((meeting_id, member), {})
            if not seat.get("present") or seat.get("acknowledged_at") is None:
                report.add("approver not present and sworn in", form_id, member)


USER_REFERENCES = (
    ("case_file", "submitted_by"),
    ("case_transition", "by"),
    ("case_signal", "recorded_by"),
    ("action_note", "by"),
    ("information_card", "added_by"),
    ("feedback_version", "created_by"),
    ("feedback_form", "transmitted_by"),
    ("meeting", "created_by"),
    ("minutes_entry", "recorded_by"),
    ("meeting_request", "requested_by"),
    ("meeting_request", "answered_by"),
)


def check_foreign_keys(report: Report, snap: Snapshot) -> None:
    """Every declared foreign key resolves (PostgreSQL enforces them; this proves it)."""
    for table in metadata.sorted_tables:
        for key in table.foreign_keys:
            target = snap.ids(key.column.table.name, key.column.name)
            for row in snap.rows(table.name):
                value = row[key.parent.name]
                if value is not None and norm(value) not in target:
                    report.add(f"orphan {table.name}.{key.parent.name}", value)


def check_references(report: Report, snap: Snapshot) -> None:
    """The references the schema leaves to the code: authors, meetings, templates, agenda
    items and minutes owners, each within the cell of what refers to them."""
    users = snap.ids("user_account")
    for table, column in USER_REFERENCES:
        for row in snap.rows(table):
            if row[column] is not None and norm(row[column]) not in users:
                report.add(f"{table}.{column} names no account", row[column])
    meetings = {norm(m["id"]): norm(m["cell_id"]) for m in snap.rows("meeting")}
    cases = {norm(c["id"]): norm(c["cell_id"]) for c in snap.rows("case_file")}
    templates = {norm(t["id"]): norm(t["cell_id"]) for t in snap.rows("trajectory_template")}
    items = {norm(i["id"]): norm(i["meeting_id"]) for i in snap.rows("agenda_item")}
    organisations = {norm(o["id"]): norm(o["cell_id"]) for o in snap.rows("organisation")}

    def expect(rule: str, row_id: Any, found: Any, expected: Any) -> None:
        if found is None or found != expected:
            report.add(rule, row_id)

    for transition in snap.rows("case_transition"):
        if transition["meeting_id"] is not None:
            expect(
                "case_transition.meeting_id names no meeting of the case's cell",
                transition["case_id"],
                meetings.get(norm(transition["meeting_id"])),
                cases.get(norm(transition["case_id"])),
            )
    for request in snap.rows("meeting_request"):
        if request["meeting_id"] is not None:
            expect(
                "meeting_request.meeting_id names no meeting of its cell",
                request["id"],
                meetings.get(norm(request["meeting_id"])),
                norm(request["cell_id"]),
            )
    for plan in snap.rows("follow_up_plan"):
        if plan["template_id"] is not None:
            expect(
                "follow_up_plan.template_id names no template of the case's cell",
                plan["case_id"],
                templates.get(norm(plan["template_id"])),
                cases.get(norm(plan["case_id"])),
            )
    for entry in snap.rows("minutes_entry"):
        meeting = norm(entry["meeting_id"])
        if entry["agenda_item_id"] is not None:
            expect(
                "minutes_entry.agenda_item_id names an item of another meeting",
                entry["id"],
                items.get(norm(entry["agenda_item_id"])),
                meeting,
            )
        if entry["owner_organisation_id"] is not None:
            expect(
                "minutes_entry.owner_organisation_id names no organisation of the cell",
                entry["id"],
                organisations.get(norm(entry["owner_organisation_id"])),
                meetings.get(meeting),
            )


def check_same_cell(report: Report, snap: Snapshot) -> None:
    """What belongs to a case or a form stays in its cell: actions, forms, agenda items,
    verdicts, and the meetings a form names."""
    meetings = {norm(m["id"]): norm(m["cell_id"]) for m in snap.rows("meeting")}
    cases = {norm(c["id"]): norm(c["cell_id"]) for c in snap.rows("case_file")}
    forms = {norm(f["id"]): norm(f["cell_id"]) for f in snap.rows("feedback_form")}
    pairs: list[tuple[str, Any, Any, Any]] = [
        (f"{table} in another cell than its case", r["id"], cases.get(norm(r["case_id"])), r)
        for table in ("plan_action", "feedback_form")
        for r in snap.rows(table)
    ]
    pairs += [
        (
            f"feedback_form.{column} names no meeting of its cell",
            f["id"],
            meetings.get(norm(f[column])),
            f,
        )
        for f in snap.rows("feedback_form")
        for column in ("consensus_meeting_id", "transmitted_meeting_id")
        if f[column] is not None
    ]
    for rule, row_id, found, row in pairs:
        if found is None or found != norm(row["cell_id"]):
            report.add(rule, row_id)
    for item in snap.rows("agenda_item"):
        cell = meetings.get(norm(item["meeting_id"]))
        if item["case_id"] is not None and cases.get(norm(item["case_id"])) != cell:
            report.add("agenda item on a case of another cell", item["id"])
    for verdict in snap.rows("feedback_verdict"):
        cell = forms.get(norm(verdict["form_id"]))
        if cell is None or meetings.get(norm(verdict["meeting_id"])) != cell:
            report.add("verdict in a meeting of another cell", verdict["form_id"])


def check_cases(report: Report, snap: Snapshot) -> None:
    """A case's status is where its transitions led; it keeps its problems and its reference
    holder among the partners (until a purge)."""
    problems = {norm(p["case_id"]) for p in snap.rows("case_problem")}
    participants = {
        (norm(p["case_id"]), norm(p["organisation_id"])) for p in snap.rows("case_participant")
    }
    last: dict[str, Row] = {}
    for transition in snap.rows("case_transition"):
        case_id = norm(transition["case_id"])
        if case_id not in last or transition["seq"] > last[case_id]["seq"]:
            last[case_id] = transition
    for case in snap.rows("case_file"):
        case_id = norm(case["id"])
        if case["purged_at"] is None and (
            case_id not in problems or (case_id, norm(case["reference_holder"])) not in participants
        ):
            report.add("case without its problems or its reference holder", case_id)
        status = last[case_id]["to_status"] if case_id in last else "registered"
        if case["status"] != status:
            report.add("case status differs from its last transition", case_id)


def check_audit_references(report: Report, snap: Snapshot) -> None:
    cells = snap.ids("cell")
    users = snap.ids("user_account")
    for event in snap.rows("audit_event"):
        if event["chain"] != PLATFORM_CHAIN and event["chain"] not in cells:
            report.add("audit chain of no cell", event["chain"])
        if event["actor_type"] == "user" and event["actor_id"] not in users:
            report.add("audit event by no account", event["chain"], event["seq"])


async def check_audit_chain(report: Report, engine: AsyncEngine) -> None:
    """The use case behind `tafel audit verify`, without anchors."""
    uow = SqlAlchemyUnitOfWork(
        make_session_factory(engine),
        SystemClock(),
        secrets=AesGcmSecretBox(secrets.token_urlsafe(32)),
        totp_secrets=AesGcmSecretBox(secrets.token_urlsafe(32)),
        read_only=True,
    )
    result = await verify_everything(uow, Ed25519AnchorSigner(secrets.token_bytes(32)), [])
    report.chains = len(result.chains)
    for chain in result.chains:
        if not chain.intact:
            report.add("audit chain broken", chain.chain, chain.first_broken_seq, chain.reason)


async def check(engine: AsyncEngine) -> tuple[Report, Snapshot]:
    """Every invariant over one snapshot, plus the audit chains."""
    snap = await snapshot(engine)
    report = Report(
        events=len(snap.rows("audit_event")), rows=sum(len(rows) for rows in snap.tables.values())
    )
    events = Events.of(snap)
    for audited in (check_created, check_case_changes, check_form_changes, check_meeting_changes):
        audited(report, snap, events)
    forms = Forms.of(snap)
    check_versions(report, snap, forms)
    check_transmissions(report, snap, forms)
    for structural in (
        check_foreign_keys,
        check_references,
        check_same_cell,
        check_cases,
        check_audit_references,
    ):
        structural(report, snap)
    await check_audit_chain(report, engine)
    return report, snap
