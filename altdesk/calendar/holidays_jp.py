"""Japanese national holidays from the `holidays` package, named in Japanese and English.

Includes 振替休日 (substitute holidays) and 国民の休日 (citizens' holidays). The package picks
names from LANG unless told, so both languages are asked for explicitly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

import holidays


@dataclass(frozen=True)
class NationalHoliday:
    date: dt.date
    name_ja: str
    name_en: str
    provisional: bool  # a future year's equinox dates are announced each February


@cache
def _year(year: int) -> tuple[NationalHoliday, ...]:
    ja = holidays.country_holidays("JP", years=year, language="ja")
    en = holidays.country_holidays("JP", years=year, language="en_US")
    # Equinox days are fixed by the Cabinet Office in February of the previous year.
    announced_through = dt.date.today().year + (1 if dt.date.today().month >= 2 else 0)
    result = []
    for day in sorted(ja):
        name_ja = ja.get(day) or ""
        name_en = en.get(day) or name_ja
        equinox = "分の日" in name_ja
        result.append(NationalHoliday(day, name_ja, name_en, equinox and year > announced_through))
    return tuple(result)


def national_holidays(first: dt.date, last: dt.date) -> dict[dt.date, NationalHoliday]:
    found: dict[dt.date, NationalHoliday] = {}
    for year in range(first.year, last.year + 1):
        for holiday in _year(year):
            if first <= holiday.date <= last:
                found[holiday.date] = holiday
    return found
