"""TOTP (RFC 6238) with pyotp, and its enrolment QR code drawn by segno on the server."""

from __future__ import annotations

import hmac
from datetime import datetime

import pyotp
import segno

from domain.identity.ports import OneTimeCodes

ISSUER = "Tafel"
ALLOWED_DRIFT_STEPS = 1


class PyotpOneTimeCodes(OneTimeCodes):
    """Six digits, 30-second steps, one step of clock drift either way."""

    def new_secret(self) -> str:
        return pyotp.random_base32()

    def provisioning_uri(self, secret: str, account: str) -> str:
        return pyotp.TOTP(secret).provisioning_uri(name=account, issuer_name=ISSUER)

    def qr_svg(self, uri: str) -> str:
        return str(segno.make(uri, error="m").svg_data_uri(scale=5, border=2))

    def matching_step(self, secret: str, code: str, now: datetime) -> int | None:
        code = code.strip()
        if len(code) != 6 or not code.isdigit():
            return None
        totp = pyotp.TOTP(secret)
        current = totp.timecode(now)
        for offset in range(-ALLOWED_DRIFT_STEPS, ALLOWED_DRIFT_STEPS + 1):
            if hmac.compare_digest(totp.generate_otp(current + offset), code):
                return current + offset
        return None
