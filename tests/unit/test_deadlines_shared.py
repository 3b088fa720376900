"""Lunch-notice deadlines are worked out once per calendar and rule, never across calendars."""

from __future__ import annotations

import datetime as dt

from altdesk.calendar.day_layers import DayLayers, DayReason, ReasonKind
from altdesk.db.enums import LunchPolicy, SchoolLevel
from altdesk.lunch.month_data import Deadlines, SchoolInfo
from altdesk.lunch.notice import SCHOOL_DAYS_BEFORE, NoticeRule, ResolvedRule

THREE_DAYS = ResolvedRule(NoticeRule(SCHOOL_DAYS_BEFORE, days=3), "branch")


def _school(school_id: int, board_id: int) -> SchoolInfo:
    return SchoolInfo(school_id, f"S{school_id}", "学校", "School", SchoolLevel.ELEMENTARY, LunchPolicy.SERVES,
                      250, board_id, "教育委員会", "", THREE_DAYS)


def test_schools_share_deadlines_only_when_their_days_off_are_the_same():
    day = dt.date(2026, 6, 12)  # a Friday; three school days before it is Tuesday the 9th
    layers = DayLayers(dt.date(2026, 5, 1), dt.date(2026, 7, 31))
    layers.schools[2][dt.date(2026, 6, 10)] = DayReason(ReasonKind.SCHOOL_DAY_OFF, "創立記念日", "Founding day")
    layers.boards[20][dt.date(2026, 6, 11)] = DayReason(ReasonKind.CLOSURE, "臨時休業", "Closure")
    schools = {1: _school(1, 10), 2: _school(2, 10), 3: _school(3, 10), 4: _school(4, 20)}
    deadlines = Deadlines(schools, layers)
    found = {school_id: deadlines.of(school_id, day).date() for school_id in schools}
    assert found == {
        1: dt.date(2026, 6, 9),
        2: dt.date(2026, 6, 8),  # its own day off on the 10th: one more school day back
        3: dt.date(2026, 6, 9),  # the same board and rule as school 1, no days off of its own
        4: dt.date(2026, 6, 8),  # its board closed on the 11th
    }
    # Asked in the other order, school 2's own day off still counts (nothing shared wrongly).
    again = Deadlines(schools, layers)
    assert again.of(2, day).date() == dt.date(2026, 6, 8) and again.of(1, day).date() == dt.date(2026, 6, 9)
