"""Feedback forms to the Local Task Force."""
