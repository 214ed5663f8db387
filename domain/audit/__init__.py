"""R-AUD-1: the append-only, hash-chained audit trail of every change and every read of case
content."""
