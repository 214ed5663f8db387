"""Webhooks: integration clients subscribe to meeting and cadence events of their own cell.

Events are written to an outbox in the caller's transaction (`uow.webhooks.publish`) and sent
later by `tafel jobs deliver`, signed, retried with backoff; a receiver that keeps failing is
disabled. Payloads carry ids, table kinds, times, places and cadence facts only — never a case
code, a name or free text (R-PRIV-1).
"""
