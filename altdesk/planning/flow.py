"""The solver's start from a min-cost flow (OR-Tools SimpleMinCostFlow): the year's assignment
without its awkward parts is a transportation problem, solved exactly in well under a second.

    source -> ALT (capacity: its free days a fortnight)
           -> row (the ALT may take the row by the hard rules: level, dates, travel limit;
                   cost per day = travel by the ALT's mode, less a share of last year's bonus)
           -> sink;  source -> sink at the price of an unmet day (so the flow always exists).

The flow may split a row between ALTs and ignores weekdays, class limits and the cap on schools,
so it is rounded: each row goes to the ALT that carries most of it, its days picked so that the
ALT's rows all fit (a small search per ALT), else to the next ALT that carries it, else to the
nearest ALT it fits beside; a row still open then tries one swap (an ALT gives up a row to another
ALT with room). Every hard rule is checked while rounding, so the start breaks none."""

from __future__ import annotations

import itertools
from collections import defaultdict

from altdesk.planning.check import preferred_bonus
from altdesk.planning.model import AltRoom, eligible, options, rooms
from altdesk.planning.travel import alts_within_reach
from altdesk.planning.types import DemandRow, Plan, Problem

SCALE = 120  # costs in 1/120 of a weight unit: a row's share of a bonus is whole for 1..10 days
CANDIDATES = 40  # nearest ALTs per row given to the flow (the company: 8,000 rows)
SHORTEN_SECONDS = 20.0  # the local search's limit (it is usually done well before)
LIGHT = 0.7  # an ALT with less than this share of the typical load gives its rows away
PACK_NODES = 4000  # a packing search gives up after this many tries (it then counts as no fit)


def _days(row: DemandRow) -> int:
    """Slots a fortnight the row takes."""
    return row.days * (2 if row.period_weeks == 1 else 1)


def pack(problem: Problem, room: AltRoom, row_ids: list[int]) -> dict[int, frozenset[int]] | None:
    """Days for each of the ALT's rows so they all fit its free slots and weekly class limit (and
    its cap on schools), or None. Rows with fewest choices first; a bounded search."""
    rows = problem.rows
    schools = room.schools | {rows[i].school_id for i in row_ids}
    if room.cap is not None and len(schools) > room.cap:
        return None
    order = sorted(row_ids, key=lambda i: (len(options(rows[i], room.free)) - rows[i].days, -_days(rows[i])))
    got: dict[int, frozenset[int]] = {}
    tries = [0]

    def place(k: int, free: set[int], classes: list[int]) -> bool:
        if k == len(order):
            return True
        i = order[k]
        row = rows[i]
        cpd = row.classes_per_day
        for combo in itertools.combinations(options(row, free), row.days):
            tries[0] += 1
            if tries[0] > PACK_NODES:
                return False
            slots = frozenset().union(*combo)
            if len(slots) != sum(len(o) for o in combo):
                continue
            per = [classes[p] - cpd * sum(1 for s in slots if s % 2 == p) for p in (0, 1)]
            if min(per) < 0:
                continue
            got[i] = slots
            if place(k + 1, free - slots, per):
                return True
        got.pop(i, None)
        return False

    return dict(got) if place(0, set(room.free), list(room.classes)) else None


