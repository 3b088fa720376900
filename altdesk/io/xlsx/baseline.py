"""The yardstick for Excel speed: the same values appended to a bare openpyxl write-only sheet,
with no styles, widths or print setup. The bench prints ALTdesk's time beside this one."""

from __future__ import annotations

import time
from pathlib import Path

from openpyxl import Workbook

from altdesk.reports.branch_month import BranchMonth


def branch_month_values(board: BranchMonth) -> list[list[object]]:
    """The board's cell values, row by row, as the real sheet holds them."""
    rows: list[list[object]] = [
        [board.title], ["コード", "ALT", "カナ", *(d.date.day for d in board.days), "日数", "コマ"],
        ["", "", "", *(d.weekday_text for d in board.days), "", ""],
    ]
    for row in board.rows:
        cells = [row.cells.get(d.date) for d in board.days]
        rows.append([row.code, row.name, row.kana, *(c.text if c else None for c in cells), row.days, row.classes])
    counts = board.day_counts
    rows.append(["", "訪問ALT数（計）", "", *(counts.get(d.date) for d in board.days), board.total_days,
                 board.total_classes])
    return rows


def bare_write_only(rows: list[list[object]], path: Path) -> float:
    """Append the rows to a write-only workbook and save it; returns the seconds taken."""
    started = time.perf_counter()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("board")
    for row in rows:
        ws.append(row)
    wb.save(path)
    return time.perf_counter() - started
