"""The least travel any plan can have: a lower bound that tells how far a travel target is
reachable at all. Every hard rule but the levels taught, the dates and each ALT's free days is
dropped (weekdays, the weekly class limit, the cap on schools, the travel limit), and the
days that are left are sent to ALTs as a min-cost flow, the cost of a day its travel minutes.
Any plan meeting at least `min_days` days a fortnight is a solution of that relaxation, so it
travels at least this much."""

from __future__ import annotations

import math
from collections import defaultdict

from altdesk.planning.model import PAIR_LEVELS, dates_ok, rooms
from altdesk.planning.travel import alts_within_reach
from altdesk.planning.types import SLOTS, Problem


def _days(period_weeks: int, days: int) -> int:
    return days * (2 if period_weeks == 1 else 1)  # slots over a fortnight


def travel_lower_bound(problem: Problem, min_days: int) -> int | None:
    """Minutes of travel a fortnight no plan meeting `min_days` demanded days (Plan.met_days: the
    pinned placements' days and travel counted, as Plan.travel_total counts them) can go below;
    None when even the relaxation cannot meet `min_days`."""
    from ortools.graph.python import min_cost_flow

    fixed_rows = {f.demand_id for f in problem.fixed if f.demand_id is not None}
    rows = [r for r in problem.rows if r.id not in fixed_rows]
    by_id = {r.id: r for r in problem.rows}
    pinned_days = pinned_minutes = 0
    for f in problem.fixed:
        row, alt = by_id.get(f.demand_id) if f.demand_id is not None else None, problem.alts.get(f.alt_id)
        if row is not None and alt is not None:
            pinned_days += len(f.slots)
            pinned_minutes += (problem.minutes(alt, row) or 0) * len(f.slots)
    min_days = max(0, min_days - pinned_days)
    room = rooms(problem, list(problem.fixed))
    alts = list(problem.alts.values())
    total = sum(_days(r.period_weeks, r.days) for r in rows)
    if min_days > total:
        return None
    flow = min_cost_flow.SimpleMinCostFlow()
    source, sink = 0, 1
    alt_node = {a.id: 2 + k for k, a in enumerate(alts)}
    # The days no ALT needs to take: free to leave unmet, up to what min_days allows.
    flow.add_arc_with_capacity_and_unit_cost(source, sink, total - min_days, 0)
    for a in alts:
        flow.add_arc_with_capacity_and_unit_cost(source, alt_node[a.id], len(room[a.id].free), 0)
    for k, row in enumerate(rows):
        node = 2 + len(alts) + k
        n = _days(row.period_weeks, row.days)
        flow.add_arc_with_capacity_and_unit_cost(node, sink, n, 0)
        for a in alts:
            if row.level in a.levels and dates_ok(a, row):
                minutes = problem.minutes(a, row)
                if minutes is not None:
                    flow.add_arc_with_capacity_and_unit_cost(alt_node[a.id], node, n, minutes)
    flow.set_node_supply(source, total)
    flow.set_node_supply(sink, -total)
    if flow.solve() != flow.OPTIMAL:
        return None
    return pinned_minutes + int(flow.optimal_cost())


SCALE = 2520  # costs in 1/2520 of a weight unit: a share of a bonus over 1..10 days is whole


