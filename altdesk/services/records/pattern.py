"""A placement's repeat pattern as a coordinator thinks of it, and its RFC 5545 RRULE.

Three patterns cover how placements are agreed: weekdays every week; weekdays in
alternate weeks (A/B); the nth weekday of each month. Any other stored RRULE (from an
import) is kept as it is ("custom") and still previewed by python-dateutil.

Alternate weeks: week A is the week (Monday to Sunday) holding 1 April of the fiscal year,
and every second week after it; week B the others — the same letters the import template
uses. An RRULE with INTERVAL=2 counts weeks from its start date, so the stored start date is
moved to the Monday of the next week when the given date falls in a week of the other letter.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from altdesk.errors import InvalidInput
from altdesk.labels import WEEKDAYS_EN, WEEKDAYS_JA
from altdesk.scheduling.recurrence import WEEKDAY_CODES, monthly_nth_weekday_rule, validate_rrule, weekly_rule


class PatternKind(StrEnum):
    WEEKLY = "weekly"
    ALTERNATE = "alternate"  # every second week, week A or B
    MONTHLY = "monthly"  # the nth weekday of the month
    CUSTOM = "custom"  # an RRULE the editor cannot show as one of the above


NTH_CHOICES = (1, 2, 3, 4, 5, -1)  # -1: the last one of the month


@dataclass(frozen=True)
class Pattern:
    kind: PatternKind = PatternKind.WEEKLY
    weekdays: tuple[int, ...] = ()  # 0 = Monday
    week: str = "A"  # alternate weeks: "A" or "B"
    nth: int = 1  # monthly: 1-5, or -1 for the last
    rrule: str = ""  # custom only


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def week_letter(day: dt.date) -> str:
    """'A' or 'B': which alternate week `day` falls in (week A holds 1 April)."""
    april_first = dt.date(day.year if day.month >= 4 else day.year - 1, 4, 1)
    return "A" if ((_monday(day) - _monday(april_first)).days // 7) % 2 == 0 else "B"


def build_rrule(pattern: Pattern, start: dt.date) -> tuple[str, dt.date]:
    """The RRULE text and the start date to store with it; InvalidInput (field "pattern") if incomplete."""
    if pattern.kind == PatternKind.CUSTOM:
        rule = re.sub(r"^RRULE:", "", pattern.rrule.strip(), flags=re.IGNORECASE).strip().upper().rstrip(";")
        if not rule:
            raise InvalidInput("Write the repeat rule (RRULE).", "繰り返しルール（RRULE）を入力してください。",
                               field="pattern")
        if re.search(r"(^|;)(DTSTART|UNTIL|COUNT)=", rule):
            raise InvalidInput(
                "Leave DTSTART, UNTIL and COUNT out of the rule: the start and end dates set them.",
                "ルールに DTSTART・UNTIL・COUNT は書かないでください。開始日と終了日で指定します。",
                field="pattern",
            )
        try:
            validate_rrule(rule)
        except InvalidInput as exc:
            raise InvalidInput(exc.message_en, exc.message_ja, field="pattern") from None
        return rule, start
    days = sorted(set(pattern.weekdays))
    if not days:
        raise InvalidInput("Tick at least one weekday.", "曜日を一つ以上選んでください。", field="weekdays")
    if any(not 0 <= d <= 6 for d in days):
        raise InvalidInput("Unknown weekday.", "不明な曜日です。", field="weekdays")
    if pattern.kind == PatternKind.WEEKLY:
        return weekly_rule(days), start
    if pattern.kind == PatternKind.ALTERNATE:
        if pattern.week not in ("A", "B"):
            raise InvalidInput("Choose week A or week B.", "A週かB週かを選んでください。", field="week")
        effective = start if week_letter(start) == pattern.week else _monday(start) + dt.timedelta(days=7)
        return weekly_rule(days, interval=2), effective
    if pattern.kind == PatternKind.MONTHLY:
        if pattern.nth not in NTH_CHOICES:
            raise InvalidInput("Choose which week of the month.", "第何週かを選んでください。", field="nth")
        parts = [monthly_nth_weekday_rule(pattern.nth, d).split("BYDAY=", 1)[1] for d in days]
        return f"FREQ=MONTHLY;BYDAY={','.join(parts)}", start
    raise InvalidInput("Choose how the visits repeat.", "繰り返し方を選んでください。", field="pattern")


def _parts(rule: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for item in rule.upper().split(";"):
        name, _, value = item.partition("=")
        if name.strip():
            parts[name.strip()] = value.strip()
    return parts


def pattern_of(rule: str, start: dt.date) -> Pattern:
    """The editor's view of a stored RRULE (CUSTOM when it is none of the three patterns)."""
    custom = Pattern(PatternKind.CUSTOM, rrule=rule)
    parts = _parts(rule)
    byday = [item for item in parts.get("BYDAY", "").split(",") if item]
    if not byday:
        return custom
    if parts.get("FREQ") == "WEEKLY" and set(parts) <= {"FREQ", "BYDAY", "INTERVAL"}:
        if not all(code in WEEKDAY_CODES for code in byday):
            return custom
        days = tuple(sorted(WEEKDAY_CODES.index(code) for code in set(byday)))
        interval = parts.get("INTERVAL", "1")
        if interval == "1":
            return Pattern(PatternKind.WEEKLY, days)
        if interval == "2":
            return Pattern(PatternKind.ALTERNATE, days, week=week_letter(start))
        return custom
    if parts.get("FREQ") == "MONTHLY" and set(parts) == {"FREQ", "BYDAY"}:
        matches = [re.fullmatch(r"([+-]?\d)(MO|TU|WE|TH|FR|SA|SU)", code) for code in byday]
        if not all(matches):
            return custom
        nths = {int(m.group(1)) for m in matches if m}
        if len(nths) != 1 or next(iter(nths)) not in NTH_CHOICES:
            return custom
        days = tuple(sorted({WEEKDAY_CODES.index(m.group(2)) for m in matches if m}))
        return Pattern(PatternKind.MONTHLY, days, nth=next(iter(nths)))
    return custom


def _ordinal(n: int) -> str:
    return "last" if n == -1 else {1: "1st", 2: "2nd", 3: "3rd"}.get(n, f"{n}th")


def describe(pattern: Pattern, lang: str = "en") -> str:
    """In words: "Mon, Wed weekly", "Fri, week A", "2nd Thu monthly" (毎週 月・水, 隔週A 金, 毎月第2木曜)."""
    if pattern.kind == PatternKind.CUSTOM:
        return pattern.rrule
    if lang == "ja":
        days_ja = "・".join(WEEKDAYS_JA[d] for d in pattern.weekdays)
        if pattern.kind == PatternKind.ALTERNATE:
            return f"隔週（{pattern.week}週） {days_ja}"
        if pattern.kind == PatternKind.MONTHLY:
            which = "最終" if pattern.nth == -1 else f"第{pattern.nth}"
            return f"毎月{which} " + "・".join(f"{WEEKDAYS_JA[d]}曜" for d in pattern.weekdays)
        return f"毎週 {days_ja}"
    days_en = ", ".join(WEEKDAYS_EN[d] for d in pattern.weekdays)
    if pattern.kind == PatternKind.ALTERNATE:
        return f"{days_en}, week {pattern.week}"
    if pattern.kind == PatternKind.MONTHLY:
        return f"{_ordinal(pattern.nth)} {days_en} monthly"
    return f"{days_en} weekly"


def describe_rrule(rule: str, start: dt.date, lang: str = "en") -> str:
    return describe(pattern_of(rule, start), lang)
