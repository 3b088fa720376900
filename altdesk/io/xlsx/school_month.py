"""The school's visit schedule (訪問予定表) as a worksheet that prints on one A4 page: the same
model, texts and marks as the PDF."""

from __future__ import annotations

from openpyxl import Workbook

from altdesk.io.xlsx.common import SheetWriter, as_date, setup_sheet, sheet_title
from altdesk.reports.school_month import DayOffRow, SchoolMonth, VisitRow

HEADERS = ("日付", "曜日", "ALT", "ALT（ローマ字）", "時間", "校時", "昼食", "備考")
WIDTHS = (8, 5, 20, 20, 13, 11, 10, 30)
LUNCH_LEGEND = "給食：学校給食をいただく日　弁当持参：ALTが昼食を持参　牛乳のみ：牛乳のみいただく日"


def add_school_month_sheet(wb: Workbook, report: SchoolMonth, taken: set[str]) -> None:
    ws = wb.create_sheet(sheet_title(f"{report.school_code} {report.school_name_ja}", taken))
    marks = report.issue.number > 1
    headers = (("変更",) if marks else ()) + HEADERS
    widths = ((6,) if marks else ()) + WIDTHS
    alt_lines = sum(2 if a.diet_ja else 1 for a in report.alts) or 1
    header_row = 9 + alt_lines
    setup_sheet(ws, widths, paper="A4", fit_height=1, title_rows=(header_row, header_row),
                freeze=f"A{header_row + 1}")
    w = SheetWriter(ws)
    last = len(headers)
    pad = [None] * (last - 2)

    w.append([w.cell(report.title, size=16, bold=True), *pad, w.cell(report.issue_text, h="right")], 24)
    w.append([w.cell(report.month_text, size=12), *pad, w.cell(report.edition_text, bold=True, h="right")], 18)
    w.append([w.cell(f"{report.school_name_ja}　御中", size=13, bold=True), *pad,
              w.cell(report.branch.name, bold=True, h="right")], 20)
    w.append([w.cell(f"ご担当　{report.contact_teacher}" if report.contact_teacher else ""), *pad,
              w.cell(report.branch.address, size=9, h="right")])
    w.append([None, *pad, w.cell(f"TEL {report.branch.phone}" if report.branch.phone else "", h="right")])
    w.append([w.cell("下記のとおりALTの訪問を予定しております。どうぞよろしくお願いいたします。", size=9)])
    w.blank()
    first = True
    for alt in report.alts or []:
        w.append([w.cell("担当ALT" if first else "", bold=True), None, w.cell(alt.name_ja, size=11)])
        first = False
        if alt.diet_ja:
            w.append([None, None, w.cell(f"食事について（本人同意のうえ記載）：{alt.diet_ja}", size=9)])
    if not report.alts:
        w.append([w.cell("担当ALT", bold=True), None, w.cell("—")])
    w.append([None, *pad, w.cell(report.summary_text, h="right")])
    assert w.rows == header_row - 1, "the header row was announced for print titles and panes"
    w.append([w.cell(h, bold=True, grey="header", box=True, h="center") for h in headers], 20)

    changed = report.issue.changed_visits if marks else set()
    for entry in report.entries:
        w.append(_row(w, entry, marks, changed), 30 if isinstance(entry, VisitRow) else 20)
    if not report.entries:
        w.append([w.cell("今月の訪問予定はありません。")])
    w.blank()
    if marks and report.changes:
        w.append([w.cell("変更箇所（前回発行分からの変更）", bold=True)])
        for change in report.changes:
            w.append([w.cell(f"・{change.text_ja}")])
        w.blank()
    w.append([w.cell(LUNCH_LEGEND, size=8)])
    w.append([w.cell(f"{report.branch.name}　TEL {report.branch.phone}", size=8), *pad,
              w.cell(f"{report.school_code}　{report.month}", size=8, h="right")])


def _row(w: SheetWriter, entry: VisitRow | DayOffRow, marks: bool, changed: set[int]) -> list[object]:
    cells: list[object] = []
    if isinstance(entry, DayOffRow):
        grey = "off"
        if marks:
            cells.append(w.cell("", grey=grey, box=True))
        day = (w.cell(as_date(entry.first), grey=grey, box=True, h="center", number_format="m/d")
               if entry.first == entry.last else w.cell(entry.day_text, grey=grey, box=True, h="center"))
        cells += [day, w.cell(entry.weekday_text, grey=grey, box=True, h="center"),
                  w.cell(entry.name_ja, grey=grey, box=True)]
        cells += [w.cell("", grey=grey, box=True) for _ in range(5)]
        return cells
    is_changed = entry.visit_id in changed
    grey = "changed" if is_changed else None
    if marks:
        cells.append(w.cell("変更" if is_changed else "", bold=True, grey=grey, box=True, h="center"))
    cells += [
        w.cell(as_date(entry.date), grey=grey, box=True, h="center", number_format="m/d"),
        w.cell(entry.weekday_text, grey=grey, box=True, h="center"),
        w.cell(entry.alt.kana or entry.alt.romaji, grey=grey, box=True),
        w.cell(entry.alt.romaji, grey=grey, box=True),
        w.cell(entry.time_text, grey=grey, box=True, h="center"),
        w.cell(entry.periods_text, grey=grey, box=True, h="center"),
        w.cell(entry.lunch_text, grey=grey, box=True, h="center"),
        w.cell(entry.note_text, grey=grey, box=True, wrap=True),
    ]
    return cells
