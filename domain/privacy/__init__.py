"""Privacy: no personal data of the persons discussed (R-PRIV-1), checked in free text (R-PRIV-2).

A case is a pseudonymous code; the identity stays with the submitting partner. Every free-text field
therefore passes through `PrivacyGuard`, which refuses text holding an identifier of a person and
names the offending span without ever repeating it.
"""

from domain.privacy.guard import PrivacyGuard
from domain.privacy.model import Finding, IdentifierKind
from domain.privacy.ports import IdentifierDetector

__all__ = ["Finding", "IdentifierDetector", "IdentifierKind", "PrivacyGuard"]
