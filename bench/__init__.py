"""`make bench`: a national data set on PostgreSQL, then the main endpoints under load next to a
bare FastAPI + SQLAlchemy endpoint, and the audit chain's verification speed (issue 9 item 7).

A benchmark, not a timed test: it is not part of `make test`. Every name, code and text it
generates is invented (pseudonymous codes, fictitious NIS codes 94001 and up).
"""
