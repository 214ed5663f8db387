"""Fault injection (RELIABILITY.md §10 families 18 and 19, issue 9 item 4), run by `make chaos`:

- the server SIGKILLed at random moments of a stream of writes, then restarted, and the database
  checked for invariant violations and for acknowledged writes that went missing;
- PostgreSQL stopped and started under load: 503 problem+json meanwhile, `/health` DOWN, and UP
  again within 30 s of the database.

Everything runs on a private PostgreSQL cluster (`initdb` in a temporary directory, a free port),
never on a shared server. `python -m tests.chaos --help` lists the knobs.
"""
