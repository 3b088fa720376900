"""`export xlsx --report lunch-fees`: lunch fees per ALT for a month and the branch total, in
English. Internal; no diet details."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

from altdesk.db.workspace import Workspace
from altdesk.io.export_request import ExportRequest, ExportResult
from altdesk.io.exporters import ProgressCallback
from altdesk.io.exporters._lunch_orders import export_lunch_fees
from altdesk.io.exporters._lunch_xlsx import HEADER_FILL, TOTAL_FILL, YEN, print_setup, put, widths
from altdesk.lunch.fees import FeeReport
from altdesk.lunch.notice import JST
from altdesk.reports.month_common import BranchInfo, month_en

HANDLES = {("xlsx", "lunch-fees")}
HEADERS = ("ALT code", "ALT", "School code", "School", "Item", "Days", "Unit price", "Amount")
HEADER_ROW = 4


def write_fees(path: Path, report: FeeReport, branch: BranchInfo) -> None:
    book = Workbook()
    ws = book.active
    ws.title = f"Lunch fees {report.month}"
    first = dt.date(int(report.month[:4]), int(report.month[5:]), 1)
    put(ws, 1, 1, f"School lunch fees — {month_en(first)}", bold=True, size=14)
    put(ws, 2, 1, " · ".join(x for x in (branch.name_en or branch.name,
                                         f"Tel {branch.phone}" if branch.phone else "") if x))
    put(ws, 2, 7, "Made")
    put(ws, 2, 8, report.made_at.astimezone(JST).date(), fmt="yyyy-mm-dd")
    for column, title in enumerate(HEADERS, start=1):
        put(ws, HEADER_ROW, column, title, bold=True, border=True, fill=HEADER_FILL)
    row = HEADER_ROW + 1
    for alt in report.alts:
        for line in alt.lines:
            values = [alt.alt_code, alt.alt_name, line.school_code, line.school_name_en or line.school_name_ja,
                      line.item_label, line.days, line.unit_price, line.amount]
            for column, value in enumerate(values, start=1):
                put(ws, row, column, value, border=True, fmt=YEN if column in (7, 8) else None)
            row += 1
        put(ws, row, 1, alt.alt_code, border=True, fill=TOTAL_FILL)
        put(ws, row, 2, alt.alt_name, border=True, fill=TOTAL_FILL)
        put(ws, row, 5, "Subtotal", bold=True, border=True, fill=TOTAL_FILL)
        put(ws, row, 6, alt.days, bold=True, border=True, fill=TOTAL_FILL)
        put(ws, row, 8, alt.amount, bold=True, border=True, fill=TOTAL_FILL, fmt=YEN)
        for column in (3, 4, 7):
            put(ws, row, column, None, border=True, fill=TOTAL_FILL)
        row += 1
    put(ws, row, 1, "Total", bold=True, border=True, fill=HEADER_FILL)
    put(ws, row, 2, f"{len(report.alts)} ALTs", bold=True, border=True, fill=HEADER_FILL)
    put(ws, row, 6, report.days, bold=True, border=True, fill=HEADER_FILL)
    put(ws, row, 8, report.total, bold=True, border=True, fill=HEADER_FILL, fmt=YEN)
    for column in (3, 4, 5, 7):
        put(ws, row, column, None, border=True, fill=HEADER_FILL)
    if report.unpriced:
        put(ws, row + 2, 1, "An empty unit price means none is set for that school and item; it is not in the totals.")
    widths(ws, [10, 24, 11, 34, 13, 7, 11, 12])
    print_setup(ws, HEADER_ROW)
    ws.oddFooter.left.text = f"{branch.name_en or branch.name} · lunch fees {report.month}"
    ws.oddFooter.right.text = "Page &P of &N"
    book.properties.title = f"Lunch fees {report.month}"
    book.properties.creator = "ALTdesk"
    book.save(path)


def export(ws: Workspace, request: ExportRequest, progress: ProgressCallback) -> ExportResult:
    return export_lunch_fees(ws, request, progress, ".xlsx", write_fees)
