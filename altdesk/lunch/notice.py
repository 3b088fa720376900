"""Lunch notice rules: by when a school must know which days an ALT eats school lunch.

A rule is stored as JSON on the board (教育委員会) and may be overridden per school:

- ``{"kind": "school_days_before", "days": 4, "time": "11:00"}``: by 11:00 on the 4th
  school day before the visit (school days of that school: no weekends, holidays, board
  breaks and closures, school days off).
- ``{"kind": "day_of_previous_month", "day": 20, "time": "17:00"}``: by the 20th of the
  month before the visit's month (a day past the month's end means its last day).
- ``{"kind": "per_term", "terms": [{"start": "04-01", "due": "03-20"}, ...], "time": "17:00"}``:
  each term begins on a month-day; every visit of the term must be known by the term's
  due month-day (in the year of the term's start, or the year before when the due day
  comes later in the calendar than the start).

``time`` is optional (17:00). A branch may set its own default under
its settings (altdesk.db.branch_settings); without one, the 20th of the previous month.
Japan keeps no daylight saving time, so deadlines are in a fixed UTC+9.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from altdesk import clock
from altdesk.errors import InvalidInput
from altdesk.labels import WEEKDAYS_EN, day_label

JST = dt.timezone(dt.timedelta(hours=9), "JST")
DEFAULT_TIME = dt.time(17, 0)
DEFAULT_RULE: dict[str, Any] = {"kind": "day_of_previous_month", "day": 20}
MAX_SCHOOL_DAYS_BEFORE = 60
# How far back a school-days-before rule may look (a long summer break included).
LOOKBACK_DAYS = 200

SCHOOL_DAYS_BEFORE = "school_days_before"
DAY_OF_PREVIOUS_MONTH = "day_of_previous_month"
PER_TERM = "per_term"
KINDS = (SCHOOL_DAYS_BEFORE, DAY_OF_PREVIOUS_MONTH, PER_TERM)

IsSchoolDay = Callable[[dt.date], bool]


class InvalidNoticeRule(InvalidInput):
    """A stored or entered lunch notice rule that cannot be read."""


@dataclass(frozen=True)
class Term:
    start: tuple[int, int]  # month, day
    due: tuple[int, int]


@dataclass(frozen=True)
class NoticeRule:
    kind: str
    time: dt.time = DEFAULT_TIME
    days: int = 0  # school_days_before
    day: int = 0  # day_of_previous_month
    terms: tuple[Term, ...] = ()  # per_term

    def describe(self, lang: str = "en") -> str:
        hhmm = self.time.strftime("%H:%M")
        if self.kind == SCHOOL_DAYS_BEFORE:
            if lang == "ja":
                return f"{self.days}登校日前の{hhmm}まで"
            return f"{self.days} school day{'s' if self.days != 1 else ''} before, by {hhmm}"
        if self.kind == DAY_OF_PREVIOUS_MONTH:
            if lang == "ja":
                return f"前月{self.day}日の{hhmm}まで"
            return f"by the {_ordinal(self.day)} of the previous month, {hhmm}"
        dues = ", ".join(f"{t.due[0]:02d}-{t.due[1]:02d}" for t in self.terms)
        if lang == "ja":
            return f"学期ごと（締切 {dues} の{hhmm}まで）"
        return f"per term (due {dues}, by {hhmm})"

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "time": self.time.strftime("%H:%M")}
        if self.kind == SCHOOL_DAYS_BEFORE:
            data["days"] = self.days
        elif self.kind == DAY_OF_PREVIOUS_MONTH:
            data["day"] = self.day
        else:
            data["terms"] = [{"start": f"{t.start[0]:02d}-{t.start[1]:02d}", "due": f"{t.due[0]:02d}-{t.due[1]:02d}"}
                             for t in self.terms]
        return data


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _bad(where: str, en: str, ja: str) -> InvalidNoticeRule:
    return InvalidNoticeRule(f"Lunch notice rule of {where}: {en}", f"{where}の給食連絡ルール：{ja}",
                             field="lunch_notice_rule")


def _parse_time(value: Any, where: str) -> dt.time:
    if value is None or value == "":
        return DEFAULT_TIME
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", str(value).strip())
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise _bad(where, f"time {value!r} is not a time of day; write it as HH:MM.",
                   f"時刻 {value!r} が正しくありません。HH:MM の形式で指定してください。")
    return dt.time(int(match.group(1)), int(match.group(2)))


def _parse_int(value: Any, name: str, low: int, high: int, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        number = None
    else:
        try:
            number = int(value)
        except ValueError:
            number = None
    if number is None or not low <= number <= high:
        raise _bad(where, f"{name} must be a whole number from {low} to {high}, not {value!r}.",
                   f"{name} は {low}〜{high} の整数で指定してください（{value!r}）。")
    return number


def _parse_month_day(value: Any, name: str, where: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{1,2})-(\d{1,2})", str(value or "").strip())
    if match:
        month, day = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2024, month)[1]:  # 2024: Feb 29 allowed
            return month, day
    raise _bad(where, f"{name} {value!r} is not a month and day; write it as MM-DD.",
               f"{name} {value!r} が月日になっていません。MM-DD の形式で指定してください。")


def parse_rule(raw: Mapping[str, Any] | None, where: str = "the rule") -> NoticeRule:
    """Read a stored rule; `where` names its owner in the error message (a school or board)."""
    if not isinstance(raw, Mapping):
        raise _bad(where, "it is not a rule object.", "ルールの形式が正しくありません。")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise _bad(where, f"kind {kind!r} is unknown; use one of {', '.join(KINDS)}.",
                   f"種類 {kind!r} は不明です（{', '.join(KINDS)} のいずれか）。")
    time = _parse_time(raw.get("time"), where)
    if kind == SCHOOL_DAYS_BEFORE:
        return NoticeRule(kind, time, days=_parse_int(raw.get("days"), "days", 0, MAX_SCHOOL_DAYS_BEFORE, where))
    if kind == DAY_OF_PREVIOUS_MONTH:
        return NoticeRule(kind, time, day=_parse_int(raw.get("day"), "day", 1, 31, where))
    terms_raw = raw.get("terms")
    if not isinstance(terms_raw, list) or not terms_raw:
        raise _bad(where, "a per-term rule needs a list of terms, each with start and due (MM-DD).",
                   "学期ごとのルールには start と due（MM-DD）を持つ学期の一覧が必要です。")
    terms = []
    for item in terms_raw:
        if not isinstance(item, Mapping):
            raise _bad(where, "each term needs start and due (MM-DD).", "各学期に start と due（MM-DD）が必要です。")
        terms.append(Term(_parse_month_day(item.get("start"), "start", where),
                          _parse_month_day(item.get("due"), "due", where)))
    starts = [t.start for t in terms]
    if len(set(starts)) != len(starts):
        raise _bad(where, "two terms start on the same day.", "同じ日に始まる学期が二つあります。")
    return NoticeRule(kind, time, terms=tuple(sorted(terms, key=lambda t: t.start)))


@dataclass(frozen=True)
class ResolvedRule:
    """The rule that applies to a school, where it came from, or why none could be read."""

    rule: NoticeRule | None
    source: str  # "school", "board", "branch" or "default"
    problem: InvalidNoticeRule | None = None

    def describe(self, lang: str = "en") -> str:
        if self.rule is None:
            return self.problem.message(lang) if self.problem else ""
        text = self.rule.describe(lang)
        source = SOURCE_LABELS[self.source][1 if lang == "ja" else 0]
        return f"{text}（{source}）" if lang == "ja" else f"{text} ({source})"


SOURCE_LABELS = {
    "school": ("school's rule", "学校の設定"),
    "board": ("board's rule", "教育委員会の設定"),
    "branch": ("branch default", "支店の既定"),
    "default": ("standard rule", "標準"),
}


def resolve_rule(school_rule: Mapping[str, Any] | None, board_rule: Mapping[str, Any] | None,
                 branch_rule: Mapping[str, Any] | None, school_name: str = "the school",
                 board_name: str = "the board") -> ResolvedRule:
    """School overrides board, board overrides the branch default, which overrides the standard."""
    candidates = [
        (school_rule, "school", school_name),
        (board_rule, "board", board_name),
        (branch_rule, "branch", "the branch"),
    ]
    for raw, source, where in candidates:
        if raw:
            try:
                return ResolvedRule(parse_rule(raw, where), source)
            except InvalidNoticeRule as problem:
                return ResolvedRule(None, source, problem)
    return ResolvedRule(parse_rule(DEFAULT_RULE), "default")


def _clamped(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _previous_month(day: dt.date) -> tuple[int, int]:
    return (day.year - 1, 12) if day.month == 1 else (day.year, day.month - 1)


def term_of(rule: NoticeRule, day: dt.date) -> tuple[dt.date, Term]:
    """The term `day` falls in (the latest term start on or before it) and that start's date."""
    starts = [(_clamped(year, *t.start), t) for year in (day.year - 1, day.year) for t in rule.terms]
    return max(((s, t) for s, t in starts if s <= day), key=lambda pair: pair[0])


