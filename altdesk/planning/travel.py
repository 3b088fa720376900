"""Travel minutes from an ALT's home to a school: from an imported table when the branch has
one, else estimated from the straight-line distance and how the ALT travels. A driver covers
more ground in the same minutes than someone on trains and buses."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping

from altdesk.planning.types import AltFacts, DemandRow, Problem

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


def alts_within_reach(problem: Problem, row_ids: list[int]) -> dict[int, list[int]]:
    """ALT ids that may be within the travel limit of each row: a grid of the ALTs' homes by the
    farthest any mode goes in the limit, so a company's 24 million pairs are not all priced. With a
    travel table (its figures need not follow the map) every ALT is a candidate."""
    alts = list(problem.alts.values())
    if getattr(problem.minutes, "table", None):
        return {i: [a.id for a in alts] for i in row_ids}
    limit = problem.weights.max_travel_minutes
    reach = {mode: max(0.0, (limit - fixed) / 60 * speed / factor) for mode, (factor, speed, fixed) in MODES.items()}
    reach_km = max(reach.values())
    # straight-line km each ALT may go, squared, with a margin for the flat-earth shortcut below
    far = {a.id: (reach.get(a.travel_mode, reach["car"]) * 1.05 + 0.5) ** 2 for a in alts}
    where = {a.id: (a.latitude, a.longitude) for a in alts}
    cell = max(0.05, reach_km / 111.0 / 0.7)  # degrees; 0.7: cos of 45°N, lon degrees at their shortest
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    nowhere = []
    for a in alts:
        if a.latitude is None or a.longitude is None:
            nowhere.append(a.id)
        else:
            grid[(math.floor(a.latitude / cell), math.floor(a.longitude / cell))].append(a.id)
    out = {}
    for i in row_ids:
        row = problem.rows[i]
        if row.latitude is None or row.longitude is None:
            out[i] = [a.id for a in alts]
            continue
        gy, gx = math.floor(row.latitude / cell), math.floor(row.longitude / cell)
        lat, lon, squeeze = row.latitude, row.longitude, math.cos(math.radians(row.latitude))
        out[i] = nowhere + [
            a for dy in (-1, 0, 1) for dx in (-1, 0, 1) for a in grid.get((gy + dy, gx + dx), ())
            if ((where[a][0] - lat) * 111.2) ** 2 + ((where[a][1] - lon) * 111.2 * squeeze) ** 2 <= far[a]]
    return out
