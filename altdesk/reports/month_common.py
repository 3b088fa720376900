"""What every monthly report shares: the branch as sender, the month, dates and times as
schools and ALTs read them (西暦 or 令和), and the choice of schools or ALTs to report on."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from altdesk import clock
from altdesk.dates import month_bounds
from altdesk.db.branch_settings import ERAS, BranchSettings
from altdesk.db.models import Branch
from altdesk.errors import InvalidInput
from altdesk.labels import WEEKDAYS_EN, WEEKDAYS_JA

TOKYO = ZoneInfo("Asia/Tokyo")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")


@dataclass(frozen=True)
class BranchInfo:
    """The sender printed on every report: the branch's name, address and phone only."""

    name: str
    name_en: str
    address: str
    phone: str
    era: str  # the branch's preferred year style for school reports
    pdf_font: str = ""  # a Japanese TrueType font chosen in the branch settings


def load_branch(session: Session, branch_id: int) -> BranchInfo:
    name, name_en, address, phone, stored = session.execute(
        select(Branch.name, Branch.name_en, Branch.address, Branch.phone, Branch.settings)
        .where(Branch.id == branch_id)
    ).one()
    settings, _unusable = BranchSettings.from_stored(stored)
    return BranchInfo(name, name_en or name, address or "", phone or "", settings.report_era, settings.pdf_font)


def today_tokyo() -> dt.date:
    return clock.now(TOKYO).date()


def month_range(month: str | None) -> tuple[dt.date, dt.date]:
    if not month:
        raise InvalidInput("Give the month to report on with --month YYYY-MM.",
                           "対象月を --month YYYY-MM で指定してください。", field="month")
    return month_bounds(month)


def choose_era(option: str | None, branch: BranchInfo) -> str:
    if option is None or option == "":
        return branch.era
    if option not in ERAS:
        raise InvalidInput(f"Unknown era {option!r}; use western or reiwa.",
                           f"年の表記 {option!r} は使えません。western か reiwa を指定してください。", field="era")
    return option


def weekdays_of(first: dt.date, last: dt.date) -> list[dt.date]:
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    return [d for d in days if d.weekday() < 5]


# --- Japanese dates -----------------------------------------------------------------------

def japanese_year(day: dt.date, era: str) -> str:
    """2026年 (western) or 令和8年 (reiwa; 令和元年 for 2019, 平成 before May 2019)."""
    if era != "reiwa":
        return f"{day.year}年"
    if day >= dt.date(2019, 5, 1):
        number = day.year - 2018
        return "令和元年" if number == 1 else f"令和{number}年"
    if day >= dt.date(1989, 1, 8):
        number = day.year - 1988
        return "平成元年" if number == 1 else f"平成{number}年"
    return f"{day.year}年"


def month_ja(first: dt.date, era: str) -> str:
    return f"{japanese_year(first, era)}{first.month}月"


def date_ja(day: dt.date, era: str) -> str:
    return f"{japanese_year(day, era)}{day.month}月{day.day}日"


def weekday_ja(day: dt.date) -> str:
    return WEEKDAYS_JA[day.weekday()]


def short_date_ja(day: dt.date) -> str:
    """6/15（月）: how a date reads in a list of changes."""
    return f"{day.month}/{day.day}（{weekday_ja(day)}）"


def time_ja(start: dt.time, end: dt.time) -> str:
    return f"{start.hour}:{start.minute:02d}〜{end.hour}:{end.minute:02d}"


def periods_ja(periods: str) -> str:
    """'1-4,6' -> '1〜4・6校時'; empty stays empty."""
    parts = _period_parts(periods)
    return "・".join(p.replace("-", "〜") for p in parts) + "校時" if parts else ""


# --- English dates ------------------------------------------------------------------------

def month_en(first: dt.date) -> str:
    return f"{MONTHS_EN[first.month - 1]} {first.year}"


def date_en(day: dt.date) -> str:
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def short_date_en(day: dt.date) -> str:
    return f"{WEEKDAYS_EN[day.weekday()]} {day.day} {MONTHS_EN[day.month - 1][:3]}"


def time_en(start: dt.time, end: dt.time) -> str:
    return f"{start:%H:%M}–{end:%H:%M}"


def periods_en(periods: str) -> str:
    """'1-4,6' -> 'P1–4, 6'."""
    parts = _period_parts(periods)
    return "P" + ", ".join(p.replace("-", "–") for p in parts) if parts else ""


def _period_parts(periods: str) -> list[str]:
    return [p.strip() for p in re.split(r"[,、，]", periods or "") if p.strip()]


# --- Which schools or ALTs ---------------------------------------------------------------

def parse_codes(value: str | None, option: str) -> list[str] | None:
    """None for all; else the codes given (one, or several separated by commas)."""
    if value is None or not value.strip():
        raise InvalidInput(f"Say which with {option} CODE (or {option} all).",
                           f"{option} CODE（すべてなら {option} all）で対象を指定してください。", field=option)
    if value.strip().lower() == "all":
        return None
    codes = [c.strip() for c in value.split(",") if c.strip()]
    return list(dict.fromkeys(codes))


def safe_file_part(text: str) -> str:
    """A piece of a file name that Windows and Linux both accept."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", text).strip(" .")
    return cleaned[:60] or "_"