def score_lower_bound(problem: Problem) -> float:
    """No plan of `problem` scores below this (altdesk.planning.check.evaluate): the gap of a plan
    against the whole branch, known however the solver's steps went.

    A min-cost flow of demanded days from ALTs to rows (or to "unmet" at the unmet price) with every
    goal that a flow can price from below: travel by the ALT's mode; last year's pair and a preferred
    level as a share per day of their bonus (whole when the row has one ALT, as in any plan); a school
    as a share per day of its cost (an ALT at a school pays it once, whatever its share of the days);
    an ALT short of the load target paid as if every day it takes had the most classes any row has;
    a pairing as a bonus for the first day of its second level. Weekdays, the weekly class limit and
    the cap on schools are dropped, so every plan is a solution of the flow at no lower cost."""
    from ortools.graph.python import min_cost_flow

    from altdesk.planning.check import preferred_bonus, workable_alts

    w = problem.weights
    rows = problem.rows
    fixed_rows = {f.demand_id for f in problem.fixed if f.demand_id is not None}
    free_rows = [i for i, r in enumerate(rows) if r.id not in fixed_rows]
    by_id = {r.id: r for r in rows}
    last_year = {s for a in problem.alts.values() for s in a.last_year_schools}
    constant = 0.0

    # The pinned placements score as they stand.
    fixed_load: dict[int, float] = defaultdict(float)
    fixed_pairs: set[tuple[int, int]] = set()
    fixed_levels: dict[tuple[int, int | None], set[str]] = defaultdict(set)
    for f in problem.fixed:
        row, alt = by_id.get(f.demand_id) if f.demand_id is not None else None, problem.alts.get(f.alt_id)
        if row is None or alt is None:
            continue
        minutes = problem.minutes(alt, row)
        constant += w.travel * (w.max_travel_minutes if minutes is None else minutes) * len(f.slots)
        if row.school_id in last_year and row.school_id not in alt.last_year_schools:
            constant += w.continuity
        if row.level in alt.preferred_levels:
            constant -= preferred_bonus(w)
        fixed_pairs.add((alt.id, row.school_id))
        fixed_levels[(alt.id, row.board_id)].add(row.level)
        fixed_load[alt.id] += f.classes_per_day * len(f.slots)
    constant += w.schools * len(fixed_pairs)
    constant -= w.pairing * sum(1 for (_a, board), lv in fixed_levels.items()
                                if board is not None and set(PAIR_LEVELS) <= lv)

    school_days: dict[int, int] = defaultdict(int)
    for i in free_rows:
        school_days[rows[i].school_id] += _days(rows[i].period_weeks, rows[i].days)
    cmax = max((rows[i].classes_per_day for i in free_rows), default=1)
    room = rooms(problem, list(problem.fixed))
    near = alts_within_reach(problem, free_rows)
    limit = w.max_travel_minutes
    current = {(a, d) for a, got in problem.current.items() for d in got}

    flow = min_cost_flow.SimpleMinCostFlow()
    source, sink = 0, 1
    nodes = [2]

    def node() -> int:
        nodes[0] += 1
        return nodes[0] - 1

    alt_node = {a: node() for a in problem.alts}
    total = 0
    workable = workable_alts(problem)
    for a in problem.alts:
        free = len(room[a].free)
        if a not in workable:  # takes no row; its pinned load is all it has
            if fixed_load[a]:
                constant += w.balance * abs(2 * w.target_classes - fixed_load[a])
            flow.add_arc_with_capacity_and_unit_cost(source, alt_node[a], free, 0)
            continue
        short = 2 * w.target_classes - fixed_load[a]
        constant += w.balance * abs(short)
        full, part = (int(short // cmax), short % cmax) if short > 0 else (0, 0)
        full = min(full, free)
        flow.add_arc_with_capacity_and_unit_cost(source, alt_node[a], full, -SCALE * w.balance * cmax)
        if part and full < free:
            flow.add_arc_with_capacity_and_unit_cost(source, alt_node[a], 1, -math.ceil(SCALE * w.balance * part))
            full += 1
        flow.add_arc_with_capacity_and_unit_cost(source, alt_node[a], free - full, 0)
    # A pairing's bonus goes with the first day of the level the ALT's board does not have yet.
    pair_node: dict[tuple[int, int | None], tuple[int, str]] = {}
    board_levels: dict[int | None, set[str]] = defaultdict(set)
    for i in free_rows:
        board_levels[rows[i].board_id].add(rows[i].level)
    for a, alt in problem.alts.items():
        if not set(PAIR_LEVELS) <= alt.levels:
            continue
        for board, levels in board_levels.items():
            have = fixed_levels.get((a, board), set()) & set(PAIR_LEVELS)
            if board is None or len(have) == 2:
                continue
            opening = "elementary" if have == {"junior_high"} else "junior_high"
            if opening not in levels or not (have or "elementary" in levels):
                continue
            n = node()
            pair_node[(a, board)] = (n, opening)
            flow.add_arc_with_capacity_and_unit_cost(alt_node[a], n, 1, -SCALE * w.pairing)
            flow.add_arc_with_capacity_and_unit_cost(alt_node[a], n, SLOTS, 0)
    for i in free_rows:
        row = rows[i]
        n = _days(row.period_weeks, row.days)
        total += n
        row_node = node()
        flow.add_arc_with_capacity_and_unit_cost(row_node, sink, n, 0)
        flow.add_arc_with_capacity_and_unit_cost(source, row_node, n, SCALE * w.unmet_day)
        if row.school_id in last_year:
            constant += w.continuity
        for a in set(near[i]) | {a for a, d in current if d == row.id}:
            alt = problem.alts[a]
            if row.level not in alt.levels or not dates_ok(alt, row):
                continue
            minutes = problem.minutes(alt, row)
            if minutes is not None and minutes > limit and (a, row.id) not in current:
                continue
            cost = w.travel * (limit if minutes is None else minutes)
            if row.school_id in alt.last_year_schools:
                cost -= w.continuity / n
            if row.level in alt.preferred_levels:
                cost -= preferred_bonus(w) / n
            if (a, row.school_id) not in fixed_pairs:
                cost += w.schools / school_days[row.school_id]
            via = pair_node.get((a, row.board_id))
            start = via[0] if via is not None and via[1] == row.level else alt_node[a]
            flow.add_arc_with_capacity_and_unit_cost(start, row_node, n, math.floor(SCALE * cost))
    flow.set_node_supply(source, total)
    flow.set_node_supply(sink, -total)
    if flow.solve() != flow.OPTIMAL:
        return constant
    return constant + flow.optimal_cost() / SCALE
