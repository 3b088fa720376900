"""The school's visit schedule (訪問予定表) as one A4 portrait page.

The page always holds the whole month: rows share the height left between the header and
the footer, and only when a month is unusually full do rows and type get smaller.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from altdesk.io.atomic import atomic_path
from altdesk.io.pdf.document import write_pdf
from altdesk.io.pdf.fonts import report_fonts
from altdesk.io.pdf.painter import Painter, baseline_in
from altdesk.reports.school_month import DayOffRow, SchoolMonth, VisitRow

PAGE_W, PAGE_H = A4
LEFT, RIGHT = 15 * mm, PAGE_W - 15 * mm
TOP, BOTTOM = PAGE_H - 13 * mm, 12 * mm
HEADER_FILL, DAY_OFF_FILL, CHANGED_FILL = 0.82, 0.9, 0.86
MAX_ROW, COMFORT_ROW = 9.5 * mm, 6.4 * mm
LUNCH_LEGEND = "給食：学校給食をいただく日　弁当持参：ALTが昼食を持参　牛乳のみ：牛乳のみいただく日"


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    width: float
    align: str = "center"


def columns(with_marks: bool) -> list[Column]:
    cols = [
        Column("day", "日付", 15 * mm), Column("weekday", "曜日", 9 * mm), Column("alt", "ALT", 47 * mm, "left"),
        Column("time", "時間", 24 * mm), Column("periods", "校時", 21 * mm), Column("lunch", "昼食", 19 * mm),
    ]
    used = sum(c.width for c in cols) + (9 * mm if with_marks else 0)
    cols.append(Column("note", "備考", RIGHT - LEFT - used, "left"))
    if with_marks:
        cols.insert(0, Column("mark", "変更", 9 * mm))
    return cols


def draw_school_month(painter: Painter, report: SchoolMonth) -> None:
    """Draw one report as one page (the caller saves the canvas)."""
    y = _draw_heading(painter, report)
    footer_top = _draw_footer(painter, report)
    _draw_table(painter, report, y - 2 * mm, footer_top + 3 * mm)
    painter.finish_page()


def _draw_heading(p: Painter, r: SchoolMonth) -> float:
    p.text(RIGHT, TOP - 3 * mm, r.issue_text, 9, align="right")
    if r.edition_text:
        p.text(RIGHT, TOP - 7.5 * mm, r.edition_text, 8.5, align="right", bold=True)
    p.text(PAGE_W / 2, TOP - 14 * mm, r.title, 19, align="center", bold=True)
    p.text(PAGE_W / 2, TOP - 22 * mm, r.month_text, 12.5, align="center")

    # Addressee on the left, sender on the right.
    top = TOP - 33 * mm
    p.text(LEFT, top, f"{r.school_name_ja}　御中", 13, bold=True, max_width=105 * mm, min_size=9)
    p.line(LEFT, top - 2 * mm, LEFT + 105 * mm, top - 2 * mm, 0.6)
    if r.contact_teacher:
        p.text(LEFT, top - 7 * mm, f"ご担当　{r.contact_teacher}", 9, max_width=100 * mm)
    b = r.branch
    p.text(RIGHT, top + 1 * mm, b.name, 10, align="right", bold=True, max_width=72 * mm)
    if b.address:
        p.text(RIGHT, top - 3.5 * mm, b.address, 7.5, align="right", max_width=72 * mm)
    if b.phone:
        p.text(RIGHT, top - 8 * mm, f"TEL {b.phone}", 9, align="right")

    y = top - 15 * mm
    p.text(LEFT, y, "下記のとおりALTの訪問を予定しております。どうぞよろしくお願いいたします。", 9)

    # The ALTs of the month, with a diet line only for those who agreed to share it.
    lines: list[tuple[str, str, bool]] = []
    for alt in r.alts:
        lines.append(("担当ALT" if not lines else "", alt.name_ja, False))
        if alt.diet_ja:
            lines.append(("", f"食事について（本人同意のうえ記載）：{alt.diet_ja}", True))
    if not lines:
        lines.append(("担当ALT", "—", False))
    line_h = 5 * mm
    box_h = len(lines) * line_h + 2.5 * mm
    box_top = y - 3 * mm
    p.rect(LEFT, box_top - box_h, RIGHT - LEFT, box_h, line_width=0.6)
    ly = box_top - 1.2 * mm - line_h
    for label, text, is_diet in lines:
        base = ly + 1.4 * mm
        if label:
            p.text(LEFT + 2.5 * mm, base, label, 9, bold=True)
        size = 8 if is_diet else 10
        p.text(LEFT + 20 * mm, base, text, size, max_width=RIGHT - LEFT - 68 * mm, min_size=6)
        ly -= line_h
    p.text(RIGHT - 2.5 * mm, box_top - 1.2 * mm - line_h + 1.4 * mm, r.summary_text, 9.5, align="right")
    return box_top - box_h


def _draw_table(p: Painter, r: SchoolMonth, top: float, bottom: float) -> None:
    with_marks = r.issue.number > 1
    cols = columns(with_marks)
    entries = r.entries
    header_h = 7 * mm
    count = max(1, len(entries))
    row_h = min(MAX_ROW, (top - header_h - bottom) / count)
    scale = min(1.0, row_h / COMFORT_ROW)
    xs = [LEFT]
    for c in cols:
        xs.append(xs[-1] + c.width)

    # Column rules first; day-off shading over them (those rows run across the ALT..note
    # columns), then row rules and the frame, then the text on top.
    table_bottom = top - header_h - row_h * count
    p.rect(LEFT, top - header_h, RIGHT - LEFT, header_h, fill=HEADER_FILL, stroke=False)
    changed = r.issue.changed_visits if with_marks else set()
    y = top - header_h
    for entry in entries:
        if isinstance(entry, VisitRow) and entry.visit_id in changed:
            p.rect(LEFT, y - row_h, RIGHT - LEFT, row_h, fill=CHANGED_FILL, stroke=False)
        y -= row_h
    p.lines([(x, top, x, table_bottom) for x in xs[1:-1]], 0.3, grey=0.35)
    keys = [c.key for c in cols]
    alt_index, day_index = keys.index("alt"), keys.index("day")
    y = top - header_h
    for entry in entries:
        if isinstance(entry, DayOffRow):
            p.rect(LEFT, y - row_h, RIGHT - LEFT, row_h, fill=DAY_OFF_FILL, stroke=False)
            kept = xs[1:alt_index + 1]
            if entry.first != entry.last:  # a range spans the date and weekday columns
                kept = [x for x in kept if x != xs[day_index + 1]]
            p.lines([(x, y, x, y - row_h) for x in kept], 0.3, grey=0.35)
        y -= row_h
    p.lines([(LEFT, top - header_h - i * row_h, RIGHT, top - header_h - i * row_h) for i in range(1, count)],
            0.3, grey=0.35)
    p.rect(LEFT, table_bottom, RIGHT - LEFT, top - table_bottom, line_width=0.8)
    p.line(LEFT, top - header_h, RIGHT, top - header_h, 0.8)

    for c, x in zip(cols, xs, strict=False):
        p.text(x + c.width / 2, baseline_in(top - header_h, header_h, 9), c.title, 9, align="center", bold=True)
    if not entries:
        p.text(LEFT + 4 * mm, baseline_in(table_bottom, row_h, 10), "今月の訪問予定はありません。", 10)
        return
    y = top - header_h
    for entry in entries:
        _draw_row(p, cols, xs, entry, y - row_h, row_h, scale, entry_changed=isinstance(entry, VisitRow)
                  and entry.visit_id in changed)
        y -= row_h


def _draw_row(p: Painter, cols: list[Column], xs: list[float], entry: VisitRow | DayOffRow, bottom: float,
              h: float, scale: float, entry_changed: bool) -> None:
    size = 9.5 * scale
    pad = 1.5 * mm
    for c, x in zip(cols, xs, strict=False):
        base = baseline_in(bottom, h, size)
        if c.key == "mark":
            if entry_changed:
                p.text(x + c.width / 2, baseline_in(bottom, h, 7.5 * scale), "変更", 7.5 * scale, align="center",
                       bold=True)
            continue
        if c.key == "day":
            if isinstance(entry, DayOffRow) and entry.first != entry.last:  # a range spans date and weekday
                span = c.width + cols[cols.index(c) + 1].width
                p.text(x + span / 2, base, entry.day_text, size, align="center", max_width=span - 1 * mm)
            else:
                p.text(x + c.width / 2, base, entry.day_text, size, align="center", max_width=c.width - 1 * mm)
            continue
        if c.key == "weekday":
            if isinstance(entry, DayOffRow) and entry.first != entry.last:
                continue
            p.text(x + c.width / 2, base, entry.weekday_text, size, align="center", max_width=c.width - 0.6 * mm)
            continue
        if isinstance(entry, DayOffRow):
            if c.key == "alt":
                p.text(x + pad, base, entry.name_ja, size, max_width=xs[-1] - x - 2 * pad)
            continue
        _draw_visit_cell(p, c, x, entry, bottom, h, size, scale, pad)


def _draw_visit_cell(p: Painter, c: Column, x: float, v: VisitRow, bottom: float, h: float, size: float,
                     scale: float, pad: float) -> None:
    inner = c.width - 2 * pad
    if c.key == "alt":
        if h >= 6.6 * mm and v.alt.kana:
            kana, romaji, gap = 9.5 * scale, 7 * scale, 0.8 * scale
            top = bottom + h / 2 + (kana + gap + romaji) / 2
            p.text(x + pad, top - 0.86 * kana, v.alt.kana, kana, max_width=inner)
            p.text(x + pad, top - kana - gap - 0.86 * romaji, v.alt.romaji, romaji, max_width=inner)
        else:
            # Too little height for two lines: the name as the school knows it (the box above
            # gives every ALT's romaji).
            p.text(x + pad, baseline_in(bottom, h, size), v.alt.kana or v.alt.romaji, size, max_width=inner)
        return
    text = {"time": v.time_text, "periods": v.periods_text, "lunch": v.lunch_text}.get(c.key)
    if text is not None:
        p.text(x + c.width / 2, baseline_in(bottom, h, size), text, size, align="center", max_width=inner)
        return
    note = v.note_text
    if not note:
        return
    note_size = 7.5 * scale
    lines = p.wrap(note, note_size, inner, 2 if h >= 6.4 * mm else 1)
    line_h = note_size * 1.15
    first = bottom + h / 2 + (len(lines) - 1) * line_h / 2 - note_size * 0.36
    for i, line in enumerate(lines):
        p.text(x + pad, first - i * line_h, line, note_size, max_width=inner, min_size=4.5)


def _draw_footer(p: Painter, r: SchoolMonth) -> float:
    """Draw the changes box and the footer from the bottom up; returns the top of what it drew."""
    y = BOTTOM
    p.line(LEFT, y + 5 * mm, RIGHT, y + 5 * mm, 0.4)
    p.text(LEFT, y + 1.5 * mm, f"{r.branch.name}　TEL {r.branch.phone}" if r.branch.phone else r.branch.name, 8,
           max_width=110 * mm)
    p.text(RIGHT, y + 1.5 * mm, f"{r.school_code}　{r.month}", 7, align="right", grey=0.3)
    p.text(LEFT, y + 7 * mm, LUNCH_LEGEND, 7, max_width=RIGHT - LEFT)
    top = y + 10 * mm
    if r.issue.number > 1 and r.changes:
        top = _draw_changes(p, r, top + 1 * mm)
    return top


def _draw_changes(p: Painter, r: SchoolMonth, bottom: float) -> float:
    texts = [c.text_ja for c in r.changes]
    line_h = 4.4 * mm
    columns_used = 2 if len(texts) > 5 else 1
    max_rows = 6
    capacity = max_rows * columns_used
    if len(texts) > capacity:
        hidden = len(texts) - (capacity - 1)
        texts = texts[: capacity - 1] + [f"ほか {hidden} 件（表の「変更」欄をご覧ください）"]
    rows = (len(texts) + columns_used - 1) // columns_used
    box_h = (rows + 1) * line_h + 2 * mm
    p.rect(LEFT, bottom, RIGHT - LEFT, box_h, line_width=0.8)
    title_base = bottom + box_h - line_h + 0.6 * mm
    p.text(LEFT + 2.5 * mm, title_base, "変更箇所（前回発行分からの変更）", 9, bold=True)
    col_w = (RIGHT - LEFT - 5 * mm) / columns_used
    for i, text in enumerate(texts):
        col, row = divmod(i, rows)
        p.text(LEFT + 4 * mm + col * col_w, title_base - (row + 1) * line_h, f"・{text}", 8.5,
               max_width=col_w - 3 * mm, min_size=6)
    return bottom + box_h


def write_school_month_files(reports: Sequence[SchoolMonth], paths: Sequence[Path], font_config: str) -> None:
    """Write each report to its own PDF (a worker-process job: module level, picklable)."""
    fonts = report_fonts(font_config or None)
    for report, path in zip(reports, paths, strict=True):
        with atomic_path(path) as partial:
            write_pdf(partial, A4, fonts, f"ALT訪問予定表 {report.month} {report.school_name_ja}", report.branch.name,
                      lambda painter, report=report: draw_school_month(painter, report))
