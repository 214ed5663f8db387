"""Detecting identifiers of persons in free text (R-PRIV-2) with python-stdnum and phonenumbers."""

from adapters.privacy.detector import LibraryIdentifierDetector

__all__ = ["LibraryIdentifierDetector"]
