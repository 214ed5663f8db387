"""Identity and access: accounts, sessions, second factor, integration clients, and who may do
what (decided here, per request, never trusted from a token)."""
