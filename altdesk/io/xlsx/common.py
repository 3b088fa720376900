"""Writing report sheets with openpyxl's write-only mode: shared styles, safe cells, print setup.

Every text cell goes through `safe_cell` (formula neutralising). Styles are monochrome —
black text, grey fills, thin grey rules — so a printout survives a black-and-white printer.
Print setup, column widths and frozen panes must be set before the first row is written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from copy import copy
from functools import cache
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from altdesk.io.spreadsheet_safety import safe_cell

FONT_JA = "游ゴシック"  # Yu Gothic: Office's Japanese default; other programs substitute their own
GREYS = {"header": "D0D0D0", "off": "E7E7E7", "changed": "D9D9D9", "zebra": "F2F2F2", "weekend": "DDDDDD"}
_THIN = Side(style="thin", color="808080")
BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


@cache
def font(size: float = 10, bold: bool = False) -> Font:
    return Font(name=FONT_JA, size=size, bold=bold, color="000000")


@cache
def fill(grey: str) -> PatternFill:
    return PatternFill("solid", fgColor=GREYS.get(grey, grey))


@cache
def align(horizontal: str = "left", wrap: bool = False, vertical: str = "center") -> Alignment:
    return Alignment(horizontal=horizontal, vertical=vertical, wrap_text=wrap)


class SheetWriter:
    """Appends styled rows to a write-only sheet and counts them."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        self.ws = ws
        self.rows = 0

    def cell(self, value: Any, *, size: float = 10, bold: bool = False, grey: str | None = None,
             box: bool = False, h: str = "left", wrap: bool = False, number_format: str | None = None) -> WriteOnlyCell:
        c = WriteOnlyCell(self.ws, value=safe_cell(value))
        key = (size, bold, grey, box, h, wrap, number_format)
        styles = self._styles()
        cached = styles.get(key)
        if cached is None:
            # Setting font, fill and border hashes each style object into the workbook's
            # lists; done once per combination, then the resulting style ids are copied.
            c.font = font(size, bold)
            if grey:
                c.fill = fill(grey)
            if box:
                c.border = BOX
            c.alignment = align(h, wrap)
            if number_format:
                c.number_format = number_format
            styles[key] = copy(c._style)
        else:
            c._style = copy(cached)
        return c

    def _styles(self) -> dict[tuple[Any, ...], Any]:
        wb = self.ws.parent
        cache = getattr(wb, "_altdesk_styles", None)
        if cache is None:
            cache = {}
            wb._altdesk_styles = cache  # style ids belong to one workbook
        return cache

    def append(self, cells: Sequence[Any], height: float | None = None) -> int:
        self.rows += 1
        if height is not None:
            self.ws.row_dimensions[self.rows].height = height
        self.ws.append(list(cells))
        return self.rows

    def blank(self) -> int:
        return self.append([])


def new_workbook() -> Workbook:
    return Workbook(write_only=True)


def setup_sheet(
    ws: WriteOnlyWorksheet,
    widths: Iterable[float],
    *,
    paper: str = "A4",
    landscape: bool = False,
    fit_height: int = 0,
    title_rows: tuple[int, int] | None = None,
    freeze: str | None = None,
    header: str = "",
) -> None:
    """Column widths and print setup: paper, orientation, fit to one page wide (and
    fit_height pages tall; 0 = as many as needed), repeated header rows, frozen panes."""
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A3 if paper == "A3" else Worksheet.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = fit_height
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    if title_rows:
        ws.print_title_rows = f"{title_rows[0]}:{title_rows[1]}"
    if freeze:
        ws.freeze_panes = freeze
    if header:
        ws.oddFooter.center.text = "&P / &N"
        ws.oddHeader.right.text = header


_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def sheet_title(text: str, taken: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, none of []:*?/\\), unique in the workbook."""
    base = _BAD_SHEET_CHARS.sub("_", text).strip("'") or "Sheet"
    base = base[:31]
    title, n = base, 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(title.lower())
    return title


def as_date(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)
