"""The dates an import may name: a few fiscal years around today and the branch's own data.

A placement, closure or event dated centuries away is a typing slip (2326 for 2026), and
expanding it into visits would run for minutes: such dates are refused at their cell
before anything is planned or expanded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from altdesk.dates import fiscal_year_start
from altdesk.db.models import Placement
from altdesk.io.importing.dates import ja_date
from altdesk.io.importing.schema import ParsedSheet

YEARS_AROUND = 5  # fiscal years either side of today (and of the branch's placements)
FURTHEST = 20  # the branch's data widens the window, never beyond this many years from today
DATED_FIELDS: dict[str, tuple[str, ...]] = {
    "placements": ("start_date", "end_date", "extra_dates", "removed_dates"),
    "closures": ("start_date", "end_date"),
    "events": ("date", "compensatory_date"),
    "absences": ("start_date", "end_date"),
    "demand": ("start_date", "end_date"),
}


@dataclass(frozen=True)
class DateWindow:
    first: dt.date
    last: dt.date

    def __contains__(self, day: dt.date) -> bool:
        return self.first <= day <= self.last


def _shift_years(day: dt.date, years: int) -> dt.date:
    return dt.date(day.year + years, day.month, day.day)


def date_window(session: Session, branch_id: int, today: dt.date) -> DateWindow:
    """Fiscal years FY-5..FY+5 around today, widened to the branch's placements."""
    this_year = fiscal_year_start(today)
    first = _shift_years(this_year, -YEARS_AROUND)
    last = _shift_years(this_year, YEARS_AROUND + 1) - dt.timedelta(days=1)
    earliest, latest = session.execute(
        select(func.min(Placement.start_date), func.max(Placement.end_date)).where(Placement.branch_id == branch_id)
    ).one()
    if earliest is not None:
        first = max(min(first, fiscal_year_start(_shift_years(earliest, -YEARS_AROUND))),
                    _shift_years(this_year, -FURTHEST))
    if latest is not None:
        last = min(max(last, _shift_years(fiscal_year_start(latest), YEARS_AROUND + 1) - dt.timedelta(days=1)),
                   _shift_years(this_year, FURTHEST + 1) - dt.timedelta(days=1))
    return DateWindow(first, last)


def check_dates(window: DateWindow, sheet: ParsedSheet) -> None:
    """Mark each date cell outside the window as bad, with a problem naming it."""
    fields = DATED_FIELDS.get(sheet.schema.kind, ())
    span_en = f"{window.first.isoformat()} to {window.last.isoformat()}"
    span_ja = f"{ja_date(window.first)}〜{ja_date(window.last)}"
    for record in sheet.records:
        for key in fields:
            value = record.values.get(key)
            days = [dt.date.fromisoformat(v) for v in value] if isinstance(value, list) else [value]
            outside = [d for d in days if isinstance(d, dt.date) and d not in window]
            if not outside:
                continue
            sheet.problems.append(sheet.problem(
                record, key,
                f"{outside[0].isoformat()} is too far from today for a school year: dates from {span_en} "
                "can be imported. Check the year.",
                f"{ja_date(outside[0])}は今日から離れすぎています。取り込める日付は{span_ja}です。年を確認してください。",
            ))
            record.bad.add(key)
