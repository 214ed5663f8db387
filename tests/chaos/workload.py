"""A stream of writes over real HTTP, as the fictitious demo cell *LIVC-R Lindebeek* would make
them, and the ledger of what the server acknowledged.

A story takes one case through the table's work: intake by the CLB, a signal, admission and
weighing, an information card, a follow-up plan with actions and a progress note, a feedback
form drafted and edited, a meeting planned and opened, attendance and secrecy confirmations, the
approvals (given concurrently; sometimes an objection or an edit voids them first), the
transmission by the information officer, a minutes action, a decision of the table, the meeting
closed and a meeting request: about thirty writes. A pool of stories takes turns for a few
concurrent requests (`Stream`), so at any moment they stand at different steps, and a pool
survives the kills: a kill may land in any step of the way, not only in the first ones.

Every 2xx answer is written into the ledger as the audit event the use case must have written
(action, object, actor) and, where it creates or changes a row, the row that must now exist.
After a kill, `missing_acknowledged` says which of them the database does not hold.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pyotp

from tests.chaos.invariants import Events, Snapshot, norm
from tests.support.feedback import CONTENT as FEEDBACK  # the same valid form as the tests

PROBLEM = "application/problem+json"
# What a response body must never show, even in an error: traces, driver or SQL text, paths.
LEAK_MARKERS = (
    "Traceback",
    'File "',
    "sqlalchemy",
    "psycopg",
    "asyncpg",
    "sqlite3",
    "OperationalError",
    "SELECT ",
    "INSERT INTO",
    "UPDATE ",
    "/work/",
    "site-packages",
)
TOKEN_REFRESH_SECONDS = 12 * 60  # the server issues 15-minute access tokens


class ServerGone(Exception):
    """The connection failed: the server was killed (or is not up yet)."""


class StoryAbandoned(Exception):
    """A step was refused (or answered 503); the story stops, the stream goes on."""


def letters(number: int) -> str:
    """A story's tag in letters only: digits in free text could look like an identifier to the
    privacy guard (a phone or register number)."""
    tag = ""
    number += 26 * 26
    while number:
        number, rest = divmod(number, 26)
        tag = chr(ord("a") + rest) + tag
    return tag


@dataclass
class Person:
    role: str
    email: str
    password: str
    totp_secret: str
    user_id: str
    token: str = ""
    token_at: float = 0.0
    last_step: int = 0

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@dataclass
class DemoCell:
    id: str
    organisations: dict[str, str]
    people: dict[str, Person]

    def __getitem__(self, role: str) -> Person:
        return self.people[role]


def demo_cell(snap: Snapshot, credentials: Path) -> DemoCell:
    """The seeded demo cell, its organisations by type and the accounts the stories use (with
    the TOTP secrets the seed wrote for browser tests)."""
    accounts = {a["role"]: a for a in json.loads(credentials.read_text(encoding="utf-8"))}
    cell = min(snap.rows("cell"), key=lambda c: c["created_at"])
    organisations = {
        str(o["type"]): norm(o["id"])
        for o in snap.rows("organisation")
        if o["cell_id"] == cell["id"]
    }
    users = {str(u["email"]): norm(u["id"]) for u in snap.rows("user_account")}
    people = {
        role: Person(
            role,
            accounts[role]["email"],
            accounts[role]["password"],
            accounts[role]["totp_secret"],
            users[accounts[role]["email"]],
        )
        for role in ("chair", "member", "informationOfficer", "alderman")
    }
    return DemoCell(norm(cell["id"]), organisations, people)


async def log_in(client: httpx.AsyncClient, person: Person) -> None:
    """Password, then a TOTP code of a step this account has not used yet (codes work once)."""
    step = int(time.time()) // 30
    if step <= person.last_step:
        await asyncio.sleep((person.last_step + 1) * 30 - time.time() + 0.2)
        step = int(time.time()) // 30
    first = await client.post(
        "/api/v1/auth/login", json={"email": person.email, "password": person.password}
    )
    first.raise_for_status()
    body = first.json()
    assert body["status"] == "secondFactorRequired", body
    code = pyotp.TOTP(person.totp_secret).at(step * 30)
    second = await client.post(
        "/api/v1/auth/mfa",
        json={"code": code},
        headers={"Authorization": f"Bearer {body['challengeToken']}"},
    )
    second.raise_for_status()
    person.token = str(second.json()["accessToken"])
    person.token_at = time.monotonic()
    person.last_step = step


async def fresh_tokens(client: httpx.AsyncClient, cell: DemoCell) -> int:
    """Log in whoever's token is old; the number of logins."""
    logins = 0
    for person in cell.people.values():
        if not person.token or time.monotonic() - person.token_at > TOKEN_REFRESH_SECONDS:
            await log_in(client, person)
            logins += 1
    return logins


