"""`export xlsx --report school-month`: each school's visit schedule as a printable sheet;
with --combined, one workbook with a sheet per school."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from altdesk.db.workspace import Workspace
from altdesk.io.export_request import ExportRequest, ExportResult
from altdesk.io.exporters import ProgressCallback
from altdesk.io.exporters._output import ItemWriter
from altdesk.io.exporters._school_month import export_school_month
from altdesk.io.xlsx.common import new_workbook
from altdesk.io.xlsx.school_month import add_school_month_sheet
from altdesk.reports.school_month import SchoolMonth

HANDLES = {("xlsx", "school-month")}


def xlsx_writer(reports: list[SchoolMonth]) -> ItemWriter:
    def write(path: Path, indices: list[int], tick: Callable[[], None]) -> None:
        wb = new_workbook()
        taken: set[str] = set()
        for index in indices:
            add_school_month_sheet(wb, reports[index], taken)
            tick()
        wb.save(path)

    return write


def export(ws: Workspace, request: ExportRequest, progress: ProgressCallback) -> ExportResult:
    return export_school_month(ws, request, progress, ".xlsx", xlsx_writer)
