"""One measured figure: its value beside its budget and the bare library's time for the same work."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from altdesk.bench.timing import Runs


@dataclass
class Figure:
    name: str  # stable key, e.g. "generate_fy"
    title: str  # what a person reads in the table
    unit: str  # "s", "ms" or "MB"
    budget: float | None
    value: float | None = None  # None: not measured (see `note`)
    baseline: float | None = None  # the bare library doing the same work, same unit
    baseline_title: str = ""
    runs: int = 0
    note: str = ""
    failed: bool = False  # the measure raised: a fault, unlike "not available"
    samples: list[float] = field(default_factory=list)  # every run's value, same unit
    cpu: float | None = None  # process CPU time of the best run: steadier on a shared machine

    def record(self, mine: Runs, bare: Runs | None = None) -> Figure:
        """Fill value, baseline and samples from timed runs (seconds), in this figure's unit."""
        scale = {"s": 1.0, "ms": 1000.0}[self.unit]
        self.value = mine.best * scale
        self.cpu = mine.best_cpu * scale
        self.samples = [w * scale for w in mine.wall]
        self.runs = len(mine.wall)
        if bare is not None and bare.wall:
            self.baseline = bare.best * scale
        return self

    @property
    def available(self) -> bool:
        return self.value is not None

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.baseline:
            return None
        return self.value / self.baseline

    @property
    def ok(self) -> bool | None:
        """Within budget; None when there is nothing to judge (not available, no budget)."""
        if self.failed:
            return False
        if self.value is None or self.budget is None:
            return None
        return self.value <= self.budget

    def unavailable(self, why: str) -> Figure:
        self.value, self.baseline, self.note = None, None, f"not available: {why}"
        return self

    def as_json(self) -> dict[str, Any]:
        ratio = self.ratio
        return {
            "name": self.name,
            "title": self.title,
            "value": _round(self.value),
            "unit": self.unit,
            "baseline": _round(self.baseline),
            "baseline_title": self.baseline_title,
            "ratio": round(ratio, 2) if ratio is not None else None,
            "budget": self.budget,
            "ok": self.ok,
            "runs": self.runs,
            "samples": [_round(v) for v in self.samples],
            "cpu": _round(self.cpu),
            "note": self.note,
        }


def _round(value: float | None) -> float | None:
    if value is None:
        return None
    return round(value, 3) if abs(value) < 100 else round(value, 1)


@dataclass
class BenchReport:
    size: str
    database: str
    machine: dict[str, Any]
    setup: dict[str, Any] = field(default_factory=dict)
    figures: list[Figure] = field(default_factory=list)

    def all_ok(self) -> bool:
        return all(f.ok is not False for f in self.figures) and all(f.available for f in self.figures)

    def as_json(self) -> dict[str, Any]:
        return {
            "size": self.size,
            "database": self.database,
            "machine": self.machine,
            "setup": self.setup,
            "all_within_budget": self.all_ok(),
            "figures": [f.as_json() for f in self.figures],
        }
