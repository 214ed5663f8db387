"""Alembic migrations; the schema is always built by them, in tests too."""
