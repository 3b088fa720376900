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
