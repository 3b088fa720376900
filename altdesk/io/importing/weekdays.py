"""Weekdays, week patterns and periods as people write them.

Weekdays: 月 / 月曜 / 月曜日 / Mon / Monday / MO, several separated by 、 , / ・ or spaces,
run together (月水金) or as a range (月～金, Mon-Fri). Week: empty or 毎週 for every
week, A or B for alternate weeks, 1-5 / 第2 / 2nd / 最終 / last for the nth weekday of
the month. Periods: 1-4, 1～4校時, 1・2・3, 1,3,5.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from altdesk.io.importing.problems import CellError
from altdesk.io.importing.text import CellContext, nfkc, reject_special

RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_LABELS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_JA = "月火水木金土日"
_EN_WORDS = {
    "mon": 0, "monday": 0, "mo": 0,
    "tue": 1, "tues": 1, "tuesday": 1, "tu": 1,
    "wed": 2, "wednesday": 2, "we": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "th": 3,
    "fri": 4, "friday": 4, "fr": 4,
    "sat": 5, "saturday": 5, "sa": 5,
    "sun": 6, "sunday": 6, "su": 6,
}
_SEPARATORS = re.compile(r"[、,，/／・;；\s]+")
_RANGE = re.compile(r"\s*(?:~|〜|～|-|–|—|から)\s*")
_JA_RUN = re.compile(r"(?:[月火水木金土日](?:曜日|曜)?)+")
WEEKDAY_HELP_EN = "Write weekdays as 月, 月曜日, Mon or Monday; several as 月・水 or Mon, Wed; a range as 月～金."
WEEKDAY_HELP_JA = "曜日は 月、月曜日、Mon、Monday のように、複数なら 月・水 や Mon, Wed、範囲なら 月～金 のように入力してください。"


def _one_day(token: str) -> int | None:
    lowered = token.lower().rstrip(".")
    if lowered in _EN_WORDS:
        return _EN_WORDS[lowered]
    if _JA_RUN.fullmatch(token) and len(re.sub(r"曜日|曜", "", token)) == 1:
        return _JA.index(token[0])
    return None


def _days_in_token(token: str) -> list[int]:
    single = _one_day(token)
    if single is not None:
        return [single]
    if _JA_RUN.fullmatch(token):  # 月水金, 月曜水曜
        return [_JA.index(char) for char in re.sub(r"曜日|曜", "", token)]
    ends = [part for part in _RANGE.split(token) if part]
    if len(ends) == 2:
        first, last = _one_day(ends[0]), _one_day(ends[1])
        if first is not None and last is not None:
            if last < first:
                raise CellError("A weekday range must run forwards (月～金, Mon-Fri).",
                                "曜日の範囲は 月～金 のように前から後ろへ書いてください。")
            return list(range(first, last + 1))
    raise CellError(f"{token!r} is not a weekday. " + WEEKDAY_HELP_EN, f"「{token}」は曜日として読み取れません。" + WEEKDAY_HELP_JA)


def parse_weekdays(value: Any, ctx: CellContext) -> list[str] | None:
    """Weekdays as RFC 5545 codes in week order: ['MO', 'WE']."""
    reject_special(value)
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None
    # Keep ranges whole before splitting on separators: "Mon - Fri" -> "Mon-Fri".
    text = _RANGE.sub(lambda m: m.group(0).strip(), text)
    days: set[int] = set()
    for token in _SEPARATORS.split(text):
        if token:
            days.update(_days_in_token(token))
    if not days:
        return None
    return [RRULE_DAYS[d] for d in sorted(days)]


@dataclass(frozen=True)
class WeekPattern:
    """How often the weekdays repeat: every week, alternate weeks (A/B), or nth weekdays."""

    kind: str  # "weekly", "alternate", "monthly"
    parity: str | None = None  # "A" or "B" for alternate weeks
    nths: tuple[int, ...] = ()  # 1..5, or -1 for the last, for monthly

    def label(self) -> str:
        if self.kind == "alternate":
            return self.parity or "A"
        if self.kind == "monthly":
            return ",".join("last" if n == -1 else str(n) for n in self.nths)
        return ""


WEEKLY = WeekPattern("weekly")
WEEK_HELP_EN = ("Leave empty (or 毎週) for every week; A or B for alternate weeks; 1-5, 第2 or last (最終) "
                "for that weekday of each month.")
WEEK_HELP_JA = "毎週なら空欄（または 毎週）、隔週なら A または B、毎月第 n 週なら 1〜5、第2、最終 のように入力してください。"
_EVERY = {"", "毎週", "every", "everyweek", "weekly", "each", "all", "全週"}
_NTH_WORDS = {"1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3, "4th": 4, "fourth": 4, "5th": 5,
              "fifth": 5, "last": -1, "最終": -1, "最終週": -1, "final": -1}


def parse_week(value: Any, ctx: CellContext) -> WeekPattern | None:
    reject_special(value)
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(int(value)) if float(value).is_integer() else str(value)
    text = nfkc(str(value))
    key = re.sub(r"[\s_()（）\[\]]", "", text.lower())
    if key in _EVERY:
        return WEEKLY
    alternate = re.fullmatch(r"(?:隔週|week|alternate|biweekly|every2weeks)?([ab])(?:週|week)?", key)
    if alternate:
        return WeekPattern("alternate", alternate.group(1).upper())
    if key in {"隔週", "alternate", "biweekly", "every2weeks", "everyotherweek"}:
        raise CellError(
            "Say which alternate weeks: A (the week of 1 April and every second week after) or B (the others).",
            "どちらの隔週か指定してください：A（4月1日の週から1週おき）または B（その間の週）。",
        )
    nths: set[int] = set()
    for token in re.split(r"[、,，/／・;；]+|\s+", text.lower()):
        token = token.strip()
        if not token:
            continue
        token = re.sub(r"^(第|毎月第)", "", token)
        token = re.sub(r"(週|週目|weekofthemonth)$", "", token)
        if token in _NTH_WORDS:
            nths.add(_NTH_WORDS[token])
        elif re.fullmatch(r"[1-5]", token):
            nths.add(int(token))
        else:
            raise CellError(f"{text!r} is not a week pattern. " + WEEK_HELP_EN, f"「{text}」は週の指定として読み取れません。" + WEEK_HELP_JA)
    if not nths:
        return WEEKLY
    ordered = tuple(sorted(n for n in nths if n > 0)) + ((-1,) if -1 in nths else ())
    return WeekPattern("monthly", nths=ordered)


PERIODS_HELP_EN = "Write periods as 1-4, 1,3,5 or 1～4校時 (numbers 1 to 12)."
PERIODS_HELP_JA = "校時は 1-4、1,3,5、1～4校時 のように入力してください（1〜12）。"


def parse_periods(value: Any, ctx: CellContext) -> str | None:
    """Periods (校時) in the canonical form '1-4,6'."""
    reject_special(value)
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not float(value).is_integer():
            raise CellError(PERIODS_HELP_EN, PERIODS_HELP_JA)
        value = str(int(value))
    text = nfkc(str(value))
    text = re.sub(r"(校時|時限|限目|限|時間目|periods?|p)", "", text, flags=re.IGNORECASE).strip()
    if not text:
        return None
    numbers: set[int] = set()
    for token in re.split(r"[、,，/／・;；\s]+", text):
        if not token:
            continue
        bounds = re.split(r"~|〜|～|-|–|—", token)
        # Each bound is checked before a range is expanded: "1-999999999" is refused, not counted.
        if len(bounds) > 2 or not all(re.fullmatch(r"[0-9]{1,2}", b) and 1 <= int(b) <= 12 for b in bounds):
            raise CellError(PERIODS_HELP_EN, PERIODS_HELP_JA)
        low, high = int(bounds[0]), int(bounds[-1])
        if low > high:
            raise CellError(PERIODS_HELP_EN, PERIODS_HELP_JA)
        numbers.update(range(low, high + 1))
    if not numbers or min(numbers) < 1 or max(numbers) > 12:
        raise CellError(PERIODS_HELP_EN, PERIODS_HELP_JA)
    return format_periods(sorted(numbers))


def format_periods(numbers: list[int]) -> str:
    parts: list[str] = []
    start = previous = numbers[0]
    for number in numbers[1:] + [None]:  # type: ignore[list-item]
        if number is not None and number == previous + 1:
            previous = number
            continue
        parts.append(str(start) if start == previous else f"{start}-{previous}")
        if number is not None:
            start = previous = number
    return ",".join(parts)
