"""What a reader hands on: the rows of one sheet (or CSV file) as raw cell values.

Readers do no interpretation beyond what the file format itself says (a date cell is a
date, a merged range fills down); everything else is the schemas' job.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

EXCEL_1900_EPOCH = dt.datetime(1899, 12, 30)
MAX_COLUMNS = 256  # far beyond any sheet's columns; cells further right are ignored, with a note


@dataclass(frozen=True)
class FormulaWithoutValue:
    """A formula cell whose result was never saved (the file was written by a program)."""

    formula: str

    def __str__(self) -> str:
        return f"={self.formula}" if self.formula else "=…"


@dataclass
class RawRow:
    number: int  # as the spreadsheet shows it (1-based)
    cells: list[Any]
    hidden: bool = False
    beyond: list[tuple[int, Any]] = field(default_factory=list)  # a few cells past MAX_COLUMNS: (0-based column, value)

    def is_blank(self) -> bool:
        return all(is_blank(value) for value in self.cells)


@dataclass
class RawTable:
    file: str  # the path as the person gave it
    sheet: str | None  # None for a CSV file
    rows: list[RawRow]
    source_format: str  # "csv" or "xlsx"
    encoding: str | None = None  # for CSV: the detected encoding, as a label
    epoch: dt.datetime = EXCEL_1900_EPOCH  # for date serial numbers
    hidden_sheet: bool = False
    notes: list[tuple[str, str]] = field(default_factory=list)  # (en, ja) warnings from reading

    @property
    def label(self) -> str:
        return f"{self.file} [{self.sheet}]" if self.sheet else self.file


def is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return False


def cell_text(value: Any) -> str:
    """A cell as a person would read it, for messages and previews."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat() if isinstance(value, dt.date) else value.strftime("%H:%M")
    return str(value)


def wide_note() -> tuple[str, str]:
    return (f"Cells beyond column {MAX_COLUMNS} were ignored.", f"{MAX_COLUMNS} 列目より右のセルは無視しました。")
