"""Columns of the placements table: ALT, school, the pattern in words, dates, hours."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from altdesk.labels import LUNCH_MODE_LABELS, label
from altdesk.services.records import PlacementRow, describe
from ui.formatting import format_date
from ui.level_icons import level_icon
from ui.models.row_table import Column, RowTableModel
from ui.settings import current_language

translate = QCoreApplication.translate


def school_name(row: PlacementRow) -> str:
    if current_language() == "ja":
        return row.school_name_ja
    return row.school_name_en or row.school_name_ja


def exceptions_text(row: PlacementRow) -> str:
    parts = []
    if row.extra_count:
        parts.append(f"+{row.extra_count}")
    if row.removed_count:
        parts.append(f"−{row.removed_count}")
    return " ".join(parts)


def placement_columns() -> list[Column[PlacementRow]]:
    return [
        Column("alt", lambda: translate("PlacementsModel", "ALT"), lambda r: f"{r.alt_code}  {r.alt_name}", sort=lambda r: r.alt_code),
        Column("school", lambda: translate("PlacementsModel", "School"), school_name, sort=lambda r: r.school_code,
               tooltip=lambda r: f"{r.school_code}  {r.school_name_ja}  {r.school_name_en}",
               decoration=lambda r: level_icon(r.school_level)),
        Column("pattern", lambda: translate("PlacementsModel", "Repeats"), lambda r: describe(r.pattern, current_language()),
               sort=lambda r: (r.pattern.kind.value, r.pattern.weekdays)),
        Column("from", lambda: translate("PlacementsModel", "From"), lambda r: format_date(r.start_date),
               sort=lambda r: r.start_date.isoformat()),
        Column("to", lambda: translate("PlacementsModel", "To"), lambda r: format_date(r.end_date),
               sort=lambda r: r.end_date.isoformat()),
        Column("hours", lambda: translate("PlacementsModel", "Hours"),
               lambda r: f"{r.start_time.strftime('%H:%M')}–{r.end_time.strftime('%H:%M')}",
               sort=lambda r: (r.start_time.isoformat(), r.end_time.isoformat())),
        Column("periods", lambda: translate("PlacementsModel", "Periods"), lambda r: r.periods),
        Column("classes", lambda: translate("PlacementsModel", "Classes"), lambda r: str(r.classes_per_day), sort=lambda r: r.classes_per_day,
               align_right=True),
        Column("lunch", lambda: translate("PlacementsModel", "Lunch"),
               lambda r: label(LUNCH_MODE_LABELS[r.lunch_mode], current_language()) if r.lunch_mode
               else translate("PlacementsModel", "Derived")),
        Column("exceptions", lambda: translate("PlacementsModel", "Extra / removed"), exceptions_text,
               sort=lambda r: (r.extra_count, r.removed_count),
               tooltip=lambda r: translate("PlacementsModel", "%1 dates added, %2 dates removed").replace("%1", str(r.extra_count))
               .replace("%2", str(r.removed_count))),
    ]


def make_placement_model(parent: object = None) -> RowTableModel[PlacementRow]:
    return RowTableModel(placement_columns(), parent)
