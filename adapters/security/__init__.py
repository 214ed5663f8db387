"""Cryptographic adapters: tokens, password hashing, one-time codes, anchor signatures."""
