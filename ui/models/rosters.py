"""Column sets for the ALT and School roster tables."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from altdesk.db.enums import AltStatus
from altdesk.labels import LEVEL_LABELS, LUNCH_POLICY_LABELS, label
from altdesk.services.rosters import AltRow, SchoolRow
from ui.formatting import format_date
from ui.level_icons import level_icon
from ui.models.row_table import Column, RowTableModel
from ui.settings import current_language

translate = QCoreApplication.translate


def _levels_text(row: AltRow) -> str:
    lang = current_language()
    names = []
    for value in row.levels:
        for level, pair in LEVEL_LABELS.items():
            if level.value == value:
                names.append(label(pair, lang))
    return ", ".join(names)


def status_text(status: AltStatus) -> str:
    return {AltStatus.ACTIVE: translate("Rosters", "Active"), AltStatus.ON_LEAVE: translate("Rosters", "On leave"),
            AltStatus.LEFT: translate("Rosters", "Left")}[AltStatus(status)]


def alt_columns() -> list[Column[AltRow]]:
    return [
        Column("code", lambda: translate("Rosters", "Code"), lambda r: r.code),
        Column("name", lambda: translate("Rosters", "Name"), lambda r: r.display_name, sort=lambda r: (r.family_name, r.given_name)),
        Column("kana", lambda: translate("Rosters", "Katakana"), lambda r: r.kana),
        Column("nationality", lambda: translate("Rosters", "Nationality"), lambda r: r.nationality),
        Column(
            "start",
            lambda: translate("Rosters", "Started"),
            lambda r: format_date(r.start_date, weekday=False) if r.start_date else "",
            sort=lambda r: r.start_date.isoformat() if r.start_date else "",
        ),
        Column("levels", lambda: translate("Rosters", "Levels taught"), _levels_text),
        Column("schools", lambda: translate("Rosters", "Schools"), lambda r: str(r.school_count), sort=lambda r: r.school_count,
               align_right=True),
        Column("diet", lambda: translate("Rosters", "Diet"), lambda r: translate("Rosters", "Restricted") if r.has_diet_restriction else "",
               sort=lambda r: int(r.has_diet_restriction)),
        Column("status", lambda: translate("Rosters", "Status"), lambda r: status_text(r.status),
               sort=lambda r: list(AltStatus).index(AltStatus(r.status))),
    ]


def school_columns() -> list[Column[SchoolRow]]:
    return [
        Column("code", lambda: translate("Rosters", "Code"), lambda r: r.code),
        Column("name_ja", lambda: translate("Rosters", "Name (Japanese)"), lambda r: r.name_ja),
        Column("name_en", lambda: translate("Rosters", "Name (English)"), lambda r: r.name_en),
        Column(
            "level",
            lambda: translate("Rosters", "Level"),
            lambda r: label(LEVEL_LABELS[r.level], current_language()),
            sort=lambda r: list(LEVEL_LABELS).index(r.level),
            decoration=lambda r: level_icon(r.level),
        ),
        Column("board", lambda: translate("Rosters", "Board of education"),
               lambda r: r.board_name_ja if current_language() == "ja" else (r.board_name_en or r.board_name_ja)),
        Column("lunch", lambda: translate("Rosters", "Lunch"), lambda r: label(LUNCH_POLICY_LABELS[r.lunch_policy], current_language())),
        Column("price", lambda: translate("Rosters", "Price (yen)"), lambda r: f"{r.lunch_price_yen:,}" if r.lunch_price_yen else "",
               sort=lambda r: r.lunch_price_yen, align_right=True),
        Column("contract", lambda: translate("Rosters", "Contracted days"),
               lambda r: "" if r.contracted_days is None else str(r.contracted_days),
               sort=lambda r: r.contracted_days or 0, align_right=True),
        Column("phone", lambda: translate("Rosters", "Phone"), lambda r: r.phone),
    ]


def make_alt_model(parent: object = None) -> RowTableModel[AltRow]:
    return RowTableModel(alt_columns(), parent)


def make_school_model(parent: object = None) -> RowTableModel[SchoolRow]:
    return RowTableModel(school_columns(), parent)
