"""What R-PRIV-2 looks for in free text: the kinds of identifier and where one was found."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class IdentifierKind(StrEnum):
    """A kind of data that identifies a person and may therefore not be stored (R-PRIV-1).

    The values are lowerCamelCase because they travel as issue codes in problem+json bodies, where
    the client translates them.
    """

    NATIONAL_REGISTER_NUMBER = "nationalRegisterNumber"
    BIS_NUMBER = "bisNumber"
    EMAIL = "email"
    PHONE_NUMBER = "phoneNumber"
    IBAN = "iban"
    BIRTH_DATE = "birthDate"
    STREET_ADDRESS = "streetAddress"
    LICENCE_PLATE = "licencePlate"
    SOCIAL_MEDIA_PROFILE = "socialMediaProfile"


# When two findings overlap, the more certain kind names the merged span: checksum-validated
# numbers first, then kinds with an unambiguous syntax, then the context-based heuristics.
KIND_PRECEDENCE: tuple[IdentifierKind, ...] = (
    IdentifierKind.NATIONAL_REGISTER_NUMBER,
    IdentifierKind.BIS_NUMBER,
    IdentifierKind.IBAN,
    IdentifierKind.EMAIL,
    IdentifierKind.SOCIAL_MEDIA_PROFILE,
    IdentifierKind.PHONE_NUMBER,
    IdentifierKind.LICENCE_PLATE,
    IdentifierKind.BIRTH_DATE,
    IdentifierKind.STREET_ADDRESS,
)


@dataclass(frozen=True, slots=True)
class Finding:
    """An identifier found in a text, as character offsets (`end` exclusive), never as its value.

    Keeping only the offsets means a finding can be logged, returned or stored without becoming
    the personal data it warns about (R-PRIV-1).
    """

    kind: IdentifierKind
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError("a finding needs 0 <= start < end")

    def overlaps(self, other: Finding) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end
