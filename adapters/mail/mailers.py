"""Mailers: an outbox (kept in memory and, optionally, written as .eml files for development)
and SMTP for production."""

from __future__ import annotations

import asyncio
import logging
import smtplib
from email.message import EmailMessage
from pathlib import Path

from adapters.mail.templates import render
from domain.notifications.ports import Mailer, Notification

logger = logging.getLogger("tafel.mail")


def message(notification: Notification, sender: str) -> EmailMessage:
    subject, body = render(notification)
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = notification.to
    mail["Subject"] = subject
    mail.set_content(body)
    return mail


class OutboxMailer(Mailer):
    """Development and tests: nothing leaves the machine. The log says a mail was queued, never
    its body (it may hold a one-time link)."""

    def __init__(self, sender: str, directory: Path | None = None) -> None:
        self.sender = sender
        self.directory = directory
        self.sent: list[EmailMessage] = []

    async def send(self, notification: Notification) -> None:
        mail = message(notification, self.sender)
        self.sent.append(mail)
        if self.directory is not None:
            await asyncio.to_thread(self._write, mail, len(self.sent))
        logger.info("mail queued in the outbox: kind=%s", notification.kind)

    def _write(self, mail: EmailMessage, number: int) -> None:
        assert self.directory is not None  # noqa: S101 (checked by the caller)
        self.directory.mkdir(parents=True, exist_ok=True)
        (self.directory / f"{number:05d}.eml").write_bytes(bytes(mail))


class SmtpMailer(Mailer):
    """Production: an SMTP relay of the municipality (STARTTLS when the relay offers it)."""

    def __init__(self, host: str, port: int, sender: str) -> None:
        self.host = host
        self.port = port
        self.sender = sender

    async def send(self, notification: Notification) -> None:
        await asyncio.to_thread(self._deliver, message(notification, self.sender))

    def _deliver(self, mail: EmailMessage) -> None:
        with smtplib.SMTP(self.host, self.port, timeout=20) as smtp:
            smtp.ehlo()
            if smtp.has_extn("starttls"):
                smtp.starttls()
                smtp.ehlo()
            smtp.send_message(mail)
