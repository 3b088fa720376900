"""`export pdf --report lunch-orders`: each school's monthly staff lunch order sheet
(教職員給食注文票) for its ALTs, in Japanese, on A4. Black text and grey shading only, so it
survives a monochrome printer and a fax."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4

from altdesk.db.workspace import Workspace
from altdesk.io.export_request import ExportRequest, ExportResult
from altdesk.io.exporters import ProgressCallback
from altdesk.io.exporters._lunch_orders import ORDERS_TITLE, OrdersJob, export_lunch_orders, issued_text_ja
from altdesk.io.exporters._output import ItemWriter
from altdesk.io.pdf.document import write_pdf
from altdesk.io.pdf.fonts import report_fonts
from altdesk.io.pdf.painter import Painter, baseline_in
from altdesk.labels import WEEKDAYS_JA
from altdesk.lunch.month_data import ITEM_LABELS
from altdesk.lunch.orders import OrderLine, OrderSheet, SheetRow, yen
from altdesk.reports.month_common import date_ja, month_ja

HANDLES = {("pdf", "lunch-orders")}

PAGE_W, PAGE_H = A4
LEFT, RIGHT = 40.0, PAGE_W - 40.0
BOTTOM = 64.0  # the footer lives below this
# Table columns: (title, width, align)
COLUMNS = (("ALT氏名", 122.0, "left"), ("区分", 50.0, "center"), ("給食・牛乳の日", 206.0, "left"),
           ("食数", 38.0, "right"), ("単価", 48.0, "right"), ("金額", 51.3, "right"))
DATE_CELL = 40.0  # one "30日(火)" token
LINE = 12.0
HEADER_FILL, TOTAL_FILL, BOX_FILL = 0.85, 0.93, 0.96


def _day_token(day: dt.date) -> str:
    return f"{day.day}日({WEEKDAYS_JA[day.weekday()]})"


def _x_positions() -> list[float]:
    xs, x = [], LEFT
    for _title, width, _align in COLUMNS:
        xs.append(x)
        x += width
    return xs


XS = _x_positions()
PER_LINE = int(COLUMNS[2][1] // DATE_CELL)


def _item_label(row: SheetRow) -> str:
    return ITEM_LABELS[row.item][1] if row.item else "弁当持参"


def _row_height(row: SheetRow) -> float:
    date_lines = max(1, math.ceil(len(row.dates) / PER_LINE))
    return max(2, date_lines) * LINE + 8


def _wrap_tokens(painter: Painter, tokens: list[str], size: float, width: float) -> list[str]:
    """Dates joined with 、 and broken between dates, never inside one."""
    lines: list[str] = []
    current = ""
    for token in tokens:
        candidate = f"{current}、{token}" if current else token
        if current and painter.width(candidate + "、", size) > width:
            lines.append(current + "、")
            current = token
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


class _Sheet:
    """One school's order sheet, drawn top to bottom, continuing on a new page when full."""

    def __init__(self, painter: Painter, sheet: OrderSheet, job: OrdersJob) -> None:
        self.p, self.sheet, self.job = painter, sheet, job
        self.page = 1
        self.y = PAGE_H - 40

    # --- page furniture -------------------------------------------------------------------

    def footer(self) -> None:
        p, s = self.p, self.sheet
        p.line(LEFT, 52, RIGHT, 52, 0.4, 0.5)
        sender = "　".join(x for x in (s.branch_name, s.branch_address, f"TEL {s.branch_phone}" if s.branch_phone
                                      else "") if x)
        p.text(LEFT, 40, sender, 8.5, max_width=RIGHT - LEFT - 150)
        p.text(RIGHT, 40, f"{s.school_code}　{s.month}　第{s.issue_number}版　{self.page}ページ", 7.5,
               align="right", grey=0.35)

    def new_page(self) -> None:
        self.footer()
        self.p.finish_page()
        self.page += 1
        self.y = PAGE_H - 40
        self.p.text(LEFT, self.y - 10, f"{ORDERS_TITLE}（続き）　{self.sheet.school_name_ja}　"
                    f"{month_ja(self._first_day(), self.job.era)}分", 10, bold=True)
        self.y -= 28

    def need(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self.new_page()

    def _first_day(self) -> dt.date:
        return dt.date(self.sheet.year, self.sheet.month_number, 1)

    # --- sections ---------------------------------------------------------------------------

    def heading(self) -> None:
        p, s, era = self.p, self.sheet, self.job.era
        p.text(RIGHT, self.y - 6, f"発行日：{issued_text_ja(s, era)}", 9.5, align="right")
        version = f"第{s.issue_number}版（再発行）" if s.is_reissue else "第1版"
        p.text(RIGHT, self.y - 19, version, 9.5, align="right", bold=s.is_reissue)
        p.text(PAGE_W / 2, self.y - 50, "教職員給食注文票（ALT）", 18, align="center", bold=True)
        p.text(PAGE_W / 2, self.y - 70, f"{month_ja(self._first_day(), era)}分", 12.5, align="center")
        top = self.y - 100
        p.text(LEFT, top, f"{s.school_name_ja}　御中", 13.5, bold=True, max_width=300)
        p.line(LEFT, top - 4, LEFT + 300, top - 4, 0.6)
        if s.contact_teacher:
            p.text(LEFT + 8, top - 20, f"給食ご担当　{s.contact_teacher}", 10, max_width=290)
        sender_x = RIGHT - 200
        p.text(sender_x, top, s.branch_name, 10.5, bold=True, max_width=200)
        if s.branch_address:
            p.text(sender_x, top - 14, s.branch_address, 8.5, max_width=200)
        if s.branch_phone:
            p.text(sender_x, top - 27, f"TEL {s.branch_phone}", 9, max_width=200)
        self.y = top - 50
        p.text(LEFT, self.y, "下記のとおり、ALTの給食を注文いたします。", 10.5)
        if s.is_reissue:
            self.y -= 15
            p.text(LEFT, self.y, f"{self._since()}の変更箇所は、下の「変更箇所」欄のとおりです。", 10.5)
        self.y -= 16

    def table_header(self) -> None:
        p = self.p
        h = 20.0
        p.rect(LEFT, self.y - h, RIGHT - LEFT, h, fill=HEADER_FILL)
        for (title, width, _align), x in zip(COLUMNS, XS, strict=True):
            p.text(x + width / 2, baseline_in(self.y - h, h, 9.5), title, 9.5, align="center", bold=True)
        p.lines([(x, self.y, x, self.y - h) for x in XS[1:]], 0.5)
        self.y -= h

    def table(self) -> None:
        self.need(60)
        self.table_header()
        rows = self.sheet.rows
        if not rows:
            self.need(24)
            self.p.rect(LEFT, self.y - 24, RIGHT - LEFT, 24)
            self.p.text(PAGE_W / 2, baseline_in(self.y - 24, 24, 10), "今月、給食の注文はありません。", 10,
                        align="center")
            self.y -= 24
        for row in rows:
            h = _row_height(row)
            if self.y - h < BOTTOM + 30:
                self.new_page()
                self.table_header()
            self.row(row, h)
        self.total_row()

    def row(self, row: SheetRow, h: float) -> None:
        p, top = self.p, self.y
        p.rect(LEFT, top - h, RIGHT - LEFT, h)
        p.lines([(x, top, x, top - h) for x in XS[1:]], 0.5)
        name_w = COLUMNS[0][1] - 8
        p.text(XS[0] + 4, top - 13, row.alt_name, 10, max_width=name_w, latin_first=True)
        if row.alt_kana:
            p.text(XS[0] + 4, top - 25, row.alt_kana, 8, max_width=name_w, grey=0.3)
        p.text(XS[1] + COLUMNS[1][1] / 2, top - 13, _item_label(row), 9.5, align="center")
        if row.item is None:
            p.text(XS[2] + 4, top - 13, "（給食の注文なし）", 9, grey=0.3)
        for i, day in enumerate(row.dates):
            line, col = divmod(i, PER_LINE)
            # Right-aligned in equal cells, so the dates line up in columns like a form.
            p.text(XS[2] + (col + 1) * DATE_CELL, top - 13 - line * LINE, _day_token(day), 8.8, align="right")
        if row.item is not None:
            p.text(XS[3] + COLUMNS[3][1] - 5, top - 13, f"{row.count}", 10, align="right")
            p.text(XS[4] + COLUMNS[4][1] - 5, top - 13, yen(row.unit_price), 9.5, align="right")
            p.text(XS[5] + COLUMNS[5][1] - 5, top - 13, yen(row.amount), 9.5, align="right")
        self.y -= h

    def total_row(self) -> None:
        p, s, h = self.p, self.sheet, 22.0
        p.rect(LEFT, self.y - h, RIGHT - LEFT, h, fill=TOTAL_FILL)
        p.lines([(XS[3], self.y, XS[3], self.y - h), (XS[4], self.y, XS[4], self.y - h),
                 (XS[5], self.y, XS[5], self.y - h)], 0.5)
        base = baseline_in(self.y - h, h, 10.5)
        p.text(XS[3] - 8, base, "合計", 10.5, align="right", bold=True)
        p.text(XS[3] + COLUMNS[3][1] - 5, base, f"{s.count}", 10.5, align="right", bold=True)
        p.text(XS[5] + COLUMNS[5][1] - 5, base, yen(s.total), 10.5, align="right", bold=True)
        self.y -= h + 6
        if s.unpriced:
            p.text(LEFT, self.y - 4, "※単価が未設定の品目があります。金額は単価の設定されたもののみの合計です。", 8.5)
            self.y -= 14

    def diets(self) -> None:
        rows = [r for r in self.sheet.rows if r.diet_ja]
        seen: set[str] = set()
        lines = []
        for row in rows:
            if row.alt_code not in seen:
                seen.add(row.alt_code)
                lines.append(f"{row.alt_name}：{row.diet_ja}")
        if not lines:
            return
        self.need(20 + 14 * len(lines))
        self.y -= 8
        self.p.text(LEFT, self.y, "食事制限（ご本人の同意を得て記載しています）", 10, bold=True)
        for line in lines:
            self.y -= 14
            self.p.text(LEFT + 10, self.y, line, 9.5, max_width=RIGHT - LEFT - 10)
        self.y -= 8

    def changes(self) -> None:
        s = self.sheet
        if not s.is_reissue:
            return
        p = self.p
        days_w = RIGHT - LEFT - 186
        entries = [(label, name, _wrap_tokens(p, days, 9.5, days_w)) for label, name, days in self._change_lines()]
        height = 26 + 14 * max(1, sum(len(lines) for _l, _n, lines in entries))
        self.need(height + 10)
        self.y -= 8
        top = self.y
        p.rect(LEFT, top - height, RIGHT - LEFT, height, fill=BOX_FILL)
        p.text(LEFT + 6, top - 15, f"変更箇所（{self._since()}）", 10.5, bold=True)
        y = top - 30
        if not entries:
            p.text(LEFT + 12, y, "給食の日付に変更はありません（単価等の変更による再発行）。", 9.5)
        for label, name, lines in entries:
            p.text(LEFT + 12, y, f"【{label}】", 9.5, bold=True)
            p.text(LEFT + 52, y, name, 9.5, max_width=120, latin_first=True)
            for line in lines:
                p.text(LEFT + 178, y, line, 9.5, max_width=days_w)
                y -= 14
        self.y = top - height - 6

    def _since(self) -> str:
        previous = self.sheet.previous_issued_at
        if previous is None:
            return "前回発行分から"
        return f"前回（{date_ja(previous.date(), self.job.era)}発行）から"

    def _change_lines(self) -> list[tuple[str, str, list[str]]]:
        out = []
        for label, lines in (("追加", self.sheet.changes.added), ("取消", self.sheet.changes.cancelled)):
            by_alt: dict[str, list[OrderLine]] = {}
            for line in lines:
                by_alt.setdefault(line.alt_name, []).append(line)
            for name, alt_lines in by_alt.items():
                days = [_day_token(x.date) + ("（牛乳）" if x.item == "milk" else "") for x in alt_lines]
                out.append((label, name, days))
        return out

    def notes(self) -> None:
        s = self.sheet
        self.need(40)
        self.y -= 10
        if s.rule_ja:
            self.p.text(LEFT, self.y, f"給食の追加・取消のご連絡期限：{s.rule_ja}", 9.5)
            self.y -= 14
        self.p.text(LEFT, self.y, "ご不明な点は上記の支店までお問い合わせください。", 9.5)

    def draw(self) -> None:
        self.heading()
        self.table()
        self.diets()
        self.changes()
        self.notes()
        self.footer()
        self.p.finish_page()


def draw_order_sheet(painter: Painter, sheet: OrderSheet, job: OrdersJob) -> None:
    _Sheet(painter, sheet, job).draw()


def pdf_writer(job: OrdersJob, warnings: list[str]) -> ItemWriter:
    fonts = report_fonts(job.branch.pdf_font or None)
    warnings.extend(fonts.warnings)

    def write(path: Path, indices: list[int], tick: Callable[[], None]) -> None:
        chosen = [job.sheets[i] for i in indices]
        title = f"{ORDERS_TITLE} {chosen[0].month}" + (f" {chosen[0].school_name_ja}" if len(chosen) == 1 else "")

        def draw(painter: Painter) -> None:
            for sheet in chosen:
                draw_order_sheet(painter, sheet, job)
                tick()

        write_pdf(path, A4, fonts, title, job.branch.name, draw)

    return write


def export(ws: Workspace, request: ExportRequest, progress: ProgressCallback) -> ExportResult:
    warnings: list[str] = []
    result = export_lunch_orders(ws, request, progress, ".pdf", lambda job: pdf_writer(job, warnings))
    result.warnings.extend(dict.fromkeys(warnings))
    return result

