"""Driven adapters: each implements a port of `domain` with one technology."""
