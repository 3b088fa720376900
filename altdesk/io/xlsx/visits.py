"""The flat visits table as a worksheet: the CSV's columns, a filter on the header, frozen
header row, A4 landscape one page wide."""

from __future__ import annotations

from pathlib import Path

from openpyxl.utils import get_column_letter

from altdesk.io.spreadsheet_safety import safe_cell
from altdesk.io.xlsx.common import SheetWriter, new_workbook, setup_sheet
from altdesk.reports.visits_table import COLUMNS, VisitsTable

WIDTHS = {"date": 11, "alt_code": 9, "alt_name": 22, "school_code": 10, "school_name_ja": 28, "school_name_en": 30,
          "start": 7, "end": 7, "periods": 8, "lunch": 12, "status": 10, "kind": 10}


def write_visits(path: Path, table: VisitsTable) -> None:
    wb = new_workbook()
    ws = wb.create_sheet(f"{table.first:%Y-%m-%d}_{table.last:%Y-%m-%d}")
    setup_sheet(ws, [WIDTHS.get(c, 12) for c in COLUMNS], paper="A4", landscape=True, title_rows=(1, 1),
                freeze="A2", header=f"Visits {table.first} – {table.last}")
    last_row = len(table.rows) + 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{last_row}"
    w = SheetWriter(ws)
    w.append([w.cell(c, bold=True, grey="header", box=True) for c in COLUMNS])
    for row in table.rows:
        # Plain values (no per-cell styles) keep a year of visits fast; safe_cell still applies.
        w.append([safe_cell(value) for value in row])
    wb.save(path)
