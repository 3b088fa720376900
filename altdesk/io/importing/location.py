"""Latitude and longitude columns: both or neither, once the row is merged with what is stored."""

from __future__ import annotations

from typing import Any

from altdesk.io.importing.schema import ParsedSheet, Record


def check_location(sheet: ParsedSheet, record: Record, existing: Any, target: dict[str, Any], lat_key: str,
                   lon_key: str) -> bool:
    """False (with a problem naming the empty column) when only one of the pair is set."""
    def after(key: str) -> Any:
        return target[key] if key in target else getattr(existing, key, None) if existing is not None else None

    lat, lon = after(lat_key), after(lon_key)
    if (lat is None) == (lon is None):
        return True
    missing = lon_key if lon is None else lat_key
    label = ("longitude", "経度") if missing == lon_key else ("latitude", "緯度")
    column = missing if sheet.has(missing) else (lat_key if missing == lon_key else lon_key)
    sheet.problems.append(sheet.problem(
        record, column,
        f"Give both the latitude and the longitude, or neither: the {label[0]} is missing.",
        f"緯度と経度は両方入力するか、両方空欄にしてください（{label[1]}がありません）。"))
    return False
