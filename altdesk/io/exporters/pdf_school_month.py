"""`export pdf --report school-month`: each school's visit schedule on one A4 page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4

from altdesk.db.workspace import Workspace
from altdesk.io.export_request import ExportRequest, ExportResult
from altdesk.io.exporters import ProgressCallback
from altdesk.io.exporters._output import ItemWriter
from altdesk.io.exporters._school_month import export_school_month
from altdesk.io.pdf.document import write_pdf
from altdesk.io.pdf.fonts import report_fonts
from altdesk.io.pdf.painter import Painter
from altdesk.io.pdf.school_month import draw_school_month, write_school_month_files
from altdesk.reports.school_month import SchoolMonth

HANDLES = {("pdf", "school-month")}


def pdf_writer(reports: list[SchoolMonth], warnings: list[str]) -> ItemWriter:
    fonts = report_fonts(reports[0].branch.pdf_font if reports else None)
    warnings.extend(fonts.warnings)

    def write(path: Path, indices: list[int], tick: Callable[[], None]) -> None:
        chosen = [reports[i] for i in indices]
        first = chosen[0]
        title = f"ALT訪問予定表 {first.month}" + (f" {first.school_name_ja}" if len(chosen) == 1 else "")

        def draw(painter: Painter) -> None:
            for report in chosen:
                draw_school_month(painter, report)
                tick()

        write_pdf(path, A4, fonts, title, first.branch.name, draw)

    return write


def export(ws: Workspace, request: ExportRequest, progress: ProgressCallback) -> ExportResult:
    warnings: list[str] = []
    result = export_school_month(ws, request, progress, ".pdf", lambda reports: pdf_writer(reports, warnings),
                                 parallel_job=write_school_month_files)
    result.warnings.extend(dict.fromkeys(warnings))
    return result
