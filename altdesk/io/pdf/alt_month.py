"""An ALT's monthly schedule on one A4 landscape page: a Monday-Friday calendar, then totals
per school and any weekend visits."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

from altdesk.io.pdf.painter import Painter, baseline_in
from altdesk.reports.alt_month import WEEKDAY_NAMES, AltDay, AltMonth, AltVisit

PAGE_W, PAGE_H = landscape(A4)
LEFT, RIGHT = 12 * mm, PAGE_W - 12 * mm
TOP, BOTTOM = PAGE_H - 11 * mm, 10 * mm
HEADER_FILL, FREE_FILL, OUTSIDE_FILL = 0.82, 0.9, 0.95


def draw_alt_month(p: Painter, r: AltMonth) -> None:
    _draw_heading(p, r)
    footer_top = _draw_footer(p, r)
    _draw_grid(p, r, TOP - 24 * mm, footer_top + 4 * mm)
    p.finish_page()


def _draw_heading(p: Painter, r: AltMonth) -> None:
    p.text(LEFT, TOP - 6 * mm, r.title, 18, bold=True)
    p.text(LEFT + p.width(r.title, 18) + 5 * mm, TOP - 6 * mm, r.month_text, 14)
    p.text(LEFT, TOP - 14 * mm, r.alt_text, 12, max_width=150 * mm)
    p.text(LEFT, TOP - 19 * mm, f"ALT code {r.code}", 8, grey=0.3)
    b = r.branch
    p.text(RIGHT, TOP - 4 * mm, b.name_en, 10, align="right", bold=True, max_width=100 * mm)
    if b.phone:
        p.text(RIGHT, TOP - 9 * mm, f"Tel. {b.phone}", 9, align="right")
    p.text(RIGHT, TOP - 14 * mm, r.issue_text, 8.5, align="right")


def _draw_grid(p: Painter, r: AltMonth, top: float, bottom: float) -> None:
    header_h = 6 * mm
    col_w = (RIGHT - LEFT) / 5
    row_h = (top - header_h - bottom) / len(r.weeks)
    p.rect(LEFT, top - header_h, RIGHT - LEFT, header_h, fill=HEADER_FILL, stroke=False)
    for row, week in enumerate(r.weeks):
        for col, day in enumerate(week):
            x, y = LEFT + col * col_w, top - header_h - (row + 1) * row_h
            if not day.in_month:
                p.rect(x, y, col_w, row_h, fill=OUTSIDE_FILL, stroke=False)
            elif day.is_free:
                p.rect(x, y, col_w, row_h, fill=FREE_FILL, stroke=False)
    grid_bottom = top - header_h - row_h * len(r.weeks)
    p.lines([(LEFT + i * col_w, top, LEFT + i * col_w, grid_bottom) for i in range(1, 5)], 0.4, grey=0.3)
    p.lines([(LEFT, top - header_h - i * row_h, RIGHT, top - header_h - i * row_h) for i in range(1, len(r.weeks))],
            0.4, grey=0.3)
    p.rect(LEFT, grid_bottom, RIGHT - LEFT, top - grid_bottom, line_width=0.8)
    p.line(LEFT, top - header_h, RIGHT, top - header_h, 0.8)
    for col, name in enumerate(WEEKDAY_NAMES):
        p.text(LEFT + col * col_w + col_w / 2, baseline_in(top - header_h, header_h, 9.5), name, 9.5,
               align="center", bold=True)
    for row, week in enumerate(r.weeks):
        for col, day in enumerate(week):
            _draw_day(p, day, LEFT + col * col_w, top - header_h - (row + 1) * row_h, col_w, row_h)


def _draw_day(p: Painter, day: AltDay, x: float, y: float, w: float, h: float) -> None:
    pad = 1.6 * mm
    top = y + h
    label_base = top - 4.2 * mm
    number = str(day.date.day) if day.in_month else f"{day.date.day} {day.date:%b}"
    p.text(x + pad, label_base, number, 10 if day.in_month else 7.5, bold=day.in_month,
           grey=0.0 if day.in_month else 0.45)
    if not day.in_month:
        return
    number_w = p.width(number, 10) + 2.5 * mm
    if day.label:
        p.text(x + w - pad, label_base, day.label, 7.5, align="right", max_width=w - number_w - pad, bold=True)
    if not day.visits:
        if day.label:
            p.text(x + w / 2, y + h / 2 - 3 * mm, "No visit", 8, align="center", grey=0.3)
        return
    inner = w - 2 * pad
    body_top = top - 5.5 * mm
    compact = len(day.visits) > 1
    lines_per = 3 if compact else 4
    line_h = min(4.0 * mm, (body_top - y - 1 * mm) / (lines_per * len(day.visits)))
    size = min(8.8, line_h / mm * 2.45)
    cursor = body_top
    for visit in day.visits:
        for text, text_size, bold in _visit_lines(visit, compact, size):
            cursor -= line_h
            p.text(x + pad, cursor + line_h * 0.22, text, text_size, max_width=inner, min_size=4.5, bold=bold)


def _visit_lines(v: AltVisit, compact: bool, size: float) -> list[tuple[str, float, bool]]:
    lunch = v.lunch_text + (f" · {v.note_text}" if v.note_text else "")
    if compact:
        return [(v.school_en, size, True), (v.school_ja, size * 0.95, False),
                (f"{v.detail_text} · {lunch}", size * 0.9, False)]
    return [(v.school_en, size, True), (v.school_ja, size * 0.95, False), (v.detail_text, size * 0.92, False),
            (lunch, size * 0.92, False)]


def _draw_footer(p: Painter, r: AltMonth) -> float:
    """Totals per school, weekend visits and the legend, from the bottom up; returns their top."""
    y = BOTTOM
    p.text(LEFT, y + 1 * mm, "Grey days: no school (holiday, closure or leave). Lunch: school lunch is served at "
           "school; own lunch: bring your own; milk only: milk is served.", 7, max_width=RIGHT - LEFT, grey=0.2)
    p.text(RIGHT, y + 1 * mm, "", 7)
    y += 5 * mm
    for line in reversed(r.weekend_lines[:3]):
        p.text(LEFT, y + 1 * mm, f"Weekend: {line}", 8, max_width=RIGHT - LEFT)
        y += 4.2 * mm
    totals = r.school_totals
    row_h = 4.3 * mm
    shown = totals[:5]
    cols = (LEFT, LEFT + 100 * mm, LEFT + 175 * mm, LEFT + 195 * mm)
    for total in reversed(shown):
        p.text(cols[0] + 2 * mm, y + 1.2 * mm, total.school_en, 8.5, max_width=96 * mm)
        p.text(cols[1], y + 1.2 * mm, total.school_ja, 8.5, max_width=72 * mm)
        p.text(cols[2] + 15 * mm, y + 1.2 * mm, str(total.days), 8.5, align="right")
        p.text(cols[3] + 18 * mm, y + 1.2 * mm, str(total.classes), 8.5, align="right")
        y += row_h
    p.line(LEFT, y, LEFT + 215 * mm, y, 0.4)
    p.text(cols[0] + 2 * mm, y + 1.2 * mm, "School", 8.5, bold=True)
    p.text(cols[1], y + 1.2 * mm, "学校名", 8.5, bold=True)
    p.text(cols[2] + 15 * mm, y + 1.2 * mm, "Days", 8.5, align="right", bold=True)
    p.text(cols[3] + 18 * mm, y + 1.2 * mm, "Classes", 8.5, align="right", bold=True)
    y += row_h + 1 * mm
    p.text(LEFT, y + 1 * mm, f"This month: {r.totals_text}", 10.5, bold=True)
    return y + 5 * mm
