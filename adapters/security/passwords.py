"""Password hashing with argon2id (argon2-cffi)."""

from __future__ import annotations

from argon2 import PasswordHasher as Argon2
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from domain.identity.ports import PasswordHasher


class Argon2PasswordHasher(PasswordHasher):
    """argon2id with the library's defaults (RFC 9106 low-memory profile). `fast` uses minimal
    cost for test suites only; the settings refuse it in production."""

    def __init__(self, *, fast: bool = False) -> None:
        self._argon2 = Argon2(time_cost=1, memory_cost=8, parallelism=1) if fast else Argon2()

    def hash(self, password: str) -> str:
        return self._argon2.hash(password)

    def verify(self, password_hash: str, password: str) -> bool:
        try:
            return self._argon2.verify(password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False
