"""Japanese national holidays from the `holidays` package, named in Japanese and English.

Includes 振替休日 (substitute holidays) and 国民の休日 (citizens' holidays). The package picks
names from LANG unless told, so both languages are asked for explicitly.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from altdesk.paths import user_data_dir

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class NationalHoliday:
    date: dt.date
    name_ja: str
    name_en: str
    provisional: bool  # a future year's equinox dates are announced each February


@cache
def _holidays_version() -> str:
    # The package's dist-info folder carries its version in its name: listing the folders on
    # the path is cheap, where importlib.metadata indexes every installed package.
    prefix, suffix = "holidays-", ".dist-info"
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:  # a zip archive, a folder that is gone
            continue
        for name in names:
            if name.startswith(prefix) and name.endswith(suffix):
                return name[len(prefix):-len(suffix)]
    import holidays  # a bundle without the package's metadata

    return str(holidays.__version__)


def _cache_file() -> Path:
    """One file per version of the `holidays` package: a new version recomputes every year."""
    return user_data_dir() / "cache" / f"holidays-jp-{_holidays_version()}.json"


def _compute(year: int) -> list[tuple[str, str, str]]:
    # Imported here: the package imports every country's module (a tenth of the desktop's
    # start-up), and once a year is computed it is read from the cache file instead.
    import holidays

    ja = holidays.country_holidays("JP", years=year, language="ja")
    en = holidays.country_holidays("JP", years=year, language="en_US")
    return [(day.isoformat(), ja.get(day) or "", en.get(day) or ja.get(day) or "") for day in sorted(ja)]


def _cached_names(year: int) -> list[tuple[str, str, str]]:
    path = _cache_file()
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stored = {}
    names = stored.get(str(year)) if isinstance(stored, dict) else None
    if isinstance(names, list) and all(isinstance(n, list) and len(n) == 3 for n in names):
        return [tuple(n) for n in names]  # type: ignore[misc]
    computed = _compute(year)
    try:  # a cache that cannot be written only costs the next start the computation
        path.parent.mkdir(parents=True, exist_ok=True)
        stored = stored if isinstance(stored, dict) else {}
        stored[str(year)] = computed
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # two processes never share one
        temporary.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)
    except OSError as exc:
        log.info("holiday cache not written: %s", exc)
    return computed


@cache
def _year(year: int) -> tuple[NationalHoliday, ...]:
    # Equinox days are fixed by the Cabinet Office in February of the previous year.
    announced_through = dt.date.today().year + (1 if dt.date.today().month >= 2 else 0)
    result = []
    for day, name_ja, name_en in _cached_names(year):
        equinox = "分の日" in name_ja
        result.append(NationalHoliday(dt.date.fromisoformat(day), name_ja, name_en or name_ja,
                                      equinox and year > announced_through))
    return tuple(result)


def national_holidays(first: dt.date, last: dt.date) -> dict[dt.date, NationalHoliday]:
    found: dict[dt.date, NationalHoliday] = {}
    for year in range(first.year, last.year + 1):
        for holiday in _year(year):
            if first <= holiday.date <= last:
                found[holiday.date] = holiday
    return found
