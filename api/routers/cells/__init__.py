"""Cells: set-up, organisations, tables and members, composition."""
