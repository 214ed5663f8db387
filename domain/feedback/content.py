"""What a feedback form (terugkoppelingsfiche) holds (R-FB-1), and how one version is fingerprinted.

The guidance lists the criteria the cell reports back to the LTF: effectiveness of the measures,
willingness to cooperate, distance taken from extremist ideas, whether follow-up by the cell is
still useful, other elements, and, "finaal", the key assessment: is the person in a phase of being
able and willing to commit terrorist acts. Each criterion is one field group of `FeedbackContent`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar

from domain.feedback.errors import InvalidFeedbackContent
from domain.shared.errors import InputIssue

SCALE_MIN = 1
SCALE_MAX = 5
MAX_TEXT_LENGTH = 2000

CanonicalValue = str | int | bool


class KeyAssessment(StrEnum):
    """The key assessment (R-FB-1): is the person able *and* willing to commit terrorist acts?

    - `noIndication`: nothing the cell knows points to both ability and willingness.
    - `concern`: some elements point that way (intent or means, or a worrying evolution); the LTF
      should weigh them in its own follow-up.
    - `seriousConcern`: the cell sees concrete indications of both ability and willingness; the LTF
      should act without waiting for the next evaluation round.

    There is deliberately no "unknown": the table must take a position and motivate it. When it
    cannot, the motivation says why, under `concern`, which errs on the side of the LTF looking.
    """

    no_indication = "noIndication"
    concern = "concern"
    serious_concern = "seriousConcern"


@dataclass(frozen=True, slots=True)
class FeedbackContent:
    """The content of one version of a feedback form, validated on construction (R-FB-1).

    The three scored criteria use one scale from 1 to 5 where **higher is always more favourable**
    to the person, so a reader never has to remember which way a criterion runs:

    | score | effect of the measures | willingness to cooperate | distance from extremist ideas |
    |---|---|---|---|
    | 1 | none, or counterproductive | refuses all contact | none: adheres to or spreads them |
    | 2 | little | cooperates only under pressure | first doubts, no distance yet |
    | 3 | partial | cooperates on some points | some distance, not stable |
    | 4 | clear | cooperates on most points | clear distance |
    | 5 | aims reached | cooperates fully, takes initiative | lasting distance, rejects them |

    Every score, the follow-up question and the key assessment need a motivation: the LTF reads the
    form without having heard the discussion. `other_elements` (measures taken, recommendations)
    is optional. Every text is at most `MAX_TEXT_LENGTH` characters. Invalid content raises
    `InvalidFeedbackContent` with one issue per problem, all at once.

    Free text is where personal data leaks (R-PRIV-1): the caller runs the privacy guard (R-PRIV-2)
    on `texts()` before building a form version from it.
    """

    effectiveness_score: int
    effectiveness_explanation: str
    willingness_to_cooperate_score: int
    willingness_to_cooperate_explanation: str
    distance_from_extremist_ideas_score: int
    distance_from_extremist_ideas_explanation: str
    follow_up_still_useful: bool
    cell_has_enough_options: bool
    follow_up_explanation: str
    other_elements: str
    able_and_willing_to_commit_terrorist_acts: KeyAssessment
    key_assessment_motivation: str

    _SCORES: ClassVar[tuple[str, ...]] = (
        "effectiveness_score",
        "willingness_to_cooperate_score",
        "distance_from_extremist_ideas_score",
    )
    _FLAGS: ClassVar[tuple[str, ...]] = ("follow_up_still_useful", "cell_has_enough_options")
    _REQUIRED_TEXTS: ClassVar[tuple[str, ...]] = (
        "effectiveness_explanation",
        "willingness_to_cooperate_explanation",
        "distance_from_extremist_ideas_explanation",
        "follow_up_explanation",
        "key_assessment_motivation",
    )
    _OPTIONAL_TEXTS: ClassVar[tuple[str, ...]] = ("other_elements",)

    def __post_init__(self) -> None:
        issues = self._issues()
        if issues:
            raise InvalidFeedbackContent(issues)

    def texts(self) -> dict[str, str]:
        """Every free-text field by its lowerCamelCase name, for the privacy guard (R-PRIV-2)."""
        return {
            _camel(name): getattr(self, name)
            for name in (*self._REQUIRED_TEXTS, *self._OPTIONAL_TEXTS)
        }

    def canonical(self) -> dict[str, CanonicalValue]:
        """Every field by its lowerCamelCase name, as JSON scalars, in declaration order."""
        values: dict[str, CanonicalValue] = {}
        for item in dataclasses.fields(self):
            value = getattr(self, item.name)
            values[_camel(item.name)] = value.value if isinstance(value, StrEnum) else value
        return values

    def _issues(self) -> list[InputIssue]:
        issues: list[InputIssue] = []
        for name in self._SCORES:
            score = getattr(self, name)
            # bool is an int subclass; True must not pass as a score of 1.
            if isinstance(score, bool) or not isinstance(score, int):
                issues.append(InputIssue(_camel(name), "integerRequired"))
            elif not SCALE_MIN <= score <= SCALE_MAX:
                params: dict[str, object] = {"min": SCALE_MIN, "max": SCALE_MAX}
                issues.append(InputIssue(_camel(name), "outOfRange", params))
        issues.extend(
            InputIssue(_camel(name), "booleanRequired")
            for name in self._FLAGS
            if not isinstance(getattr(self, name), bool)
        )
        # Checked at run time too: the API layer builds content from JSON, not from typed code.
        key: object = self.able_and_willing_to_commit_terrorist_acts
        if not isinstance(key, KeyAssessment):
            allowed: dict[str, object] = {"allowed": [choice.value for choice in KeyAssessment]}
            issues.append(InputIssue("ableAndWillingToCommitTerroristActs", "invalid", allowed))
        for name in (*self._REQUIRED_TEXTS, *self._OPTIONAL_TEXTS):
            issues.extend(_text_issues(name, getattr(self, name), name in self._REQUIRED_TEXTS))
        return issues


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field that differs between two versions, for the version comparison screen."""

    field: str
    old: CanonicalValue
    new: CanonicalValue


def content_hash(content: FeedbackContent) -> str:
    """SHA-256 (hex) of the canonical JSON of `content`: sorted keys, no whitespace, UTF-8.

    The hash names exactly what a member approves (R-FB-2), so it depends on the content alone and
    is stable across runs, processes and Python versions.
    """
    canonical = json.dumps(
        content.canonical(), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def diff(old: FeedbackContent, new: FeedbackContent) -> list[FieldChange]:
    """The fields whose value differs, in the form's order."""
    before, after = old.canonical(), new.canonical()
    return [
        FieldChange(name, before[name], after[name])
        for name in before
        if before[name] != after[name]
    ]


def _text_issues(name: str, text: object, required: bool) -> list[InputIssue]:
    if not isinstance(text, str):
        return [InputIssue(_camel(name), "textRequired")]
    if required and not text.strip():
        return [InputIssue(_camel(name), "required")]
    if len(text) > MAX_TEXT_LENGTH:
        return [InputIssue(_camel(name), "tooLong", {"maxLength": MAX_TEXT_LENGTH})]
    return []


def _camel(snake: str) -> str:
    head, *rest = snake.split("_")
    return head + "".join(word.capitalize() for word in rest)
