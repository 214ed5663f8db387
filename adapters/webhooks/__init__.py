"""Outbound HTTP for webhooks: the sender (httpx) and name resolution."""
