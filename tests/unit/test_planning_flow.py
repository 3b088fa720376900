"""The min-cost flow start (altdesk.planning.flow) on a hand-made branch where greedy's school
order is clearly worse: it gives the nearer of two ALTs to the first school and sends the other
ALT far to the second. The flow sees both schools at once."""

from __future__ import annotations

from altdesk.planning import greedy_plan, hard_rule_breaks, solve
from altdesk.planning.flow import flow_plan, flow_start, pack
from altdesk.planning.model import rooms
from tests.unit.planning_fixtures import alt, problem, row


def _branch():  # type: ignore[no-untyped-def]
    # A1 at 35.70, A2 11 km north at 35.80, both by car; each school takes 5 days a week (a whole ALT).
    # S0001 (first in code order) at 35.74: 4.4 km from A1, 6.7 km from A2.
    # S0002 at 35.66: 4.4 km from A1, 15.6 km from A2.
    alts = [alt(1, lat=35.70, lon=140.20), alt(2, lat=35.80, lon=140.20)]
    rows = [row(1, lat=35.74, lon=140.20, days=5), row(2, lat=35.66, lon=140.20, days=5)]
    return problem(alts, rows)


def test_the_flow_start_travels_less_than_greedy_and_breaks_no_rule():
    p = _branch()
    greedy = greedy_plan(p)
    assert {(a.alt_code, a.school_code) for a in greedy.assignments} == {("A0001", "S0001"), ("A0002", "S0002")}
    assert greedy.travel_total() == 10 * (14 + 35)
    plan = flow_plan(p)
    assert {(a.alt_code, a.school_code) for a in plan.assignments} == {("A0002", "S0001"), ("A0001", "S0002")}
    assert plan.travel_total() == 10 * (18 + 14)
    assert plan.unmet == () and hard_rule_breaks(p, plan) == []
    assert plan.score < greedy.score
    # The solver keeps it (it is the best plan) and proves it.
    solved = solve(p, 5, hint=flow_start(p))
    assert solved.travel_total() == plan.travel_total() and solved.optimal


def test_packing_keeps_weekdays_classes_and_the_cap_on_schools():
    a = alt(1, weekly_class_limit=12, max_schools=2, blocked_slots=frozenset({0, 1}))  # absent on Mondays
    rows = [row(1, days=2, weekdays=(0, 1, 2)), row(2, days=1, weekdays=(1, 2, 3)), row(3, days=1, weeks=2)]
    p = problem([a], rows)
    room = rooms(p, [])[1]
    got = pack(p, room, [0, 1])
    assert got is not None
    # Tuesday and Wednesday to the first (Monday is out), so Thursday to the second; both weeks each.
    assert got[0] == frozenset({2, 3, 4, 5}) and got[1] == frozenset({6, 7})
    assert pack(p, room, [0, 1, 2]) is None  # three schools over the cap of two
    # 4 classes a day and 12 a week: three weekly days fit, a fourth does not.
    assert pack(p, room, [0]) is not None
    assert pack(problem([a], [row(1, days=4)]), room, [0]) is None


def test_the_travel_bound_is_the_best_plans_travel_here_and_below_every_plan():
    from altdesk.planning.bound import travel_lower_bound

    p = _branch()
    # Both schools met: the flow's plan is the best there is, and the bound finds its travel.
    assert travel_lower_bound(p, 20) == flow_plan(p).travel_total() == 10 * (18 + 14)
    # Meeting one school only: A1 to either, 14 minutes a day.
    assert travel_lower_bound(p, 10) == 10 * 14
    assert travel_lower_bound(p, 0) == 0
    assert travel_lower_bound(p, 21) is None  # more days than are asked for
    greedy = greedy_plan(p)
    assert travel_lower_bound(p, greedy.met_days) <= greedy.travel_total()


def test_the_travel_bound_ignores_weekdays_and_class_limits_but_not_levels_or_free_days():
    from altdesk.planning.bound import travel_lower_bound

    # A near ALT who does not teach the level, and a far one who does: the bound takes the far one.
    near, far = alt(1, lat=35.70, lon=140.20, levels=("junior_high",)), alt(2, lat=35.80, lon=140.20)
    p = problem([near, far], [row(1, lat=35.70, lon=140.20, days=1)])
    far_minutes = p.minutes(p.alts[2], p.rows[0])
    assert travel_lower_bound(p, 2) == 2 * far_minutes
    # The far ALT absent every day of the fortnight: nobody can take it.
    blocked = alt(2, lat=35.80, lon=140.20, blocked_slots=frozenset(range(10)))
    assert travel_lower_bound(problem([near, blocked], [row(1, lat=35.70, lon=140.20, days=1)]), 2) is None
