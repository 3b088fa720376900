"""`export xlsx --report actuals`: the month's actuals (実績報告) as a workbook: schools by board,
ALTs, corrections."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from altdesk.db.workspace import Workspace
from altdesk.io.export_request import ExportRequest, ExportResult
from altdesk.io.exporters import ProgressCallback
from altdesk.io.exporters._actuals import (
    ALT_HEADERS,
    CORRECTION_HEADERS,
    SCHOOL_HEADERS,
    alt_row,
    correction_rows,
    export_actuals,
    month_title,
    school_row,
    status_line,
)
from altdesk.io.exporters._lunch_xlsx import HEADER_FILL, TOTAL_FILL, print_setup, put, widths
from altdesk.reports.actuals import MonthActuals

HANDLES = {("xlsx", "actuals")}
HEADER_ROW = 4


def _heading(sheet, report: MonthActuals, subtitle: str) -> None:  # type: ignore[no-untyped-def]
    put(sheet, 1, 1, f"{month_title(report)}　{subtitle}", bold=True, size=14)
    put(sheet, 2, 1, f"{report.branch.name}　{status_line(report)}")


def _header(sheet, headers: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    for column, title in enumerate(headers, start=1):
        put(sheet, HEADER_ROW, column, title, bold=True, border=True, fill=HEADER_FILL, wrap=True)


def write_actuals(path: Path, report: MonthActuals) -> None:
    book = Workbook()
    schools = book.active
    schools.title = "学校別"
    _heading(schools, report, "学校別（教育委員会別）")
    _header(schools, SCHOOL_HEADERS)
    row = HEADER_ROW + 1
    for board in report.boards:
        put(schools, row, 1, board.name, bold=True)
        row += 1
        for school in board.schools:
            for column, value in enumerate(school_row(school), start=1):
                put(schools, row, column, value, border=True)
            row += 1
        total = school_row(board.total())
        total[0], total[1] = "", f"{board.name} 小計"
        for column, value in enumerate(total, start=1):
            put(schools, row, column, value, border=True, bold=True, fill=TOTAL_FILL)
        row += 1
    total = school_row(report.total())
    total[0], total[1] = "", "合計"
    for column, value in enumerate(total, start=1):
        put(schools, row, column, value, border=True, bold=True, fill=TOTAL_FILL)
    widths(schools, [10, 28, *([9] * (len(SCHOOL_HEADERS) - 2))])
    print_setup(schools, HEADER_ROW, landscape=True)

    alts = book.create_sheet("ALT別")
    _heading(alts, report, "ALT別")
    _header(alts, ALT_HEADERS)
    for row, alt in enumerate(report.alts, start=HEADER_ROW + 1):
        for column, value in enumerate(alt_row(alt), start=1):
            put(alts, row, column, value, border=True)
    widths(alts, [10, 24, *([9] * (len(ALT_HEADERS) - 2))])
    print_setup(alts, HEADER_ROW, landscape=True)

    corrections = book.create_sheet("訂正")
    _heading(corrections, report, "締め後の訂正")
    _header(corrections, CORRECTION_HEADERS)
    rows = correction_rows(report)
    for row, values in enumerate(rows, start=HEADER_ROW + 1):
        for column, value in enumerate(values, start=1):
            put(corrections, row, column, value, border=True, wrap=column >= 5)
    if not rows:
        put(corrections, HEADER_ROW + 1, 1, "訂正なし")
    widths(corrections, [9, 17, 14, 16, 60, 36])
    print_setup(corrections, HEADER_ROW, landscape=True)
    book.save(path)


def export(ws: Workspace, request: ExportRequest, progress: ProgressCallback) -> ExportResult:
    return export_actuals(ws, request, progress, ".xlsx", write_actuals)
