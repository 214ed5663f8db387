"""Small-count suppression: a count below five is shown as "<5", never as its value, so a figure
can never point at one person (R-TAB-3, R-PRIV-1)."""

from __future__ import annotations

from dataclasses import dataclass

THRESHOLD = 5


@dataclass(frozen=True, slots=True)
class Count:
    """A count as it may be shown: `value` is absent when suppressed."""

    display: str
    value: int | None

    @property
    def suppressed(self) -> bool:
        return self.value is None


def count(value: int) -> Count:
    if value < THRESHOLD:
        return Count(f"<{THRESHOLD}", None)
    return Count(str(value), value)


def share(part: int, whole: int) -> float | None:
    """A rate only when its part, the rest and so its base are all large enough to be shown: a
    rate over a shown base would otherwise give a small count away by multiplication."""
    if part < THRESHOLD or whole - part < THRESHOLD:
        return None
    return round(part / whole, 3)


def days(values: list[float]) -> float | None:
    """A median duration, only over enough cases."""
    if len(values) < THRESHOLD:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    median = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    return round(median, 1)
