"""The branch board on A3 landscape: ALTs by days, as many pages as the ALTs need, with the
title and the day header repeated on every page and the per-day totals at the end."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.pagesizes import A3, landscape
from reportlab.lib.units import mm

from altdesk.io.pdf.painter import Painter, baseline_in
from altdesk.reports.branch_month import LEGEND, BoardCell, BoardDay, BoardRow, BranchMonth

PAGE_W, PAGE_H = landscape(A3)
LEFT, RIGHT = 10 * mm, PAGE_W - 10 * mm
TOP, BOTTOM = PAGE_H - 10 * mm, 9 * mm
CODE_W, NAME_W, DAYS_W, CLASSES_W = 13 * mm, 52 * mm, 10 * mm, 11 * mm
QUIET_DAY_W = 5.5 * mm  # a day on which nobody visits a school (weekend, holiday, break)
ROW_H, HEAD_H = 5.4 * mm, 9.5 * mm
SHADE, ZEBRA, LEAVE = 0.84, 0.95, 0.88


def draw_branch_month(p: Painter, r: BranchMonth) -> None:
    xs = _day_columns(r.days)
    body_top = TOP - 9 * mm - HEAD_H
    body_bottom = BOTTOM + 9 * mm
    per_page = max(1, int((body_top - body_bottom) / ROW_H))
    rows: list[BoardRow | None] = [*r.rows, None]  # None: the totals row at the end
    pages = [rows[i:i + per_page] for i in range(0, len(rows), per_page)]
    for number, chunk in enumerate(pages, start=1):
        _draw_page(p, r, xs, chunk, body_top, number, len(pages))
        p.finish_page()


def _day_columns(days: list[BoardDay]) -> dict[dt.date, tuple[float, float]]:
    start = LEFT + CODE_W + NAME_W
    room = RIGHT - DAYS_W - CLASSES_W - start
    busy = [d for d in days if d.busy]
    quiet_w = QUIET_DAY_W if busy else room / len(days)
    busy_w = (room - quiet_w * (len(days) - len(busy))) / len(busy) if busy else quiet_w
    xs: dict[dt.date, tuple[float, float]] = {}
    x = start
    for day in days:
        w = busy_w if day.busy else quiet_w
        xs[day.date] = (x, w)
        x += w
    return xs


def _draw_page(p: Painter, r: BranchMonth, xs: dict[dt.date, tuple[float, float]], rows: list[BoardRow | None],
               body_top: float, page: int, pages: int) -> None:
    p.text(LEFT, TOP - 5 * mm, r.title, 14, bold=True)
    p.text(LEFT + p.width(r.title, 14) + 6 * mm, TOP - 5 * mm, r.branch.name, 10)
    p.text(RIGHT, TOP - 5 * mm, f"{r.issue_text}　{page} / {pages}", 9, align="right")
    head_top = body_top + HEAD_H
    bottom = body_top - ROW_H * len(rows)
    days_x = RIGHT - DAYS_W - CLASSES_W

    # Shading: header, zebra rows, quiet day columns, leave cells; then rules; then text.
    p.rect(LEFT, body_top, RIGHT - LEFT, HEAD_H, fill=0.78, stroke=False)
    for i in range(1, len(rows), 2):
        p.rect(LEFT, body_top - (i + 1) * ROW_H, RIGHT - LEFT, ROW_H, fill=ZEBRA, stroke=False)
    for day in r.days:
        if day.shaded:
            x, w = xs[day.date]
            p.rect(x, bottom, w, body_top - bottom, fill=SHADE, stroke=False)
    for i, row in enumerate(rows):
        if row is None:
            p.rect(LEFT, body_top - (i + 1) * ROW_H, RIGHT - LEFT, ROW_H, fill=0.8, stroke=False)
            continue
        for day, cell in row.cells.items():
            if cell.absence:
                x, w = xs[day]
                p.rect(x, body_top - (i + 1) * ROW_H, w, ROW_H, fill=LEAVE, stroke=False)
    verticals = [LEFT + CODE_W, LEFT + CODE_W + NAME_W, days_x, days_x + DAYS_W]
    verticals += [x for x, _ in xs.values()][1:]
    p.lines([(x, head_top, x, bottom) for x in verticals], 0.25, grey=0.45)
    p.lines([(LEFT, body_top - i * ROW_H, RIGHT, body_top - i * ROW_H) for i in range(1, len(rows))], 0.25,
            grey=0.55)
    p.rect(LEFT, bottom, RIGHT - LEFT, head_top - bottom, line_width=0.8)
    p.line(LEFT, body_top, RIGHT, body_top, 0.8)
    if rows and rows[-1] is None:
        p.line(LEFT, bottom + ROW_H, RIGHT, bottom + ROW_H, 0.8)

    upper, lower = body_top + HEAD_H * 0.55, body_top + HEAD_H * 0.12
    p.text(LEFT + CODE_W / 2, baseline_in(body_top, HEAD_H, 8), "コード", 8, align="center", bold=True)
    p.text(LEFT + CODE_W + 2 * mm, baseline_in(body_top, HEAD_H, 8), "ALT", 8, bold=True)
    p.text(days_x + DAYS_W / 2, baseline_in(body_top, HEAD_H, 8), "日数", 8, align="center", bold=True)
    p.text(days_x + DAYS_W + CLASSES_W / 2, baseline_in(body_top, HEAD_H, 8), "コマ", 8, align="center", bold=True)
    for day in r.days:
        x, w = xs[day.date]
        p.text(x + w / 2, upper + 0.5 * mm, str(day.date.day), 8, align="center", bold=True)
        p.text(x + w / 2, lower + 0.3 * mm, "祝" if day.closed and day.date.weekday() < 5 else day.weekday_text,
               7, align="center")

    counts = r.day_counts
    for i, row in enumerate(rows):
        row_bottom = body_top - (i + 1) * ROW_H
        if row is None:
            _draw_totals(p, r, xs, counts, row_bottom, days_x)
        else:
            _draw_row(p, row, xs, row_bottom, days_x)

    p.text(LEFT, BOTTOM + 4.5 * mm, LEGEND, 7.5, max_width=RIGHT - LEFT)
    if r.holiday_notes:
        p.text(LEFT, BOTTOM + 0.5 * mm, f"祝日・休業日：{r.holiday_notes}", 7.5, max_width=RIGHT - LEFT - 40 * mm)
    p.text(RIGHT, BOTTOM + 0.5 * mm, f"{r.branch.name}　TEL {r.branch.phone}", 7.5, align="right")


def _draw_row(p: Painter, row: BoardRow, xs: dict[dt.date, tuple[float, float]], bottom: float,
              days_x: float) -> None:
    size = 7.0
    base = baseline_in(bottom, ROW_H, size)
    p.text(LEFT + CODE_W / 2, base, row.code, 6.5, align="center", max_width=CODE_W - 1 * mm)
    name = f"{row.name}（{row.kana}）" if row.kana else row.name
    p.text(LEFT + CODE_W + 1.5 * mm, base, name, size, max_width=NAME_W - 3 * mm, min_size=5)
    for day, cell in row.cells.items():
        x, w = xs[day]
        _draw_cell(p, cell, x, w, bottom)
    p.text(days_x + DAYS_W - 1.5 * mm, base, str(row.days), size, align="right")
    p.text(days_x + DAYS_W + CLASSES_W - 1.5 * mm, base, str(row.classes), size, align="right")


def _draw_cell(p: Painter, cell: BoardCell, x: float, w: float, bottom: float) -> None:
    inner = w - 0.8 * mm
    size = min(6.8, 6.8 * inner / max(p.width(cell.text, 6.8), 0.01))
    if size >= 5.2 or len(cell.text) < 4:  # one line, a little smaller if need be
        p.text(x + w / 2, baseline_in(bottom, ROW_H, size), cell.text, size, align="center", max_width=inner,
               min_size=4)
        return
    # Two short lines read better than one squeezed line: two schools one above the other,
    # or one long name in halves.
    if "・" in cell.text:
        upper, lower = cell.text.split("・", 1)
    else:
        half = (len(cell.text) + 1) // 2
        upper, lower = cell.text[:half], cell.text[half:]
    small = 5.0
    p.text(x + w / 2, bottom + ROW_H / 2 + 0.35 * mm, upper, small, align="center", max_width=inner, min_size=3.5)
    p.text(x + w / 2, bottom + ROW_H / 2 - small * 0.95, lower, small, align="center", max_width=inner, min_size=3.5)


def _draw_totals(p: Painter, r: BranchMonth, xs: dict[dt.date, tuple[float, float]], counts: dict[dt.date, int],
                 bottom: float, days_x: float) -> None:
    size = 7.0
    base = baseline_in(bottom, ROW_H, size)
    p.text(LEFT + CODE_W + 1.5 * mm, base, "訪問ALT数（計）", size, bold=True)
    for day, (x, w) in xs.items():
        if counts.get(day):
            p.text(x + w / 2, base, str(counts[day]), 6.5, align="center", max_width=w - 0.6 * mm)
    p.text(days_x + DAYS_W - 1.5 * mm, base, str(r.total_days), size, align="right", bold=True,
           max_width=DAYS_W - 1.5 * mm)
    p.text(days_x + DAYS_W + CLASSES_W - 1.5 * mm, base, str(r.total_classes), size, align="right", bold=True,
           max_width=CLASSES_W - 1.5 * mm)
