"""Cells, their organisations, tables and members: the LIVC-R composed the way the guidance asks
(R-SCOPE, R-TAB, R-MEM, R-PRIV-3, R-PRIV-4)."""
