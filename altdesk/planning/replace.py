"""Mid-year replacement: an ALT leaves; only what must change is planned again. The leaver's
demand rows are open; the ALTs who could take them (level, travel) may be re-planned together
with their current rows; everyone else stays as they are. Fewest ALTs moved is a goal of its
own: after leaving no demand unmet, before travel and the other soft goals."""

from __future__ import annotations

import dataclasses
import datetime as dt

from altdesk.planning.model import eligible, rooms
from altdesk.planning.solve import solve
from altdesk.planning.types import Fixed, Move, Plan, Problem, ProgressFn, StopFn


def replan(problem: Problem, current: dict[int, Fixed], leaver_placements: list[int], from_date: dt.date,
           time_limit: float = 8.0, progress: ProgressFn | None = None, stop: StopFn | None = None,
           solver: str = "cpsat") -> Plan:
    """`current`: placement id -> Fixed of the placements in force at from_date (the leaver's
    excluded); `problem.current` maps each ALT to its current (demand id, slots)."""
    rows_by_id = {r.id: i for i, r in enumerate(problem.rows)}
    served = {f.demand_id for f in current.values() if f.demand_id is not None}
    served |= {f.demand_id for f in problem.fixed if f.demand_id is not None}
    open_rows = [i for i, r in enumerate(problem.rows) if r.id not in served]
    empty = rooms(problem, [])
    near = sorted({a for a in problem.alts for i in open_rows
                   if eligible(problem, problem.alts[a], problem.rows[i], empty[a]) is not None})
    near_set = set(near)
    rows = sorted(set(open_rows) | {rows_by_id[f.demand_id] for f in current.values()
                                    if f.alt_id in near_set and f.demand_id in rows_by_id})
    fixed = list(problem.fixed) + [f for f in current.values() if f.alt_id not in near_set or f.demand_id is None]
    sub = dataclasses.replace(problem, fixed=fixed, current={a: c for a, c in problem.current.items() if a in near_set})
    hint = {(a, demand_id): slots for a, got in sub.current.items() for demand_id, slots in got.items()}
    plan = solve(sub, time_limit, solver, progress, stop, hint=hint, row_ids=rows, alt_ids=near)
    # What changes: per near ALT, the current rows and slots against the plan's.
    new: dict[int, dict[int, frozenset[int]]] = {}
    for a in plan.assignments:
        if a.alt_id in near_set and a.demand_id is not None:
            new.setdefault(a.alt_id, {})[a.demand_id] = a.slots
    moves = []
    ends = [(pid, from_date - dt.timedelta(days=1)) for pid in leaver_placements]
    moved_alts = set()
    for a in near:
        before, after = sub.current.get(a, {}), new.get(a, {})
        if before == after:
            continue
        moved_alts.add(a)
        alt = problem.alts[a]
        names = {r.id: r.school_code for r in problem.rows}
        moves.append(Move(alt.code, alt.name,
                          tuple(f"{names[d]} {_days(s)}" for d, s in before.items() if after.get(d) != s),
                          tuple(f"{names[d]} {_days(s)}" for d, s in after.items() if before.get(d) != s)))
        for pid, f in current.items():
            if f.alt_id == a and f.demand_id is not None and after.get(f.demand_id) != before.get(f.demand_id):
                ends.append((pid, from_date - dt.timedelta(days=1)))
    assignments = tuple(
        dataclasses.replace(x, existing=True)
        if x.alt_id in near_set and x.alt_id not in moved_alts or (x.alt_id in moved_alts and
                                                                     sub.current.get(x.alt_id, {}).get(x.demand_id) == x.slots)
        else x for x in plan.assignments)
    return dataclasses.replace(plan, assignments=assignments, moves=tuple(moves), ends=tuple(ends))


def _days(slots: frozenset[int]) -> str:
    from altdesk.planning.types import Assignment

    probe = Assignment(0, "", "", 0, "", "", "", None, slots, 0, dt.date.min, dt.date.min, None, False, False, (), ())
    return probe.days_label("en")
