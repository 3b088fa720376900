"""Dates and times as people read them: 2026年6月1日(月) in Japanese, Mon 1 Jun 2026 in English."""

from __future__ import annotations

import datetime as dt

from altdesk.labels import WEEKDAYS_EN, WEEKDAYS_JA
from ui.settings import current_language

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


def long_date(day: dt.date, lang: str | None = None) -> str:
    lang = lang or current_language()
    if lang == "ja":
        return f"{day.year}年{day.month}月{day.day}日({WEEKDAYS_JA[day.weekday()]})"
    return f"{WEEKDAYS_EN[day.weekday()]} {day.day} {MONTHS_EN[day.month - 1][:3]} {day.year}"


def month_title(first: dt.date, lang: str | None = None) -> str:
    lang = lang or current_language()
    if lang == "ja":
        return f"{first.year}年{first.month}月"
    return f"{MONTHS_EN[first.month - 1]} {first.year}"


def weekday_short(day: dt.date, lang: str | None = None) -> str:
    lang = lang or current_language()
    return WEEKDAYS_JA[day.weekday()] if lang == "ja" else WEEKDAYS_EN[day.weekday()]


def hhmm(value: dt.time) -> str:
    return value.strftime("%H:%M")
