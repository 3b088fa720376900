"""The bench's baseline: schools in code order, each demand to the nearest free ALT who teaches
the level (the same hard rules, no look-ahead) - what a hand-made spreadsheet plan amounts to."""

from __future__ import annotations

import dataclasses
import time

from altdesk.planning.check import evaluate
from altdesk.planning.model import eligible, options, rooms
from altdesk.planning.solve import _plan
from altdesk.planning.types import Plan, Problem


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
            r = room[alt.id]
            picked: list[frozenset[int]] = []
            for o in options(row, r.free):
                if len(picked) < row.days and all(r.classes[s % 2] - row.classes_per_day *
                                                  (1 + sum(1 for p in picked for q in p if q % 2 == s % 2)) >= 0
                                                  for s in o):
                    picked.append(o)
            if len(picked) < row.days:
                continue
            if best is None or minutes < best[0]:
                best = (minutes, alt.id, frozenset().union(*picked))
        if best is None:
            continue
        minutes, a, slots = best
        chosen.append((a, i, slots, minutes))
        r = room[a]
        r.free -= slots
        for s in slots:
            r.classes[s % 2] -= row.classes_per_day
        r.schools.add(row.school_id)
    plan = _plan(problem, problem.fixed, chosen, 0.0, 0.0, "greedy", time.perf_counter() - started, False, False, 1)
    score = evaluate(problem, plan)
    return dataclasses.replace(plan, score=score, bound=score)


def greedy_hint(problem: Problem) -> dict[tuple[int, int], frozenset[int]]:
    """The greedy plan as the solver's start: every group begins from a plan that breaks no hard rule."""
    return {(a.alt_id, a.demand_id): a.slots for a in greedy_plan(problem).assignments
            if a.demand_id is not None and not a.existing}
