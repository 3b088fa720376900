"""Dates as the branch counts them (months, the April-to-March fiscal year) and parsing the dates
and ranges people give (CLI options, dialogs). Written here once for every layer."""

from __future__ import annotations

import datetime as dt
import re

from altdesk.errors import InvalidInput


def parse_date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput(
            f"{option} {value!r} is not a date; write it as YYYY-MM-DD.",
            f"{option} {value!r} は日付ではありません。YYYY-MM-DD の形式で指定してください。",
            field=option,
        ) from None


def required_range(date_from: str | None, date_to: str | None) -> tuple[dt.date, dt.date]:
    first, last = parse_date(date_from, "--from"), parse_date(date_to, "--to")
    if first is None or last is None:
        raise InvalidInput("Give both --from and --to.", "--from と --to の両方を指定してください。", field="--from")
    if last < first:
        raise InvalidInput(f"--to {last} is before --from {first}.", f"--to {last} が --from {first} より前です。",
                           field="--to")
    return first, last


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    """First and last day of a month."""
    first = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def month_bounds(month: str) -> tuple[dt.date, dt.date]:
    """First and last day of a YYYY-MM month."""
    year, number = (int(part) for part in month.split("-"))
    return month_range(year, number)


def fiscal_year_of(day: dt.date) -> int:
    """The Japanese school and fiscal year runs from April to March: 2027-02-01 is in 2026."""
    return day.year if day.month >= 4 else day.year - 1


def fiscal_year_bounds(fiscal_year: int) -> tuple[dt.date, dt.date]:
    return dt.date(fiscal_year, 4, 1), dt.date(fiscal_year + 1, 3, 31)


def fiscal_year_start(day: dt.date) -> dt.date:
    return fiscal_year_bounds(fiscal_year_of(day))[0]


def check_month(value: str | None) -> str:
    """A YYYY-MM month, or InvalidInput saying how to write it."""
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", (value or "").strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise InvalidInput(f"{value!r} is not a month; write it as YYYY-MM.",
                           f"{value!r} は月ではありません。YYYY-MM の形式で指定してください。", field="month")
    return f"{int(match.group(1)):04d}-{int(match.group(2)):02d}"
