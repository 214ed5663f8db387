"""`make bench` compares each endpoint with the bare endpoint measured right around it: the
machine's speed drifts during a run, and a ratio to bare runs minutes away measured the drift."""

from __future__ import annotations

from bench.load import LoadReport, PhaseResult


def phase(name: str, requests: int) -> PhaseResult:
    return PhaseResult(name, requests, 10.0, [0.01] * requests, 0, {200: requests}, 0.3, 1.0)


def test_each_endpoint_is_compared_with_the_bare_runs_around_it() -> None:
    phases = [
        phase("bare", 6000),
        phase("case list", 3000),
        phase("bare", 4000),
        phase("statistics", 2000),
        phase("bare", 4000),
    ]
    load = LoadReport(2, 32, 10.0, 16, phases, {})
    assert load.yardstick(phases[1]) == 500.0  # (600 + 400) / 2 req/s
    assert load.ratio(phases[1]) == 0.6
    assert load.ratio(phases[3]) == 0.5  # not 200 / 466.7 (every bare run)
    assert load.yardstick(phases[0]) == load.bare_rps
