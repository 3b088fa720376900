"""`export pdf --report actuals`: the month's actuals (実績報告) on A4 landscape, in Japanese for
head office: schools by board of education (planned, delivered, cancelled by reason, contract),
ALTs (days worked, events, 振替, absences, classes per week), corrections after closing."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape

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
from altdesk.io.pdf.document import write_pdf
from altdesk.io.pdf.fonts import report_fonts
from altdesk.io.pdf.painter import Painter, baseline_in
from altdesk.reports.actuals import MonthActuals

HANDLES = {("pdf", "actuals")}

PAGE_W, PAGE_H = landscape(A4)
LEFT, RIGHT = 28.0, PAGE_W - 28.0
TOP, BOTTOM = PAGE_H - 28.0, 46.0
ROW = 14.0
HEADER_FILL, TOTAL_FILL, BOARD_FILL = 0.85, 0.92, 0.96


def _columns(headers: Sequence[str], wide: dict[int, float]) -> list[float]:
    """Column widths: the wide ones as given, the rest share what is left."""
    rest = (RIGHT - LEFT - sum(wide.values())) / (len(headers) - len(wide))
    return [wide.get(i, rest) for i in range(len(headers))]


class _Pages:
    def __init__(self, painter: Painter, report: MonthActuals) -> None:
        self.p, self.report = painter, report
        self.page = 1
        self.y = TOP
        self.section = ""

    def footer(self) -> None:
        self.p.line(LEFT, 36, RIGHT, 36, 0.4, 0.5)
        self.p.text(LEFT, 26, f"{self.report.branch.name}　{month_title(self.report)}", 8, grey=0.35)
        self.p.text(RIGHT, 26, f"{self.page} ページ", 8, align="right", grey=0.35)

    def new_page(self) -> None:
        self.footer()
        self.p.finish_page()
        self.page += 1
        self.y = TOP
        self.p.text(LEFT, self.y - 10, f"{month_title(self.report)}　{self.section}（続き）", 10, bold=True)
        self.y -= 20

    def heading(self) -> None:
        r = self.report
        self.p.text(LEFT, self.y - 18, month_title(r), 18, bold=True)
        self.p.text(RIGHT, self.y - 12, r.branch.name, 10, align="right")
        if r.branch.phone:
            self.p.text(RIGHT, self.y - 25, f"TEL {r.branch.phone}", 9, align="right")
        self.p.text(LEFT, self.y - 36, status_line(r), 9.5)
        self.y -= 48

    def title(self, text: str) -> None:
        if self.y - 60 < BOTTOM:
            self.new_page()
        self.section = text
        self.p.text(LEFT, self.y - 14, text, 12, bold=True)
        self.y -= 22

    def header(self, headers: Sequence[str], widths: list[float]) -> None:
        h = 26.0
        self.p.rect(LEFT, self.y - h, RIGHT - LEFT, h, fill=HEADER_FILL)
        x = LEFT
        for title, w in zip(headers, widths, strict=True):
            lines = title.split("\n")[:2]
            for i, line in enumerate(lines):
                self.p.text(x + w / 2, self.y - 10 - i * 9, line, 7.5, align="center", max_width=w - 4, bold=True)
            x += w
        self.y -= h

    def row(self, values: Sequence[object], widths: list[float], headers: Sequence[str], *, fill: float | None = None,
            bold: bool = False, text_columns: int = 2) -> None:
        if self.y - ROW < BOTTOM:
            self.new_page()
            self.header(headers, widths)
        if fill is not None:
            self.p.rect(LEFT, self.y - ROW, RIGHT - LEFT, ROW, fill=fill, stroke=False)
        base = baseline_in(self.y - ROW, ROW, 8.5)
        x = LEFT
        for i, (value, w) in enumerate(zip(values, widths, strict=True)):
            text = "" if value is None else str(value)
            if i < text_columns:
                self.p.text(x + 3, base, text, 8.5, max_width=w - 6, bold=bold)
            else:
                self.p.text(x + w - 3, base, text, 8.5, align="right", max_width=w - 6, bold=bold)
            x += w
        self.p.line(LEFT, self.y - ROW, RIGHT, self.y - ROW, 0.3, 0.6)
        self.y -= ROW

    def schools(self) -> None:
        widths = _columns(SCHOOL_HEADERS, {0: 52.0, 1: 150.0})
        self.title("学校別（教育委員会別）")
        self.header(SCHOOL_HEADERS, widths)
        for board in self.report.boards:
            self.row([board.name] + [""] * (len(SCHOOL_HEADERS) - 1), widths, SCHOOL_HEADERS, fill=BOARD_FILL,
                     bold=True, text_columns=len(SCHOOL_HEADERS))
            for school in board.schools:
                self.row(school_row(school), widths, SCHOOL_HEADERS)
            total = school_row(board.total())
            total[0], total[1] = "", "小計"
            self.row(total, widths, SCHOOL_HEADERS, fill=TOTAL_FILL, bold=True)
        total = school_row(self.report.total())
        total[0], total[1] = "", "合計"
        self.row(total, widths, SCHOOL_HEADERS, fill=HEADER_FILL, bold=True)
        self.y -= 8
        self.p.text(LEFT, self.y - 8, "計画：当月に予定された訪問（当初の予定日）。実施：中止・代替以外の訪問"
                    "（締め前は作成日まで）。中止：訪問件数。年度累計：4月からの実施日数。", 7.5, grey=0.25)
        self.y -= 20

    def alts(self) -> None:
        widths = _columns(ALT_HEADERS, {0: 52.0, 1: 150.0})
        self.title("ALT別")
        self.header(ALT_HEADERS, widths)
        for alt in self.report.alts:
            self.row(alt_row(alt), widths, ALT_HEADERS)
        self.y -= 8
        self.p.text(LEFT, self.y - 8, "勤務日数・行事日数：実施した訪問の日数。休暇：当月の平日の日数。"
                    "週最大授業数：当月の各週（月〜日）の予定授業数の最大。", 7.5, grey=0.25)
        self.y -= 20

    def corrections(self) -> None:
        widths = _columns(CORRECTION_HEADERS, {0: 46.0, 1: 78.0, 2: 70.0, 3: 80.0, 5: 170.0})
        self.title("締め後の訂正")
        rows = correction_rows(self.report)
        if not rows:
            self.p.text(LEFT, self.y - 10, "訂正なし", 9)
            self.y -= 16
            return
        self.header(CORRECTION_HEADERS, widths)
        for values in rows:
            self.row(values, widths, CORRECTION_HEADERS, text_columns=len(CORRECTION_HEADERS))

    def draw(self) -> None:
        self.heading()
        self.schools()
        self.alts()
        self.corrections()
        self.footer()
        self.p.finish_page()


def draw_actuals(painter: Painter, report: MonthActuals) -> None:
    """The actuals' pages (the export's and the preview's)."""
    _Pages(painter, report).draw()


def export(ws: Workspace, request: ExportRequest, progress: ProgressCallback) -> ExportResult:
    warnings: list[str] = []

    def write(path: Path, report: MonthActuals) -> None:
        fonts = report_fonts(report.branch.pdf_font or None)
        warnings.extend(fonts.warnings)
        write_pdf(path, landscape(A4), fonts, month_title(report), report.branch.name,
                  lambda painter: draw_actuals(painter, report))

    result = export_actuals(ws, request, progress, ".pdf", write)
    result.warnings.extend(dict.fromkeys(warnings))
    return result
