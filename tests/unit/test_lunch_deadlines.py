"""LUNCH_DEADLINE: changing a school meal after the school's notice deadline is a warning naming it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update

from altdesk.db.engine import transaction
from altdesk.db.enums import LunchMode, VisitKind, VisitStatus
from altdesk.db.models import Board, Visit
from altdesk.scheduling.conflicts import ConflictKind, Severity, VisitFacts
from altdesk.scheduling.lunch_deadlines import lunch_deadline_conflicts, lunch_deadline_conflicts_for_proposal
from altdesk.services.lunch import issue_order_sheets, lunch_deadline_warnings
from altdesk.services.scheduling import check_conflicts, generate_visits
from tests.unit.lunch_fixtures import JUNE, cancel, jst, lunch_branch, move, visit_on
from tests.unit.sched_fixtures import make_alt


def _issued_branch(ws, **extra):
    branch = lunch_branch(ws, **extra)
    issue_order_sheets(ws, "2026-06", "S1", now=jst(2026, 5, 20, 9))
    return branch


def test_moving_a_visit_inside_the_deadline_warns_with_the_deadline_missed(ws):
    branch = _issued_branch(ws)
    visit_id = visit_on(ws, branch.alt, dt.date(2026, 6, 18))
    move(ws, visit_id, dt.date(2026, 6, 15))
    # Lunch on Mon 15 June had to be ordered 4 school days before: Tue 9 June, 11:00.
    # Thu 18 June's deadline (Fri 12 June, 11:00) has not passed on 10 June.
    [found] = lunch_deadline_warnings(ws, *JUNE, now=jst(2026, 6, 10, 12))
    assert (found.kind, found.severity) == (ConflictKind.LUNCH_DEADLINE, Severity.WARNING)
    assert found.date == dt.date(2026, 6, 15) and found.visit_ids == (visit_id,)
    assert found.alt_code == "A1" and found.school_code == "S1"
    assert "moved from 2026-06-18 to 2026-06-15" in found.message_en
    assert "2026-06-09 (Tue) 11:00" in found.message_en and "2026-06-12" not in found.message_en
    assert "2026年6月9日(火) 11:00" in found.message_ja and "2026-06" not in found.message_ja
    # The same move a day earlier, before that deadline, is in time: no warning.
    assert lunch_deadline_warnings(ws, *JUNE, now=jst(2026, 6, 9, 10, 59)) == []


def test_a_reissued_sheet_clears_the_warning(ws):
    branch = _issued_branch(ws)
    move(ws, visit_on(ws, branch.alt, dt.date(2026, 6, 18)), dt.date(2026, 6, 15))
    assert len(lunch_deadline_warnings(ws, *JUNE, now=jst(2026, 6, 10, 12))) == 1
    issue_order_sheets(ws, "2026-06", "S1", now=jst(2026, 6, 10, 12, 5))
    assert lunch_deadline_warnings(ws, *JUNE, now=jst(2026, 6, 10, 12, 10)) == []


def test_adding_and_cancelling_after_the_deadline(ws):
    branch = _issued_branch(ws)
    cancel(ws, visit_on(ws, branch.alt, dt.date(2026, 6, 11)))
    with transaction(ws.db.sessions) as s:
        s.add(Visit(branch_id=ws.branch_id, alt_id=branch.alt, school_id=branch.school, date=dt.date(2026, 6, 12),
                    start_time=dt.time(8, 30), end_time=dt.time(15, 0), lunch_mode=LunchMode.SCHOOL_LUNCH))
    found = lunch_deadline_warnings(ws, *JUNE, now=jst(2026, 6, 8, 12))
    assert [(c.date.day, "added" in c.message_en, "cancelled" in c.message_en) for c in found] == [
        (11, False, True), (12, True, False)]
    assert "2026-06-05 (Fri) 11:00" in found[0].message_en  # 4 school days before Thu 11 June
    assert "2026-06-08 (Mon) 11:00" in found[1].message_en
    assert "取消" in found[0].message_ja and "追加" in found[1].message_ja


def test_own_lunch_changes_raise_nothing(ws):
    branch = _issued_branch(ws, allergens=("egg",))  # own lunch: the school orders nothing
    move(ws, visit_on(ws, branch.alt, dt.date(2026, 6, 18)), dt.date(2026, 6, 15))
    assert lunch_deadline_warnings(ws, *JUNE, now=jst(2026, 6, 12, 12)) == []


def test_days_already_past_raise_nothing(ws):
    branch = _issued_branch(ws)
    move(ws, visit_on(ws, branch.alt, dt.date(2026, 6, 18)), dt.date(2026, 6, 15))
    assert len(lunch_deadline_warnings(ws, *JUNE, now=jst(2026, 6, 16, 12))) == 1  # the 18th is still ahead
    assert lunch_deadline_warnings(ws, *JUNE, now=jst(2026, 6, 19, 8)) == []


def test_month_never_issued_is_one_warning_per_school(ws):
    branch = lunch_branch(ws, rule={"kind": "day_of_previous_month", "day": 20, "time": "17:00"})
    found = lunch_deadline_warnings(ws, *JUNE, now=jst(2026, 6, 10, 9))
    [warning] = found
    assert warning.school_code == "S1" and warning.date == dt.date(2026, 6, 11)
    assert "no lunch order sheet issued for 2026-06" in warning.message_en
    assert "6 date(s)" in warning.message_en and "2026-05-20 (Wed) 17:00" in warning.message_en
    assert len(warning.visit_ids) == 6  # 11, 16, 18, 23, 25, 30 June
    assert visit_on(ws, branch.alt, dt.date(2026, 6, 30)) in warning.visit_ids
    # Days already past are left out: on 26 June only the 30th remains.
    [late] = lunch_deadline_warnings(ws, *JUNE, now=jst(2026, 6, 26, 9))
    assert "1 date(s) (2026-06-30)" in late.message_en


def test_an_unreadable_rule_is_reported_instead_of_guessed(ws):
    branch = _issued_branch(ws)
    with transaction(ws.db.sessions) as s:
        s.execute(update(Board).where(Board.id == branch.board).values(lunch_notice_rule={"kind": "weekly"}))
    [found] = lunch_deadline_warnings(ws, *JUNE, now=jst(2026, 6, 1, 9))
    assert "cannot be checked" in found.message_en and "weekly" in found.message_en


def test_a_proposed_move_is_checked_before_it_is_saved(ws):
    branch = _issued_branch(ws)
    visit_id = visit_on(ws, branch.alt, dt.date(2026, 6, 18))
    moved = VisitFacts(visit_id, branch.alt, branch.school, dt.date(2026, 6, 15), dt.time(8, 15), dt.time(15, 45),
                       4, LunchMode.SCHOOL_LUNCH, VisitStatus.PLANNED, VisitKind.REGULAR, False)
    with ws.db.sessions() as s:
        [found] = lunch_deadline_conflicts_for_proposal(s, ws.branch_id, [moved], {visit_id},
                                                        now=jst(2026, 6, 10, 12))
        assert "2026-06-09 (Tue) 11:00" in found.message_en and "moved" in found.message_en
        # Nothing was saved: the stored schedule still matches the sheet.
        assert lunch_deadline_conflicts(s, ws.branch_id, *JUNE, now=jst(2026, 6, 10, 12)) == []
        cancelled = VisitFacts(visit_id, branch.alt, branch.school, dt.date(2026, 6, 18), dt.time(8, 15),
                               dt.time(15, 45), 4, LunchMode.SCHOOL_LUNCH, VisitStatus.CANCELLED,
                               VisitKind.REGULAR, False)
        [late_cancel] = lunch_deadline_conflicts_for_proposal(s, ws.branch_id, [cancelled], {visit_id},
                                                              now=jst(2026, 6, 12, 12))
        assert "cancelled" in late_cancel.message_en and "2026-06-12 (Fri) 11:00" in late_cancel.message_en
        assert lunch_deadline_conflicts_for_proposal(s, ws.branch_id, [cancelled], {visit_id},
                                                     now=jst(2026, 6, 12, 10)) == []


def test_two_visits_on_one_day_in_a_month_never_issued_are_one_warning(ws):
    """A normal December: a second ALT visit added at one school on a day whose deadline has passed, with
    no order sheet issued for the month. Two lines then share a date and a deadline; the check used to
    crash comparing them ("'<' not supported between instances of 'OrderLine'")."""
    branch = lunch_branch(ws, rule={"kind": "day_of_previous_month", "day": 20, "time": "17:00"})
    second_alt = make_alt(ws, "A2")
    with transaction(ws.db.sessions) as s:
        s.add(Visit(branch_id=ws.branch_id, alt_id=second_alt, school_id=branch.school, date=dt.date(2026, 6, 16),
                    start_time=dt.time(8, 30), end_time=dt.time(15, 0), lunch_mode=LunchMode.SCHOOL_LUNCH))
    [warning] = lunch_deadline_warnings(ws, *JUNE, now=jst(2026, 6, 10, 9))
    assert "no lunch order sheet issued for 2026-06" in warning.message_en
    assert "6 date(s)" in warning.message_en  # the 16th counted once, with both its visits
    assert warning.alt_code is None  # two ALTs are late
    assert len(warning.visit_ids) == 7


def test_the_whole_check_survives_two_visits_on_one_day_next_month(ws):
    """The same situation on the real clock, through the check the Conflicts page, the board's badges
    and `altdesk check` run: next month's deadline (the 1st of this month) has passed, nothing issued."""
    today = dt.date.today()
    first = (today.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    branch = lunch_branch(ws, rrule="FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
                          rule={"kind": "day_of_previous_month", "day": 1, "time": "00:00"})
    generate_visits(ws, first, last)
    with ws.db.sessions() as s:
        day = s.scalar(select(Visit.date).where(Visit.alt_id == branch.alt, Visit.date >= first).order_by(Visit.date))
    second_alt = make_alt(ws, "A2")
    with transaction(ws.db.sessions) as s:
        s.add(Visit(branch_id=ws.branch_id, alt_id=second_alt, school_id=branch.school, date=day,
                    start_time=dt.time(8, 30), end_time=dt.time(15, 0), lunch_mode=LunchMode.SCHOOL_LUNCH))
    found = [c for c in check_conflicts(ws, first, last) if c.kind is ConflictKind.LUNCH_DEADLINE]
    assert len(found) == 1 and found[0].school_code == "S1" and "no lunch order sheet issued" in found[0].message_en
