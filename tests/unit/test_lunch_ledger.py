"""The month's ledger per school and per ALT, deadlines coming up, changes not yet notified; fees."""

from __future__ import annotations

import datetime as dt

import pytest

from altdesk.db.enums import LunchPolicy, SchoolLevel
from altdesk.errors import InvalidInput, NotFound
from altdesk.services.lunch import issue_order_sheets, lunch_fees, month_ledger, order_sheets
from altdesk.services.scheduling import generate_visits
from tests.unit.lunch_fixtures import JUNE, cancel, jst, lunch_branch, move, visit_on
from tests.unit.sched_fixtures import make_alt, make_placement, make_school


def _two_schools(ws):
    branch = lunch_branch(ws, price=280)  # A1 at S1 on Tue and Thu: 9 meals
    s2 = make_school(ws, "S2", SchoolLevel.JUNIOR_HIGH, board_id=branch.board, price=300)
    kinder = make_school(ws, "K1", SchoolLevel.KINDERGARTEN, board_id=branch.board,
                         policy=LunchPolicy.MILK_ONLY, price=60)
    a2 = make_alt(ws, "A2", levels=("junior_high", "kindergarten"))
    make_placement(ws, a2, s2, "FREQ=WEEKLY;BYDAY=MO,WE")  # 1,3,8,10,15,17,22,24,29: 9 meals
    make_placement(ws, a2, kinder, "FREQ=WEEKLY;BYDAY=FR")  # 5,12,19,26: 4 milks
    make_placement(ws, branch.alt, s2, "FREQ=WEEKLY;BYDAY=FR")  # 5,12,19,26: 4 meals
    generate_visits(ws, *JUNE)
    return branch


def test_ledger_per_school_and_per_alt(ws):
    _two_schools(ws)
    ledger = month_ledger(ws, "2026-06", now=jst(2026, 5, 1, 9))
    schools = {s.code: s for s in ledger.schools}
    assert (schools["S1"].lunch_days, schools["S1"].total_yen) == (9, 9 * 280)
    assert (schools["S2"].lunch_days, schools["S2"].alt_count, schools["S2"].total_yen) == (13, 2, 13 * 300)
    assert (schools["K1"].milk_days, schools["K1"].lunch_days, schools["K1"].total_yen) == (4, 0, 240)
    alts = {a.code: a for a in ledger.alts}
    assert (alts["A1"].meals, alts["A1"].total_yen) == (13, 9 * 280 + 4 * 300)
    assert alts["A1"].school_codes == ("S1", "S2")
    assert (alts["A2"].meals, alts["A2"].total_yen) == (13, 9 * 300 + 4 * 60)
    assert ledger.meals == 26 and ledger.total_yen == 9 * 280 + 13 * 300 + 240
    assert ledger.problems == []


def test_changes_not_yet_notified_and_deadlines_coming_up(ws):
    branch = lunch_branch(ws)
    issue_order_sheets(ws, "2026-06", "S1", now=jst(2026, 5, 20, 9))
    quiet = month_ledger(ws, "2026-06", now=jst(2026, 6, 1, 9))
    assert quiet.changes == [] and quiet.schools[0].issue_number == 1 and quiet.schools[0].pending == 0
    move(ws, visit_on(ws, branch.alt, dt.date(2026, 6, 18)), dt.date(2026, 6, 19))
    cancel(ws, visit_on(ws, branch.alt, dt.date(2026, 6, 9)))
    ledger = month_ledger(ws, "2026-06", now=jst(2026, 6, 4, 12))
    assert [(c.date.day, c.change, c.overdue) for c in ledger.changes] == [
        (9, "cancelled", True),  # due Wed 3 June 11:00: passed
        (18, "cancelled", False), (19, "added", False)]
    assert ledger.changes[0].deadline == jst(2026, 6, 3, 11)
    assert ledger.schools[0].pending == 3
    upcoming = [(d.deadline, [x.day for x in d.dates], d.pending, d.passed) for d in ledger.deadlines]
    assert upcoming[0] == (jst(2026, 6, 3, 11), [9], 1, True)  # passed but still waiting: listed first
    assert (jst(2026, 6, 5, 11), [11], 0, False) in upcoming  # in time and told: shown, nothing to do
    assert (jst(2026, 6, 12, 11), [18], 1, False) in upcoming
    assert (jst(2026, 6, 15, 11), [19], 1, False) in upcoming
    assert all(d.deadline >= jst(2026, 6, 4, 12) or d.pending for d in ledger.deadlines)


def test_fees_per_alt_and_branch_total(ws):
    _two_schools(ws)
    fees = lunch_fees(ws, "2026-06", now=jst(2026, 7, 1, 9))
    by_alt = {a.alt_code: a for a in fees.alts}
    assert [(x.school_code, x.days, x.unit_price, x.amount) for x in by_alt["A1"].lines] == [
        ("S1", 9, 280, 2520), ("S2", 4, 300, 1200)]
    assert (by_alt["A1"].days, by_alt["A1"].amount) == (13, 3720)
    assert (by_alt["A2"].days, by_alt["A2"].amount) == (13, 2700 + 240)
    assert (fees.days, fees.total) == (26, 3720 + 2940)
    assert lunch_fees(ws, "2026-06", alt="A2").total == 2940


def test_unknown_month_school_or_alt_is_a_clear_error(ws):
    lunch_branch(ws)
    with pytest.raises(InvalidInput) as bad:
        month_ledger(ws, "June")
    assert "YYYY-MM" in bad.value.message_en
    with pytest.raises(NotFound):
        order_sheets(ws, "2026-06", "NOPE")
    with pytest.raises(NotFound):
        lunch_fees(ws, "2026-06", alt="NOPE")


def test_meal_without_a_price_is_flagged_not_guessed(ws):
    branch = lunch_branch(ws)
    # Milk at a school serving full lunch: its price is the branch's milk price, which nobody set.
    alt = make_alt(ws, "A5")
    make_placement(ws, alt, branch.school, "FREQ=WEEKLY;BYDAY=MO", lunch_mode="milk_only")
    generate_visits(ws, *JUNE)
    ledger = month_ledger(ws, "2026-06", now=jst(2026, 5, 1))
    row = {s.code: s for s in ledger.schools}["S1"]
    assert (row.milk_days, row.lunch_days, row.total_yen) == (5, 9, 9 * 280) and row.unpriced
    assert any("no unit price" in en for en, _ja in ledger.problems)
    [sheet] = order_sheets(ws, "2026-06", "S1", now=jst(2026, 5, 1))
    milk = [r for r in sheet.rows if r.item == "milk"]
    assert sheet.unpriced and milk[0].count == 5 and milk[0].amount is None and sheet.total == 9 * 280
