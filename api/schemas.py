"""Base for every request and response body: lowerCamelCase, unknown fields refused, absent
rather than null."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel


class ApiModel(BaseModel):
    """Request and response bodies. `extra="forbid"` is Belgif's `req-valid` (400 unknownInput)."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="forbid",
        str_strip_whitespace=False,
    )