def flow_start(problem: Problem, row_ids: list[int] | None = None) -> dict[tuple[int, int], frozenset[int]]:
    """A plan that breaks no hard rule, as (alt id, demand id) -> slots (the solver's hint)."""
    from ortools.graph.python import min_cost_flow

    w = problem.weights
    rows = problem.rows
    fixed_rows = {f.demand_id for f in problem.fixed if f.demand_id is not None}
    row_ids = [i for i in (range(len(rows)) if row_ids is None else row_ids) if rows[i].id not in fixed_rows]
    room = rooms(problem, list(problem.fixed))
    near = alts_within_reach(problem, row_ids)
    cands: dict[int, list[tuple[int, int]]] = {}
    for i in row_ids:
        row = rows[i]
        found = sorted((m, a) for a in near[i] if (m := eligible(problem, problem.alts[a], row, room[a])) is not None)
        cands[i] = found[:CANDIDATES]
    alt_ids = sorted({a for found in cands.values() for _m, a in found})
    total = sum(_days(rows[i]) for i in row_ids)

    smcf = min_cost_flow.SimpleMinCostFlow()
    source, sink = 0, 1
    node_alt = {a: 2 + k for k, a in enumerate(alt_ids)}
    node_row = {i: 2 + len(alt_ids) + k for k, i in enumerate(row_ids)}
    unmet_cost = SCALE * w.unmet_day
    smcf.add_arc_with_capacity_and_unit_cost(source, sink, total, unmet_cost)
    for a in alt_ids:
        # No cost for the ALT's load: the model's balance goal (|classes - target|, the target above a
        # full week at 4 classes a day) rewards each day the same whoever takes it, and the load
        # spread is over the ALTs with work, narrowest when they are full. Measured on the large
        # branch: a convex cost that spreads days over every ALT (one arc per day, each dearer)
        # widened it from 2.45 to 3.2-3.6 classes a week and added 1-4% travel.
        smcf.add_arc_with_capacity_and_unit_cost(source, node_alt[a], len(room[a].free), 0)
    pair_arcs = []
    for i in row_ids:
        row = rows[i]
        n = _days(row)
        smcf.add_arc_with_capacity_and_unit_cost(node_row[i], sink, n, 0)
        for minutes, a in cands[i]:
            alt = problem.alts[a]
            cost = SCALE * w.travel * minutes
            if row.school_id in alt.last_year_schools:
                cost -= SCALE * w.continuity // n
            if alt.preferred_levels and row.level in alt.preferred_levels:
                cost -= SCALE * preferred_bonus(w) // n
            pair_arcs.append((smcf.add_arc_with_capacity_and_unit_cost(node_alt[a], node_row[i], n, cost), a, i))
    smcf.set_node_supply(source, total)
    smcf.set_node_supply(sink, -total)
    if smcf.solve() != smcf.OPTIMAL:
        return {}
    carried: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for arc, a, i in pair_arcs:
        f = smcf.flow(arc)
        if f:
            carried[i].append((f, a))
    return _round(problem, row_ids, cands, carried, room)


def _round(problem: Problem, row_ids: list[int], cands: dict[int, list[tuple[int, int]]],
           carried: dict[int, list[tuple[int, int]]], room: dict[int, AltRoom]) -> dict[tuple[int, int], frozenset[int]]:
    rows = problem.rows
    taken: dict[int, list[int]] = defaultdict(list)  # alt -> row indexes
    days: dict[int, dict[int, frozenset[int]]] = defaultdict(dict)  # alt -> row -> slots
    alt_of: dict[int, int] = {}

    def try_add(a: int, i: int) -> bool:
        got = pack(problem, room[a], taken[a] + [i])
        if got is None:
            return False
        taken[a].append(i)
        days[a] = got
        alt_of[i] = a
        return True

    def remove(a: int, i: int) -> None:
        taken[a].remove(i)
        days[a].pop(i, None)
        alt_of.pop(i, None)

    # Big rows first (a 5-day weekly row needs an ALT with every day free: taken last, 138 days of
    # the large branch were left unmet), then the rows the flow gives most wholly to one ALT.
    def share(i: int) -> float:
        return max((f for f, _a in carried.get(i, [])), default=0) / _days(rows[i])

    order = sorted(row_ids, key=lambda i: (-_days(rows[i]), -share(i), rows[i].id))
    open_rows = []
    for i in order:
        by_flow = [a for _f, a in sorted(carried.get(i, []), key=lambda fa: -fa[0])]
        if not any(try_add(a, i) for a in by_flow):
            open_rows.append(i)
    still_open = []
    for i in open_rows:
        if not any(try_add(a, i) for _m, a in cands[i] if i not in alt_of):
            still_open.append(i)
    # One swap per open row: an ALT who could take it gives up one row to another ALT with room.
    for i in still_open:
        done = False
        for _m, a in cands[i]:
            for j in list(taken[a]):
                before_rows, before_days = list(taken[a]), dict(days[a])
                remove(a, j)
                if try_add(a, i):
                    if any(try_add(c, j) for _m2, c in cands[j] if c != a):
                        done = True
                        break
                    alt_of.pop(i, None)
                taken[a], days[a] = before_rows, before_days  # as it was
                alt_of[j] = a
            if done:
                break
    _shorten(problem, cands, taken, days, alt_of, try_add, remove)
    return {(a, rows[i].id): s for a, got in days.items() for i, s in got.items()}


