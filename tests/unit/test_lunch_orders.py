"""The monthly order sheet: count and total from the visits; a re-issue lists exactly what changed."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from altdesk.db.enums import LunchMode, LunchPolicy, SchoolLevel
from altdesk.db.models import IssuedReport
from altdesk.services.lunch import issue_order_sheets, order_sheets, set_lunch_override
from altdesk.services.scheduling import generate_visits
from tests.unit.lunch_fixtures import JUNE, cancel, jst, lunch_branch, move, visit_on
from tests.unit.sched_fixtures import make_alt, make_placement, make_school

TUE_THU = [2, 4, 9, 11, 16, 18, 23, 25, 30]


def _issues(ws) -> list[IssuedReport]:
    with ws.db.sessions() as s:
        return list(s.scalars(select(IssuedReport).order_by(IssuedReport.id)))


def test_order_sheet_count_and_total_match_the_visits(ws):
    lunch_branch(ws, price=285)
    [sheet] = order_sheets(ws, "2026-06", "S1", now=jst(2026, 5, 20, 9))
    assert sheet.school_name_ja == "市立S1小学校" and sheet.branch_phone == "043-123-4567"
    [row] = sheet.rows
    assert row.alt_code == "A1" and row.item == "lunch"
    assert [d.day for d in row.dates] == TUE_THU
    assert (row.count, row.unit_price, row.amount) == (9, 285, 9 * 285)
    assert (sheet.count, sheet.total) == (9, 2565)
    assert sheet.issue_number == 1 and not sheet.is_reissue and sheet.changes.empty
    assert _issues(ws) == []  # a preview records nothing


def test_own_lunch_and_cancelled_visits_are_not_ordered(ws):
    branch = lunch_branch(ws)
    set_lunch_override(ws, visit_on(ws, branch.alt, dt.date(2026, 6, 9)), LunchMode.OWN_LUNCH, "School trip")
    cancel(ws, visit_on(ws, branch.alt, dt.date(2026, 6, 11)))
    egg = make_alt(ws, "A2", allergens=("egg",))
    make_placement(ws, egg, branch.school, "FREQ=WEEKLY;BYDAY=MO")
    generate_visits(ws, *JUNE)
    [sheet] = order_sheets(ws, "2026-06", "all", now=jst(2026, 5, 20, 9))
    by_alt = {r.alt_code: r for r in sheet.rows}
    assert [d.day for d in by_alt["A1"].dates] == [2, 4, 16, 18, 23, 25, 30]
    assert by_alt["A2"].item is None and by_alt["A2"].count == 0  # visits, brings own lunch
    assert by_alt["A2"].diet_ja == ""  # no consent: nothing about the diet
    assert (sheet.count, sheet.total) == (7, 7 * 280)


def test_reissue_lists_exactly_the_dates_added_and_cancelled(ws):
    branch = lunch_branch(ws)
    [first] = issue_order_sheets(ws, "2026-06", "S1", now=jst(2026, 5, 20, 9))
    assert first.new_issue and first.issue_number == 1
    move(ws, visit_on(ws, branch.alt, dt.date(2026, 6, 18)), dt.date(2026, 6, 19))
    cancel(ws, visit_on(ws, branch.alt, dt.date(2026, 6, 25)))
    set_lunch_override(ws, visit_on(ws, branch.alt, dt.date(2026, 6, 30)), LunchMode.OWN_LUNCH, "Sports practice")
    [again] = issue_order_sheets(ws, "2026-06", "S1", now=jst(2026, 6, 1, 9))
    assert again.is_reissue and again.issue_number == 2
    assert [(x.date.day, x.alt_code) for x in again.changes.added] == [(19, "A1")]
    assert [x.date.day for x in again.changes.cancelled] == [18, 25, 30]
    assert [d.day for d in again.rows[0].dates] == [2, 4, 9, 11, 16, 19, 23]
    assert again.count == 7 and again.total == 7 * 280
    # Printing again with nothing changed is the same issue: same number, same changes, no new record.
    [reprint] = issue_order_sheets(ws, "2026-06", "S1", now=jst(2026, 6, 2, 9))
    assert not reprint.new_issue and reprint.issue_number == 2
    assert reprint.issued_at == again.issued_at and reprint.changes == again.changes
    issues = _issues(ws)
    assert [i.snapshot["count"] for i in issues] == [9, 7]
    assert {(i.report, i.month, i.subject_id) for i in issues} == {("lunch-orders", "2026-06", branch.school)}


def test_all_schools_skips_schools_without_meals_and_a_diet_shows_only_with_consent(ws):
    branch = lunch_branch(ws)
    high = make_school(ws, "H1", SchoolLevel.SENIOR_HIGH, policy=LunchPolicy.NONE, price=0)
    shared = make_alt(ws, "A3", levels=("senior_high", "elementary"), allergens=("peanut", "egg"),
                      share_diet_consent=True, nationality="Canada", phone="090-1111-2222",
                      diet_notes="carries an adrenaline pen")
    make_placement(ws, shared, high, "FREQ=WEEKLY;BYDAY=MO")
    make_placement(ws, shared, branch.school, "FREQ=WEEKLY;BYDAY=FR")
    generate_visits(ws, *JUNE)
    sheets = order_sheets(ws, "2026-06", None, now=jst(2026, 5, 20, 9))
    assert [s.school_code for s in sheets] == ["S1"]
    rows = {r.alt_code: r for r in sheets[0].rows}
    assert rows["A3"].diet_ja == "アレルギー：卵・落花生（ピーナッツ）"  # the labelling order
    assert "adrenaline" not in repr(sheets[0]) and "090-1111" not in repr(sheets[0])