@dataclass
class Ack:
    """An acknowledged write: the audit event it implies, and rows (table, column values) that
    must exist because of it."""

    action: str
    object_id: str
    actor: str
    rows: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()


def row(table: str, **values: Any) -> tuple[str, tuple[tuple[str, Any], ...]]:
    return table, tuple(values.items())


@dataclass
class Ledger:
    """What was sent and answered, across all workers of a run."""

    acks: list[Ack] = field(default_factory=list)
    sent: int = 0
    acknowledged: int = 0
    cut: int = 0  # sent, but the connection died before an answer
    refused: Counter[str] = field(default_factory=Counter)
    unavailable: int = 0
    violations: list[str] = field(default_factory=list)
    stories: int = 0
    stories_done: int = 0

    def check_response(self, response: httpx.Response, label: str) -> None:
        """Never a 5xx but a clean 503 problem; never a trace or SQL in an error body."""
        status = response.status_code
        if status >= 400 and any(marker in response.text for marker in LEAK_MARKERS):
            self.violations.append(f"{label}: {status} body leaks internals")
        if status == 503:
            self.unavailable += 1
            if not is_clean_503(response):
                self.violations.append(f"{label}: 503 is not a Belgif problem with Retry-After")
        elif status >= 500:
            self.violations.append(f"{label}: {status}")


def is_clean_503(response: httpx.Response) -> bool:
    if response.headers.get("content-type", "").split(";")[0] != PROBLEM:
        return False
    if not response.headers.get("retry-after", "").isdigit():
        return False
    try:
        body = response.json()
    except ValueError:
        return False
    return (
        isinstance(body, dict)
        and body.get("status") == 503
        and isinstance(body.get("type"), str)
        and isinstance(body.get("title"), str)
    )


def missing_acknowledged(ledger: Ledger, snap: Snapshot, events: Events) -> list[str]:
    """Acknowledged writes the database does not show: their audit events (counted: the same
    actor may do the same thing twice) and their rows."""
    missing = []
    expected = Counter((a.action, a.object_id, a.actor) for a in ledger.acks)
    for (action, object_id, actor), count in expected.items():
        if events.by_actor[(action, object_id, actor)] < count:
            missing.append(f"{action} on {object_id} by {actor}")
    for ack in ledger.acks:
        for table, values in ack.rows:
            if not snap.matches(table, dict(values)):
                missing.append(f"{ack.action}: no {table} row {dict(values)}")
    return missing


INTAKE_TEXT = {
    "priorHandling": "Drie gesprekken met de leerling en twee met de ouders sinds september.",
    "professionalAssessment": "Toenemende afzondering en uitspraken die het CLB zorgen baren.",
}


