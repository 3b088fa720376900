"""Travel minutes from an ALT's home to a school: from an imported table when the branch has
one, else estimated from the straight-line distance and how the ALT travels. A driver covers
more ground in the same minutes than someone on trains and buses."""

from __future__ import annotations

import math
from collections.abc import Mapping

from altdesk.planning.types import AltFacts, DemandRow

# mode -> (road/track detour factor over the straight line, km/h, fixed minutes: parking, waiting, walking)
MODES: dict[str, tuple[float, float, float]] = {
    "car": (1.3, 40.0, 5.0),
    "train_bus": (1.4, 22.0, 12.0),
    "bicycle": (1.2, 13.0, 2.0),
}
MODE_LABELS = {"car": ("by car", "車で"), "train_bus": ("by train/bus", "電車・バスで"),
               "bicycle": ("by bicycle", "自転車で")}


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def estimate_minutes(km: float, mode: str) -> int:
    factor, speed, fixed = MODES.get(mode, MODES["car"])
    return int(round(km * factor / speed * 60 + fixed))


class TravelTimes:
    """minutes(alt, row): the table's figure for (ALT code, school code), else the estimate; None
    when a location is missing and the table has no figure."""

    def __init__(self, table: Mapping[tuple[str, str], int] | None = None) -> None:
        self.table = dict(table or {})
        self._cache: dict[tuple[int, int], int | None] = {}

    def __call__(self, alt: AltFacts, row: DemandRow) -> int | None:
        key = (alt.id, row.school_id)
        if key in self._cache:
            return self._cache[key]
        value = self.table.get((alt.code, row.school_code))
        if value is None and None not in (alt.latitude, alt.longitude, row.latitude, row.longitude):
            value = estimate_minutes(km_between(alt.latitude, alt.longitude, row.latitude, row.longitude),  # type: ignore[arg-type]
                                     alt.travel_mode)
        self._cache[key] = value
        return value
