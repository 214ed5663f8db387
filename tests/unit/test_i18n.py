"""Language negotiation and message catalogs."""

from __future__ import annotations

import pytest

from api.i18n import LANGUAGES, negotiate, translate
from api.i18n.catalog import MESSAGES


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, "nl"),
        ("", "nl"),
        ("nl-BE", "nl"),
        ("fr-BE, nl;q=0.5", "fr"),
        ("nl;q=0.2, de-BE;q=0.9", "de"),
        ("en-US", "en"),
        ("pt, es", "nl"),
        ("fr;q=0", "nl"),
        ("*", "nl"),
        ("fr;q=abc, en", "en"),
    ],
)
def test_negotiate(header: str | None, expected: str) -> None:
    assert negotiate(header) == expected


def test_every_message_exists_in_every_language() -> None:
    for code, entry in MESSAGES.items():
        assert set(entry) == set(LANGUAGES), code
        assert all(text.strip() for text in entry.values()), code


def test_translate_fills_parameters_and_survives_missing_ones() -> None:
    assert "1024" in translate("payloadTooLarge", "en", {"limit": 1024})
    assert translate("payloadTooLarge", "en", {}) == MESSAGES["payloadTooLarge"]["en"]
    assert translate("noSuchCode", "fr") == "noSuchCode"
