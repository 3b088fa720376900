"""Weekdays and a week pattern to an RFC 5545 RRULE, and back for the template.

Alternate weeks: week A is the week (Monday to Sunday) holding 1 April of the fiscal year
the placement starts in, and every second week after it; week B the others. An RRULE
with INTERVAL=2 counts weeks from its start date, so the stored start date is moved to
the Monday of the next week when the given date falls in a week of the other letter.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from dateutil.rrule import rrulestr

from altdesk.dates import fiscal_year_start
from altdesk.io.importing.dates import ja_date
from altdesk.io.importing.problems import CellError
from altdesk.io.importing.weekdays import RRULE_DAYS, WeekPattern


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


FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
_PARTS = {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "WKST"}
_BYDAY_ITEM = re.compile(r"([+-]?)(\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)")
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February as in a leap year
_CALENDAR_CYCLE_YEARS = 400  # 146,097 days: whole weeks, so dates and weekdays repeat exactly


def _numbers(name: str, text: str, low: int, high: int) -> list[int]:
    """A BY… list of whole numbers, each in ±low..high (zero never)."""
    items = text.split(",")
    if not all(re.fullmatch(r"[+-]?\d{1,3}", item) for item in items):
        raise CellError(f"{name} needs whole numbers separated by commas (this has {text}).",
                        f"{name} にはコンマ区切りの整数を書いてください（{text} とあります）。")
    numbers = [int(item) for item in items]
    if not all(low <= abs(n) <= high for n in numbers):
        raise CellError(f"{name} takes numbers from {low} to {high} (or -{high} to -{low}); this has {text}.",
                        f"{name} は {low}〜{high}（または -{high}〜-{low}）の数です（{text} とあります）。")
    return numbers


def check_rule_parts(rule: str) -> dict[str, str]:
    """Refuse, without expanding anything, what a school year cannot hold: visits more often
    than daily, times of day, parts dateutil would run for minutes on, values out of range."""
    parts: dict[str, str] = {}
    for item in rule.split(";"):
        name, sign, value = item.partition("=")
        name, value = name.strip().upper(), value.strip().upper()
        if not sign or not name or not value:
            raise CellError(f"{item!r} is not NAME=VALUE; an RRULE reads like FREQ=WEEKLY;BYDAY=MO,WE.",
                            f"「{item}」は 名前=値 の形ではありません。RRULE は FREQ=WEEKLY;BYDAY=MO,WE のように書きます。")
        if name in parts:
            raise CellError(f"{name} appears twice in the RRULE.", f"RRULE に {name} が 2 回あります。")
        parts[name] = value
    freq = parts.get("FREQ")
    if freq is None:
        raise CellError("An RRULE needs FREQ, such as FREQ=WEEKLY;BYDAY=MO,WE.",
                        "RRULE には FREQ が必要です（例：FREQ=WEEKLY;BYDAY=MO,WE）。")
    if freq not in FREQUENCIES:
        raise CellError(f"A visit is a whole day, so FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY (not {freq}).",
                        f"訪問は 1 日単位のため、FREQ は DAILY・WEEKLY・MONTHLY・YEARLY のいずれかです（{freq} は使えません）。")
    if any(name in parts for name in ("DTSTART", "UNTIL", "COUNT")):
        raise CellError("Leave DTSTART, UNTIL and COUNT out of the RRULE: the start and end dates columns set them.",
                        "RRULE に DTSTART・UNTIL・COUNT は書かないでください。開始日と終了日の列で指定します。")
    timed = [name for name in ("BYHOUR", "BYMINUTE", "BYSECOND") if name in parts]
    if timed:
        raise CellError(f"A visit is a whole day: leave {', '.join(timed)} out (the time columns set the hours).",
                        f"訪問は 1 日単位です。{'・'.join(timed)} は書かないでください（時刻は時刻の列で指定します）。")
    unknown = sorted(set(parts) - _PARTS)
    if unknown:
        raise CellError(f"ALTdesk does not use {', '.join(unknown)} in an RRULE; use FREQ, INTERVAL, BYDAY, BYMONTHDAY, "
                        "BYMONTH, BYSETPOS and WKST.",
                        f"RRULE の {'・'.join(unknown)} は使えません。FREQ・INTERVAL・BYDAY・BYMONTHDAY・BYMONTH・"
                        "BYSETPOS・WKST を使ってください。")
    if "INTERVAL" in parts and not re.fullmatch(r"\d{1,2}", parts["INTERVAL"]) or parts.get("INTERVAL") in ("0", "00"):
        raise CellError(f"INTERVAL takes one number from 1 to 99 (this has {parts['INTERVAL']}).",
                        f"INTERVAL は 1〜99 の数を 1 つ書いてください（{parts['INTERVAL']} とあります）。")
    nth_limit = {"MONTHLY": 5, "YEARLY": 53}.get(freq, 0)
    for item in parts.get("BYDAY", "").split(",") if "BYDAY" in parts else ():
        match = _BYDAY_ITEM.fullmatch(item)
        if match is None or (match.group(2) is not None and not 1 <= int(match.group(2)) <= nth_limit):
            raise CellError(f"BYDAY {item!r} is not a weekday (MO, TU, WE, TH, FR, SA, SU; with MONTHLY also 2MO, -1FR).",
                            f"BYDAY の「{item}」は曜日として読めません（MO・TU・WE・TH・FR・SA・SU、MONTHLY なら 2MO・-1FR なども可）。")
    months = _numbers("BYMONTH", parts["BYMONTH"], 1, 12) if "BYMONTH" in parts else list(range(1, 13))
    if any(m < 0 for m in months):
        raise CellError("BYMONTH takes months 1 to 12.", "BYMONTH は 1〜12 の月です。")
    if "BYMONTHDAY" in parts:
        days = _numbers("BYMONTHDAY", parts["BYMONTHDAY"], 1, 31)
        if not any(abs(day) <= _MONTH_DAYS[month - 1] for day in days for month in months):
            raise CellError("No month of BYMONTH has a day of BYMONTHDAY (such as 30 February): the rule gives no visit.",
                            "BYMONTH のどの月にも BYMONTHDAY の日がありません（2 月 30 日など）。訪問日がありません。")
    if "BYSETPOS" in parts:
        if freq == "DAILY":
            raise CellError("BYSETPOS does not go with FREQ=DAILY.", "BYSETPOS は FREQ=DAILY とは使えません。")
        _numbers("BYSETPOS", parts["BYSETPOS"], 1, 366)
    if "WKST" in parts and parts["WKST"] not in RRULE_DAYS:
        raise CellError("WKST takes a weekday: MO, TU, WE, TH, FR, SA or SU.",
                        "WKST には曜日（MO・TU・WE・TH・FR・SA・SU）を書いてください。")
    return parts


@functools.lru_cache(maxsize=1024)  # rows often repeat one rule and one date range
def first_visit(rule: str, start: dt.date, end: dt.date) -> dt.date | None:
    """The rule's first date from start to end, in bounded time even for a rule that never
    occurs (dateutil looks for one until the year 9999). The calendar repeats every 400
    years, so the search runs on the same dates moved to the last 400 years dateutil knows,
    where it gives up within those years."""
    shift = (dt.MAXYEAR - end.year) // _CALENDAR_CYCLE_YEARS * _CALENDAR_CYCLE_YEARS
    first = dt.datetime(start.year + shift, start.month, start.day)
    found = rrulestr(rule, dtstart=first).after(first, inc=True)
    if found is None or found.date() > end.replace(year=end.year + shift):
        return None
    return found.date().replace(year=found.year - shift)


def parse_raw_rrule(text: str, start: dt.date, end: dt.date | None = None) -> str:
    """Check an RRULE typed in the advanced column; return it in the stored form.

    `end` (default: the end of the start's fiscal year) bounds the search for a first visit."""
    rule = re.sub(r"^RRULE:", "", text.strip(), flags=re.IGNORECASE).strip().upper().rstrip(";")
    if len(rule) > 500:
        raise CellError("This RRULE is far too long for a visit pattern.", "この RRULE は訪問パターンとしては長すぎます。")
    rule = ";".join(f"{name}={value}" for name, value in check_rule_parts(rule).items())
    last = end or dt.date(fiscal_year_start(start).year + 1, 3, 31)
    try:
        first = first_visit(rule, start, last) if last >= start else start
    except (ValueError, TypeError, KeyError, IndexError, OverflowError) as exc:
        raise CellError(f"This RRULE cannot be read ({exc}).", f"この RRULE は読み取れません（{exc}）。") from None
    if first is None:
        raise CellError(f"This RRULE gives no visit from {start.isoformat()} to {last.isoformat()}.",
                        f"この RRULE では{ja_date(start)}から{ja_date(last)}までに訪問日がありません。")
    return rule
