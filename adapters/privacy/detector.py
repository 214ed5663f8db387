"""Detecting identifiers of persons with python-stdnum, phonenumbers and a few careful regexes.

Implements the `IdentifierDetector` port for R-PRIV-2 (no personal data in free text, R-PRIV-1).
Numbers that carry a checksum (national register, BIS, IBAN) are only reported when the checksum
holds, so an invoice or file number that merely looks like one passes. Kinds without a checksum
(birth dates, addresses, plates, handles) need the context a case worker would write around them,
because a bare date or a bare number is ordinary case-table vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import phonenumbers
from stdnum import iban
from stdnum.be import bis, nn

from adapters.privacy.vocabulary import (
    ADDRESS_WORDS,
    BIRTH_WORDS,
    EXACT_DATE,
    FRENCH_STREET_TYPES,
    NOT_A_MUNICIPALITY,
    NOT_A_NAME,
    NOT_A_POSTCODE_BEFORE,
    NOT_A_STREET,
    NOT_A_STREET_NAME,
    REFERENCE_PREFIXES,
    SHORT_STREET_WORDS,
    SOCIAL_PLATFORMS,
    SOCIAL_PROFILE_HOSTS,
    STREET_SUFFIXES_ANY_CASE,
    STREET_SUFFIXES_CAPITALISED,
    STREET_WORDS,
    UNITS_AFTER_NUMBER,
    VEHICLE_WORDS,
)
from domain.privacy.model import Finding, IdentifierKind
from domain.privacy.ports import IdentifierDetector

Kind = IdentifierKind

# --- National register and BIS numbers -------------------------------------------------------
# YYMMDD-SSS-CC with any of the separators people type; the lookarounds keep us from validating
# eleven digits cut out of a longer reference number.
_SEP = r"(?:\s?[-./]\s?|\s)?"
_NATIONAL_NUMBER = re.compile(
    rf"(?<!\d)(?<!\d[-./])\d{{2}}{_SEP}\d{{2}}{_SEP}\d{{2}}{_SEP}\d{{3}}{_SEP}\d{{2}}(?![-./]?\d)"
)


def _national_numbers(text: str) -> Iterator[Finding]:
    for match in _NATIONAL_NUMBER.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        # stdnum checks the mod-97 checksum under both century rules and the encoded birth date.
        if nn.is_valid(digits):
            yield Finding(Kind.NATIONAL_REGISTER_NUMBER, match.start(), match.end())
        elif bis.is_valid(digits):
            yield Finding(Kind.BIS_NUMBER, match.start(), match.end())


# --- IBAN -------------------------------------------------------------------------------------
# Country code, check digits, then up to 30 characters, taken greedily (one per repetition keeps
# the pattern linear) and shortened word by word until stdnum accepts it, so a following word in
# capitals does not hide a valid IBAN. stdnum checks the mod-97 and the country's BBAN layout; the
# national bank registry is skipped, as it lags behind new bank codes and an account at an
# unknown bank identifies its holder all the same.
_IBAN = re.compile(r"(?<![\w-])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){8,30}(?!\w)")


def _ibans(text: str) -> Iterator[Finding]:
    for match in _IBAN.finditer(text):
        candidate = match.group()
        groups = list(re.finditer(r"[A-Za-z0-9]+", candidate))
        for last in range(len(groups), 0, -1):
            end = groups[last - 1].end()
            if iban.is_valid(candidate[:end], check_country=False):
                yield Finding(Kind.IBAN, match.start(), match.start() + end)
                break


# --- E-mail -----------------------------------------------------------------------------------
# A syntactic match is enough: an address does not need to exist to identify someone. The
# "[at]"/"(at)" spellings are how people dodge spam filters, and dodge us.
_EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+-]+(?:@|\s?[\[(]\s?(?i:at|@)\s?[\])]\s?)[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b"
)


def _emails(text: str) -> Iterator[Finding]:
    for match in _EMAIL.finditer(text):
        yield Finding(Kind.EMAIL, match.start(), match.end())


# --- Phone numbers ----------------------------------------------------------------------------
# phonenumbers' VALID leniency rejects unassigned Belgian ranges (02 1xx …), which people still
# type; POSSIBLE accepts any digit run. So we take POSSIBLE candidates and keep those that are
# dialled like a phone number: a trunk "0" or an international "+"/"00" prefix, and the length of
# a Belgian landline (8 digits) or mobile (9 digits starting 45–49). That excludes years, counts,
# enterprise numbers (0123.456.789 has 9 digits not starting with 4) and dates.
_BELGIAN_SUBSCRIBER = re.compile(r"4[5-9]\d{7}|[1-9]\d{7}")
_DATE_LIKE = re.compile(r"\d{1,2}[./ -]\d{1,2}[./ -](?:\d{4}|\d{2})|\d{4}\s?[-/]\s?\d{4}")
_BELGIUM = 32


def _phone_numbers(text: str) -> Iterator[Finding]:
    leniency = phonenumbers.Leniency.POSSIBLE
    for match in phonenumbers.PhoneNumberMatcher(text, "BE", leniency=leniency):
        raw = match.raw_string.lstrip("(")
        if not raw.startswith(("+", "0")) or _DATE_LIKE.fullmatch(raw):
            continue
        number = match.number
        if number.country_code == _BELGIUM:
            subscriber = phonenumbers.national_significant_number(number)
            plausible = bool(_BELGIAN_SUBSCRIBER.fullmatch(subscriber))
        else:
            # Dialled with an explicit international prefix: that alone says "phone number".
            plausible = phonenumbers.is_possible_number(number)
        if plausible:
            yield Finding(Kind.PHONE_NUMBER, match.start, match.end)


# --- Exact dates of birth ---------------------------------------------------------------------
# A date is everyday case-table data (signals, meetings); it becomes an identifier only when it
# is presented as a birth date. So we need the birth wording, then at most three words ("te
# Gent op", "à Liège le"), then an exact date, without crossing punctuation that ends the clause.
_GAP = r"(?:[^\W\d][\w'’-]*\s*:?\s+){0,3}?"
_BIRTH_DATE = re.compile(
    rf"(?:(?<!\w)(?:{BIRTH_WORDS})(?:\s*[:=]\s*|\s+)|(?<!\w)°\s*){_GAP}(?P<date>{EXACT_DATE})",
    re.IGNORECASE,
)


def _birth_dates(text: str) -> Iterator[Finding]:
    for match in _BIRTH_DATE.finditer(text):
        yield Finding(Kind.BIRTH_DATE, match.start("date"), match.end("date"))


# --- Street addresses and postcodes -----------------------------------------------------------
# A house number may carry a letter or a box ("12a", "54 bus 3", "16/2"); what follows must not
# turn it into a quantity ("Markt 3 keer", "straat 2 jaar").
_HOUSE_NUMBER = (
    r"\d{1,4}(?:\s?(?:bis|ter|[a-zA-Z])(?!\w))?"
    r"(?:\s*(?:bus|bte|boîte|box|b\.|/)\s*\d{1,4}[a-zA-Z]?)?"
    rf"(?![\w%€]|[.,]\d|\s*(?:{UNITS_AFTER_NUMBER})\b)"
)
# Dutch and German glue the street word to the name ("Kerkstraat", "Bahnhofstraße"); the word
# before is kept for short street words, which only make a street after a name ("Oude Baan").
_NAME_THEN_NUMBER = re.compile(
    r"(?<![\w-])(?:(?P<before>[A-ZÀ-Þ][\w'’-]*)\s+)?"
    rf"(?P<street>[^\W\d_][\w'’-]*\.?)\s+(?P<number>{_HOUSE_NUMBER})"
)
# "op nr. 12 in de Kerkstraat": the number before the street.
_NUMBER_IN_STREET = re.compile(
    r"(?i:\b(?:nr\.?|nummer|huisnummer))\s*\d{1,4}[a-zA-Z]?\s+(?:in|op|aan)\s+de\s+"
    r"(?P<street>[^\W\d_][\w'’-]*)"
)
# French and English put a separate street word before or after the name.
# A name starts with a capital, but "sur place Lundi 3 mars" names a day, not a street.
_NAME = rf"(?!(?i:{NOT_A_NAME})\b)[A-ZÀ-Þ][\w'’-]*"
_PARTICLE = r"(?:de\s+la|de\s+l['’]|des|du|de|d['’]|la|le|les|l['’]|aux|au|van|ter)"
_FRENCH_STREET = re.compile(
    rf"(?<!\w)(?i:{FRENCH_STREET_TYPES})\s+(?:{_PARTICLE}\s*)?{_NAME}"
    rf"(?:\s+(?:{_PARTICLE}\s*)?{_NAME}){{0,3}},?\s+{_HOUSE_NUMBER}"
)
_NUMBER_THEN_STREET = re.compile(
    rf"(?<![\w.,/€-])\d{{1,4}}(?:\s?(?:bis|ter))?,?\s+(?:"
    rf"(?i:{FRENCH_STREET_TYPES})\s+(?:{_PARTICLE}\s*)?{_NAME}"
    rf"|(?:{_NAME}\s+){{1,3}}(?i:{STREET_WORDS}))(?!\w)"
)
_POSTCODE = re.compile(
    r"(?<![\w.,/€$£-])(?P<code>[1-9]\d{3})\s+(?P<place>[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[\w'’]+)*)"
)
# After "Adres:" or "woont in de" a capitalised name and a number is an address even without a
# street word ("Meir 50"); the house-number pattern still rejects "Gent 12 jaar".
_LABELLED_ADDRESS = re.compile(
    rf"(?i:\b(?:{ADDRESS_WORDS})\b)(?:\s+[^\W\d][\w'’-]*){{0,3}}\s*:?\s+"
    rf"(?P<address>{_NAME}(?:\s+{_NAME}){{0,2}}\s+{_HOUSE_NUMBER})"
)
_ADDRESS_BEFORE = re.compile(r"(?:,|\d[a-zA-Z]?|\bbus\s?\d+)\s*$")


def _is_street_word(word: str, before: str | None) -> bool:
    lower = word.lower()
    if lower in NOT_A_STREET:
        return False
    if lower in SHORT_STREET_WORDS:
        return before is not None and word[0].isupper() and before.lower() not in NOT_A_STREET_NAME
    # Only a compound counts: "Kerkstraat 12" is an address, "op straat 3 avonden" is not.
    if any(lower.endswith(s) and len(lower) > len(s) for s in STREET_SUFFIXES_ANY_CASE):
        return True
    if word[0].isupper() and lower.endswith(STREET_SUFFIXES_CAPITALISED):
        return True
    return bool(re.fullmatch(STREET_WORDS, lower))


def _postcode_is_address(text: str, match: re.Match[str]) -> bool:
    code = int(match.group("code"))
    before = text[max(0, match.start() - 30) : match.start()]
    previous_word = before.split()[-1].lower() if before.split() else ""
    if match.group("place").lower() in NOT_A_MUNICIPALITY or previous_word in NOT_A_POSTCODE_BEFORE:
        return False
    # Codes 1800–2099 are also years ("in 2026 Gent ..."): there we want the rest of an address
    # right before (", 2000 Antwerpen", "Kerkstraat 12 2000 Antwerpen").
    return not 1800 <= code <= 2099 or bool(_ADDRESS_BEFORE.search(before))


def _street_addresses(text: str) -> Iterator[Finding]:
    for match in _NAME_THEN_NUMBER.finditer(text):
        street, before = match.group("street"), match.group("before")
        if _is_street_word(street, before):
            short = street.lower() in SHORT_STREET_WORDS
            yield Finding(
                Kind.STREET_ADDRESS, match.start() if short else match.start("street"), match.end()
            )
    for match in _NUMBER_IN_STREET.finditer(text):
        if _is_street_word(match.group("street"), None):
            yield Finding(Kind.STREET_ADDRESS, match.start(), match.end())
    for pattern in (_FRENCH_STREET, _NUMBER_THEN_STREET):
        for match in pattern.finditer(text):
            yield Finding(Kind.STREET_ADDRESS, match.start(), match.end())
    for match in _LABELLED_ADDRESS.finditer(text):
        yield Finding(Kind.STREET_ADDRESS, match.start("address"), match.end("address"))
    for match in _POSTCODE.finditer(text):
        if _postcode_is_address(text, match):
            yield Finding(Kind.STREET_ADDRESS, match.start(), match.end())


# --- Licence plates ---------------------------------------------------------------------------
# Since 2010: 1-ABC-123 (dashes, spaces or none). Before: ABC-123 and 123-ABC, which also look
# like internal references ("REF-123"): written with a space those need a vehicle word nearby,
# and a dashed one is skipped when its letters are a usual reference prefix.
_PLATE_CURRENT = re.compile(r"(?<![\w-])[1-9](?:-[A-Za-z]{3}-|[A-Z]{3}| [A-Z]{3} )\d{3}(?![\w-])")
_PLATE_OLD = re.compile(
    r"(?<![\w-])(?:[A-Z]{3}(?P<sep1>[- ])\d{3}|\d{3}(?P<sep2>[- ])[A-Z]{3})(?![\w-])"
)
_VEHICLE_NEARBY = re.compile(rf"\b(?:{VEHICLE_WORDS})", re.IGNORECASE)


def _licence_plates(text: str) -> Iterator[Finding]:
    for match in _PLATE_CURRENT.finditer(text):
        yield Finding(Kind.LICENCE_PLATE, match.start(), match.end())
    for match in _PLATE_OLD.finditer(text):
        dashed = "-" in (match.group("sep1") or match.group("sep2"))
        letters = re.sub(r"[^A-Z]", "", match.group())
        context = text[max(0, match.start() - 60) : match.end() + 30]
        if _VEHICLE_NEARBY.search(context) or (dashed and letters not in REFERENCE_PREFIXES):
            yield Finding(Kind.LICENCE_PLATE, match.start(), match.end())


# --- Social-media profiles --------------------------------------------------------------------
# A profile link names one account. A bare "@name" does too, but only where a platform is
# mentioned; otherwise "@" is how colleagues address each other in a note.
_PROFILE_LINK = re.compile(
    rf"(?<![\w.-])(?:https?://)?(?:www\.|m\.|mobile\.)?(?:{SOCIAL_PROFILE_HOSTS})[^\s,;)\]]+",
    re.IGNORECASE,
)
_PLATFORM_HANDLE = re.compile(
    rf"\b(?:{SOCIAL_PLATFORMS})\b(?:\s+(?P<bare>[^\W\d][\w.]*[\d_][\w.]*)|[^\n@:.;]{{0,30}}?"
    r"(?:(?P<at>@[\w.]{2,30})|:\s*(?P<name>@?[^\W\d][\w.]{2,29})))",
    re.IGNORECASE,
)
# After "Platform:" a plain word is more often prose ("Instagram: berichten") than an account; an
# account name almost always carries a digit, "_" or "." ("jan.x09", "lil_j").
_HANDLE_MARK = re.compile(r"^@|[\d_.]")


def _social_media_profiles(text: str) -> Iterator[Finding]:
    for match in _PROFILE_LINK.finditer(text):
        end = match.start() + len(match.group().rstrip(".!?'\""))
        yield Finding(Kind.SOCIAL_MEDIA_PROFILE, match.start(), end)
    for match in _PLATFORM_HANDLE.finditer(text):
        group = next(g for g in ("bare", "at", "name") if match.group(g))
        handle = match.group(group).rstrip(".")
        if len(handle) > 2 and _HANDLE_MARK.search(handle):
            start = match.start(group)
            yield Finding(Kind.SOCIAL_MEDIA_PROFILE, start, start + len(handle))


_FINDERS: tuple[Callable[[str], Iterator[Finding]], ...] = (
    _national_numbers,
    _ibans,
    _emails,
    _phone_numbers,
    _birth_dates,
    _street_addresses,
    _licence_plates,
    _social_media_profiles,
)


class LibraryIdentifierDetector(IdentifierDetector):
    """Finds identifiers of persons (R-PRIV-2) with python-stdnum and phonenumbers.

    Stateless and thread-safe; one instance serves the whole application.
    """

    def find(self, text: str) -> list[Finding]:
        """Every identifier in `text`, unsorted and possibly overlapping (the guard merges)."""
        return [finding for finder in _FINDERS for finding in finder(text)]
