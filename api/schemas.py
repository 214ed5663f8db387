"""Base for every request and response body: lowerCamelCase, unknown fields refused, absent
rather than null, and JSON types taken literally."""

from __future__ import annotations

import re
import types
import typing
import uuid
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from enum import Enum
from functools import cache
from typing import Annotated, Any, cast

from email_validator import EmailNotValidError, validate_email
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
)
from pydantic.alias_generators import to_camel
from pydantic_core import PydanticCustomError

Check = Callable[[Any], bool]
TEXTUAL = (str, date, datetime, time, timedelta, uuid.UUID)


def _any(_value: Any) -> bool:
    return True


def _is_integer(value: Any) -> bool:  # JSON Schema: 3.0 is an integer too
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


SIMPLE: dict[Any, Check] = {
    type(None): lambda value: value is None,
    bool: lambda value: isinstance(value, bool),
    int: _is_integer,
    float: lambda value: isinstance(value, int | float) and not isinstance(value, bool),
}


@cache
def json_kind(annotation: Any) -> Check:
    """What a field accepts from JSON, by kind: Pydantic's lax mode would also turn `0` into a
    date (a Unix time), `1` into `true` and `false` into `0` — values the contract calls invalid.
    Native objects stay accepted (response bodies are built from them)."""
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if origin is typing.Annotated:
        return json_kind(arguments[0])
    if origin in (typing.Union, types.UnionType):
        checks = [json_kind(argument) for argument in arguments]
        return lambda value: any(check(value) for check in checks)
    if origin in (list, set, frozenset, tuple) and arguments:
        item = json_kind(arguments[0])
        return lambda value: (
            isinstance(value, list | set | frozenset | tuple)
            and all(item(entry) for entry in value)
        )
    if annotation in SIMPLE:
        return SIMPLE[annotation]
    return _by_class(annotation)


def _by_class(annotation: Any) -> Check:
    if isinstance(annotation, type) and issubclass(annotation, (*TEXTUAL, Enum)):
        native = annotation
        return lambda value: isinstance(value, str | native)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        model = annotation
        return lambda value: isinstance(value, dict | model)
    return _any


def _mailbox(value: str) -> str:
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise PydanticCustomError(INVALID_EMAIL, "not an address that can receive mail") from error


INVALID_EMAIL = "invalidEmail"
Mailbox = Annotated[
    str,
    Field(
        max_length=254,
        json_schema_extra={"format": "email"},
        description="An address that can receive mail: reserved and special-use domains "
        "(`.test`, `.local`, `.invalid`, …) are refused with the issue `invalidEmail`",
    ),
    AfterValidator(_mailbox),
]


def _iso_moment(value: Any) -> Any:
    """Query parameters are text; Pydantic would read `0.5` as a Unix time."""
    if isinstance(value, str) and not ISO_MOMENT.match(value):
        raise ValueError("expected an RFC 3339 date-time")
    return value


def in_days(value: timedelta) -> str:
    """A whole number of days as an RFC 3339 duration (`P730D`); Pydantic would write `P2Y`,
    which counts years of 365 days and, with days added (`P3Y263D`), is no valid duration."""
    return f"P{value.days}D"


ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}")
QueryMoment = Annotated[datetime, BeforeValidator(_iso_moment)]


class ApiModel(BaseModel):
    """Request and response bodies. `extra="forbid"` is Belgif's `req-valid` (400 unknownInput)."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="forbid",
        str_strip_whitespace=False,
    )

    @field_validator("*", mode="before")
    @classmethod
    def _json_types(cls, value: Any, info: ValidationInfo) -> Any:
        check = _field_checks(cls).get(info.field_name or "")
        if check is not None and not check(value):
            raise ValueError("the JSON type of this value is not the one the contract names")
        return value


@cache
def _field_checks(model: type[BaseModel]) -> dict[str, Check]:
    """Each field's JSON kind check, worked out once per model. Only for what clients send: a
    model that no route reads from a request (see `check_only`) is built by the server from its
    own domain objects, and checking each of its fields again cost a few percent of a large
    read (the statistics)."""
    if _INPUTS is not None and model not in _INPUTS:
        return {}
    return {
        name: json_kind(cast(Any, field.annotation)) for name, field in model.model_fields.items()
    }


# The models a route reads from a request (bodies, and the models they hold), set when the app
# is built; None (no app yet) checks every model.
_INPUTS: frozenset[type[BaseModel]] | None = None


def check_only(inputs: typing.Iterable[Any]) -> None:
    """Check JSON kinds only on the models reachable from these request annotations."""
    global _INPUTS  # noqa: PLW0603 - one set per process, the same for every app built
    found: set[type[BaseModel]] = set(_INPUTS or ())
    pending = list(inputs)
    while pending:
        annotation = pending.pop()
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation in found:
                continue
            found.add(annotation)
            pending += [field.annotation for field in annotation.model_fields.values()]
        else:
            pending += typing.get_args(annotation)
    _INPUTS = frozenset(found)
    _field_checks.cache_clear()
