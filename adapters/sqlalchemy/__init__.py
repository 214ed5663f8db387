"""Persistence on SQLAlchemy 2 (async): rows, repositories, the unit of work."""
