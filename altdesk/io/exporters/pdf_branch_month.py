"""`export pdf --report branch-month`: the branch board on A3 landscape."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A3, landscape

from altdesk.db.workspace import Workspace
from altdesk.io.export_request import ExportRequest, ExportResult
from altdesk.io.exporters import ProgressCallback
from altdesk.io.exporters._branch_month import export_board
from altdesk.io.pdf.branch_month import draw_branch_month
from altdesk.io.pdf.document import write_pdf
from altdesk.io.pdf.fonts import report_fonts
from altdesk.reports.branch_month import BranchMonth

HANDLES = {("pdf", "branch-month")}


def export(ws: Workspace, request: ExportRequest, progress: ProgressCallback) -> ExportResult:
    warnings: list[str] = []

    def write(path: Path, board: BranchMonth) -> None:
        fonts = report_fonts(board.branch.pdf_font)
        warnings.extend(fonts.warnings)
        write_pdf(path, landscape(A3), fonts, board.title, board.branch.name,
                  lambda painter: draw_branch_month(painter, board))

    result = export_board(ws, request, progress, ".pdf", write)
    result.warnings.extend(dict.fromkeys(warnings))
    return result
