"""`export pdf --report lunch-fees`: lunch fees per ALT for a month and the branch total, in
English, on A4. Internal; no diet details."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.pagesizes import A4

from altdesk.db.workspace import Workspace
from altdesk.io.export_request import ExportRequest, ExportResult
from altdesk.io.exporters import ProgressCallback
from altdesk.io.exporters._lunch_orders import export_lunch_fees
from altdesk.io.pdf.document import write_pdf
from altdesk.io.pdf.fonts import report_fonts
from altdesk.io.pdf.painter import Painter, baseline_in
from altdesk.lunch.fees import AltFees, FeeReport
from altdesk.lunch.notice import JST
from altdesk.lunch.orders import yen
from altdesk.reports.month_common import BranchInfo, month_en

HANDLES = {("pdf", "lunch-fees")}

PAGE_W, PAGE_H = A4
LEFT, RIGHT = 40.0, PAGE_W - 40.0
BOTTOM = 60.0
COLUMNS = (("ALT", 132.0, "left"), ("School", 176.0, "left"), ("Item", 64.0, "left"), ("Days", 34.0, "right"),
           ("Unit price", 56.0, "right"), ("Amount", 53.3, "right"))
ROW = 14.5
TOTAL_BLOCK = ROW + 4 + 30
HEADER_FILL, SUBTOTAL_FILL, TOTAL_FILL = 0.85, 0.94, 0.82


def _xs() -> list[float]:
    xs, x = [], LEFT
    for _t, w, _a in COLUMNS:
        xs.append(x)
        x += w
    return xs


XS = _xs()


class _FeesPages:
    def __init__(self, painter: Painter, report: FeeReport, branch: BranchInfo, warnings: list[str]) -> None:
        self.p, self.report, self.branch, self.warnings = painter, report, branch, warnings
        self.page = 1
        self.y = PAGE_H - 40

    def cell(self, column: int, text: str, base: float, *, bold: bool = False, size: float = 9.0) -> None:
        _title, width, align = COLUMNS[column]
        x = XS[column] + (width - 4 if align == "right" else 4)
        self.p.text(x, base, text, size, align=align, max_width=width - 8, bold=bold)

    def footer(self) -> None:
        p = self.p
        p.line(LEFT, 48, RIGHT, 48, 0.4, 0.5)
        p.text(LEFT, 36, f"{self.branch.name_en or self.branch.name} · lunch fees {self.report.month}", 8, grey=0.35)
        p.text(RIGHT, 36, f"Page {self.page}", 8, align="right", grey=0.35)

    def heading(self) -> None:
        p, r = self.p, self.report
        first = _first_day(r.month)
        p.text(LEFT, self.y - 14, f"School lunch fees — {month_en(first)}", 17, bold=True)
        sender = " · ".join(x for x in (self.branch.name_en or self.branch.name,
                                        f"Tel {self.branch.phone}" if self.branch.phone else "") if x)
        p.text(LEFT, self.y - 32, sender, 9.5)
        p.text(RIGHT, self.y - 14, f"Made {r.made_at.astimezone(JST):%Y-%m-%d}", 9, align="right")
        p.text(LEFT, self.y - 48, "What each ALT owes the schools for school meals this month "
               "(days with school lunch or milk, at each school's unit price).", 9, grey=0.25)
        self.y -= 62

    def table_header(self) -> None:
        h = 18.0
        self.p.rect(LEFT, self.y - h, RIGHT - LEFT, h, fill=HEADER_FILL)
        for i, (title, _w, _a) in enumerate(COLUMNS):
            self.cell(i, title, baseline_in(self.y - h, h, 9), bold=True)
        self.y -= h

    def need(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self.footer()
            self.p.finish_page()
            self.page += 1
            self.y = PAGE_H - 40
            self.p.text(LEFT, self.y - 10, f"School lunch fees — {month_en(_first_day(self.report.month))} "
                        "(continued)", 10, bold=True)
            self.y -= 22
            self.table_header()

    def alt_block(self, alt: AltFees, last: bool) -> None:
        # The last ALT stays on the page of the branch total.
        self.need(ROW * (len(alt.lines) + 1) + (TOTAL_BLOCK if last else 0))
        top = self.y
        for i, line in enumerate(alt.lines):
            base = baseline_in(self.y - ROW, ROW, 9)
            if i == 0:
                self.cell(0, f"{alt.alt_code}  {alt.alt_name}", base)
            self.cell(1, f"{line.school_code}  {line.school_name_en or line.school_name_ja}", base)
            self.cell(2, line.item_label, base)
            self.cell(3, str(line.days), base)
            self.cell(4, yen(line.unit_price), base)
            self.cell(5, yen(line.amount), base)
            self.y -= ROW
        self.p.rect(XS[1], self.y - ROW, RIGHT - XS[1], ROW, fill=SUBTOTAL_FILL, stroke=False)
        base = baseline_in(self.y - ROW, ROW, 9)
        self.cell(2, "Subtotal", base, bold=True)
        self.cell(3, str(alt.days), base, bold=True)
        self.cell(5, yen(alt.amount), base, bold=True)
        self.y -= ROW
        self.p.rect(LEFT, self.y, RIGHT - LEFT, top - self.y, line_width=0.5)

    def total(self) -> None:
        self.need(TOTAL_BLOCK)
        h = ROW + 4
        self.p.rect(LEFT, self.y - h, RIGHT - LEFT, h, fill=TOTAL_FILL)
        base = baseline_in(self.y - h, h, 10)
        self.cell(0, f"Branch total ({len(self.report.alts)} ALTs)", base, bold=True, size=10)
        self.cell(3, str(self.report.days), base, bold=True, size=10)
        self.cell(5, yen(self.report.total), base, bold=True, size=10)
        self.y -= h + 14
        if self.report.unpriced:
            self.p.text(LEFT, self.y, "— : no unit price set for this school and item; not in the totals.", 8.5)
        if not self.report.alts:
            self.p.text(LEFT, self.y, "No ALT has school meals this month.", 9.5)

    def draw(self) -> None:
        self.heading()
        self.table_header()
        for i, alt in enumerate(self.report.alts):
            self.alt_block(alt, i == len(self.report.alts) - 1)
        self.total()
        self.footer()
        self.p.finish_page()


def draw_fee_report(painter: Painter, report: FeeReport, branch: BranchInfo, warnings: list[str]) -> None:
    """The fees report's pages (the export's and the preview's)."""
    _FeesPages(painter, report, branch, warnings).draw()


def _first_day(month: str) -> dt.date:
    return dt.date(int(month[:4]), int(month[5:]), 1)


def export(ws: Workspace, request: ExportRequest, progress: ProgressCallback) -> ExportResult:
    warnings: list[str] = []

    def write(path: Path, report: FeeReport, branch: BranchInfo) -> None:
        fonts = report_fonts(branch.pdf_font or None)
        warnings.extend(fonts.warnings)
        write_pdf(path, A4, fonts, f"Lunch fees {report.month}", branch.name_en or branch.name,
                  lambda painter: draw_fee_report(painter, report, branch, warnings), latin_first=True)

    result = export_lunch_fees(ws, request, progress, ".pdf", write)
    result.warnings.extend(dict.fromkeys(warnings))
    return result
