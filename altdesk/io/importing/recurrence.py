"""Weekdays and a week pattern to an RFC 5545 RRULE, and back for the template.

Alternate weeks: week A is the week (Monday to Sunday) holding 1 April of the fiscal year
the placement starts in, and every second week after it; week B the others. An RRULE
with INTERVAL=2 counts weeks from its start date, so the stored start date is moved to
the Monday of the next week when the given date falls in a week of the other letter.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.rrule import rrulestr

from altdesk.io.importing.problems import CellError
from altdesk.io.importing.weekdays import RRULE_DAYS, WeekPattern


def fiscal_year_start(day: dt.date) -> dt.date:
    return dt.date(day.year if day.month >= 4 else day.year - 1, 4, 1)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def week_letter(day: dt.date) -> str:
    """'A' or 'B': which alternate week the date falls in."""
    weeks = (_monday(day) - _monday(fiscal_year_start(day))).days // 7
    return "A" if weeks % 2 == 0 else "B"


def build_rrule(days: list[str], pattern: WeekPattern, start: dt.date) -> tuple[str, dt.date]:
    """The RRULE text and the start date to store with it."""
    byday = ",".join(days)
    if pattern.kind == "alternate":
        parity = pattern.parity or "A"
        effective = start if week_letter(start) == parity else _monday(start) + dt.timedelta(days=7)
        return f"FREQ=WEEKLY;INTERVAL=2;BYDAY={byday}", effective
    if pattern.kind == "monthly":
        parts = [f"{n:+d}{day}" for n in pattern.nths for day in days]
        return f"FREQ=MONTHLY;BYDAY={','.join(parts)}", start
    return f"FREQ=WEEKLY;BYDAY={byday}", start


def rrule_parts(rule: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for item in rule.split(";"):
        name, _, value = item.partition("=")
        parts[name.strip().upper()] = value.strip().upper()
    return parts


def describe_rrule(rule: str, start: dt.date) -> tuple[list[str], str] | None:
    """(weekdays, week label) for the template, or None when the rule needs the RRULE column."""
    parts = rrule_parts(rule)
    freq = parts.get("FREQ")
    byday = parts.get("BYDAY", "")
    if not byday:
        return None
    items = byday.split(",")
    if freq == "WEEKLY" and set(parts) <= {"FREQ", "BYDAY", "INTERVAL"} and all(i in RRULE_DAYS for i in items):
        interval = parts.get("INTERVAL", "1")
        days = [d for d in RRULE_DAYS if d in items]
        if interval == "1" and "INTERVAL" not in parts:
            pattern = WeekPattern("weekly")
        elif interval == "2":
            pattern = WeekPattern("alternate", week_letter(start))
        else:
            return None
    elif freq == "MONTHLY" and set(parts) == {"FREQ", "BYDAY"}:
        parsed = [re.fullmatch(r"([+-]?\d)(MO|TU|WE|TH|FR|SA|SU)", i) for i in items]
        if not all(parsed):
            return None
        nths = sorted({int(m.group(1)) for m in parsed if m}, key=lambda n: (n < 0, n))
        days = [d for d in RRULE_DAYS if any(m and m.group(2) == d for m in parsed)]
        if any(n not in (1, 2, 3, 4, 5, -1) for n in nths):
            return None
        pattern = WeekPattern("monthly", nths=tuple(nths))
    else:
        return None
    rebuilt, effective = build_rrule(days, pattern, start)
    if rebuilt != rule or effective != start:
        return None
    return days, pattern.label()


def parse_raw_rrule(text: str, start: dt.date) -> str:
    """Check an RRULE typed in the advanced column; return it in the stored form."""
    rule = re.sub(r"^RRULE:", "", text.strip(), flags=re.IGNORECASE).strip().upper().rstrip(";")
    if not rule.startswith("FREQ=") and "FREQ=" not in rule:
        raise CellError("An RRULE needs FREQ, such as FREQ=WEEKLY;BYDAY=MO,WE.",
                        "RRULE には FREQ が必要です（例：FREQ=WEEKLY;BYDAY=MO,WE）。")
    if any(name in rrule_parts(rule) for name in ("DTSTART", "UNTIL", "COUNT")):
        raise CellError("Leave DTSTART, UNTIL and COUNT out of the RRULE: the start and end dates columns set them.",
                        "RRULE に DTSTART・UNTIL・COUNT は書かないでください。開始日と終了日の列で指定します。")
    try:
        first = rrulestr(rule, dtstart=dt.datetime.combine(start, dt.time()))
        first.after(dt.datetime.combine(start, dt.time()), inc=True)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError) as exc:
        raise CellError(f"This RRULE cannot be read ({exc}).", f"この RRULE は読み取れません（{exc}）。") from None
    return rule
