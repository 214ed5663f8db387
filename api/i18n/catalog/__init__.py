"""All message catalogs merged. Each bounded context keeps its own file; a test checks that every
domain error code has a message in all four languages."""

from __future__ import annotations

from api.i18n.catalog.cases import CASES, PRIVACY
from api.i18n.catalog.cells import CELLS
from api.i18n.catalog.common import COMMON
from api.i18n.catalog.feedback import FEEDBACK
from api.i18n.catalog.identity import IDENTITY
from api.i18n.catalog.meetings import MEETINGS
from api.i18n.catalog.webhooks import WEBHOOKS

Catalog = dict[str, dict[str, str]]

MESSAGES: Catalog = {
    **COMMON,
    **IDENTITY,
    **CELLS,
    **CASES,
    **PRIVACY,
    **WEBHOOKS,
    **MEETINGS,
    **FEEDBACK,
}
