"""Mail delivery: SMTP for production, an outbox for development and tests."""
