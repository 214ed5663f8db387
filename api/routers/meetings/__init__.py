"""Meetings, cadence, meeting requests and calendar feeds."""
