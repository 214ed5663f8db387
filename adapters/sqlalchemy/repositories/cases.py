"""Cases on SQLAlchemy, mapped explicitly to the aggregate and its lifecycle."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    BindParameter,
    Boolean,
    ColumnElement,
    Date,
    Integer,
    Row,
    Select,
    String,
    Text,
    Uuid,
    bindparam,
    cast,
    delete,
    func,
    literal_column,
    null,
    select,
    union_all,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import QueryableAttribute

from adapters.sqlalchemy.rows.cases import (
    ActionNoteRow,
    CaseParticipantRow,
    CaseProblemRow,
    CaseRow,
    CaseTransitionRow,
    InformationCardRow,
    PlanActionRow,
    PlanRow,
    SignalRow,
    TemplateRow,
)
from adapters.sqlalchemy.rows.feedback import FeedbackFormRow
from adapters.sqlalchemy.rows.identity import UserRow
from adapters.sqlalchemy.rows.meetings import MinutesEntryRow
from adapters.sqlalchemy.types import UtcDateTime, joined_children, split, split_ids
from domain.cases.lifecycle import (
    CaseStatus,
    ClosureReason,
    Lifecycle,
    Transition,
    WeighingAssessments,
    WeighingDecision,
)
from domain.cases.model import (
    ActionNote,
    Case,
    CaseListing,
    FollowUpPlan,
    InformationCard,
    PlanAction,
    Signal,
    TemplateStep,
    TrajectoryTemplate,
)
from domain.cases.ports import CaseFilter, CaseRecords, CaseRepository, TemplateRepository
from domain.cases.vocabulary import (
    ActionStatus,
    AgeBand,
    CaseSource,
    InitialProblem,
    PhenomenonLabel,
)

# Purge candidates: no cell keeps closed cases shorter than this (see cells.setup).
SHORTEST_RETENTION = timedelta(days=30)


# What a case page and a case list read, built once (building and keying a select cost more than
# running it). `ids` lists are expanded at execution.
_CASE_ID: BindParameter[uuid.UUID] = bindparam("case_id")
_IDS: BindParameter[list[uuid.UUID]] = bindparam("ids", expanding=True)
# One case with its problems and partners as joined lists: one statement instead of three.
_PROBLEM_LIST = joined_children(CaseProblemRow.problem, CaseProblemRow.case_id == CaseRow.id)
_PARTNER_LIST = joined_children(
    CaseParticipantRow.organisation_id, CaseParticipantRow.case_id == CaseRow.id
)
# With its history too, one row per step (one row of NULL steps for a case without): one
# statement is one snapshot, so a step committed meanwhile is either all there or not at all.
CASE = (
    select(CaseRow, _PROBLEM_LIST, _PARTNER_LIST, *CaseTransitionRow.__table__.columns)
    .outerjoin(CaseTransitionRow, CaseTransitionRow.case_id == CaseRow.id)
    .where(CaseRow.id == _CASE_ID)
    .order_by(CaseTransitionRow.seq)
)
CASE_FOR_UPDATE = CASE.with_for_update(of=CaseRow)
PROBLEMS = select(CaseProblemRow.case_id, CaseProblemRow.problem).where(
    CaseProblemRow.case_id.in_(_IDS)
)
PARTICIPANTS = select(CaseParticipantRow.case_id, CaseParticipantRow.organisation_id).where(
    CaseParticipantRow.case_id.in_(_IDS)
)
# A case list line: never content (see CaseListing).
LISTED = (
    CaseRow.id,
    CaseRow.cell_id,
    CaseRow.code,
    CaseRow.status,
    CaseRow.problematic,
    CaseRow.municipality,
    CaseRow.age_band,
    CaseRow.created_at,
)
TRANSITIONS = (
    select(*CaseTransitionRow.__table__.columns)
    .where(CaseTransitionRow.case_id.in_(_IDS))
    .order_by(CaseTransitionRow.seq)
)
# Everything a case page shows beyond the case, in one statement (it cost four: signals and
# cards, the plan with its actions, the actions' notes, the step recorders' names): rows of one
# shape, told apart by `kind`, each kind filling the columns it has. Ordered within each kind:
# signals by observation date, actions by due date, cards and notes by time.
#   kind    id             ref              day          text         flag      label   by  at
#   signal  signal         organisation     observed on  description  -         -       by  at
#   card    card           -                -            text         attested  -       by  at
#   plan    case           template         started on   -            -         -       -   -
#   action  action         organisation     due on       description  -         status  -   at
#   note    its action     -                -            text         -         -       by  at
#   person  account        -                -            name         -         -       -   -
# (`number` holds the plan's version.)
_Column = ColumnElement[Any] | QueryableAttribute[Any]
_NOTHING: dict[str, _Column] = {
    "ref": cast(null(), Uuid),
    "day": cast(null(), Date),
    "text": cast(null(), Text),
    "flag": cast(null(), Boolean),
    "label": cast(null(), String),
    "by": cast(null(), Uuid),
    "at": cast(null(), UtcDateTime),
    "number": cast(null(), Integer),
}


def _kind(name: str, id_: _Column, **given: _Column) -> Select[*tuple[Any, ...]]:
    columns = {**_NOTHING, **given}
    return select(
        literal_column(f"'{name}'").label("kind"),
        id_.label("id"),
        *(column.label(label) for label, column in columns.items()),
    )


_ACTIONS_OF_CASE = select(PlanActionRow.id).where(PlanActionRow.case_id == _CASE_ID)
_STEP_RECORDERS = select(CaseTransitionRow.by).where(CaseTransitionRow.case_id == _CASE_ID)
CONTENT = union_all(
    _kind(
        "signal",
        SignalRow.id,
        ref=SignalRow.organisation_id,
        day=SignalRow.observed_on,
        text=SignalRow.description,
        by=SignalRow.recorded_by,
        at=SignalRow.recorded_at,
    ).where(SignalRow.case_id == _CASE_ID),
    _kind(
        "card",
        InformationCardRow.id,
        text=InformationCardRow.text,
        flag=InformationCardRow.non_classified_attested,
        by=InformationCardRow.added_by,
        at=InformationCardRow.added_at,
    ).where(InformationCardRow.case_id == _CASE_ID),
    _kind(
        "plan",
        PlanRow.case_id,
        ref=PlanRow.template_id,
        day=PlanRow.started_on,
        number=PlanRow.version,
    ).where(PlanRow.case_id == _CASE_ID),
    _kind(
        "action",
        PlanActionRow.id,
        ref=PlanActionRow.organisation_id,
        day=PlanActionRow.due_on,
        text=PlanActionRow.description,
        label=PlanActionRow.status,
        at=PlanActionRow.created_at,
    ).where(PlanActionRow.case_id == _CASE_ID),
    _kind(
        "note",
        ActionNoteRow.action_id,
        text=ActionNoteRow.text,
        by=ActionNoteRow.by,
        at=ActionNoteRow.at,
    ).where(ActionNoteRow.action_id.in_(_ACTIONS_OF_CASE)),
    _kind("person", UserRow.id, text=UserRow.display_name).where(UserRow.id.in_(_STEP_RECORDERS)),
).order_by(literal_column("kind"), literal_column("day"), literal_column("at"))
# A plan with its actions, one row per action (one row with no action for a plan without).
PLAN = (
    select(PlanRow, PlanActionRow)
    .outerjoin(PlanActionRow, PlanActionRow.case_id == PlanRow.case_id)
    .where(PlanRow.case_id == _CASE_ID)
    .order_by(PlanActionRow.due_on, PlanActionRow.created_at)
)
NOTES = select(ActionNoteRow).where(ActionNoteRow.action_id.in_(_IDS)).order_by(ActionNoteRow.at)


def _transition(row: Row[Any]) -> Transition:
    assessments = None
    if row.threat_not_particularly_high is not None:
        assessments = WeighingAssessments(
            bool(row.threat_not_particularly_high),
            bool(row.willing_to_cooperate),
            bool(row.no_heavy_milieu_contacts),
        )
    return Transition(
        from_status=CaseStatus(row.from_status),
        to_status=CaseStatus(row.to_status),
        at=row.at,
        by=row.by,
        meeting_id=row.meeting_id,
        decision=WeighingDecision(row.decision) if row.decision else None,
        assessments=assessments,
        closure_reason=ClosureReason(row.closure_reason) if row.closure_reason else None,
    )


def _case(
    row: CaseRow, problems: Sequence[str], history: list[Transition], partners: set[uuid.UUID]
) -> Case:
    return Case(
        id=row.id,
        cell_id=row.cell_id,
        code=row.code,
        municipality=row.municipality,
        age_band=AgeBand(row.age_band),
        initial_problems=frozenset(InitialProblem(p) for p in problems),
        source=CaseSource(row.source),
        submitted_by=row.submitted_by,
        reference_holder=row.reference_holder,
        prior_handling=row.prior_handling or "",
        professional_assessment=row.professional_assessment or "",
        created_at=row.created_at,
        phenomenon=PhenomenonLabel(row.phenomenon) if row.phenomenon else None,
        requested_follow_up=row.requested_follow_up,
        problematic=row.problematic,
        problematic_since=row.problematic_since,
        lifecycle=Lifecycle(CaseStatus(row.status), history),
        participants=partners,
        purged_at=row.purged_at,
    )


def _listing(row: Row[*tuple[Any, ...]], partners: frozenset[uuid.UUID]) -> CaseListing:
    return CaseListing(
        id=row.id,
        cell_id=row.cell_id,
        code=row.code,
        status=CaseStatus(row.status),
        problematic=row.problematic,
        municipality=row.municipality,
        age_band=AgeBand(row.age_band),
        created_at=row.created_at,
        participants=partners,
    )


def _last_status(history: Sequence[Transition]) -> str:
    return str(history[-1].to_status if history else CaseStatus.registered)


class SqlAlchemyCaseRepository(CaseRepository):
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def codes(self, case_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
        wanted = set(case_ids)
        if not wanted:
            return {}
        rows = await self.session.execute(
            select(CaseRow.id, CaseRow.code).where(CaseRow.id.in_(wanted))
        )
        return dict(rows.all())

    async def get(self, case_id: uuid.UUID, *, for_update: bool = False) -> Case | None:
        statement = CASE_FOR_UPDATE if for_update else CASE
        found = (await self.session.execute(statement, {"case_id": case_id})).all()
        if not found:
            return None
        row, problems, partners = found[0][:3]
        history = [_transition(step) for step in found if step.seq is not None]
        return _case(row, split(problems), history, set(split_ids(partners)))

    async def _hydrate(self, rows: Sequence[CaseRow]) -> list[Case]:
        # The parts are read as plain rows, not ORM objects: a page of cases holds hundreds of
        # them, and mapping each into the identity map cost more than the statements.
        ids = [row.id for row in rows]
        problems: dict[uuid.UUID, list[str]] = {i: [] for i in ids}
        for case_id, problem in await self.session.execute(PROBLEMS, {"ids": ids}):
            problems[case_id].append(problem)
        history = await self._histories(rows)
        partners: dict[uuid.UUID, set[uuid.UUID]] = {i: set() for i in ids}
        for case_id, organisation_id in await self.session.execute(PARTICIPANTS, {"ids": ids}):
            partners[case_id].add(organisation_id)
        return [_case(row, problems[row.id], history[row.id], partners[row.id]) for row in rows]

    async def _histories(self, rows: Sequence[CaseRow]) -> dict[uuid.UUID, list[Transition]]:
        """The transitions of the cases, consistent with the rows' status. Under PostgreSQL's
        READ COMMITTED each statement sees its own snapshot: a step committed between reading the
        cases and their transitions would pair an old status with a newer history, so the rows
        that lag are read again (a step takes milliseconds; three rounds are plenty). A single
        case (`get`) comes with its history in one statement instead."""
        ids = [row.id for row in rows]
        for _round in range(3):
            history: dict[uuid.UUID, list[Transition]] = {i: [] for i in ids}
            transitions = await self.session.execute(TRANSITIONS, {"ids": ids})
            for transition in transitions:
                history[transition.case_id].append(_transition(transition))
            lagging = [row for row in rows if _last_status(history[row.id]) != row.status]
            if not lagging:
                break
            for row in lagging:
                await self.session.refresh(row)
        return history

    async def code_taken(self, cell_id: uuid.UUID, code: str) -> bool:
        found = await self.session.scalar(
            select(CaseRow.id).where(CaseRow.cell_id == cell_id, CaseRow.code == code)
        )
        return found is not None

    async def add(self, case: Case) -> None:
        self.session.add(
            CaseRow(
                id=case.id,
                cell_id=case.cell_id,
                code=case.code,
                municipality=case.municipality,
                age_band=str(case.age_band),
                phenomenon=str(case.phenomenon) if case.phenomenon else None,
                source=str(case.source),
                submitted_by=case.submitted_by,
                reference_holder=case.reference_holder,
                prior_handling=case.prior_handling,
                professional_assessment=case.professional_assessment,
                requested_follow_up=case.requested_follow_up,
                problematic=case.problematic,
                status=str(case.status),
                created_at=case.created_at,
            )
        )
        # Rows without relationship() are not ordered by foreign key: the case goes first.
        await self.session.flush()
        self.session.add_all(
            CaseProblemRow(case_id=case.id, problem=str(p)) for p in case.initial_problems
        )
        await self.session.flush()
        await self._replace_participants(case)

    async def save(self, case: Case) -> None:
        await self.session.execute(
            update(CaseRow)
            .where(CaseRow.id == case.id)
            .values(
                status=str(case.status),
                problematic=case.problematic,
                problematic_since=case.problematic_since,
                closed_at=case.lifecycle.closed_at,
            )
        )
        await self._replace_participants(case)

    async def _replace_participants(self, case: Case) -> None:
        await self.session.execute(
            delete(CaseParticipantRow).where(CaseParticipantRow.case_id == case.id)
        )
        self.session.add_all(
            CaseParticipantRow(case_id=case.id, organisation_id=org)
            for org in sorted(case.participants, key=str)
        )
        await self.session.flush()

    async def add_transition(self, case: Case, transition: Transition) -> None:
        assessments = transition.assessments
        self.session.add(
            CaseTransitionRow(
                case_id=case.id,
                seq=len(case.lifecycle.history),
                from_status=str(transition.from_status),
                to_status=str(transition.to_status),
                at=transition.at,
                by=transition.by,
                meeting_id=transition.meeting_id,
                decision=str(transition.decision) if transition.decision else None,
                threat_not_particularly_high=assessments.threat_not_particularly_high
                if assessments
                else None,
                willing_to_cooperate=assessments.willing_to_cooperate if assessments else None,
                no_heavy_milieu_contacts=assessments.no_heavy_milieu_contacts
                if assessments
                else None,
                closure_reason=str(transition.closure_reason)
                if transition.closure_reason
                else None,
            )
        )
        await self.session.flush()

    async def page(
        self, cell_id: uuid.UUID, selection: CaseFilter
    ) -> tuple[list[CaseListing], int]:
        conditions: list[ColumnElement[bool]] = [
            CaseRow.cell_id == cell_id,
            CaseRow.purged_at.is_(None),
        ]
        if selection.statuses:
            conditions.append(CaseRow.status.in_([str(s) for s in selection.statuses]))
        if selection.problematic is not None:
            conditions.append(CaseRow.problematic.is_(selection.problematic))
        if selection.municipality:
            conditions.append(CaseRow.municipality == selection.municipality)
        # The total rides along with the page (a window count); only a page past the end needs
        # a count of its own.
        # The partners (is the caller one?) ride along as a joined list; a list line needs
        # nothing else of the case: no problems, no history.
        found = (
            await self.session.execute(
                select(*LISTED, _PARTNER_LIST.label("partners"), func.count().over())
                .where(*conditions)
                .order_by(CaseRow.created_at.desc(), CaseRow.id)
                .offset(selection.offset)
                .limit(selection.limit)
            )
        ).all()
        if found:
            total = int(found[0][-1])
        elif selection.offset:
            counted = select(func.count()).select_from(CaseRow).where(*conditions)
            total = int(await self.session.scalar(counted) or 0)
        else:
            total = 0
        return [_listing(row, split_ids(row.partners)) for row in found], total

    async def content(self, case_id: uuid.UUID) -> CaseRecords:
        signals: list[Signal] = []
        cards: list[InformationCard] = []
        plan: Row[Any] | None = None
        actions: list[Row[Any]] = []
        notes: dict[uuid.UUID, list[ActionNote]] = {}
        recorders: dict[uuid.UUID, str] = {}
        for r in await self.session.execute(CONTENT, {"case_id": case_id}):
            match r.kind:
                case "signal":
                    signals.append(Signal(r.id, case_id, r.ref, r.day, r.text, r.by, r.at))
                case "card":
                    cards.append(InformationCard(r.id, case_id, r.text, bool(r.flag), r.by, r.at))
                case "plan":
                    plan = r
                case "action":
                    actions.append(r)
                case "note":
                    notes.setdefault(r.id, []).append(ActionNote(r.at, r.by, r.text))
                case "person":
                    recorders[r.id] = r.text
        followed = None
        if plan is not None:
            followed = FollowUpPlan(
                case_id,
                plan.number,
                plan.ref,
                plan.day,
                [
                    PlanAction(
                        a.id,
                        case_id,
                        a.text,
                        a.ref,
                        a.day,
                        ActionStatus(a.label),
                        a.at,
                        notes.get(a.id, []),
                    )
                    for a in actions
                ],
            )
        return CaseRecords(signals, cards, followed, recorders)

    async def add_signal(self, signal: Signal) -> None:
        self.session.add(
            SignalRow(
                id=signal.id,
                case_id=signal.case_id,
                organisation_id=signal.organisation_id,
                observed_on=signal.observed_on,
                description=signal.description,
                recorded_by=signal.recorded_by,
                recorded_at=signal.recorded_at,
            )
        )
        await self.session.flush()

    async def plan(self, case_id: uuid.UUID) -> FollowUpPlan | None:
        rows = (await self.session.execute(PLAN, {"case_id": case_id})).all()
        if not rows:
            return None
        row = rows[0][0]
        actions = [action for _, action in rows if action is not None]
        return FollowUpPlan(
            row.case_id, row.version, row.template_id, row.started_on, await self._actions(actions)
        )

    async def _actions(self, rows: Sequence[PlanActionRow]) -> list[PlanAction]:
        notes: dict[uuid.UUID, list[ActionNote]] = {row.id: [] for row in rows}
        if rows:
            for note in await self.session.scalars(NOTES, {"ids": list(notes)}):
                notes[note.action_id].append(ActionNote(note.at, note.by, note.text))
        return [
            PlanAction(
                r.id,
                r.case_id,
                r.description,
                r.organisation_id,
                r.due_on,
                ActionStatus(r.status),
                r.created_at,
                notes[r.id],
            )
            for r in rows
        ]

    async def save_plan(self, plan: FollowUpPlan) -> None:
        row = await self.session.get(PlanRow, plan.case_id)
        if row is None:
            row = PlanRow(case_id=plan.case_id, started_on=plan.started_on)
            self.session.add(row)
        row.version = plan.version
        row.template_id = plan.template_id
        await self.session.flush()

    async def save_action(self, action: PlanAction) -> None:
        row = await self.session.get(PlanActionRow, action.id)
        if row is None:
            case = await self.session.get(CaseRow, action.case_id)
            if case is None:
                raise LookupError(action.case_id)
            row = PlanActionRow(
                id=action.id,
                case_id=action.case_id,
                cell_id=case.cell_id,
                created_at=action.created_at,
            )
            self.session.add(row)
        row.description = action.description
        row.organisation_id = action.organisation_id
        row.due_on = action.due_on
        row.status = str(action.status)
        await self.session.flush()
        stored = int(
            await self.session.scalar(
                select(func.count())
                .select_from(ActionNoteRow)
                .where(ActionNoteRow.action_id == action.id)
            )
            or 0
        )
        self.session.add_all(
            ActionNoteRow(
                id=uuid.uuid4(), action_id=action.id, at=note.at, by=note.by, text=note.text
            )
            for note in action.notes[stored:]
        )
        await self.session.flush()

    async def actions_of(
        self, cell_id: uuid.UUID, organisation_ids: frozenset[uuid.UUID]
    ) -> list[PlanAction]:
        if not organisation_ids:
            return []
        rows = (
            await self.session.scalars(
                select(PlanActionRow).where(
                    PlanActionRow.cell_id == cell_id,
                    PlanActionRow.organisation_id.in_(list(organisation_ids)),
                    PlanActionRow.status.in_(
                        [str(ActionStatus.open), str(ActionStatus.in_progress)]
                    ),
                )
            )
        ).all()
        return await self._actions(rows)

    async def add_card(self, card: InformationCard) -> None:
        self.session.add(
            InformationCardRow(
                id=card.id,
                case_id=card.case_id,
                text=card.text,
                non_classified_attested=card.non_classified_attested,
                added_by=card.added_by,
                added_at=card.added_at,
            )
        )
        await self.session.flush()

    async def closed_before(self, moment: datetime) -> list[Case]:
        rows = (
            await self.session.scalars(
                select(CaseRow).where(
                    CaseRow.status == str(CaseStatus.closed),
                    CaseRow.purged_at.is_(None),
                    CaseRow.closed_at <= moment - SHORTEST_RETENTION,
                )
            )
        ).all()
        return await self._hydrate(rows) if rows else []

    async def purge(self, case: Case, at: datetime) -> None:
        """Free text and every child row go; the skeleton keeps the counts (R-PRIV-6)."""
        content = (
            SignalRow,
            InformationCardRow,
            PlanRow,
            CaseParticipantRow,
            MinutesEntryRow,
            FeedbackFormRow,  # versions and verdicts go with it (ON DELETE CASCADE)
        )
        for table in content:
            await self.session.execute(delete(table).where(table.case_id == case.id))
        actions = select(PlanActionRow.id).where(PlanActionRow.case_id == case.id)
        await self.session.execute(
            delete(ActionNoteRow).where(ActionNoteRow.action_id.in_(actions))
        )
        await self.session.execute(delete(PlanActionRow).where(PlanActionRow.case_id == case.id))
        await self.session.execute(
            update(CaseRow)
            .where(CaseRow.id == case.id)
            .values(
                prior_handling=None,
                professional_assessment=None,
                requested_follow_up=None,
                purged_at=at,
            )
        )
        await self.session.flush()


class SqlAlchemyTemplateRepository(TemplateRepository):
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @staticmethod
    def _template(row: TemplateRow) -> TrajectoryTemplate:
        steps = tuple(
            TemplateStep(str(text), int(offset)) for text, offset in json.loads(row.steps)
        )
        return TrajectoryTemplate(row.id, row.cell_id, row.name, steps, row.created_at)

    async def for_cell(self, cell_id: uuid.UUID) -> list[TrajectoryTemplate]:
        rows = await self.session.scalars(
            select(TemplateRow)
            .where(TemplateRow.cell_id == cell_id)
            .order_by(TemplateRow.created_at, TemplateRow.name)
        )
        return [self._template(row) for row in rows]

    async def get(self, template_id: uuid.UUID) -> TrajectoryTemplate | None:
        row = await self.session.get(TemplateRow, template_id)
        return self._template(row) if row else None

    async def add(self, template: TrajectoryTemplate) -> None:
        self.session.add(
            TemplateRow(
                id=template.id,
                cell_id=template.cell_id,
                name=template.name,
                steps=json.dumps(
                    [[s.description, s.day_offset] for s in template.steps], ensure_ascii=False
                ),
                created_at=template.created_at,
            )
        )
        await self.session.flush()
