"""The bench's baseline: schools in code order, each demand to the nearest free ALT who teaches
the level (the same hard rules, no look-ahead) - what a hand-made spreadsheet plan amounts to."""

from __future__ import annotations

import dataclasses
import time

from altdesk.planning.check import evaluate
from altdesk.planning.model import eligible, options, rooms
from altdesk.planning.solve import _plan
from altdesk.planning.types import Plan, Problem

# Past this the school-order baseline (every row against every ALT) takes minutes (245 s at the
# company size) and the flow's start meets more there anyway (27,432 of 27,512 days against the
# old plan's 27,342 after solving): it is not worked out as a fallback.
BASELINE_UP_TO_ROWS = 2000


def _days_for(row, r) -> frozenset[int] | None:  # type: ignore[no-untyped-def]
    """The first days of the row that fit the ALT's room (free slots, classes a week), or None."""
    picked: list[frozenset[int]] = []
    for o in options(row, r.free):
        if len(picked) < row.days and all(r.classes[s % 2] - row.classes_per_day *
                                          (1 + sum(1 for p in picked for q in p if q % 2 == s % 2)) >= 0
                                          for s in o):
            picked.append(o)
    return frozenset().union(*picked) if len(picked) == row.days else None


def _take(room, a: int, row, slots: frozenset[int]) -> None:  # type: ignore[no-untyped-def]
    r = room[a]
    r.free -= slots
    for s in slots:
        r.classes[s % 2] -= row.classes_per_day
    r.schools.add(row.school_id)


def greedy_plan(problem: Problem) -> Plan:
    started = time.perf_counter()
    fixed = list(problem.fixed)
    room = rooms(problem, fixed)
    chosen: list[tuple[int, int, frozenset[int], int]] = []
    fixed_rows = {f.demand_id for f in fixed}
    order = sorted(range(len(problem.rows)), key=lambda i: (problem.rows[i].school_code, problem.rows[i].id))
    for i in order:
        row = problem.rows[i]
        if row.id in fixed_rows:
            continue
        best = None
        for alt in problem.alts.values():
            minutes = eligible(problem, alt, row, room[alt.id])
            if minutes is None:
                continue
            got = _days_for(row, room[alt.id])
            if got is None:
                continue
            if best is None or minutes < best[0]:
                best = (minutes, alt.id, got)
        if best is None:
            continue
        minutes, a, slots = best
        chosen.append((a, i, slots, minutes))
        _take(room, a, row, slots)
    plan = _plan(problem, problem.fixed, chosen, 0.0, 0.0, "greedy", time.perf_counter() - started, False, False, 1)
    score = evaluate(problem, plan)
    return dataclasses.replace(plan, score=score, bound=score)


def greedy_hint(problem: Problem) -> dict[tuple[int, int], frozenset[int]]:
    """The solver's start, a plan that breaks no hard rule: the min-cost flow's rounded plan
    (altdesk.planning.flow), or the school-order baseline where that meets more demand (the
    baseline is worked out only when the flow's start leaves some demand unmet)."""
    from altdesk.planning.flow import flow_start

    start = flow_start(problem)
    fixed_rows = {f.demand_id for f in problem.fixed if f.demand_id is not None}
    wanted = sum(r.days * (2 if r.period_weeks == 1 else 1) for r in problem.rows if r.id not in fixed_rows)
    met = sum(len(s) for s in start.values())
    if met >= wanted or len(problem.rows) > BASELINE_UP_TO_ROWS:
        return start
    baseline = {(a.alt_id, a.demand_id): a.slots for a in greedy_plan(problem).assignments
                if a.demand_id is not None and not a.existing}
    return start if met >= sum(len(s) for s in baseline.values()) else baseline
