"""`export pdf --report alt-month`: each ALT's month on one A4 landscape page, in English."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape

from altdesk.db.workspace import Workspace
from altdesk.io.export_request import ExportRequest, ExportResult
from altdesk.io.exporters import ProgressCallback
from altdesk.io.exporters._alt_month import export_alt_month
from altdesk.io.exporters._output import ItemWriter
from altdesk.io.pdf.alt_month import draw_alt_month
from altdesk.io.pdf.document import write_pdf
from altdesk.io.pdf.fonts import report_fonts
from altdesk.io.pdf.painter import Painter
from altdesk.reports.alt_month import AltMonth

HANDLES = {("pdf", "alt-month")}


def pdf_writer(reports: list[AltMonth], warnings: list[str]) -> ItemWriter:
    fonts = report_fonts(reports[0].branch.pdf_font if reports else None)
    warnings.extend(fonts.warnings)

    def write(path: Path, indices: list[int], tick: Callable[[], None]) -> None:
        chosen = [reports[i] for i in indices]
        first = chosen[0]
        title = f"Monthly schedule {first.month}" + (f" {first.name}" if len(chosen) == 1 else "")

        def draw(painter: Painter) -> None:
            for report in chosen:
                draw_alt_month(painter, report)
                tick()

        write_pdf(path, landscape(A4), fonts, title, first.branch.name_en, draw)

    return write


def export(ws: Workspace, request: ExportRequest, progress: ProgressCallback) -> ExportResult:
    warnings: list[str] = []
    result = export_alt_month(ws, request, progress, ".pdf", lambda reports: pdf_writer(reports, warnings))
    result.warnings.extend(dict.fromkeys(warnings))
    return result
