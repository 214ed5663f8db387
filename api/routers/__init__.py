"""Thin HTTP translators, one module per bounded context."""
