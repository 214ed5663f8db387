"""Printable documents (PDF) with fpdf2, a pure-Python library."""
