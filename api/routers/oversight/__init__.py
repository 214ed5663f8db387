"""Oversight: statistics and the compliance evidence pack."""
