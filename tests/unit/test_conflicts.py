"""Each conflict rule fires on the case it is for, with both languages, and not otherwise."""

from __future__ import annotations

import datetime as dt

from altdesk.db.engine import transaction
from altdesk.db.enums import (
    AbsenceKind,
    DayOffKind,
    LunchMode,
    LunchPolicy,
    SchoolLevel,
    VisitKind,
    VisitOrigin,
)
from altdesk.db.models import Absence, Visit
from altdesk.scheduling.conflicts import ConflictKind, Severity
from altdesk.services.scheduling import check_conflicts, generate_visits
from tests.unit.sched_fixtures import make_alt, make_board, make_day_off, make_placement, make_school

JUNE = (dt.date(2026, 6, 1), dt.date(2026, 6, 30))


def _visit(ws, alt, school, day, start=(8, 15), end=(15, 45), classes=4, lunch=LunchMode.OWN_LUNCH,
           kind=VisitKind.REGULAR) -> int:
    with transaction(ws.db.sessions) as s:
        v = Visit(branch_id=ws.branch_id, alt_id=alt, school_id=school, date=day, start_time=dt.time(*start),
                  end_time=dt.time(*end), classes=classes, lunch_mode=lunch, kind=kind, origin=VisitOrigin.MANUAL)
        s.add(v)
        s.flush()
        return v.id


def _kinds(ws, first=JUNE[0], last=JUNE[1]):
    return {(c.kind, c.severity) for c in check_conflicts(ws, first, last)}


def test_a_clean_schedule_has_no_conflicts(ws):
    school, alt = make_school(ws, "S1"), make_alt(ws, "A1")
    make_placement(ws, alt, school, "FREQ=WEEKLY;BYDAY=MO,TU,WE")
    generate_visits(ws, *JUNE)
    assert check_conflicts(ws, *JUNE) == []


def test_two_schools_overlapping_or_without_travel_time(ws):
    a, b, c = make_school(ws, "SA"), make_school(ws, "SB"), make_school(ws, "SC")
    alt = make_alt(ws, "A1")
    _visit(ws, alt, a, dt.date(2026, 6, 1), (8, 15), (11, 50))
    _visit(ws, alt, b, dt.date(2026, 6, 1), (13, 0), (15, 30))  # fine: 70 minutes to travel
    _visit(ws, alt, a, dt.date(2026, 6, 2), (8, 15), (12, 0))
    _visit(ws, alt, c, dt.date(2026, 6, 2), (12, 10), (15, 0))  # 10 minutes: too little
    _visit(ws, alt, b, dt.date(2026, 6, 3), (8, 15), (15, 0))
    _visit(ws, alt, c, dt.date(2026, 6, 3), (10, 0), (12, 0))  # overlap
    found = [c for c in check_conflicts(ws, *JUNE) if c.kind == ConflictKind.DOUBLE_BOOKING]
    assert [c.date.day for c in found] == [2, 3]
    assert all(c.severity == Severity.ERROR for c in found)
    assert "travel" in found[0].message_en and "移動時間" in found[0].message_ja
    assert "overlap" in found[1].message_en and "重なって" in found[1].message_ja


def test_visit_on_weekend_holiday_closure_or_school_day_off(ws):
    board = make_board(ws)
    school, alt = make_school(ws, "S1", board_id=board), make_alt(ws, "A1")
    make_day_off(ws, DayOffKind.CLOSURE, dt.date(2026, 8, 13), dt.date(2026, 8, 14), "学校閉庁日", board_id=board)
    make_day_off(ws, DayOffKind.SCHOOL_DAY_OFF, dt.date(2026, 6, 10), dt.date(2026, 6, 10), "開校記念日",
                 school_id=school)
    for day in (dt.date(2026, 6, 6), dt.date(2026, 6, 10), dt.date(2026, 7, 20), dt.date(2026, 8, 13)):
        _visit(ws, alt, school, day)
    _visit(ws, alt, school, dt.date(2026, 6, 13), kind=VisitKind.EVENT)  # a Saturday event is fine
    found = [c for c in check_conflicts(ws, dt.date(2026, 6, 1), dt.date(2026, 8, 31))
             if c.kind == ConflictKind.DAY_OFF]
    assert [c.date for c in found] == [dt.date(2026, 6, 6), dt.date(2026, 6, 10), dt.date(2026, 7, 20),
                                       dt.date(2026, 8, 13)]
    assert "開校記念日" in found[1].message_ja and "海の日" in found[2].message_ja
    assert "学校閉庁日" in found[3].message_ja


