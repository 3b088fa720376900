"""Timing on a noisy machine: run the work and its bare-library twin alternately, keep every
run, report the best (the least disturbed by other processes) with its CPU time beside it."""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Runs:
    """Wall-clock seconds of each run, and the CPU seconds of each (all cores: with worker
    processes it can exceed the wall time)."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def add(self, wall: float, cpu: float) -> None:
        self.wall.append(wall)
        self.cpu.append(cpu)

    @property
    def best(self) -> float:
        return min(self.wall)

    @property
    def best_cpu(self) -> float:
        return min(self.cpu)


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the PDF export's workers)."""
    children = os.times()  # whole ticks, but only the PDF workers' share is read from it
    return time.process_time() + children.children_user + children.children_system


def timed(fn: Callable[[], Any], runs: Runs | None = None) -> tuple[float, Any]:
    gc.collect()  # start each run from the same heap, not in the middle of a collection cycle
    started, cpu = time.perf_counter(), cpu_seconds()
    result = fn()
    wall = time.perf_counter() - started
    if runs is not None:
        runs.add(wall, cpu_seconds() - cpu)
    return wall, result


def paired(
    work: Callable[[], Any],
    bare: Callable[[], Any] | None,
    count: int,
    before: Callable[[], Any] | None = None,
    before_bare: Callable[[], Any] | None = None,
) -> tuple[Runs, Runs | None, Any]:
    """`count` runs of each side, interleaved so that a busy moment hits both alike.

    `before`/`before_bare` prepare each run (not timed). Returns both sides' runs and the
    last result of `work`.
    """
    mine, theirs = Runs(), (Runs() if bare is not None else None)
    result: Any = None
    for _ in range(max(1, count)):
        if before is not None:
            before()
        _seconds, result = timed(work, mine)
        if bare is not None:
            if before_bare is not None:
                before_bare()
            timed(bare, theirs)
    return mine, theirs, result
