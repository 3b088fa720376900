"""An ALT's month as a worksheet: the Monday-Friday calendar (each day a block of cells), then
the totals per school and any weekend visits; A4 landscape, one page."""

from __future__ import annotations

from openpyxl import Workbook

from altdesk.io.xlsx.common import SheetWriter, setup_sheet, sheet_title
from altdesk.reports.alt_month import WEEKDAY_NAMES, AltDay, AltMonth

LINES_PER_DAY = 4  # visit lines under each date row
LEGEND = ("Grey days: no school (holiday, closure or leave). Lunch: school lunch is served at school; "
          "own lunch: bring your own; milk only: milk is served.")


def add_alt_month_sheet(wb: Workbook, report: AltMonth, taken: set[str]) -> None:
    ws = wb.create_sheet(sheet_title(f"{report.code} {report.name}", taken))
    setup_sheet(ws, [34] * 5, paper="A4", landscape=True, fit_height=1, title_rows=(5, 5), freeze="A6")
    w = SheetWriter(ws)
    w.append([w.cell(f"{report.title} — {report.month_text}", size=16, bold=True), None, None, None,
              w.cell(report.branch.name_en, bold=True, h="right")], 24)
    w.append([w.cell(report.alt_text, size=12), None, None, None,
              w.cell(f"Tel. {report.branch.phone}" if report.branch.phone else "", h="right")])
    w.append([w.cell(f"ALT code {report.code}", size=9), None, None, None, w.cell(report.issue_text, h="right")])
    w.blank()
    w.append([w.cell(name, bold=True, grey="header", box=True, h="center") for name in WEEKDAY_NAMES], 18)
    for week in report.weeks:
        w.append([_date_cell(w, day) for day in week], 16)
        for line in range(LINES_PER_DAY):
            w.append([_line_cell(w, day, line) for day in week], 13)
    w.blank()
    w.append([w.cell(f"This month: {report.totals_text}", size=11, bold=True)])
    w.append([w.cell(h, bold=True, grey="header", box=True) for h in ("School", "学校名", "Days", "Classes")])
    for total in report.school_totals:
        w.append([w.cell(total.school_en, box=True), w.cell(total.school_ja, box=True),
                  w.cell(total.days, box=True, h="right"), w.cell(total.classes, box=True, h="right")])
    for line in report.weekend_lines:
        w.append([w.cell(f"Weekend: {line}", size=9)])
    w.blank()
    w.append([w.cell(LEGEND, size=8)])


def _grey(day: AltDay) -> str | None:
    if not day.in_month:
        return "zebra"
    return "off" if day.is_free else None


def _date_cell(w: SheetWriter, day: AltDay) -> object:
    text = f"{day.date.day}" if day.in_month else f"{day.date.day} {day.date:%b}"
    if day.in_month and day.label:
        text += f"   {day.label}"
    return w.cell(text, bold=day.in_month, grey=_grey(day), box=True)


def day_lines(day: AltDay) -> list[str]:
    """The text under a day's date: each visit's school (English, Japanese), times and lunch."""
    if not day.in_month:
        return []
    if not day.visits:
        return ["No visit"] if day.label else []
    lines: list[str] = []
    for v in day.visits:
        lunch = v.lunch_text + (f" · {v.note_text}" if v.note_text else "")
        if len(day.visits) == 1:
            lines += [v.school_en, v.school_ja, v.detail_text, lunch]
        else:
            lines += [f"{v.school_en} / {v.school_ja}", f"{v.detail_text} · {lunch}"]
    if len(lines) > LINES_PER_DAY:
        lines = lines[: LINES_PER_DAY - 1] + ["; ".join(lines[LINES_PER_DAY - 1:])]
    return lines


def _line_cell(w: SheetWriter, day: AltDay, line: int) -> object:
    lines = day_lines(day)
    text = lines[line] if line < len(lines) else None
    return w.cell(text, size=9, bold=line == 0 and bool(day.visits), grey=_grey(day))
