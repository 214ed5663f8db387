"""A serving process's heap, settled once the app is built.

CPython's cycle collector walks every object it tracks on each full collection. Once the app is
built, a process holds about 220 000 of them (routes, the contract, validators, the ORM's
metadata), and a full collection took 105–115 ms here: every request in flight in that process
waited that long, which is what the benchmark's p99 was made of. None of those objects is ever
garbage, so after startup they are frozen (moved to the permanent generation, which the collector
skips; `gc.freeze`, as large Python web services do) and full collections walk only what requests
made since. Shutdown thaws them, so a test process that starts and stops apps keeps nothing out
of the collector's reach.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def settled_heap() -> Iterator[None]:
    """Around a serving process's life, from the end of its startup."""
    gc.collect()  # what startup left as garbage is freed now, not frozen for good
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