class Story:
    """One case through the table, one write after the other. Many stories are under way at
    once and take turns (`Stream`), so a kill finds them at every step of the way."""

    def __init__(self, stream: Stream, number: int) -> None:
        self.stream = stream
        self.cell = stream.cell
        self.ledger = stream.ledger
        self.rng = stream.rng
        self.tag = letters(number)

    async def write(
        self,
        who: str,
        method: str,
        path: str,
        label: str,
        body: Any = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        person = self.cell[who]
        async with self.stream.turn():
            self.ledger.sent += 1
            try:
                response = await self.stream.client.request(
                    method, path, json=body, headers={**person.headers, **(headers or {})}
                )
            except httpx.ConnectError as error:
                # Never reached the server (it was already gone): nothing to be unsure about.
                self.ledger.sent -= 1
                raise ServerGone(label) from error
            except httpx.TransportError as error:
                self.ledger.cut += 1
                raise ServerGone(label) from error
        self.ledger.check_response(response, label)
        if response.status_code >= 300:
            self.ledger.refused[f"{label} {response.status_code}"] += 1
            raise StoryAbandoned(label)
        self.ledger.acknowledged += 1
        return response

    def ack(self, action: str, object_id: Any, who: str, *rows: Any) -> None:
        self.ledger.acks.append(Ack(action, norm(object_id), self.cell[who].user_id, tuple(rows)))

    async def run(self) -> None:
        self.ledger.stories += 1
        today = datetime.now(UTC).date()
        case = await self.intake(today)
        await self.signal(case, today)
        for step, status in (("admit", "fileBuilding"), ("startWeighing", "weighing")):
            await self.write(
                "chair", "POST", f"/api/v1/cases/{case}/transitions", step, {"step": step}
            )
            self.ack(
                f"case.{step}",
                case,
                "chair",
                row("case_transition", case_id=case, to_status=status),
            )
        await self.write(
            "chair",
            "POST",
            f"/api/v1/cases/{case}/weighing",
            "weigh",
            {
                "threatNotParticularlyHigh": True,
                "willingToCooperate": True,
                "noHeavyMilieuContacts": True,
                "decision": "retained",
            },
        )
        self.ack(
            "case.weigh.retained",
            case,
            "chair",
            row("case_transition", case_id=case, to_status="followUp"),
        )
        await self.card(case)
        await self.plan(case, today)
        form, form_hash, form_etag = await self.form(case)
        meeting, item = await self.meeting(case)
        form_hash = await self.approvals(form, form_hash, form_etag, meeting)
        await self.write(
            "informationOfficer",
            "POST",
            f"/api/v1/feedbackForms/{form}/transmission",
            "transmit",
            {"meeting": meeting},
        )
        self.ack(
            "feedbackForm.transmit",
            form,
            "informationOfficer",
            row("feedback_form", id=form, transmitted_hash=form_hash),
        )
        await self.minutes(meeting, item, case, today)
        self.ledger.stories_done += 1

    async def intake(self, today: date) -> str:
        body = {
            "organisation": self.cell.organisations["clb"],
            "municipality": "99001",
            "ageBand": "from16To17",
            "initialProblems": ["school", "familySituation"],
            **INTAKE_TEXT,
            "signals": [
                {
                    "observedOn": (today - timedelta(days=3)).isoformat(),
                    "description": f"Deelde in de klas een oproep tot geweld ({self.tag}).",
                }
            ],
        }
        response = await self.write(
            "member", "POST", f"/api/v1/cells/{self.cell.id}/cases", "intake", body
        )
        case = str(response.json()["id"])
        self.ack("case.create", case, "member", row("case_file", id=case))
        return case

    async def signal(self, case: str, today: date) -> None:
        response = await self.write(
            "member",
            "POST",
            f"/api/v1/cases/{case}/signals",
            "signal",
            {
                "observedOn": (today - timedelta(days=1)).isoformat(),
                "description": f"Nieuw signaal op school ({self.tag}).",
            },
        )
        signal = str(response.json()["id"])
        self.ack("signal.add", signal, "member", row("case_signal", id=signal, case_id=case))

    async def card(self, case: str) -> None:
        response = await self.write(
            "informationOfficer",
            "POST",
            f"/api/v1/cases/{case}/informationCards",
            "card",
            {
                "text": f"Niet-geclassificeerde informatie ({self.tag}).",
                "nonClassifiedAttested": True,
            },
        )
        card = str(response.json()["id"])
        self.ack(
            "informationCard.add", card, "informationOfficer", row("information_card", id=card)
        )

    async def plan(self, case: str, today: date) -> None:
        started = await self.write("chair", "POST", f"/api/v1/cases/{case}/plan", "plan", {})
        self.ack("plan.start", case, "chair", row("follow_up_plan", case_id=case))
        etag = started.headers["ETag"]
        action = ""
        for number in range(self.rng.randint(1, 2)):
            description = f"Gesprek met de trajectbegeleider ({self.tag} {letters(number)})."
            response = await self.write(
                "chair",
                "POST",
                f"/api/v1/cases/{case}/plan/actions",
                "action",
                {
                    "description": description,
                    "organisation": self.cell.organisations["clb"],
                    "dueOn": (today + timedelta(days=30)).isoformat(),
                },
                {"If-Match": etag},
            )
            etag = response.headers["ETag"]
            action = next(
                str(a["id"]) for a in response.json()["actions"] if a["description"] == description
            )
            self.ack("action.create", action, "chair", row("plan_action", id=action, case_id=case))
        note = f"Eerste gesprek gevoerd ({self.tag})."
        await self.write(
            "member",
            "PATCH",
            f"/api/v1/cases/{case}/plan/actions/{action}",
            "action progress",
            {"status": "inProgress", "note": note},
            {"If-Match": etag},
        )
        self.ack("action.update", action, "member", row("action_note", action_id=action, text=note))

    async def form(self, case: str) -> tuple[str, str, str]:
        response = await self.write(
            "chair", "POST", f"/api/v1/cases/{case}/feedbackForms", "form", FEEDBACK
        )
        form = str(response.json()["id"])
        form_hash = str(response.json()["current"]["hash"])
        self.ack(
            "feedbackForm.create",
            form,
            "chair",
            row("feedback_form", id=form, case_id=case),
            row("feedback_version", form_id=form, hash=form_hash),
        )
        return await self.edit(form, response.headers["ETag"], "draft edit")

    async def edit(self, form: str, etag: str, why: str) -> tuple[str, str, str]:
        variant = letters(self.rng.randrange(26**4))
        content = {**FEEDBACK, "otherElements": f"Evaluatie na drie maanden ({why} {variant})."}
        response = await self.write(
            "chair",
            "PUT",
            f"/api/v1/feedbackForms/{form}",
            "form edit",
            content,
            {"If-Match": etag},
        )
        form_hash = str(response.json()["current"]["hash"])
        self.ack(
            "feedbackForm.edit",
            form,
            "chair",
            row("feedback_version", form_id=form, hash=form_hash),
        )
        return form, form_hash, response.headers["ETag"]

    async def meeting(self, case: str) -> tuple[str, str]:
        start = datetime.now(UTC) + timedelta(days=1, minutes=self.rng.randint(0, 600))
        people = ("chair", "alderman", "member", "informationOfficer")
        body = {
            "table": "operational",
            "startsAt": start.isoformat(),
            "endsAt": (start + timedelta(hours=2)).isoformat(),
            "place": "Stadhuis Lindebeek, zaal twee",
            "invitees": [self.cell[p].user_id for p in people],
            "agenda": [{"purpose": "feedbackForm", "case": case}],
        }
        response = await self.write(
            "chair", "POST", f"/api/v1/cells/{self.cell.id}/meetings", "meeting", body
        )
        meeting = str(response.json()["id"])
        item = str(response.json()["agenda"][0]["id"])
        self.ack(
            "meeting.plan",
            meeting,
            "chair",
            row("meeting", id=meeting),
            row("agenda_item", id=item, meeting_id=meeting, case_id=case),
        )
        await self.write(
            "chair", "PATCH", f"/api/v1/meetings/{meeting}", "open", {"status": "inSession"}
        )
        self.ack("meeting.open", meeting, "chair")
        present = ("chair", "member", "informationOfficer")
        await self.write(
            "chair",
            "PUT",
            f"/api/v1/meetings/{meeting}/attendance",
            "attendance",
            {
                "present": [self.cell[p].user_id for p in present],
                "absent": [self.cell["alderman"].user_id],
            },
        )
        self.ack(
            "meeting.attendance",
            meeting,
            "chair",
            *(
                row("attendance", meeting_id=meeting, user_id=self.cell[p].user_id, present=True)
                for p in present
            ),
        )
        for who in present:
            await self.write(who, "POST", f"/api/v1/meetings/{meeting}/acknowledgement", "sworn")
            self.ack("meeting.acknowledge", meeting, who)
        return meeting, item

    async def verdict(self, who: str, form: str, meeting: str, form_hash: str, kind: str) -> None:
        await self.write(
            who,
            "POST",
            f"/api/v1/feedbackForms/{form}/approvals",
            kind,
            {
                "meeting": meeting,
                "versionHash": form_hash,
                "verdict": kind,
                "reason": "Onvoldoende gemotiveerd." if kind == "objected" else "",
            },
            {"Idempotency-Key": uuid.uuid4().hex},
        )
        self.ack(f"feedbackForm.{kind}", form, who)

    async def approvals(self, form: str, form_hash: str, etag: str, meeting: str) -> str:
        """Sometimes an objection or a late edit first (both void every verdict, R-FB-2), then
        everyone present approves the current version at the same time."""
        approvers = ["chair", "member", "informationOfficer"]
        detour = self.rng.random()
        if detour < 0.2:
            await self.verdict("member", form, meeting, form_hash, "objected")
            form, form_hash, etag = await self.edit(form, etag, "after objection")
        elif detour < 0.4:
            await self.verdict(self.rng.choice(approvers), form, meeting, form_hash, "approved")
            form, form_hash, etag = await self.edit(form, etag, "late edit")
        results = await asyncio.gather(
            *(self.verdict(who, form, meeting, form_hash, "approved") for who in approvers),
            return_exceptions=True,
        )
        for result in results:
            if isinstance(result, BaseException):
                raise result
        return form_hash

    async def minutes(self, meeting: str, item: str, case: str, today: date) -> None:
        text = f"Contact opnemen met de school ({self.tag})."
        await self.write(
            "chair",
            "POST",
            f"/api/v1/meetings/{meeting}/actions",
            "minutes action",
            {
                "text": text,
                "owner": self.cell.organisations["clb"],
                "deadline": (today + timedelta(days=14)).isoformat(),
                "agendaItem": item,
            },
        )
        self.ack(
            "meeting.action", meeting, "chair", row("minutes_entry", meeting_id=meeting, text=text)
        )
        await self.write(
            "chair",
            "POST",
            f"/api/v1/meetings/{meeting}/decisions",
            "decision",
            {"agendaItem": item, "decision": "startEvaluation"},
        )
        self.ack("meeting.decision", meeting, "chair")
        self.ack(
            "case.startEvaluation",
            case,
            "chair",
            row("case_transition", case_id=case, to_status="evaluation", meeting_id=meeting),
        )
        await self.write(
            "chair", "PATCH", f"/api/v1/meetings/{meeting}", "close", {"status": "held"}
        )
        self.ack("meeting.close", meeting, "chair", row("meeting", id=meeting, status="held"))
        response = await self.write(
            "member",
            "POST",
            f"/api/v1/cells/{self.cell.id}/meetingRequests",
            "meeting request",
            {"reason": f"Graag een opvolgoverleg ({self.tag})."},
        )
        request = str(response.json()["id"])
        self.ack("meetingRequest.create", request, "member", row("meeting_request", id=request))


class Stream:
    """A pool of stories under way, taking turns for a few concurrent requests.

    The gate lets the harness pause the stream (kill, restart, check) and resume it: stories
    waiting for their next write simply wait. A story whose request the kill cut, or that was
    refused, ends — its state is uncertain — and a new one takes its place.
    """

    def __init__(
        self, base_url: str, cell: DemoCell, ledger: Ledger, seed: int, *, workers: int
    ) -> None:
        self.base_url = base_url
        self.cell = cell
        self.ledger = ledger
        self.rng = random.Random(seed)
        self.pool_size = workers * 3
        self.slots = asyncio.Semaphore(workers)
        self.gate = asyncio.Event()
        self.tolerate_outage = False
        self.client = httpx.AsyncClient(base_url=base_url, timeout=30.0)
        self.numbers = 0
        self.tasks: set[asyncio.Task[None]] = set()
        self.stopping = False

    @contextlib.asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        while True:
            await self.gate.wait()
            await self.slots.acquire()
            if self.gate.is_set():
                break
            self.slots.release()  # closed while we queued: wait for the next opening
        try:
            yield
        finally:
            self.slots.release()

    async def open(self) -> None:
        """Resume with a fresh connection pool (the old connections died with the server)."""
        await self.client.aclose()
        self.client = httpx.AsyncClient(base_url=self.base_url, timeout=30.0)
        self._top_up()
        self.gate.set()

    def pause(self) -> None:
        self.gate.clear()

    def _top_up(self) -> None:
        while not self.stopping and len(self.tasks) < self.pool_size:
            self.numbers += 1
            task = asyncio.create_task(self._tell(Story(self, self.numbers)))
            self.tasks.add(task)
            task.add_done_callback(self._ended)

    def _ended(self, task: asyncio.Task[None]) -> None:
        self.tasks.discard(task)
        self._top_up()

    async def _tell(self, story: Story) -> None:
        try:
            await story.run()
        except StoryAbandoned:
            await asyncio.sleep(0.1)
        except ServerGone:
            if self.tolerate_outage:
                self.ledger.violations.append("connection failed while the server ran")

    async def stop(self) -> None:
        self.stopping = True
        self.pause()
        for task in list(self.tasks):
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        await self.client.aclose()
