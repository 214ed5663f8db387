"""What reaches the operator's log never carries a credential or a national number (RELIABILITY.md
§7, log hygiene): access tokens, bearer headers, the capability links of calendar feeds and
one-time links are replaced before a line is written, whatever logger wrote it.

Tafel itself logs no request data; the risk is the access log (`GET /api/v1/calendarFeeds/<token>`
is a password in a URL) and exception texts of libraries."""

from __future__ import annotations

import copy
import logging
import re
from typing import Any

from stdnum.be import bis, nn

JWT = re.compile(r"eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*")
BEARER = re.compile(r"(?i)\b(bearer)\s+[^\s\"',]+")
CAPABILITY_PATH = re.compile(r"(/calendarFeeds/)[^/\s?\"']+")
SECRET_QUERY = re.compile(
    r"(?i)([?&](?:token|code|secret|client_secret|password|refresh_token)=)[^&\s\"']+"
)
OPAQUE_TOKEN = re.compile(r"(?<![\w-])(?:tfs_|whsec_)?[A-Za-z0-9_-]{43}(?![\w-])")
NATIONAL_NUMBER = re.compile(r"(?<!\d)\d{2}\.?\d{2}\.?\d{2}[-.\s]?\d{3}\.?\d{2}(?!\d)")


def _national_number(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group(0))
    return "[national number]" if nn.is_valid(digits) or bis.is_valid(digits) else match.group(0)


def redact(text: str) -> str:
    text = JWT.sub("[token]", text)
    text = BEARER.sub(r"\1 [token]", text)
    text = CAPABILITY_PATH.sub(r"\1[token]", text)
    text = SECRET_QUERY.sub(r"\1[redacted]", text)
    text = OPAQUE_TOKEN.sub("[token]", text)
    return NATIONAL_NUMBER.sub(_national_number, text)


def _redacted(value: Any) -> Any:
    return redact(value) if isinstance(value, str) else value


class Redaction(logging.Filter):
    """Redacts the message and each text argument in place. Arguments stay a tuple because
    uvicorn's access formatter unpacks them (client, method, path, version, status)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_redacted(argument) for argument in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: _redacted(value) for key, value in record.args.items()}
        return True


SERVER_LOGGERS = ("uvicorn.access", "uvicorn.error")


def install_log_redaction() -> None:
    """On the loggers that write request data, for servers started without `log_config()`. A
    logger's filter sees only its own records (not its children's), hence every `tafel.*`."""
    names = [
        *SERVER_LOGGERS,
        *(n for n in logging.root.manager.loggerDict if n.startswith("tafel")),
    ]
    for name in names:
        logger = logging.getLogger(name)
        if not any(isinstance(existing, Redaction) for existing in logger.filters):
            logger.addFilter(Redaction())


def log_config() -> dict[str, Any]:
    """uvicorn's own configuration, with the redaction on every handler and Tafel's INFO lines
    (mail queued, unhandled errors with their trace id) written next to uvicorn's."""
    from uvicorn.config import LOGGING_CONFIG

    config: dict[str, Any] = copy.deepcopy(LOGGING_CONFIG)
    config["filters"] = {"redaction": {"()": Redaction}}
    for handler in config["handlers"].values():
        handler["filters"] = ["redaction"]
    config["loggers"]["tafel"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config
