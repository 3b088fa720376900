"""Timing on a noisy machine: run the work and its bare-library twin alternately, keep the best."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def best_pair(
    work: Callable[[], Any],
    bare: Callable[[], Any] | None,
    runs: int,
    before: Callable[[], Any] | None = None,
    before_bare: Callable[[], Any] | None = None,
) -> tuple[float, float | None, Any]:
    """The fastest of `runs` for each side, the two interleaved so a busy moment hits both.

    `before`/`before_bare` prepare each run (not timed). Returns seconds and the last result.
    """
    best = best_bare = float("inf")
    result: Any = None
    for _ in range(max(1, runs)):
        if before is not None:
            before()
        seconds, result = timed(work)
        best = min(best, seconds)
        if bare is not None:
            if before_bare is not None:
                before_bare()
            best_bare = min(best_bare, timed(bare)[0])
    return best, (best_bare if bare is not None else None), result
