"""Pseudonymous case codes: random, non-sequential, unambiguous (R-PRIV-1).

`K-2026-7QF3`: a year for the humans at the table and four random characters from an alphabet
without look-alikes (no 0/O, 1/I/L). Nothing in a code derives from the person.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
RANDOM_LENGTH = 4
PATTERN = re.compile(rf"^K-\d{{4}}-[{ALPHABET}]{{{RANDOM_LENGTH}}}$")


def new_code(now: datetime) -> str:
    suffix = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
    return f"K-{now.year}-{suffix}"
