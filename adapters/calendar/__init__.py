"""Calendar rendering (RFC 5545) with the icalendar library."""
