"""Lunch notice rules: deadlines by school days, by a day of the previous month, per term."""

from __future__ import annotations

import datetime as dt

import pytest

from altdesk.calendar.day_layers import DayLayers
from altdesk.db.enums import DayOffKind
from altdesk.lunch.notice import (
    DEFAULT_RULE,
    JST,
    InvalidNoticeRule,
    deadline,
    format_deadline,
    parse_rule,
    resolve_rule,
)
from tests.unit.sched_fixtures import make_board, make_day_off, make_school

FOUR_DAYS = parse_rule({"kind": "school_days_before", "days": 4, "time": "11:00"})
TERMS = parse_rule({"kind": "per_term", "time": "12:00", "terms": [
    {"start": "04-01", "due": "03-15"}, {"start": "09-01", "due": "07-20"}, {"start": "01-08", "due": "12-20"}]})


def weekdays(day: dt.date) -> bool:
    return day.weekday() < 5


def test_school_days_before_skips_weekends_holidays_and_board_breaks(ws):
    # Fri 2026-05-08: the school days before are 5/7, 5/1, 4/30, 4/28 (5/4-5/6 and 4/29 are holidays).
    board = make_board(ws)
    school = make_school(ws, "S1", board_id=board)
    make_day_off(ws, DayOffKind.BREAK, dt.date(2026, 7, 21), dt.date(2026, 8, 31), "夏季休業", board_id=board)
    with ws.db.sessions() as s:
        layers = DayLayers.load(s, ws.branch_id, dt.date(2026, 1, 1), dt.date(2026, 12, 31))

    def is_school_day(d):
        return layers.is_school_day(d, board, school)

    assert deadline(FOUR_DAYS, dt.date(2026, 5, 8), is_school_day) == dt.datetime(2026, 4, 28, 11, 0, tzinfo=JST)
    # After the summer break (and Marine Day, 7/20) the fourth school day before 1 September is 7/14.
    assert deadline(FOUR_DAYS, dt.date(2026, 9, 1), is_school_day).date() == dt.date(2026, 7, 14)
    assert deadline(FOUR_DAYS, dt.date(2026, 9, 1), weekdays).date() == dt.date(2026, 8, 26)


def test_day_of_previous_month_and_its_edge_days():
    rule = parse_rule({"kind": "day_of_previous_month", "day": 20})
    assert deadline(rule, dt.date(2026, 7, 15), weekdays) == dt.datetime(2026, 6, 20, 17, 0, tzinfo=JST)
    assert deadline(rule, dt.date(2027, 1, 5), weekdays).date() == dt.date(2026, 12, 20)
    end_of_month = parse_rule({"kind": "day_of_previous_month", "day": 31, "time": "9:30"})
    assert deadline(end_of_month, dt.date(2026, 3, 2), weekdays) == dt.datetime(2026, 2, 28, 9, 30, tzinfo=JST)


def test_per_term_deadline_is_the_due_day_before_the_term():
    cases = {
        dt.date(2026, 4, 1): dt.date(2026, 3, 15),
        dt.date(2026, 7, 31): dt.date(2026, 3, 15),
        dt.date(2026, 9, 1): dt.date(2026, 7, 20),
        dt.date(2027, 1, 7): dt.date(2026, 7, 20),  # before the third term starts: still the second
        dt.date(2027, 1, 8): dt.date(2026, 12, 20),
        dt.date(2027, 3, 31): dt.date(2026, 12, 20),
    }
    for visit, due in cases.items():
        assert deadline(TERMS, visit, weekdays) == dt.datetime.combine(due, dt.time(12, 0), tzinfo=JST), visit
    assert "per term" in TERMS.describe("en") and "学期ごと" in TERMS.describe("ja")


def test_rules_are_described_in_both_languages():
    assert FOUR_DAYS.describe("en") == "4 school days before, by 11:00"
    assert FOUR_DAYS.describe("ja") == "4登校日前の11:00まで"
    assert parse_rule({"kind": "day_of_previous_month", "day": 20}).describe("en") == (
        "by the 20th of the previous month, 17:00")
    moment = dt.datetime(2026, 6, 9, 11, 0, tzinfo=JST)
    assert format_deadline(moment) == "2026-06-09 (Tue) 11:00"
    assert format_deadline(moment, "ja") == "2026年6月9日(火) 11:00"


@pytest.mark.parametrize(("raw", "words"), [
    ({"kind": "weekly"}, "kind 'weekly' is unknown"),
    ({"kind": "school_days_before", "days": -1}, "days must be a whole number from 0 to 60"),
    ({"kind": "school_days_before", "days": 3, "time": "25:00"}, "time '25:00'"),
    ({"kind": "day_of_previous_month", "day": 0}, "day must be a whole number from 1 to 31"),
    ({"kind": "per_term", "terms": []}, "needs a list of terms"),
    ({"kind": "per_term", "terms": [{"start": "13-01", "due": "03-01"}]}, "start '13-01'"),
    ({"kind": "per_term", "terms": [{"start": "04-01", "due": "03-01"}, {"start": "4-1", "due": "2-1"}]},
     "two terms start on the same day"),
    ("20th", "not a rule object"),
])
def test_unreadable_rules_say_what_is_wrong(raw, words):
    with pytest.raises(InvalidNoticeRule) as err:
        parse_rule(raw, "市立S1小学校")
    assert words in err.value.message_en
    assert "市立S1小学校" in err.value.message_ja


def test_school_rule_overrides_board_which_overrides_branch_and_default():
    school = {"kind": "school_days_before", "days": 2}
    board = {"kind": "school_days_before", "days": 5}
    branch = {"kind": "day_of_previous_month", "day": 15}
    assert resolve_rule(school, board, branch).rule.days == 2
    assert resolve_rule(school, board, branch).source == "school"
    assert resolve_rule(None, board, branch).rule.days == 5
    assert resolve_rule(None, None, branch).rule.day == 15
    fallback = resolve_rule(None, None, None)
    assert fallback.source == "default" and fallback.rule == parse_rule(DEFAULT_RULE)
    broken = resolve_rule({"kind": "?"}, board, branch, "S1")
    assert broken.rule is None and "S1" in broken.describe("en")
