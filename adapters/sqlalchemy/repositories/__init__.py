"""Repositories: map rows to domain objects and back, explicitly."""
