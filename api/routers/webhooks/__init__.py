"""Webhooks of integration clients (`/api/v1/webhooks`)."""
