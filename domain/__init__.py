"""Tafel's core: the LIVC-R rules as plain Python, with ports for everything outside.

Nothing here imports a framework; `import-linter` checks that in every test run.
"""
