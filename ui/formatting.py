"""Dates and times as people read them: 2026年6月1日(月) in Japanese, Mon 1 Jun 2026 in English.

Independent of the system locale, so a Japanese UI on an English Windows still reads right.
The language comes from ui.settings.current_language() unless one is given.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDateEdit, QStyledItemDelegate, QStyleOptionViewItem

from altdesk.labels import WEEKDAYS_EN, WEEKDAYS_JA
from ui.settings import current_language

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _lang(lang: str | None) -> str:
    return lang or current_language()


def format_date(day: dt.date | None, lang: str | None = None, weekday: bool = True) -> str:
    if day is None:
        return ""
    if _lang(lang) == "ja":
        text = f"{day.year}年{day.month}月{day.day}日"
        return f"{text}({WEEKDAYS_JA[day.weekday()]})" if weekday else text
    text = f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    return f"{WEEKDAYS_EN[day.weekday()]} {text}" if weekday else text


def format_short_date(day: dt.date | None, lang: str | None = None) -> str:
    """Without the year, for lists within one period: 6月1日(月) / Mon 1 Jun."""
    if day is None:
        return ""
    if _lang(lang) == "ja":
        return f"{day.month}月{day.day}日({WEEKDAYS_JA[day.weekday()]})"
    return f"{WEEKDAYS_EN[day.weekday()]} {day.day} {MONTHS_EN[day.month - 1]}"


def format_date_range(first: dt.date, last: dt.date, lang: str | None = None) -> str:
    """One day, or a span that does not repeat the year: 2026年6月1日(月)〜6月3日(水)."""
    lang = _lang(lang)
    if first == last:
        return format_date(first, lang)
    if lang == "ja":
        end = format_short_date(last, lang) if last.year == first.year else format_date(last, lang)
        return f"{format_date(first, lang)}〜{end}"
    start = format_short_date(first, lang) if last.year == first.year else format_date(first, lang)
    return f"{start} – {format_date(last, lang)}"


def format_time(value: dt.time) -> str:
    return value.strftime("%H:%M")


def format_timestamp(moment: dt.datetime, lang: str | None = None) -> str:
    """When something happened (a backup, an export): 2026年6月1日(月) 14:30 / 2026-06-01 14:30."""
    if _lang(lang) == "ja":
        return f"{format_date(moment.date(), 'ja')} {moment:%H:%M}"
    return moment.strftime("%Y-%m-%d %H:%M")


def format_time_range(start: dt.time, end: dt.time, lang: str | None = None) -> str:
    dash = "〜" if _lang(lang) == "ja" else "–"
    return f"{format_time(start)}{dash}{format_time(end)}"


def format_month(day: dt.date, lang: str | None = None) -> str:
    if _lang(lang) == "ja":
        return f"{day.year}年{day.month}月"
    return f"{MONTHS_EN[day.month - 1]} {day.year}"


def fiscal_year_label(fiscal_year: int, lang: str | None = None) -> str:
    return f"{fiscal_year}年度" if _lang(lang) == "ja" else f"FY{fiscal_year}"


# --- Qt date editors ---------------------------------------------------------------------------

def date_edit_format(lang: str | None = None) -> str:
    """A QDateEdit display format matching format_date."""
    return "yyyy年M月d日(ddd)" if _lang(lang) == "ja" else "ddd d MMM yyyy"


def date_edit_locale(lang: str | None = None) -> QLocale:
    """The locale a QDateEdit needs for its weekday names (月 / Mon)."""
    if _lang(lang) == "ja":
        return QLocale(QLocale.Language.Japanese, QLocale.Country.Japan)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def setup_date_edit(edit: QDateEdit, lang: str | None = None) -> None:
    """Calendar popup, the language's format and weekday names."""
    edit.setCalendarPopup(True)
    edit.setLocale(date_edit_locale(lang))
    edit.setDisplayFormat(date_edit_format(lang))
    fit_date_edit(edit)


def fit_date_edit(edit: QDateEdit) -> None:
    """Wide enough for its widest date: Qt sizes a date field from its minimum and maximum dates,
    whose weekday and month names may be narrower than today's ("Wed 31 Mar 202")."""
    metrics = edit.fontMetrics()
    locale, form = edit.locale(), edit.displayFormat()
    bounds = max(metrics.horizontalAdvance(edit.textFromDateTime(value))
                 for value in (edit.minimumDateTime(), edit.maximumDateTime()))
    # Every weekday and month name, on a two-digit day.
    widest = max(metrics.horizontalAdvance(locale.toString(QDate(2026, month, 21 + offset), form))
                 for month in range(1, 13) for offset in range(7))
    if widest > bounds:
        edit.setMinimumWidth(edit.sizeHint().width() + widest - bounds)


class ElideRightDelegate(QStyledItemDelegate):
    """Messages keep their start (who, where); names elide in the middle (the view's default)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideRight
