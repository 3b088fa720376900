"""The least travel any plan can have: a lower bound that tells how far a travel target is
reachable at all. Every hard rule but the levels taught, the dates and each ALT's free days is
dropped (weekdays, the weekly class limit, the cap on schools, the travel limit), and the
days that are left are sent to ALTs as a min-cost flow, the cost of a day its travel minutes.
Any plan meeting at least `min_days` days a fortnight is a solution of that relaxation, so it
travels at least this much."""

from __future__ import annotations

from altdesk.planning.model import dates_ok, rooms
from altdesk.planning.types import Problem


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
