"""Oversight: the strategic table's figures and the compliance evidence pack (R-TAB-3, R-AUD-1).
Aggregates only, small counts suppressed; no case code, no case content."""
