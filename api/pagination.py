"""Belgif collections: `{items, total, page, pageSize, self, next?, prev?}` with absolute links."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from pydantic import Field

from api.schemas import ApiModel


class Page(ApiModel):
    """A page of a collection (Belgif `col-paging`, offset-based with `page` and `pageSize`)."""

    total: int
    page: int
    page_size: int
    self_: str | None = Field(default=None, alias="self")
    next: str | None = None
    prev: str | None = None


def page_links(request: Request, page: int, page_size: int, total: int) -> dict[str, Any]:
    def link(number: int) -> str:
        return str(request.url.include_query_params(page=number, pageSize=page_size))

    links: dict[str, Any] = {"total": total, "page": page, "page_size": page_size}
    links["self_"] = link(page)
    if page * page_size < total:
        links["next"] = link(page + 1)
    if page > 1:
        links["prev"] = link(page - 1)
    return links
