"""The periodic jobs a municipality puts in cron run from the command line on a migrated
database, and each says what it did."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def tafel(database: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "TAFEL_DATABASE_URL": f"sqlite+aiosqlite:///{database}"}
    return subprocess.run(  # noqa: S603 - our own command, fixed arguments
        [sys.executable, "-m", "api.cli", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("job", "says"),
    [("purge", "closed cases purged"), ("deliver", "webhooks:"), ("remind", "reminders:")],
)
def test_jobs_run_from_cron(tmp_path: Path, job: str, says: str) -> None:
    database = tmp_path / "tafel.db"
    assert tafel(database, "db", "upgrade").returncode == 0
    result = tafel(database, "jobs", job)
    assert result.returncode == 0, result.stderr
    assert says in result.stdout
