"""Webhook secrets at rest: AES-GCM under a key derived from TAFEL_SECRET_KEY."""

from __future__ import annotations

import pytest
from cryptography.exceptions import InvalidTag

from adapters.security.secret_box import AesGcmSecretBox

KEY = "k" * 48


def test_seal_and_open_round_trip_without_the_plaintext_in_the_ciphertext() -> None:
    box = AesGcmSecretBox(KEY)
    sealed = box.seal("whsec_abc", "row-1")
    assert "whsec_abc" not in sealed
    assert sealed != box.seal("whsec_abc", "row-1"), "a fresh nonce each time"
    assert box.open(sealed, "row-1") == "whsec_abc"


def test_another_row_or_another_key_cannot_open_it() -> None:
    sealed = AesGcmSecretBox(KEY).seal("whsec_abc", "row-1")
    with pytest.raises(InvalidTag):
        AesGcmSecretBox(KEY).open(sealed, "row-2")
    with pytest.raises(InvalidTag):
        AesGcmSecretBox("j" * 48).open(sealed, "row-1")
