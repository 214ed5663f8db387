"""R-PRIV-2: every free-text field is checked for identifiers, and text holding one is refused."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from domain.privacy.model import KIND_PRECEDENCE, Finding
from domain.privacy.ports import IdentifierDetector
from domain.shared.errors import InputIssue, InvalidInput

RULE_ID = "R-PRIV-2"

_RANK = {kind: rank for rank, kind in enumerate(KIND_PRECEDENCE)}


class PrivacyGuard:
    """Refuses free text that holds an identifier of a person (R-PRIV-1, enforced by R-PRIV-2).

    Tafel keeps no register of persons: a case is a pseudonymous code and the identity stays with
    the submitting partner. Every use case that accepts free text (signals, prior handling,
    assessments, plan actions, progress notes) calls `check` before anything is stored. The refusal
    names each offending span by field and offsets, never by value, so the error itself cannot
    leak what it refuses.
    """

    def __init__(self, detector: IdentifierDetector) -> None:
        self._detector = detector

    def scan(self, text: str) -> list[Finding]:
        """The identifiers in `text`, sorted by start, with overlapping findings merged into one."""
        if not text:
            return []
        return _merge(self._detector.find(text))

    def check(self, fields: Mapping[str, str | None]) -> None:
        """Raise `InvalidInput` (rule R-PRIV-2) with one issue per identifier in any field.

        `fields` maps the caller's field names (`"priorHandling"`, `"signals[0].description"`) to
        their text; `None` and empty fields are skipped. Every field is scanned before raising, so
        the author sees all offending spans at once instead of fixing them one refusal at a time.
        """
        issues = [
            InputIssue(name=name, code=finding.kind.value, params=_span(finding))
            for name, text in fields.items()
            if text
            for finding in self.scan(text)
        ]
        if issues:
            raise InvalidInput(issues=issues, rule=RULE_ID)


def _span(finding: Finding) -> dict[str, object]:
    # Offsets only: the matched value must never travel in an error (R-PRIV-1).
    return {"start": finding.start, "end": finding.end}


def _merge(findings: Iterable[Finding]) -> list[Finding]:
    """Union overlapping spans; the most certain kind (see `KIND_PRECEDENCE`) names the union.

    Detectors overlap in practice (an IBAN's digits can look like a phone number, a birth date can
    sit inside an address line); reporting the same characters twice would only confuse the author.
    """
    merged: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, -f.end, _RANK[f.kind])):
        if merged and merged[-1].overlaps(finding):
            last = merged[-1]
            kind = min(last.kind, finding.kind, key=_RANK.__getitem__)
            merged[-1] = Finding(kind, last.start, max(last.end, finding.end))
        else:
            merged.append(finding)
    return merged
