"""The privacy guard: R-PRIV-2 refuses free text holding an identifier, R-PRIV-1 never echoes it.

A tiny fake detector stands in for the library adapter, so these tests pin the policy alone: one
issue per finding, the caller's field names, the rule ID, merging, and no value anywhere.
"""

from __future__ import annotations

import pytest

from domain.privacy import Finding, IdentifierKind, PrivacyGuard
from domain.shared.errors import InvalidInput

EMAIL = "lina.v@example.com"
PHONE = "0470 12 34 56"


class FakeDetector:
    """Marks every occurrence of the configured values; records what it was asked to scan."""

    def __init__(self, values: dict[str, IdentifierKind], extra: list[Finding] | None = None):
        self.values = values
        self.extra = extra or []
        self.scanned: list[str] = []

    def find(self, text: str) -> list[Finding]:
        self.scanned.append(text)
        findings = list(self.extra)
        for value, kind in self.values.items():
            start = text.find(value)
            while start >= 0:
                findings.append(Finding(kind, start, start + len(value)))
                start = text.find(value, start + 1)
        return findings


def _guard(extra: list[Finding] | None = None) -> PrivacyGuard:
    values = {EMAIL: IdentifierKind.EMAIL, PHONE: IdentifierKind.PHONE_NUMBER}
    return PrivacyGuard(FakeDetector(values, extra))


def _refusal(guard: PrivacyGuard, fields: dict[str, str | None]) -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        guard.check(fields)
    return caught.value


def test_r_priv_2_refuses_text_with_one_issue_per_finding() -> None:
    text = f"Moeder: {PHONE} of {EMAIL}, of opnieuw {PHONE}."
    error = _refusal(_guard(), {"priorHandling": text})

    assert [(i.name, i.code) for i in error.issues] == [
        ("priorHandling", "phoneNumber"),
        ("priorHandling", "email"),
        ("priorHandling", "phoneNumber"),
    ]
    assert error.issues[0].params == {"start": 8, "end": 8 + len(PHONE)}
    assert text[8 : 8 + len(PHONE)] == PHONE


def test_r_priv_2_names_the_callers_fields_and_checks_them_all() -> None:
    error = _refusal(
        _guard(),
        {
            "signals[0].description": f"Signaal via {EMAIL}",
            "signals[1].description": "Geen identificatie in dit signaal.",
            "assessment": f"Contact {PHONE}",
        },
    )

    assert [(i.name, i.code) for i in error.issues] == [
        ("signals[0].description", "email"),
        ("assessment", "phoneNumber"),
    ]


def test_r_priv_2_is_the_rule_on_the_error() -> None:
    error = _refusal(_guard(), {"note": EMAIL})

    assert error.rule_id == "R-PRIV-2"
    assert error.code == "invalidInput"
    assert error.params == {"count": 1}


def test_r_priv_1_refusal_never_echoes_the_value() -> None:
    error = _refusal(_guard(), {"note": f"Bel {PHONE} of mail {EMAIL}"})

    for value in (PHONE, EMAIL, "0470", "example.com"):
        assert value not in str(error)
        assert value not in repr(error)
        assert value not in repr(error.args)
        assert value not in repr(error.params)
        for issue in error.issues:
            assert value not in repr(issue)
            assert set(issue.params) == {"start", "end"}


def test_r_priv_2_skips_none_and_empty_fields() -> None:
    detector = FakeDetector({EMAIL: IdentifierKind.EMAIL})
    guard = PrivacyGuard(detector)

    guard.check({"priorHandling": None, "assessment": "", "note": "Geen gegevens."})

    assert detector.scanned == ["Geen gegevens."]


def test_r_priv_2_accepts_text_without_identifiers() -> None:
    _guard().check({"progressNote": "Gesprek met de jongere op 12/03/2026 om 14u30."})


def test_r_priv_2_scan_sorts_findings_by_start() -> None:
    text = f"{EMAIL} en {PHONE}"
    findings = _guard().scan(text)

    assert [f.kind for f in findings] == [IdentifierKind.EMAIL, IdentifierKind.PHONE_NUMBER]
    assert [f.start for f in findings] == sorted(f.start for f in findings)


def test_r_priv_2_scan_merges_overlaps_under_the_most_certain_kind() -> None:
    # A phone-like run inside an IBAN, and a duplicate report of the same IBAN.
    extra = [
        Finding(IdentifierKind.PHONE_NUMBER, 10, 20),
        Finding(IdentifierKind.IBAN, 5, 24),
        Finding(IdentifierKind.IBAN, 5, 24),
        Finding(IdentifierKind.STREET_ADDRESS, 22, 30),
    ]
    findings = _guard(extra=extra).scan("x" * 40)

    assert findings == [Finding(IdentifierKind.IBAN, 5, 30)]


def test_r_priv_2_scan_keeps_adjacent_findings_apart() -> None:
    extra = [Finding(IdentifierKind.EMAIL, 0, 5), Finding(IdentifierKind.PHONE_NUMBER, 5, 9)]
    findings = _guard(extra=extra).scan("x" * 10)

    assert [f.kind for f in findings] == [IdentifierKind.EMAIL, IdentifierKind.PHONE_NUMBER]


def test_r_priv_2_scan_of_empty_text_finds_nothing() -> None:
    assert _guard().scan("") == []


def test_r_priv_1_a_finding_is_a_non_empty_span() -> None:
    with pytest.raises(ValueError, match="start < end"):
        Finding(IdentifierKind.EMAIL, 4, 4)


def test_r_priv_2_kinds_travel_as_lower_camel_case_codes() -> None:
    assert [kind.value for kind in IdentifierKind] == [
        "nationalRegisterNumber",
        "bisNumber",
        "email",
        "phoneNumber",
        "iban",
        "birthDate",
        "streetAddress",
        "licencePlate",
        "socialMediaProfile",
    ]
    assert isinstance(IdentifierKind.EMAIL, str)
