"""Small hand-made planning problems, built without a database."""

from __future__ import annotations

import datetime as dt

from altdesk.planning import AltFacts, DemandRow, Problem, Weights
from altdesk.planning.travel import TravelTimes

FIRST, LAST = dt.date(2027, 4, 1), dt.date(2028, 3, 31)


def alt(i: int, levels=("elementary", "junior_high"), lat=35.70, lon=140.20, mode="car", **kw) -> AltFacts:  # type: ignore[no-untyped-def]
    return AltFacts(i, f"A{i:04d}", f"ALT {i}", frozenset(levels), latitude=lat, longitude=lon, travel_mode=mode, **kw)


def row(i: int, level="elementary", lat=35.70, lon=140.20, days=1, weeks=1, weekdays=(0, 1, 2, 3, 4),  # type: ignore[no-untyped-def]
        classes=4, board=1, **kw) -> DemandRow:
    return DemandRow(i, 100 + i, f"S{i:04d}", f"School {i}", f"学校{i}", level, board, lat, lon, days, weeks,
                     tuple(weekdays), classes, kw.pop("start", FIRST), kw.pop("end", LAST), **kw)


def problem(alts, rows, weights: Weights | None = None, **kw) -> Problem:  # type: ignore[no-untyped-def]
    return Problem(FIRST, LAST, {a.id: a for a in alts}, list(rows), TravelTimes(), weights or Weights(), **kw)
