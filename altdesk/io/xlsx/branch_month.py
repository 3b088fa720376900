"""The branch board as a worksheet: ALTs by days, A3 landscape, one page wide, the day header
and the ALT columns repeated on every printed page and frozen on screen.

Written in write-only mode: 300 ALTs by 31 days stays well under the two-second budget.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl.utils import get_column_letter

from altdesk.io.xlsx.common import SheetWriter, new_workbook, setup_sheet, sheet_title
from altdesk.reports.branch_month import LEGEND, BranchMonth

FIRST_DAY_COLUMN = 4  # code, ALT, kana, then the days
HEADER_ROWS = (3, 4)


def write_branch_month(path: Path, board: BranchMonth) -> None:
    wb = new_workbook()
    ws = wb.create_sheet(sheet_title(board.month, set()))
    day_widths = [9 if d.busy else 3.5 for d in board.days]
    setup_sheet(ws, [8, 22, 18, *day_widths, 6, 6], paper="A3", landscape=True, fit_height=0,
                title_rows=HEADER_ROWS, freeze=f"{get_column_letter(FIRST_DAY_COLUMN)}{HEADER_ROWS[1] + 1}",
                header=f"{board.branch.name}　{board.title}")
    ws.print_title_cols = "A:B"
    w = SheetWriter(ws)
    shaded = [d.shaded for d in board.days]

    w.append([w.cell(board.title, size=14, bold=True), None, None,
              w.cell(f"{board.branch.name}　{board.issue_text}", size=9)], 22)
    w.append([w.cell(LEGEND, size=8)])
    w.append([w.cell(h, bold=True, grey="header", box=True, h="center") for h in ("コード", "ALT", "カナ")]
             + [w.cell(d.date.day, bold=True, grey="header", box=True, h="center") for d in board.days]
             + [w.cell(h, bold=True, grey="header", box=True, h="center") for h in ("日数", "コマ")])
    w.append([w.cell("", grey="header", box=True) for _ in range(3)]
             + [w.cell("祝" if d.closed and d.date.weekday() < 5 else d.weekday_text, size=9, grey="header",
                       box=True, h="center") for d in board.days]
             + [w.cell("", grey="header", box=True) for _ in range(2)])

    for row in board.rows:
        cells = [w.cell(row.code, size=9, box=True), w.cell(row.name, size=9, box=True),
                 w.cell(row.kana, size=8, box=True)]
        for day, shade in zip(board.days, shaded, strict=True):
            cell = row.cells.get(day.date)
            if cell is None:
                cells.append(w.cell(None, grey="weekend" if shade else None, box=True))
            else:
                grey = "off" if cell.absence else ("weekend" if shade else None)
                cells.append(w.cell(cell.text, size=8, grey=grey, box=True, h="center", wrap=True))
        cells += [w.cell(row.days, box=True, h="right"), w.cell(row.classes, box=True, h="right")]
        w.append(cells)

    counts = board.day_counts
    w.append([w.cell("", grey="header", box=True), w.cell("訪問ALT数（計）", bold=True, grey="header", box=True),
              w.cell("", grey="header", box=True)]
             + [w.cell(counts.get(d.date) or None, grey="header", box=True, h="center") for d in board.days]
             + [w.cell(board.total_days, bold=True, grey="header", box=True, h="right"),
                w.cell(board.total_classes, bold=True, grey="header", box=True, h="right")])
    if board.holiday_notes:
        w.blank()
        w.append([w.cell(f"祝日・休業日：{board.holiday_notes}", size=9)])
    wb.save(path)
