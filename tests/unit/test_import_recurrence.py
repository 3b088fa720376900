"""Weekdays and week patterns become RFC 5545 rules whose dates (expanded by dateutil)
are the ones a coordinator means; and the template writes them back the same way."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.rrule import rrulestr

from altdesk.io.importing.problems import CellError
from altdesk.io.importing.recurrence import build_rrule, describe_rrule, parse_raw_rrule, week_letter
from altdesk.io.importing.text import CellContext
from altdesk.io.importing.weekdays import WeekPattern, parse_week


def first_dates(rule: str, start: dt.date, count: int = 4) -> list[dt.date]:
    recurrence = rrulestr(rule, dtstart=dt.datetime.combine(start, dt.time()))
    return [d.date() for d in recurrence[:count]]


def test_every_week_on_monday_and_wednesday():
    rule, start = build_rrule(["MO", "WE"], WeekPattern("weekly"), dt.date(2026, 4, 6))
    assert (rule, start) == ("FREQ=WEEKLY;BYDAY=MO,WE", dt.date(2026, 4, 6))
    assert first_dates(rule, start) == [dt.date(2026, 4, 6), dt.date(2026, 4, 8), dt.date(2026, 4, 13),
                                        dt.date(2026, 4, 15)]


def test_week_a_is_the_week_of_1_april_and_every_second_week():
    # 2026-04-01 is a Wednesday: week A runs Mon 30 March to Sun 5 April.
    assert week_letter(dt.date(2026, 3, 30)) == "A"
    assert week_letter(dt.date(2026, 4, 5)) == "A"
    assert week_letter(dt.date(2026, 4, 6)) == "B"
    assert week_letter(dt.date(2026, 4, 13)) == "A"
    assert week_letter(dt.date(2027, 3, 31)) == week_letter(dt.date(2027, 3, 29))
    assert week_letter(dt.date(2027, 4, 1)) == "A"  # each fiscal year starts again with A


@pytest.mark.parametrize(("parity", "tuesdays"), [
    ("A", [dt.date(2026, 4, 14), dt.date(2026, 4, 28), dt.date(2026, 5, 12)]),
    ("B", [dt.date(2026, 4, 7), dt.date(2026, 4, 21), dt.date(2026, 5, 5)]),
])
def test_alternate_weeks_land_on_their_letter(parity, tuesdays):
    rule, start = build_rrule(["TU"], WeekPattern("alternate", parity), dt.date(2026, 4, 1))
    assert rule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"
    dates = [d for d in first_dates(rule, start, 4) if d >= dt.date(2026, 4, 1)][:3]
    assert dates == tuesdays
    assert all(week_letter(d) == parity for d in dates)


def test_nth_weekday_of_the_month():
    rule, start = build_rrule(["FR"], WeekPattern("monthly", nths=(2,)), dt.date(2026, 4, 1))
    assert (rule, start) == ("FREQ=MONTHLY;BYDAY=+2FR", dt.date(2026, 4, 1))
    assert first_dates(rule, start, 3) == [dt.date(2026, 4, 10), dt.date(2026, 5, 8), dt.date(2026, 6, 12)]
    rule, _ = build_rrule(["MO"], WeekPattern("monthly", nths=(1, 3)), dt.date(2026, 4, 1))
    assert rule == "FREQ=MONTHLY;BYDAY=+1MO,+3MO"
    rule, _ = build_rrule(["WE"], WeekPattern("monthly", nths=(-1,)), dt.date(2026, 4, 1))
    assert first_dates(rule, dt.date(2026, 4, 1), 1) == [dt.date(2026, 4, 29)]


@pytest.mark.parametrize(("rule", "start", "expected"), [
    ("FREQ=WEEKLY;BYDAY=MO,WE", dt.date(2026, 4, 6), (["MO", "WE"], "")),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH,FR", dt.date(2026, 4, 6), (["TH", "FR"], "B")),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", dt.date(2026, 4, 13), (["TH"], "A")),
    ("FREQ=MONTHLY;BYDAY=+2FR", dt.date(2026, 4, 1), (["FR"], "2")),
    ("FREQ=WEEKLY;BYDAY=WE,MO", dt.date(2026, 4, 6), None),  # not the canonical order: kept as RRULE
    ("FREQ=DAILY", dt.date(2026, 4, 6), None),
    ("FREQ=WEEKLY;INTERVAL=3;BYDAY=MO", dt.date(2026, 4, 6), None),
])
def test_template_describes_a_rule_only_when_reading_it_back_gives_the_same_rule(rule, start, expected):
    assert describe_rrule(rule, start) == expected
    if expected is not None:
        days, week = expected
        assert build_rrule(days, parse_week(week, CellContext()), start) == (rule, start)


def test_raw_rrule_column_is_checked():
    assert parse_raw_rrule("rrule:freq=weekly;byday=mo;", dt.date(2026, 4, 6)) == "FREQ=WEEKLY;BYDAY=MO"
    with pytest.raises(CellError, match="not a weekday"):
        parse_raw_rrule("FREQ=WEEKLY;BYDAY=XX", dt.date(2026, 4, 6))
    with pytest.raises(CellError, match="FREQ"):
        parse_raw_rrule("BYDAY=MO", dt.date(2026, 4, 6))
    with pytest.raises(CellError, match="UNTIL"):
        parse_raw_rrule("FREQ=WEEKLY;UNTIL=20270331", dt.date(2026, 4, 6))


@pytest.mark.parametrize(("rule", "fragment"), [
    ("FREQ=HOURLY;BYDAY=MO", "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY"),
    ("FREQ=MINUTELY", "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY"),
    ("FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30", "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY"),
    ("FREQ=WEEKLY;BYDAY=MO;BYHOUR=9,10", "leave BYHOUR out"),
    ("FREQ=DAILY;BYMINUTE=5;BYSECOND=1", "leave BYMINUTE, BYSECOND out"),
    ("FREQ=WEEKLY;BYWEEKNO=60", "does not use BYWEEKNO"),
    ("FREQ=WEEKLY;INTERVAL=99999999999;BYDAY=MO", "INTERVAL"),
    ("FREQ=WEEKLY;INTERVAL=1,2;BYDAY=MO", "INTERVAL takes one number"),
    ("FREQ=WEEKLY;INTERVAL=0;BYDAY=MO", "INTERVAL takes one number"),
    ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "30 February"),
    ("FREQ=DAILY;BYSETPOS=2", "BYSETPOS does not go with FREQ=DAILY"),
    ("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6", "gives no visit from 2026-04-06 to 2027-03-31"),
    ("FREQ=WEEKLY;BYDAY=MO;BYDAY=TU", "twice"),
    ("2026-04-01", "not NAME=VALUE"),
    ("5", "not NAME=VALUE"),
])
def test_rules_a_school_year_cannot_hold_are_refused_without_expanding_them(rule, fragment):
    with pytest.raises(CellError) as caught:
        parse_raw_rrule(rule, dt.date(2026, 4, 6), dt.date(2027, 3, 31))
    assert fragment in caught.value.message_en
    assert caught.value.message_ja


def test_a_rule_that_never_occurs_is_refused_in_bounded_time():
    # dateutil alone looks for a first date until the year 9999: seconds for a daily rule
    # that never occurs, and a time without end for the ones more often than daily.
    with pytest.raises(CellError, match="gives no visit") as caught:
        parse_raw_rrule("FREQ=WEEKLY;BYDAY=MO;BYSETPOS=7", dt.date(2026, 4, 6), dt.date(2027, 3, 31))
    assert "2026年4月6日(月)" in caught.value.message_ja


def test_a_rule_is_stored_in_one_form():
    assert parse_raw_rrule(" freq = monthly ; byday = -1fr ", dt.date(2026, 4, 6)) == "FREQ=MONTHLY;BYDAY=-1FR"
