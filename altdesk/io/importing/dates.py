"""Dates and times as Japanese offices write them.

Dates: Excel date cells and serial numbers, 2026-04-01, 2026/4/1, 2026.4.1, 20260401,
2026年4月1日, 令和8年4月1日 (元年 for year 1), R8.4.1, H31.4.30, 1 Apr 2026, with an
optional weekday in brackets after it (2026/4/1(水)), which is checked. Times: time
cells, 8:15, 08:15, 8時15分, 8時.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from openpyxl.utils.datetime import from_excel

from altdesk.io.importing.problems import CellError
from altdesk.io.importing.text import CellContext, nfkc, reject_special
from altdesk.labels import day_label


@dataclass(frozen=True)
class Era:
    name_ja: str
    letter: str
    name_en: str
    first: dt.date
    last: dt.date | None  # None: the current era

    def to_gregorian(self, year: int) -> int:
        return self.first.year + year - 1


# Newest first. Each era starts the day after the previous one ended.
ERAS: tuple[Era, ...] = (
    Era("令和", "R", "Reiwa", dt.date(2019, 5, 1), None),
    Era("平成", "H", "Heisei", dt.date(1989, 1, 8), dt.date(2019, 4, 30)),
    Era("昭和", "S", "Showa", dt.date(1926, 12, 25), dt.date(1989, 1, 7)),
    Era("大正", "T", "Taisho", dt.date(1912, 7, 30), dt.date(1926, 12, 24)),
    Era("明治", "M", "Meiji", dt.date(1868, 1, 25), dt.date(1912, 7, 29)),
)
_ERA_BY_TOKEN = {era.name_ja: era for era in ERAS} | {era.letter: era for era in ERAS}

WEEKDAY_JA = "月火水木金土日"
WEEKDAY_EN = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_NAMES_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_EN = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

DATE_HELP_EN = "Write dates as 2026-04-01, 2026/4/1, 2026年4月1日, 令和8年4月1日 or R8.4.1."
DATE_HELP_JA = "日付は 2026-04-01、2026/4/1、2026年4月1日、令和8年4月1日、R8.4.1 のように入力してください。"

_WEEKDAY_SUFFIX = re.compile(r"\s*[(\[]\s*([^()\[\]]{1,12})\s*[)\]]\s*$")
_ISO = re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_KANJI_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_SERIAL = re.compile(r"\d{4,5}(?:\.0+)?")
_ERA_DATE = re.compile(
    r"(令和|平成|昭和|大正|明治|[RHSTMrhstm])\s*(元|\d{1,2})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})\s*日?"
)
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")


def ja_date(day: dt.date) -> str:
    """2026年6月3日(水): a date in a Japanese message."""
    return day_label(day, "ja")


def _kanji_numbers(text: str) -> str:
    """十二 -> 12, 二十一 -> 21, 八 -> 8: enough for years, months and days written in kanji."""

    def convert(match: re.Match[str]) -> str:
        token = match.group(0)
        if "十" not in token:
            return "".join(str(KANJI_DIGITS[c]) for c in token)
        tens, _, ones = token.partition("十")
        value = (KANJI_DIGITS[tens] if tens else 1) * 10 + (KANJI_DIGITS[ones] if ones else 0)
        return str(value)

    return re.sub(r"[〇零一二三四五六七八九十]+", convert, text)


def _make_date(year: int, month: int, day: int, original: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise CellError(
            f"There is no such date ({year}-{month:02d}-{day:02d}).",
            f"存在しない日付です（{year}年{month}月{day}日）。",
        ) from None


def _era_date(era_token: str, year_text: str, month: int, day: int, original: str) -> dt.date:
    era = _ERA_BY_TOKEN[era_token.upper() if len(era_token) == 1 else era_token]
    era_year = 1 if year_text == "元" else int(year_text)
    if era_year < 1:
        raise CellError(f"{era.name_en} {era_year} is not a year.", f"{era.name_ja}{era_year}年という年はありません。")
    result = _make_date(era.to_gregorian(era_year), month, day, original)
    if result < era.first or (era.last is not None and result > era.last):
        span = f"{era.first.isoformat()} to {era.last.isoformat()}" if era.last else f"from {era.first.isoformat()}"
        raise CellError(
            f"{original} is outside the {era.name_en} era ({span}).",
            f"{original} は{era.name_ja}の期間外です（{era.first.year}年{era.first.month}月{era.first.day}日〜"
            f"{f'{era.last.year}年{era.last.month}月{era.last.day}日' if era.last else ''}）。",
        )
    return result


_MONTH_NAMES = {name: number for number, name in enumerate(MONTHS_EN, start=1)} | {
    name: number
    for number, name in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
         "november", "december"),
        start=1,
    )
} | {"sept": 9}


def _month_number(name: str) -> int | None:
    return _MONTH_NAMES.get(name.lower())


def _check_weekday(result: dt.date, label: str, original: str) -> None:
    token = label.strip().lower().rstrip(".")
    expected_ja = WEEKDAY_JA[result.weekday()]
    expected_en = WEEKDAY_EN[result.weekday()]
    if token[:1] in WEEKDAY_JA and token.startswith(tuple(WEEKDAY_JA)):
        given = token[0]
        if given != expected_ja:
            raise CellError(
                f"{result.isoformat()} is a {WEEKDAY_NAMES_EN[result.weekday()]}, not {label}: check the date.",
                f"{result.year}年{result.month}月{result.day}日は{expected_ja}曜日です（{label}ではありません）。日付を確認してください。",
            )
        return
    if token[:3] in WEEKDAY_EN:
        if token[:3] != expected_en:
            raise CellError(
                f"{result.isoformat()} is a {WEEKDAY_NAMES_EN[result.weekday()]}, not {label}: check the date.",
                f"{result.year}年{result.month}月{result.day}日は{expected_ja}曜日です（{label}ではありません）。日付を確認してください。",
            )
        return
    raise CellError("Unexpected text in brackets after the date. " + DATE_HELP_EN,
                    "日付の後ろの括弧内が読み取れません。" + DATE_HELP_JA)


def parse_date(value: Any, ctx: CellContext) -> dt.date | None:
    reject_special(value)
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool | dt.time):
        raise CellError("A date is needed here. " + DATE_HELP_EN, "日付を入力してください。" + DATE_HELP_JA)
    if isinstance(value, int | float):
        return _serial(float(value), ctx, str(value))
    original = str(value).strip()
    text = nfkc(_kanji_numbers(original)) if re.search(r"[年月日元]", original) else nfkc(original)
    if not text:
        return None
    weekday_label = None
    match = _WEEKDAY_SUFFIX.search(text)
    if match:
        weekday_label = match.group(1)
        text = text[: match.start()].strip()
    lowered = text.lower()
    result: dt.date | None = None
    if (m := _ISO.fullmatch(text)) or (m := _KANJI_DATE.fullmatch(text)):
        result = _make_date(int(m[1]), int(m[2]), int(m[3]), original)
    elif m := _ERA_DATE.fullmatch(text):
        result = _era_date(m[1], m[2], int(m[3]), int(m[4]), original)
    elif m := _COMPACT.fullmatch(text):
        result = _make_date(int(m[1]), int(m[2]), int(m[3]), original)
    elif _SERIAL.fullmatch(text):
        serial = float(text)
        if not 20000 <= serial <= 80000:  # 1954 to 2119: anything else is not a date serial
            raise CellError("This is not a date. " + DATE_HELP_EN, "日付として読み取れません。" + DATE_HELP_JA)
        result = _serial(serial, ctx, original)
    elif (m := _DAY_MONTH_YEAR.fullmatch(lowered)) and _month_number(m[2]):
        result = _make_date(int(m[3]), _month_number(m[2]) or 0, int(m[1]), original)
    elif (m := _MONTH_DAY_YEAR.fullmatch(lowered)) and _month_number(m[1]):
        result = _make_date(int(m[3]), _month_number(m[1]) or 0, int(m[2]), original)
    if result is None:
        if re.fullmatch(r"\d{1,2}\s*[-/.]\s*\d{1,2}(?:\s*[-/.]\s*\d{2,4})?", text):
            raise CellError(
                "The date has no year, or the year is not first; write the year first (2026/4/1).",
                "年がない、または年が先頭にありません。年から入力してください（2026/4/1）。",
            )
        raise CellError("This is not a date. " + DATE_HELP_EN, "日付として読み取れません。" + DATE_HELP_JA)
    if not dt.date(1900, 1, 1) <= result <= dt.date(2200, 12, 31):
        raise CellError("The year is out of range. " + DATE_HELP_EN, "年が範囲外です。" + DATE_HELP_JA)
    if weekday_label is not None:
        _check_weekday(result, weekday_label, original)
    return result


def _serial(serial: float, ctx: CellContext, original: str) -> dt.date:
    if not 1 <= serial < 2958466:
        raise CellError("A date is needed here. " + DATE_HELP_EN, "日付を入力してください。" + DATE_HELP_JA)
    try:
        converted = from_excel(serial, ctx.epoch)
    except (ValueError, OverflowError):
        raise CellError("A date is needed here. " + DATE_HELP_EN, "日付を入力してください。" + DATE_HELP_JA) from None
    if isinstance(converted, dt.datetime):
        return converted.date()
    if isinstance(converted, dt.date):
        return converted
    raise CellError("A date is needed here. " + DATE_HELP_EN, "日付を入力してください。" + DATE_HELP_JA)


TIME_HELP_EN = "Write times as 8:15 or 8時15分."
TIME_HELP_JA = "時刻は 8:15 または 8時15分 のように入力してください。"
_TIME = re.compile(r"(\d{1,2})\s*(?::|時)\s*(?:(\d{1,2})\s*(?:分)?)?(?::(\d{2}))?")
_HHMM = re.compile(r"(\d{1,2})(\d{2})")


def parse_time(value: Any, ctx: CellContext) -> dt.time | None:
    reject_special(value)
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    if isinstance(value, dt.timedelta):
        minutes = round(value.total_seconds() / 60)
        if 0 <= minutes < 24 * 60:
            return dt.time(minutes // 60, minutes % 60)
        raise CellError("The time is outside one day. " + TIME_HELP_EN, "時刻が 1 日の範囲外です。" + TIME_HELP_JA)
    if isinstance(value, bool | dt.date):
        raise CellError("A time is needed here. " + TIME_HELP_EN, "時刻を入力してください。" + TIME_HELP_JA)
    if isinstance(value, float | int):
        if 0 <= value < 1:  # Excel keeps a time as a fraction of a day
            minutes = round(float(value) * 24 * 60)
            if minutes < 24 * 60:
                return dt.time(minutes // 60, minutes % 60)
        raise CellError("A time is needed here. " + TIME_HELP_EN, "時刻を入力してください。" + TIME_HELP_JA)
    text = nfkc(str(value))
    if not text:
        return None
    text = re.sub(r"^(午前|am|AM)\s*", "", text)
    afternoon = bool(re.match(r"^(午後|pm|PM)", text))
    text = re.sub(r"^(午後|pm|PM)\s*", "", text)
    match = _TIME.fullmatch(text) or _HHMM.fullmatch(text)
    if not match:
        raise CellError("This is not a time. " + TIME_HELP_EN, "時刻として読み取れません。" + TIME_HELP_JA)
    hours = int(match.group(1))
    minutes = int(match.group(2) or 0)
    if afternoon and hours < 12:
        hours += 12
    if hours > 23 or minutes > 59:
        raise CellError("There is no such time. " + TIME_HELP_EN, "存在しない時刻です。" + TIME_HELP_JA)
    return dt.time(hours, minutes)


_RANGE_SPLIT = re.compile(r"\s*(?:-|~|〜|～|–|—|to|から)\s*")


def parse_time_range(value: Any, ctx: CellContext) -> tuple[dt.time, dt.time] | None:
    """'08:45-09:30' (also 8:45～9:30, 8時45分〜9時30分): a bell period."""
    reject_special(value)
    if value is None:
        return None
    text = nfkc(str(value))
    if not text:
        return None
    parts = [p for p in _RANGE_SPLIT.split(text) if p]
    if len(parts) != 2:
        raise CellError("Write the start and end, such as 08:45-09:30.", "開始と終了を 08:45-09:30 のように入力してください。")
    start, end = parse_time(parts[0], ctx), parse_time(parts[1], ctx)
    if start is None or end is None or end <= start:
        raise CellError("The end must be after the start (08:45-09:30).", "終了は開始より後にしてください（08:45-09:30）。")
    return start, end


_DATE_LIST_SPLIT = re.compile(r"[、,，;；・\n\r]+|\s+(?=\d{4}\s*[-/.年]|[RHSTMrhstm令平昭]\s*[元\d])")


def parse_date_list(value: Any, ctx: CellContext) -> list[str]:
    """Several dates in one cell (2026-05-01, 2026-05-08 or one per line): ISO strings, sorted."""
    reject_special(value)
    if value is None:
        return []
    if isinstance(value, dt.date | int | float) and not isinstance(value, bool):
        single = parse_date(value, ctx)
        return [single.isoformat()] if single else []
    items = [item.strip() for item in _DATE_LIST_SPLIT.split(nfkc(str(value))) if item.strip()]
    dates = {d for d in (parse_date(item, ctx) for item in items) if d is not None}
    return sorted(d.isoformat() for d in dates)
