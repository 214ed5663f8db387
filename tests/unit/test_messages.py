"""Every refusal the core can express is explained in nl, fr, de and en."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import domain
from api.i18n import LANGUAGES
from api.i18n.catalog import MESSAGES
from domain.shared.errors import DomainError

ROOT = Path(__file__).resolve().parents[2]
# Base classes never raised themselves: their subclasses carry the codes users see.
ABSTRACT = {"domainError", "ruleViolation", "permissionRuleViolation", "authenticationFailed"}


def all_subclasses(cls: type[DomainError]) -> set[type[DomainError]]:
    found: set[type[DomainError]] = set(cls.__subclasses__())
    for sub in list(found):
        found |= all_subclasses(sub)
    return found


def test_every_domain_error_code_has_a_message_in_every_language() -> None:
    for module in pkgutil.walk_packages(domain.__path__, "domain."):
        importlib.import_module(module.name)
    # Only the core's own errors: test modules define throw-away subclasses of their own.
    codes = {
        cls.code for cls in all_subclasses(DomainError) if cls.__module__.startswith("domain.")
    } - ABSTRACT
    missing = sorted(code for code in codes if code not in MESSAGES)
    assert missing == []
    for code in codes:
        assert set(MESSAGES[code]) == set(LANGUAGES), code


def test_every_input_issue_code_has_a_message() -> None:
    pattern = re.compile(r'InputIssue\(\s*(?:f?"[^"]*"|[a-z_.]+)\s*,\s*"([a-zA-Z]+)"')
    codes = set()
    for path in (ROOT / "domain").rglob("*.py"):
        codes |= set(pattern.findall(path.read_text(encoding="utf-8")))
    assert codes, "the pattern still finds issue codes"
    assert sorted(code for code in codes if code not in MESSAGES) == []
