"""`export xlsx --report alt-month`: each ALT's month as a printable sheet; with --combined,
one workbook with a sheet per ALT."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from altdesk.db.workspace import Workspace
from altdesk.io.export_request import ExportRequest, ExportResult
from altdesk.io.exporters import ProgressCallback
from altdesk.io.exporters._alt_month import export_alt_month
from altdesk.io.exporters._output import ItemWriter
from altdesk.io.xlsx.alt_month import add_alt_month_sheet
from altdesk.io.xlsx.common import new_workbook
from altdesk.reports.alt_month import AltMonth

HANDLES = {("xlsx", "alt-month")}


def xlsx_writer(reports: list[AltMonth]) -> ItemWriter:
    def write(path: Path, indices: list[int], tick: Callable[[], None]) -> None:
        wb = new_workbook()
        taken: set[str] = set()
        for index in indices:
            add_alt_month_sheet(wb, reports[index], taken)
            tick()
        wb.save(path)

    return write


def export(ws: Workspace, request: ExportRequest, progress: ProgressCallback) -> ExportResult:
    return export_alt_month(ws, request, progress, ".xlsx", xlsx_writer)
