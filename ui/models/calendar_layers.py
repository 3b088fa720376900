"""Columns of the calendar-layer tables: boards, day offs, national holidays with overrides."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from altdesk.errors import InvalidInput
from altdesk.lunch.notice import parse_rule
from altdesk.services.records import BoardRow, DayOffRow, HolidayRow
from ui.dialogs.day_off_dialog import day_off_kind_text
from ui.formatting import format_date
from ui.models.row_table import Column, RowTableModel
from ui.settings import current_language

translate = QCoreApplication.translate


def _name(ja: str, en: str) -> str:
    return ja if current_language() == "ja" else (en or ja)


def notice_text(row: BoardRow) -> str:
    if not row.lunch_notice_rule:
        return translate("CalendarLayersModel", "Branch default")
    try:
        return parse_rule(row.lunch_notice_rule).describe(current_language())
    except InvalidInput as exc:
        return exc.message(current_language())


def board_columns() -> list[Column[BoardRow]]:
    return [
        Column("code", lambda: translate("CalendarLayersModel", "Code"), lambda r: r.code),
        Column("name", lambda: translate("CalendarLayersModel", "Board of education"), lambda r: _name(r.name_ja, r.name_en),
               tooltip=lambda r: f"{r.name_ja}  {r.name_en}"),
        Column("days", lambda: translate("CalendarLayersModel", "Contract days"), lambda r: "" if r.contract_days_per_year is None
               else str(r.contract_days_per_year), sort=lambda r: r.contract_days_per_year or 0, align_right=True),
        Column("hours", lambda: translate("CalendarLayersModel", "Hours a day"), lambda r: "" if r.contract_hours_per_day is None
               else f"{r.contract_hours_per_day:g}", sort=lambda r: r.contract_hours_per_day or 0, align_right=True),
        Column("notice", lambda: translate("CalendarLayersModel", "Lunch notice"), notice_text),
        Column("schools", lambda: translate("CalendarLayersModel", "Schools"), lambda r: str(r.schools), sort=lambda r: r.schools, align_right=True),
        Column("closures", lambda: translate("CalendarLayersModel", "Breaks and closures"), lambda r: str(r.closures), sort=lambda r: r.closures,
               align_right=True),
    ]


def day_off_columns(scope: bool) -> list[Column[DayOffRow]]:
    columns: list[Column[DayOffRow]] = [
        Column("from", lambda: translate("CalendarLayersModel", "From"), lambda r: format_date(r.start_date),
               sort=lambda r: r.start_date.isoformat()),
        Column("to", lambda: translate("CalendarLayersModel", "To"), lambda r: format_date(r.end_date),
               sort=lambda r: r.end_date.isoformat()),
        Column("days", lambda: translate("CalendarLayersModel", "Days"), lambda r: str(r.days), sort=lambda r: r.days, align_right=True),
        Column("kind", lambda: translate("CalendarLayersModel", "Kind"), lambda r: day_off_kind_text(r.kind)),
        Column("name", lambda: translate("CalendarLayersModel", "Name"), lambda r: _name(r.name_ja, r.name_en),
               tooltip=lambda r: f"{r.name_ja}  {r.name_en}"),
    ]
    if scope:
        columns.insert(0, Column("scope", lambda: translate("CalendarLayersModel", "School"), lambda r: _name(r.scope_ja, r.scope_en)))
    return columns


def holiday_columns() -> list[Column[HolidayRow]]:
    def effect(row: HolidayRow) -> str:
        return translate("CalendarLayersModel", "Holiday") if row.is_holiday else translate("CalendarLayersModel", "Working day")

    def override(row: HolidayRow) -> str:
        if row.override_id is None:
            return translate("CalendarLayersModel", "Provisional date") if row.provisional else ""
        if not row.national_ja:
            return translate("CalendarLayersModel", "Holiday added by the branch")
        return translate("CalendarLayersModel", "Worked by the branch") if not row.is_holiday else translate("CalendarLayersModel", "Renamed by the branch")

    return [
        Column("date", lambda: translate("CalendarLayersModel", "Date"), lambda r: format_date(r.date),
               sort=lambda r: r.date.isoformat()),
        Column("national", lambda: translate("CalendarLayersModel", "National holiday"), lambda r: _name(r.national_ja, r.national_en)),
        Column("effect", lambda: translate("CalendarLayersModel", "In effect"), effect, sort=lambda r: int(r.is_holiday)),
        Column("name", lambda: translate("CalendarLayersModel", "Name shown"), lambda r: _name(r.name_ja, r.name_en) if r.is_holiday else ""),
        Column("override", lambda: translate("CalendarLayersModel", "Override"), override),
    ]


def make_board_model(parent: object = None) -> RowTableModel[BoardRow]:
    return RowTableModel(board_columns(), parent)


def make_day_off_model(scope: bool, parent: object = None) -> RowTableModel[DayOffRow]:
    return RowTableModel(day_off_columns(scope), parent)


def make_holiday_model(parent: object = None) -> RowTableModel[HolidayRow]:
    return RowTableModel(holiday_columns(), parent)
