"""The Overview's figures: each checked against the same thing counted another way (the lunch ledger,
the visits one by one) on the scheduled small demo branch, and moved by the edits that should move them."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import select

from altdesk.db.enums import AbsenceKind, SchoolLevel, VisitStatus
from altdesk.db.models import Alt, Placement, School, Visit
from altdesk.reports.overview import COMPANY_LEVEL_SHARE, Pace, fiscal_months
from altdesk.services.absences import AbsenceInput, create_absence
from altdesk.services.lunch import month_ledger
from altdesk.services.overview import read_overview
from altdesk.services.visits import cancel_visit, create_visit, get_visit

TODAY = dt.date(2026, 11, 20)


def _overview(ws, month: str = "2026-11"):  # type: ignore[no-untyped-def]
    return read_overview(ws, 2026, month, TODAY)


def test_fees_per_month_match_the_lunch_ledger(scheduled_ws):
    overview = _overview(scheduled_ws)
    assert [f.month for f in overview.fees] == fiscal_months(2026)
    for fees in overview.fees:
        ledger = month_ledger(scheduled_ws, fees.month)
        assert (fees.lunch + fees.milk, fees.yen) == (ledger.meals, ledger.total_yen), fees.month
    assert sum(f.yen for f in overview.fees) > 0


def test_each_alts_busiest_week_counted_visit_by_visit(scheduled_ws):
    overview = _overview(scheduled_ws)
    weeks: dict[str, dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
    with scheduled_ws.db.sessions() as s:
        rows = s.execute(select(Alt.code, Visit.date, Visit.classes).join(Alt, Alt.id == Visit.alt_id).where(
            Visit.date.between(dt.date(2026, 11, 1), dt.date(2026, 11, 30)),
            Visit.status.in_([VisitStatus.PLANNED, VisitStatus.CONFIRMED])))
        for code, day, classes in rows:
            weeks[code][day - dt.timedelta(days=day.weekday())] += classes
    assert {load.code: load.busiest_week for load in overview.loads} == {
        code: max(per_week.values()) for code, per_week in weeks.items()}
    busiest = [load.busiest_week for load in overview.loads]
    assert busiest == sorted(busiest, reverse=True)  # the list opens on the busiest


def test_a_cancelled_visit_is_a_day_not_delivered(scheduled_ws):
    before = {s.code: s for s in _overview(scheduled_ws).schools}
    school = next(s for s in before.values() if s.contracted and s.delivered)
    with scheduled_ws.db.sessions() as s:
        visit_id, day = s.execute(select(Visit.id, Visit.date).where(
            Visit.school_id == school.school_id, Visit.date <= TODAY, Visit.date >= dt.date(2026, 4, 1),
            Visit.status == VisitStatus.PLANNED).order_by(Visit.date)).first()
        others = s.scalar(select(Visit.id).where(Visit.school_id == school.school_id, Visit.date == day,
                                                 Visit.id != visit_id))
    assert others is None, "a day with one visit: cancelling it leaves the day undelivered"
    cancel_visit(scheduled_ws, visit_id, get_visit(scheduled_ws, visit_id).version, "weather")
    after = {s.code: s for s in _overview(scheduled_ws).schools}[school.code]
    assert after.delivered == school.delivered - 1
    assert after.due == school.due  # the contract's days due by now do not move with a cancellation


def test_pace_bands_by_the_days_due():
    from altdesk.reports.overview import SchoolPace

    def pace(delivered: int, due: float | None, contracted: int | None = 100) -> Pace:
        return SchoolPace(1, "S", "", "", SchoolLevel.ELEMENTARY, contracted, delivered, due).pace

    assert pace(40, 50.0) is Pace.BEHIND and pace(45, 50.0) is Pace.ON_PACE and pace(55, 50.0) is Pace.ON_PACE
    assert pace(56, 50.0) is Pace.AHEAD and pace(3, None, None) is Pace.NO_CONTRACT


def test_levels_count_the_years_placements(scheduled_ws):
    overview = _overview(scheduled_ws)
    with scheduled_ws.db.sessions() as s:
        levels = s.scalars(select(School.level).join(Placement, Placement.school_id == School.id).where(
            Placement.start_date <= dt.date(2027, 3, 31), Placement.end_date >= dt.date(2026, 4, 1))).all()
    shown = {share.level: share.placements for share in overview.levels}
    assert sum(shown.values()) == len(levels)
    for level in set(levels):
        assert shown[level] == levels.count(level)
    assert abs(sum(share.share for share in overview.levels) - 1.0) < 1e-9
    assert {share.level: share.company_share for share in overview.levels} == {
        level: share for level, share in COMPANY_LEVEL_SHARE.items() if share or level in shown}


def test_absence_days_are_weekdays_and_substitutes_are_counted(scheduled_ws):
    before = {m.month: m for m in _overview(scheduled_ws).absences}
    with scheduled_ws.db.sessions() as s:
        alt_id = s.scalar(select(Alt.id).order_by(Alt.code))
    # Thursday 14 January to Tuesday 19 January 2027: four weekdays, a weekend between.
    create_absence(scheduled_ws, AbsenceInput(alt_id, dt.date(2027, 1, 14), dt.date(2027, 1, 19), AbsenceKind.SICK))
    after = {m.month: m for m in _overview(scheduled_ws).absences}
    assert after["2027-01"].days.get(AbsenceKind.SICK, 0) == before["2027-01"].days.get(AbsenceKind.SICK, 0) + 4
    assert after["2026-12"].total_days == before["2026-12"].total_days


def test_two_visits_of_one_alt_on_one_day_are_one_meal(scheduled_ws):
    month = "2027-02"
    before = {f.month: f for f in _overview(scheduled_ws).fees}[month]
    with scheduled_ws.db.sessions() as s:
        visit = s.scalars(select(Visit).where(Visit.date.between(dt.date(2027, 2, 1), dt.date(2027, 2, 28)),
                                              Visit.lunch_mode == "school_lunch")).first()
        detail = get_visit(scheduled_ws, visit.id)
    # The afternoon at the same school: a second visit, the same lunch.
    from dataclasses import replace

    create_visit(scheduled_ws, replace(detail.draft, start_time=dt.time(13, 30), end_time=dt.time(15, 30)))
    after = {f.month: f for f in _overview(scheduled_ws).fees}[month]
    assert (after.lunch, after.yen) == (before.lunch, before.yen)
    assert after.lunch + after.milk == month_ledger(scheduled_ws, month).meals
