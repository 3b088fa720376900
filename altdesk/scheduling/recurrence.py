"""Placement recurrence: an RFC 5545 RRULE (python-dateutil) plus extra and removed dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from dateutil.rrule import rrulestr

from altdesk.errors import InvalidInput

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


DAY_FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
TIME_PARTS = ("BYHOUR", "BYMINUTE", "BYSECOND")


def validate_rrule(rule: str) -> None:
    """Refuse a rule a school year cannot hold (a visit is a whole day: nothing more often than
    daily, no times of day) before dateutil expands it, then one dateutil cannot read."""
    parts = {name.strip().upper(): value.strip().upper()
             for name, _sign, value in (item.partition("=") for item in rule.split(";")) if name.strip()}
    if parts.get("FREQ") not in DAY_FREQUENCIES or any(name in parts for name in TIME_PARTS):
        raise InvalidInput(
            f"The repeat pattern {rule!r} repeats within a day; a visit is a whole day (FREQ=DAILY, WEEKLY, "
            "MONTHLY or YEARLY, no BYHOUR, BYMINUTE or BYSECOND).",
            f"繰り返しパターン {rule!r} は 1 日の中で繰り返します。訪問は 1 日単位です（FREQ は DAILY・WEEKLY・"
            "MONTHLY・YEARLY、BYHOUR・BYMINUTE・BYSECOND は使えません）。",
            field="rrule",
        )
    try:
        rrulestr(rule, dtstart=dt.datetime(2026, 4, 1))
    except (ValueError, TypeError) as exc:
        raise InvalidInput(
            f"The repeat pattern {rule!r} is not valid ({exc}).",
            f"繰り返しパターン {rule!r} が正しくありません（{exc}）。",
            field="rrule",
        ) from None


def occurrences(
    rule: str,
    start: dt.date,
    end: dt.date,
    window_first: dt.date,
    window_last: dt.date,
    extra: Iterable[str] = (),
    removed: Iterable[str] = (),
) -> list[dt.date]:
    """Dates the placement produces within [window_first, window_last], in order."""
    first, last = max(start, window_first), min(end, window_last)
    if first > last:
        return []
    recurrence = rrulestr(rule, dtstart=dt.datetime.combine(start, dt.time()))
    days = {
        d.date()
        for d in recurrence.between(
            dt.datetime.combine(first, dt.time()), dt.datetime.combine(last, dt.time()), inc=True
        )
    }
    for text in extra:
        day = dt.date.fromisoformat(text)
        if first <= day <= last:
            days.add(day)
    for text in removed:
        days.discard(dt.date.fromisoformat(text))
    return sorted(days)


def weekly_rule(weekdays: Iterable[int], interval: int = 1) -> str:
    """RRULE for given weekdays (0 = Monday); interval 2 makes alternate (A/B) weeks."""
    codes = ",".join(WEEKDAY_CODES[d] for d in sorted(set(weekdays)))
    return f"FREQ=WEEKLY;INTERVAL={interval};BYDAY={codes}" if interval > 1 else f"FREQ=WEEKLY;BYDAY={codes}"


def monthly_nth_weekday_rule(nth: int, weekday: int) -> str:
    """RRULE for the nth weekday of each month (nth -1 for the last)."""
    return f"FREQ=MONTHLY;BYDAY={nth:+d}{WEEKDAY_CODES[weekday]}"


def next_dates(rule: str, start: dt.date, end: dt.date, after: dt.date, count: int = 10,
               extra: Iterable[str] = (), removed: Iterable[str] = ()) -> list[dt.date]:
    """The next `count` dates on or after `after` (for the placement editor's preview)."""
    found = occurrences(rule, start, end, after, min(end, after + dt.timedelta(days=400)), extra, removed)
    return found[:count]
