"""Small helpers for the lunch workbooks: safe cell text, yen and date formats, print setup."""

from __future__ import annotations

import re
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from altdesk.io.spreadsheet_safety import neutralise

YEN = '"¥"#,##0'
DATE_JA = 'm"月"d"日"(aaa)'  # Excel shows the weekday in Japanese: 6月19日(金)
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", start_color="D9D9D9")
TOTAL_FILL = PatternFill("solid", start_color="EDEDED")
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def put(ws: Worksheet, row: int, column: int, value: Any, *, bold: bool = False, fmt: str | None = None,
        border: bool = False, fill: PatternFill | None = None, wrap: bool = False, size: float | None = None) -> None:
    """Write one cell; text a spreadsheet would run as a formula is neutralised."""
    cell = ws.cell(row=row, column=column, value=neutralise(value))
    if bold or size:
        cell.font = Font(bold=bold, size=size or 11)
    if fmt:
        cell.number_format = fmt
    if border:
        cell.border = BOX
    if fill is not None:
        cell.fill = fill
    if wrap:
        cell.alignment = WRAP


def widths(ws: Worksheet, values: list[float]) -> None:
    for index, width in enumerate(values, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width


def print_setup(ws: Worksheet, header_row: int, landscape: bool = False) -> None:
    """A4, fitted to one page wide, the table header repeated on every page, panes frozen below it."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5


def sheet_title(text: str, taken: set[str]) -> str:
    """A worksheet name Excel accepts (31 characters, no []:*?/\\), unique in the workbook."""
    base = re.sub(r"[\[\]:*?/\\]", "_", text).strip("'") or "Sheet"
    title, n = base[:31], 2
    while title in taken:
        suffix = f" ({n})"
        title, n = base[:31 - len(suffix)] + suffix, n + 1
    taken.add(title)
    return title