def test_absent_alt_weekly_overload_and_hours(ws):
    school, alt = make_school(ws, "S1"), make_alt(ws, "A1")
    for day in range(1, 6):
        _visit(ws, alt, school, dt.date(2026, 6, day), classes=6)  # 30 classes in a week
    _visit(ws, alt, school, dt.date(2026, 6, 8), (7, 30), (16, 0))
    with transaction(ws.db.sessions) as s:
        s.add(Absence(branch_id=ws.branch_id, alt_id=alt, start_date=dt.date(2026, 6, 3),
                      end_date=dt.date(2026, 6, 3), kind=AbsenceKind.SICK))
    kinds = _kinds(ws)
    assert (ConflictKind.ABSENT, Severity.ERROR) in kinds
    assert (ConflictKind.WEEKLY_OVERLOAD, Severity.WARNING) in kinds
    assert (ConflictKind.OUTSIDE_HOURS, Severity.WARNING) in kinds
    overload = next(c for c in check_conflicts(ws, *JUNE) if c.kind == ConflictKind.WEEKLY_OVERLOAD)
    assert "30 classes" in overload.message_en and "上限 25" in overload.message_ja


def test_level_not_taught_and_lunch_rules(ws):
    senior = make_school(ws, "SH", level=SchoolLevel.SENIOR_HIGH, policy=LunchPolicy.NONE)
    elementary = make_school(ws, "SE")
    alt = make_alt(ws, "A1", levels=("elementary",), allergens=("egg",))
    _visit(ws, alt, senior, dt.date(2026, 6, 1), lunch=LunchMode.SCHOOL_LUNCH)
    _visit(ws, alt, elementary, dt.date(2026, 6, 2), lunch=LunchMode.SCHOOL_LUNCH)
    kinds = _kinds(ws)
    assert (ConflictKind.LEVEL_NOT_TAUGHT, Severity.WARNING) in kinds
    assert (ConflictKind.LUNCH_NOT_SERVED, Severity.WARNING) in kinds
    assert (ConflictKind.LUNCH_DIET, Severity.ERROR) in kinds


def test_contracted_days_projected_for_the_fiscal_year(ws):
    short = make_school(ws, "S1", contracted=60)
    exact = make_school(ws, "S2", contracted=0)
    alt = make_alt(ws, "A1")
    make_placement(ws, alt, short, "FREQ=WEEKLY;BYDAY=MO")
    generate_visits(ws, dt.date(2026, 4, 1), dt.date(2027, 3, 31))
    found = [c for c in check_conflicts(ws, dt.date(2026, 4, 1), dt.date(2027, 3, 31))
             if c.kind == ConflictKind.CONTRACT_DAYS]
    assert [c.school_code for c in found] == ["S1"]
    assert "short by" in found[0].message_en and "不足" in found[0].message_ja
    assert exact  # a school scheduled exactly as contracted is not reported


def test_a_diet_the_rules_cannot_read_is_a_warning_until_reviewed(ws):
    from dataclasses import replace

    from altdesk.lunch.diet import DietReview
    from altdesk.services.records import load_alt, save_alt

    school = make_school(ws, "S1", policy=LunchPolicy.SERVES)
    alt = make_alt(ws, "A1", diet_notes="卵アレルギーのため給食不可")
    make_alt(ws, "A2", diet_notes="卵アレルギー")  # no visits: nothing to warn about in the schedule
    make_placement(ws, alt, school, "FREQ=WEEKLY;BYDAY=TU")
    generate_visits(ws, *JUNE)
    _visit(ws, alt, school, dt.date(2026, 6, 5), lunch=LunchMode.SCHOOL_LUNCH)  # set by hand
    found = check_conflicts(ws, *JUNE)
    review = [c for c in found if c.kind == ConflictKind.DIET_TO_REVIEW]
    assert [(c.alt_code, c.severity, c.date) for c in review] == [("A1", Severity.WARNING, dt.date(2026, 6, 2))]
    assert len(review[0].visit_ids) == 6  # five Tuesdays and the Friday
    assert "2026年6月2日(火)" in review[0].message_ja and "ALT editor" in review[0].message_en
    assert (ConflictKind.LUNCH_DIET, Severity.ERROR) in {(c.kind, c.severity) for c in found}

    save_alt(ws, replace(load_alt(ws, alt), diet_review=DietReview.OWN_LUNCH))
    assert ConflictKind.DIET_TO_REVIEW not in {c.kind for c in check_conflicts(ws, *JUNE)}
