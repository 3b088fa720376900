"""Mid-year replacement: an ALT leaves; only what must change is planned again.

Goals in order, each outweighing everything after it: demand met, then fewest ALTs whose weeks
change (a goal of its own), then the branch's soft goals. Every ALT keeps its current rows unless
it must move, however far from home they are (old placements were made by hand, with no travel
limit). Two steps, each a small model:

1. The leaver's rows are open; every other ALT's current placements stay as they are, and any ALT
   with room may take an open row (each one that does is a move).
2. Only if some open row is still unmet: the ALTs nearest it who teach its level may give up their
   own rows to take it (a chain of moves), with their current rows planned again beside it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from altdesk.planning.check import evaluate
from altdesk.planning.model import eligible, rooms
from altdesk.planning.solve import solve
from altdesk.planning.types import Fixed, Move, Plan, Problem, ProgressFn, StopFn

UNMET_WEIGHT = 100_000_000  # a demanded day (slot) left unmet
MOVE_WEIGHT = 1_000_000  # an ALT whose week changes
CHAIN_ALTS = 12  # step 2: ALTs nearest each unmet open row whose own rows may move


def _step(problem: Problem, current: dict[int, Fixed], open_rows: list[int], movable: set[int], time_limit: float,
          solver: str, progress: ProgressFn | None, stop: StopFn | None) -> Plan:
    """Open rows (and the current rows of `movable` ALTs) planned; every other placement kept."""
    rows_by_id = {r.id: i for i, r in enumerate(problem.rows)}
    rows = sorted(set(open_rows) | {rows_by_id[f.demand_id] for f in current.values()
                                    if f.alt_id in movable and f.demand_id in rows_by_id})
    fixed = list(problem.fixed) + [f for f in current.values() if f.alt_id not in movable or f.demand_id is None]
    order = dataclasses.replace(problem.weights, unmet_day=UNMET_WEIGHT, moved_alt=MOVE_WEIGHT)
    now = {a: dict(problem.current.get(a, {})) for a in problem.alts}
    sub = dataclasses.replace(problem, fixed=fixed, weights=order, current=now)
    hint = {(a, demand_id): slots for a in movable for demand_id, slots in now[a].items()}
    return solve(sub, time_limit, solver, progress, stop, hint=hint, row_ids=rows, alt_ids=sorted(problem.alts))


def replan(problem: Problem, current: dict[int, Fixed], leaver_placements: list[int], from_date: dt.date,
           time_limit: float = 8.0, progress: ProgressFn | None = None, stop: StopFn | None = None,
           solver: str = "cpsat") -> Plan:
    """`current`: placement id -> Fixed of the placements in force at from_date (the leaver's
    excluded); `problem.current` maps each ALT to its current (demand id, slots)."""
    started = dt.datetime.now()
    served = {f.demand_id for f in current.values() if f.demand_id is not None}
    served |= {f.demand_id for f in problem.fixed if f.demand_id is not None}
    open_rows = [i for i, r in enumerate(problem.rows) if r.id not in served]
    plan = _step(problem, current, open_rows, set(), time_limit / 2, solver, progress, stop)
    unmet_ids = {u.demand_id for u in plan.unmet}
    still = [i for i in open_rows if problem.rows[i].id in unmet_ids]
    if still and not plan.stopped:
        empty = rooms(problem, [])
        movable: set[int] = set()
        for i in still:
            near = sorted((m, a) for a in problem.alts
                          if (m := eligible(problem, problem.alts[a], problem.rows[i], empty[a])) is not None)
            movable |= {a for _, a in near[:CHAIN_ALTS]}
        spent = (dt.datetime.now() - started).total_seconds()
        second = _step(problem, current, open_rows, movable, max(1.0, time_limit - spent), solver, progress, stop)
        if len(second.unmet) < len(plan.unmet) or (len(second.unmet) == len(plan.unmet) and second.score < plan.score):
            plan = second
    # The score on the branch's own weights (the ordering weights are for the solver only).
    plain = dataclasses.replace(problem, fixed=list(problem.fixed) + list(current.values()))
    score = evaluate(plain, plan)
    plan = dataclasses.replace(plan, score=score, bound=score - plan.gap * max(1.0, abs(score)),
                               seconds=(dt.datetime.now() - started).total_seconds())
    return _with_moves(problem, current, leaver_placements, from_date, plan)


def _with_moves(problem: Problem, current: dict[int, Fixed], leaver_placements: list[int], from_date: dt.date,
                plan: Plan) -> Plan:
    """What changes: per ALT, the current rows and slots against the plan's; the placements that end."""
    new: dict[int, dict[int, frozenset[int]]] = {}
    for a in plan.assignments:
        if a.demand_id is not None:
            new.setdefault(a.alt_id, {})[a.demand_id] = a.slots
    names = {r.id: r.school_code for r in problem.rows}
    moves = []
    ends = [(pid, from_date - dt.timedelta(days=1)) for pid in leaver_placements]
    moved_alts = set()
    for a in sorted(problem.alts, key=lambda k: problem.alts[k].code):
        before, after = problem.current.get(a, {}), new.get(a, {})
        if before == after:
            continue
        moved_alts.add(a)
        alt = problem.alts[a]
        moves.append(Move(alt.code, alt.name,
                          tuple(f"{names[d]} {_days(s)}" for d, s in before.items() if after.get(d) != s),
                          tuple(f"{names[d]} {_days(s)}" for d, s in after.items() if before.get(d) != s)))
        for pid, f in current.items():
            if f.alt_id == a and f.demand_id is not None and after.get(f.demand_id) != before.get(f.demand_id):
                ends.append((pid, from_date - dt.timedelta(days=1)))
    assignments = tuple(
        dataclasses.replace(x, existing=True)
        if x.demand_id is not None and problem.current.get(x.alt_id, {}).get(x.demand_id) == x.slots else x
        for x in plan.assignments)
    return dataclasses.replace(plan, assignments=assignments, moves=tuple(moves), ends=tuple(ends))


def _days(slots: frozenset[int]) -> str:
    from altdesk.planning.types import Assignment

    probe = Assignment(0, "", "", 0, "", "", "", None, slots, 0, dt.date.min, dt.date.min, None, False, False, (), ())
    return probe.days_label("en")