def _term_due(start: dt.date, term: Term) -> dt.date:
    year = start.year if term.due <= term.start else start.year - 1
    return _clamped(year, *term.due)


def deadline_date(rule: NoticeRule, day: dt.date, is_school_day: IsSchoolDay) -> dt.date:
    """The last day on which lunch for `day` can still be ordered or cancelled."""
    if rule.kind == SCHOOL_DAYS_BEFORE:
        found, probe = 0, day
        for _ in range(LOOKBACK_DAYS):
            if found == rule.days:
                return probe
            probe -= dt.timedelta(days=1)
            if is_school_day(probe):
                found += 1
        if found == rule.days:
            return probe
        raise InvalidNoticeRule(
            f"No {rule.days} school days in the {LOOKBACK_DAYS} days before {day.isoformat()}.",
            f"{day.isoformat()} の前 {LOOKBACK_DAYS} 日間に {rule.days} 日の登校日がありません。",
        )
    if rule.kind == DAY_OF_PREVIOUS_MONTH:
        return _clamped(*_previous_month(day), rule.day)
    return _term_due(*term_of(rule, day))


def deadline(rule: NoticeRule, day: dt.date, is_school_day: IsSchoolDay) -> dt.datetime:
    """The notice deadline for lunch on `day`, as an aware datetime in Japan time."""
    return dt.datetime.combine(deadline_date(rule, day, is_school_day), rule.time, tzinfo=JST)


def now_jst() -> dt.datetime:
    return clock.now(JST)


def as_jst(moment: dt.datetime | None) -> dt.datetime:
    """`moment` in Japan time; a naive datetime is taken to be Japan time already."""
    if moment is None:
        return now_jst()
    if moment.tzinfo is None:
        return moment.replace(tzinfo=JST)
    return moment.astimezone(JST)


def format_deadline(moment: dt.datetime, lang: str = "en") -> str:
    local = moment.astimezone(JST)
    if lang == "ja":
        return f"{day_label(local.date(), 'ja')} {local:%H:%M}"  # 2026年6月9日(火) 11:00
    # Weekday names from a table: strftime's %a follows the process locale (Qt sets it).
    return f"{local:%Y-%m-%d} ({WEEKDAYS_EN[local.weekday()]}) {local:%H:%M}"


def layers_range(first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """The dates day layers must cover to compute deadlines of visits in [first, last]."""
    return first - dt.timedelta(days=LOOKBACK_DAYS + 1), last
