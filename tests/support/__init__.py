"""Shared test helpers: databases, apps, clients and fakes."""
