"""The feedback form aggregate: versions, verdicts of the present members, one transmission.

The Constitutional Court (judgment 52/2021) upheld the professional-secrecy exception of art. 458ter
Sw. *because* a feedback form leaves for the police only with the consensus of all effectively
participating members. This module is where that guarantee is enforced (R-FB-2, R-FB-3).

Attendance is owned by the meetings context: every command that depends on it receives
`present_members`, the members recorded as effectively present at the meeting in session that
discusses the form. Nothing here stores attendance, so a consensus can never be computed against a
stale list.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from domain.feedback.content import (
    MAX_TEXT_LENGTH,
    FeedbackContent,
    FieldChange,
    content_hash,
    diff,
)
from domain.feedback.errors import (
    AlreadyTransmitted,
    ConsensusNotReached,
    FormFrozen,
    FormVersionNotFound,
    InformationOfficerOnly,
    NotEffectivelyParticipating,
    ObjectionReasonRequired,
    UnchangedContent,
)
from domain.shared.errors import InputIssue, StaleVersion

Members = frozenset[uuid.UUID]


class Verdict(StrEnum):
    approved = "approved"
    objected = "objected"


class FormStatus(StrEnum):
    """Where a form stands. `consensusReached` is derived from current attendance, never stored."""

    draft = "draft"
    consensus_reached = "consensusReached"
    transmitted = "transmitted"


@dataclass(frozen=True, slots=True)
class FormVersion:
    """One saved state of the form; `hash` is `content_hash(content)`, what members approve."""

    number: int
    content: FeedbackContent
    hash: str
    created_at: datetime
    created_by: uuid.UUID


@dataclass(frozen=True, slots=True)
class Approval:
    """A member's verdict on exactly one version (by hash). `reason` is set for an objection only.

    The reason is free text: the caller runs the privacy guard (R-PRIV-2) on it first.
    """

    member_id: uuid.UUID
    version_hash: str
    verdict: Verdict
    reason: str
    at: datetime


@dataclass(frozen=True, slots=True)
class Transmission:
    """Evidence of the one transmission to the LTF: who, when, which version, at which meeting, and
    the members whose unanimous approval allowed it (R-FB-2, R-FB-3)."""

    by: uuid.UUID
    at: datetime
    version_hash: str
    meeting_id: uuid.UUID
    present_members: Members


@dataclass(eq=False)
class FeedbackForm:
    """The feedback form of one case for one evaluation round (R-FB-1, R-FB-2, R-FB-3).

    Verdicts (`approvals`, objections included) are kept only for the current version: any edit
    voids all of them (R-FB-2). A member may change their verdict on the current version and the
    last one counts: an objector convinced by the discussion can lift their objection without an
    edit, and a member who spots a problem can still object after approving, up to transmission.

    Consensus (R-FB-2) is evaluated against the members present *now*, as the caller states them:
    every present member approved the current version, and no objection stands. Verdicts of members
    who left are kept but do not count towards consensus; if they come back, their verdict on the
    unchanged version counts again. An objection stands even if its author left: leaving the room
    never lifts an objection (only its author, or an edit, does). An empty meeting never reaches
    consensus, and there is no majority fallback. Once transmitted, the form is frozen (R-FB-3).
    """

    id: uuid.UUID
    case_id: uuid.UUID
    cell_id: uuid.UUID
    round: int
    versions: list[FormVersion]
    approvals: dict[uuid.UUID, Approval] = field(default_factory=dict)
    transmission: Transmission | None = None

    def __post_init__(self) -> None:
        if self.round < 1:
            raise ValueError("an evaluation round is numbered from 1")
        if not self.versions:
            raise ValueError("a feedback form always has a first version")
        # A repository that rehydrates a form must not revive a verdict or a transmission that
        # belongs to an earlier version (R-FB-2).
        if any(a.version_hash != self.current.hash for a in self.approvals.values()):
            raise ValueError("verdicts must name the current version")
        if self.transmission and self.transmission.version_hash != self.current.hash:
            raise ValueError("a transmitted form ends with the transmitted version")

    @classmethod
    def start(
        cls,
        id: uuid.UUID,
        case_id: uuid.UUID,
        cell_id: uuid.UUID,
        round: int,
        content: FeedbackContent,
        by: uuid.UUID,
        at: datetime,
    ) -> FeedbackForm:
        """A new draft whose version 1 is `content`."""
        first = FormVersion(1, content, content_hash(content), at, by)
        return cls(id=id, case_id=case_id, cell_id=cell_id, round=round, versions=[first])

    @property
    def current(self) -> FormVersion:
        return self.versions[-1]

    @property
    def is_transmitted(self) -> bool:
        return self.transmission is not None

    def edit(
        self, content: FeedbackContent, by: uuid.UUID, at: datetime, expected_hash: str
    ) -> list[Approval]:
        """Save `content` as a new version and void every verdict (R-FB-2).

        `expected_hash` is the version the editor started from (optimistic concurrency): another
        hash raises `StaleVersion`. Returns the voided verdicts so the caller can audit them. A
        transmitted form is frozen (R-FB-3); an edit that changes nothing is refused.
        """
        self._refuse_if_frozen()
        self._require_current(expected_hash)
        new_hash = content_hash(content)
        if new_hash == self.current.hash:
            raise UnchangedContent(version=self.current.number)
        self.versions.append(FormVersion(self.current.number + 1, content, new_hash, at, by))
        voided = list(self.approvals.values())
        self.approvals.clear()
        return voided

    def approve(
        self, member_id: uuid.UUID, version_hash: str, present_members: Members, at: datetime
    ) -> Approval:
        """Record that a present member approves exactly the version `version_hash` (R-FB-2)."""
        self._check_voter(member_id, version_hash, present_members)
        return self._store(Approval(member_id, version_hash, Verdict.approved, "", at))

    def object(
        self,
        member_id: uuid.UUID,
        version_hash: str,
        reason: str,
        present_members: Members,
        at: datetime,
    ) -> Approval:
        """Record a present member's objection to the current version, with its reason (R-FB-2).

        One objection blocks the transmission until its author approves or the form is edited.
        """
        self._check_voter(member_id, version_hash, present_members)
        if not reason.strip():
            raise ObjectionReasonRequired([InputIssue("reason", "required")])
        if len(reason) > MAX_TEXT_LENGTH:
            too_long = InputIssue("reason", "tooLong", {"maxLength": MAX_TEXT_LENGTH})
            raise ObjectionReasonRequired([too_long])
        return self._store(Approval(member_id, version_hash, Verdict.objected, reason, at))

    def consensus(self, present_members: Members) -> bool:
        """R-FB-2: every present member approved the current version and no objection stands."""
        if not present_members:
            return False
        if any(a.verdict is Verdict.objected for a in self.approvals.values()):
            return False
        return not self.awaiting(present_members)

    def awaiting(self, present_members: Members) -> Members:
        """The present members who have not (or no longer) approved the current version."""
        return frozenset(
            member
            for member in present_members
            if (verdict := self.approvals.get(member)) is None
            or verdict.verdict is not Verdict.approved
            or verdict.version_hash != self.current.hash
        )

    def status(self, present_members: Members) -> FormStatus:
        if self.transmission is not None:
            return FormStatus.transmitted
        if self.consensus(present_members):
            return FormStatus.consensus_reached
        return FormStatus.draft

    def transmit(
        self,
        by: uuid.UUID,
        is_information_officer: bool,
        present_members: Members,
        meeting_id: uuid.UUID,
        at: datetime,
    ) -> Transmission:
        """Transmit the current version to the LTF: by the IO only (R-FB-3), once (R-FB-3), and
        only with the consensus of the members present now (R-FB-2). The form is then frozen."""
        if not is_information_officer:
            raise InformationOfficerOnly()
        if self.transmission is not None:
            raise AlreadyTransmitted(at=self.transmission.at.isoformat())
        if not self.consensus(present_members):
            objections = sum(a.verdict is Verdict.objected for a in self.approvals.values())
            awaiting = len(self.awaiting(present_members))
            raise ConsensusNotReached(awaiting=awaiting, objections=objections)
        self.transmission = Transmission(by, at, self.current.hash, meeting_id, present_members)
        return self.transmission

    def history(self) -> tuple[FormVersion, ...]:
        """Every version, oldest first."""
        return tuple(self.versions)

    def version(self, number: int) -> FormVersion:
        if not 1 <= number <= len(self.versions):
            raise FormVersionNotFound(version=number)
        return self.versions[number - 1]

    def compare(self, a: int, b: int) -> list[FieldChange]:
        """What changed from version `a` to version `b` (lowerCamelCase field names)."""
        return diff(self.version(a).content, self.version(b).content)

    def _check_voter(
        self, member_id: uuid.UUID, version_hash: str, present_members: Members
    ) -> None:
        """R-FB-2: the voter is effectively present, and votes on exactly the current version."""
        self._refuse_if_frozen()
        if member_id not in present_members:
            raise NotEffectivelyParticipating()
        self._require_current(version_hash)

    def _store(self, verdict: Approval) -> Approval:
        # One verdict per member on the current version: the last one replaces the earlier one.
        self.approvals[verdict.member_id] = verdict
        return verdict

    def _refuse_if_frozen(self) -> None:
        if self.transmission is not None:
            raise FormFrozen()

    def _require_current(self, version_hash: str) -> None:
        if version_hash != self.current.hash:
            raise StaleVersion(currentVersion=self.current.number, currentHash=self.current.hash)
