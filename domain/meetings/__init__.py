"""Meetings of the cell's tables and the cadence they must keep (R-CAD-1 … R-CAD-6)."""