def _shorten(problem: Problem, cands: dict[int, list[tuple[int, int]]], taken: dict[int, list[int]],
             days: dict[int, dict[int, frozenset[int]]], alt_of: dict[int, int], try_add, remove) -> None:  # type: ignore[no-untyped-def]
    """Local search on the rounded plan: a row moves to a nearer ALT it fits beside, or two rows of
    two ALTs swap, while that shortens travel (rounding's losses, rows the flow split and days that
    did not fit, are mostly won back); then the lightest ALTs give all their rows to ALTs already
    working, and the moves run again among the ALTs with work. Measured on the large branch: 0.86 of
    greedy's travel after rounding, 0.84 after the moves; load spread 2.74 before the light ALTs
    are emptied."""
    import time

    rows = problem.rows
    minutes = {i: {a: m for m, a in found} for i, found in cands.items()}
    deadline = time.perf_counter() + SHORTEN_SECONDS

    def snapshot(alts: tuple[int, ...]) -> dict[int, tuple[list[int], dict[int, frozenset[int]]]]:
        return {k: (list(taken[k]), dict(days[k])) for k in alts}

    def restore(saved: dict[int, tuple[list[int], dict[int, frozenset[int]]]]) -> None:
        for k, (t, d) in saved.items():
            taken[k], days[k] = list(t), dict(d)
            for r in t:
                alt_of[r] = k

    def better(i: int, used_only: bool) -> bool:
        a = alt_of[i]
        here = minutes[i].get(a)
        if here is None:
            return False
        n_i = _days(rows[i])
        for m_b, b in cands[i]:
            if m_b >= here:
                return False
            if b == a or (used_only and not taken[b]):
                continue
            saved = snapshot((a, b))
            remove(a, i)
            if try_add(b, i):
                return True
            for j in list(taken[b]):  # a swap: a row of b's that a can take, less travel in sum
                m_ja, m_jb = minutes[j].get(a), minutes[j].get(b)
                n_j = _days(rows[j])
                if m_ja is None or m_jb is None or m_b * n_i + m_ja * n_j >= here * n_i + m_jb * n_j:
                    continue
                remove(b, j)
                if try_add(b, i) and try_add(a, j):
                    return True
                restore(saved)
                remove(a, i)
            restore(saved)
        return False

    def passes(used_only: bool) -> None:
        improved = True
        while improved and time.perf_counter() < deadline:
            improved = False
            for i in sorted(alt_of, key=lambda i: rows[i].id):
                improved = better(i, used_only) or improved

    passes(False)
    load = {a: sum(rows[i].classes_per_day * len(s) for i, s in got.items()) for a, got in days.items() if got}
    if load:
        typical = sorted(load.values())[len(load) // 2]
        for a in sorted(load, key=lambda a: load[a]):
            if load[a] >= LIGHT * typical or time.perf_counter() > deadline:
                break
            saved = snapshot(tuple(taken))
            moved = True
            for i in sorted(taken[a], key=lambda i: -_days(rows[i])):
                remove(a, i)
                if not any(b != a and taken[b] and try_add(b, i) for _m, b in cands[i]):
                    moved = False
                    break
            if not moved:
                restore(saved)
        passes(True)


def as_plan(problem: Problem, start: dict[tuple[int, int], frozenset[int]], solver: str = "flow",
            seconds: float = 0.0, stopped: bool = False, groups: int = 1) -> Plan:
    """A start (alt id, demand id) -> slots as a Plan, scored as every plan is (check.evaluate)."""
    import dataclasses

    from altdesk.planning.check import evaluate
    from altdesk.planning.solve import _plan

    index = {r.id: i for i, r in enumerate(problem.rows)}
    chosen = [(a, index[d], s, 0) for (a, d), s in start.items() if d in index]
    plan = _plan(problem, list(problem.fixed), chosen, 0.0, 0.0, solver, seconds, False, stopped, groups)
    score = evaluate(problem, plan)
    return dataclasses.replace(plan, score=score, bound=score)


def flow_plan(problem: Problem) -> Plan:
    """The flow's start on its own, as a plan (the tests' and the bench's view of it)."""
    import time

    started = time.perf_counter()
    start = flow_start(problem)
    return as_plan(problem, start, seconds=time.perf_counter() - started)


__all__ = ["as_plan", "flow_plan", "flow_start", "pack"]
