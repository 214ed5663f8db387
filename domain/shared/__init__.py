"""Building blocks shared by every bounded context: errors, ids, clock."""
