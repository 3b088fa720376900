"""Visit generation: skips days off and absences, never double-books, idempotent, keeps manual edits."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from altdesk.db.engine import transaction
from altdesk.db.enums import AbsenceKind, DayOffKind, LunchMode, LunchPolicy, VisitOrigin
from altdesk.db.models import Absence, Placement, Visit
from altdesk.services.scheduling import can_work, generate_visits, regenerate_placement
from tests.unit.sched_fixtures import make_alt, make_board, make_day_off, make_placement, make_school

APRIL = (dt.date(2026, 4, 1), dt.date(2026, 4, 30))


def _visits(ws, **where):
    with ws.db.sessions() as s:
        query = select(Visit).where(Visit.branch_id == ws.branch_id)
        for key, value in where.items():
            query = query.where(getattr(Visit, key) == value)
        return s.scalars(query.order_by(Visit.date)).all()


def test_weekly_pattern_skips_holidays_breaks_and_absences(ws):
    board = make_board(ws)
    school = make_school(ws, "S1", board_id=board)
    alt = make_alt(ws, "A1")
    make_placement(ws, alt, school, "FREQ=WEEKLY;BYDAY=MO,WE", start=dt.date(2026, 4, 1))
    make_day_off(ws, DayOffKind.BREAK, dt.date(2026, 4, 1), dt.date(2026, 4, 7), "春季休業", board_id=board)
    with transaction(ws.db.sessions) as s:
        s.add(Absence(branch_id=ws.branch_id, alt_id=alt, start_date=dt.date(2026, 4, 15),
                      end_date=dt.date(2026, 4, 15), kind=AbsenceKind.SICK))
    result = generate_visits(ws, *APRIL)
    days = [v.date for v in _visits(ws)]
    # Mondays and Wednesdays of April 2026 after the break, without 4/15 (sick) and 4/29 (昭和の日).
    assert days == [dt.date(2026, 4, d) for d in (8, 13, 20, 22, 27)]
    assert result.skipped_absent == 1 and result.skipped_day_off >= 3


def test_alternate_weeks_and_nth_weekday(ws):
    school_a, school_b = make_school(ws, "SA"), make_school(ws, "SB")
    kinder = make_school(ws, "SK")
    alt = make_alt(ws, "A1", levels=("elementary", "kindergarten"))
    make_placement(ws, alt, school_a, "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", start=dt.date(2026, 4, 10))
    make_placement(ws, alt, school_b, "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", start=dt.date(2026, 4, 17))
    make_placement(ws, alt, kinder, "FREQ=MONTHLY;BYDAY=+2TH", start=dt.date(2026, 4, 1))
    generate_visits(ws, dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    a_days = [v.date for v in _visits(ws, school_id=school_a)]
    b_days = [v.date for v in _visits(ws, school_id=school_b)]
    k_days = [v.date for v in _visits(ws, school_id=kinder)]
    assert a_days[:3] == [dt.date(2026, 4, 10), dt.date(2026, 4, 24), dt.date(2026, 5, 8)]
    assert b_days[:3] == [dt.date(2026, 4, 17), dt.date(2026, 5, 1), dt.date(2026, 5, 15)]
    assert k_days == [dt.date(2026, 4, 9), dt.date(2026, 5, 14), dt.date(2026, 6, 11)]


def test_extra_and_removed_dates(ws):
    school, alt = make_school(ws, "S1"), make_alt(ws, "A1")
    make_placement(ws, alt, school, "FREQ=WEEKLY;BYDAY=TU", extra_dates=["2026-04-16"],
                   removed_dates=["2026-04-14"])
    generate_visits(ws, *APRIL)
    assert [v.date.day for v in _visits(ws)] == [7, 16, 21, 28]


def test_second_run_changes_nothing(demo_ws):
    first = generate_visits(demo_ws, dt.date(2026, 4, 1), dt.date(2027, 3, 31))
    second = generate_visits(demo_ws, dt.date(2026, 4, 1), dt.date(2027, 3, 31))
    assert first.created > 1000
    assert (second.created, second.updated, second.deleted) == (0, 0, 0)
    assert second.unchanged == first.created


def test_manual_edits_survive_regeneration(ws):
    school, alt = make_school(ws, "S1"), make_alt(ws, "A1")
    placement = make_placement(ws, alt, school, "FREQ=WEEKLY;BYDAY=MO")
    generate_visits(ws, *APRIL)
    with transaction(ws.db.sessions) as s:
        moved = s.scalar(select(Visit).where(Visit.date == dt.date(2026, 4, 13)))
        moved.date = dt.date(2026, 4, 14)  # a coordinator moves Monday's visit to Tuesday
        moved.origin = VisitOrigin.MANUAL
        moved.note = "moved for the school's test day"
    with transaction(ws.db.sessions) as s:  # the placement's times change
        s.get(Placement, placement).start_time = dt.time(9, 0)
    result = generate_visits(ws, *APRIL)
    visits = _visits(ws)
    assert [v.date.day for v in visits] == [6, 14, 20, 27]  # Monday the 13th is not recreated
    kept = next(v for v in visits if v.date.day == 14)
    assert kept.note == "moved for the school's test day" and kept.start_time == dt.time(8, 15)
    assert all(v.start_time == dt.time(9, 0) for v in visits if v.origin == VisitOrigin.GENERATED)
    assert result.kept_manual == 1 and result.updated == 3


def test_changed_placement_rewrites_only_its_visits_from_a_date(ws):
    school, alt = make_school(ws, "S1"), make_alt(ws, "A1")
    other_alt = make_alt(ws, "A2")
    placement = make_placement(ws, alt, school, "FREQ=WEEKLY;BYDAY=MO")
    other = make_placement(ws, other_alt, school, "FREQ=WEEKLY;BYDAY=MO")
    generate_visits(ws, *APRIL)
    with transaction(ws.db.sessions) as s:
        s.get(Placement, placement).rrule = "FREQ=WEEKLY;BYDAY=TH"
        s.get(Placement, other).rrule = "FREQ=WEEKLY;BYDAY=FR"  # not regenerated below
    regenerate_placement(ws, placement, dt.date(2026, 4, 15))
    mine = [v.date.day for v in _visits(ws, placement_id=placement) if v.date <= APRIL[1]]
    theirs = [v.date.day for v in _visits(ws, placement_id=other) if v.date <= APRIL[1]]
    assert mine == [6, 13, 16, 23, 30]  # Mondays kept before the 15th, then Thursdays
    assert theirs == [6, 13, 20, 27]


def test_two_placements_same_day_need_the_travel_gap(ws):
    a, b = make_school(ws, "SA"), make_school(ws, "SB")
    alt = make_alt(ws, "A1")
    make_placement(ws, alt, a, "FREQ=WEEKLY;BYDAY=MO", times=(dt.time(8, 15), dt.time(11, 50)))
    make_placement(ws, alt, b, "FREQ=WEEKLY;BYDAY=MO", times=(dt.time(13, 0), dt.time(15, 45)))  # 70 min later
    c = make_school(ws, "SC")
    make_placement(ws, alt, c, "FREQ=WEEKLY;BYDAY=MO", times=(dt.time(15, 50), dt.time(16, 30)))  # 5 min gap
    result = generate_visits(ws, *APRIL)
    assert len(_visits(ws, school_id=a)) == len(_visits(ws, school_id=b)) == 4
    assert _visits(ws, school_id=c) == []
    assert result.skipped_double_booking == 4


def test_regenerating_one_placement_still_sees_its_alts_other_visits_and_its_moved_slots(ws):
    """Regenerating one placement reads only what it can meet: its ALT's other visits (no double
    booking with them) and its own slots, also one given by hand to another ALT (still claimed)."""
    a, b = make_school(ws, "SA"), make_school(ws, "SB")
    alt, stand_in = make_alt(ws, "A1"), make_alt(ws, "A2")
    unrelated = make_alt(ws, "A3")
    make_placement(ws, alt, a, "FREQ=WEEKLY;BYDAY=MO", times=(dt.time(8, 15), dt.time(11, 50)))
    mine = make_placement(ws, alt, b, "FREQ=WEEKLY;BYDAY=TU", times=(dt.time(9, 0), dt.time(12, 0)))
    make_placement(ws, unrelated, b, "FREQ=WEEKLY;BYDAY=MO", times=(dt.time(9, 0), dt.time(12, 0)))
    generate_visits(ws, *APRIL)
    with transaction(ws.db.sessions) as s:  # Tuesday the 14th goes to a stand-in, by hand
        covered = s.scalar(select(Visit).where(Visit.placement_id == mine, Visit.date == dt.date(2026, 4, 14)))
        covered.alt_id, covered.origin = stand_in, VisitOrigin.MANUAL
    with transaction(ws.db.sessions) as s:  # the placement moves to Monday mornings: school A's slot
        s.get(Placement, mine).rrule = "FREQ=WEEKLY;BYDAY=MO,TU"
    result = regenerate_placement(ws, mine, APRIL[0])
    days = sorted((v.date.day, v.alt_id) for v in _visits(ws, placement_id=mine) if v.date <= APRIL[1])
    # Mondays clash with the ALT's own visits to school A (not with A3's at school B); the 14th
    # stays the stand-in's and is not made again for the ALT.
    assert days == [(7, alt), (14, stand_in), (21, alt), (28, alt)]
    assert result.skipped_double_booking == 4 and result.kept_manual == 1


def test_lunch_mode_follows_diet_and_school_policy(ws):
    serves = make_school(ws, "S1", policy=LunchPolicy.SERVES)
    senior = make_school(ws, "S2", policy=LunchPolicy.NONE)
    egg = make_alt(ws, "A1", allergens=("egg",))
    plain = make_alt(ws, "A2")
    make_placement(ws, egg, serves, "FREQ=WEEKLY;BYDAY=MO")
    make_placement(ws, plain, serves, "FREQ=WEEKLY;BYDAY=TU")
    make_placement(ws, plain, senior, "FREQ=WEEKLY;BYDAY=WE")
    generate_visits(ws, *APRIL)
    assert {v.lunch_mode for v in _visits(ws, alt_id=egg)} == {LunchMode.OWN_LUNCH}
    assert {v.lunch_mode for v in _visits(ws, alt_id=plain, school_id=serves)} == {LunchMode.SCHOOL_LUNCH}
    assert {v.lunch_mode for v in _visits(ws, school_id=senior)} == {LunchMode.OWN_LUNCH}


def test_can_work_explains_why_not_in_both_languages(ws):
    board = make_board(ws)
    school, alt = make_school(ws, "S1", board_id=board), make_alt(ws, "A1")
    make_day_off(ws, DayOffKind.CLOSURE, dt.date(2026, 8, 13), dt.date(2026, 8, 16), "学校閉庁日", board_id=board)
    make_day_off(ws, DayOffKind.SCHOOL_DAY_OFF, dt.date(2026, 6, 1), dt.date(2026, 6, 1), "開校記念日",
                 school_id=school)
    assert can_work(ws, alt, school, dt.date(2026, 6, 2)).ok
    holiday = can_work(ws, alt, school, dt.date(2026, 9, 22))
    assert not holiday.ok and "国民の休日" in holiday.text("ja") and "National Holiday" in holiday.text("en")
    assert "学校閉庁日" in can_work(ws, alt, school, dt.date(2026, 8, 13)).text("ja")
    assert "開校記念日" in can_work(ws, alt, school, dt.date(2026, 6, 1)).text("ja")
    assert "Saturday" in can_work(ws, alt, school, dt.date(2026, 6, 6)).text("en")
