"""The one capability the privacy guard needs from outside the core."""

from __future__ import annotations

from typing import Protocol

from domain.privacy.model import Finding


class IdentifierDetector(Protocol):
    """Finds identifiers of persons in free text (R-PRIV-2).

    Implementations validate what can be validated (national register and BIS numbers, IBANs by
    their checksum) so that a number that merely looks like one is not refused. They return raw
    findings in any order and may overlap; `PrivacyGuard` sorts and merges them.
    """

    def find(self, text: str) -> list[Finding]:
        """Every identifier in `text`, as kind and character offsets (end exclusive)."""
        ...
