"""Row classes of every bounded context; importing this package registers all tables."""

from adapters.sqlalchemy.rows import audit, cases, cells, feedback, identity, meetings, webhooks

__all__ = ["audit", "cases", "cells", "feedback", "identity", "meetings", "webhooks"]
