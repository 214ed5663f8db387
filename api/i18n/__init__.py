"""Language negotiation and localised messages (nl default, fr, de, en).

Problem `title`s stay English (Belgif); `detail`s and issue details are translated here from the
domain error's `code` and parameters.
"""

from __future__ import annotations

from typing import Literal, get_args

from api.i18n.catalog import MESSAGES

Language = Literal["nl", "fr", "de", "en"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
DEFAULT_LANGUAGE: Language = "nl"


def negotiate(accept_language: str | None) -> Language:
    """Pick the best supported language from an `Accept-Language` header (RFC 9110 weights,
    regional variants such as `fr-BE` fall back to their language), nl when nothing matches."""
    if not accept_language:
        return DEFAULT_LANGUAGE
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        ranked.append((-weight, position, tag.strip().lower()))
    for negative_weight, _, tag in sorted(ranked):
        if negative_weight >= 0:
            continue
        primary = tag.split("-")[0]
        for language in LANGUAGES:
            if primary == language:
                return language
    return DEFAULT_LANGUAGE


def translate(code: str, language: Language, params: dict[str, object] | None = None) -> str:
    """The message for `code` in `language`, filled with `params`; the code itself if unknown."""
    entry = MESSAGES.get(code)
    if entry is None:
        return code
    template = entry.get(language) or entry["en"]
    try:
        return template.format(**(params or {}))
    except (KeyError, IndexError, ValueError):
        return template
