"""Cases: pseudonymous dossiers about one person each, from submission to closure.

The rules are R-CASE-1 … R-CASE-10 of RULES.md; `lifecycle` holds the order of the steps.
"""
