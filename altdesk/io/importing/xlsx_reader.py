"""Reading an Excel workbook (.xlsx/.xlsm) safely, as the person sees it in Excel.

- The archive is checked against limits before openpyxl parses anything (safety.py):
  sizes, cell and row counts, merged ranges, shared strings.
- Sheets stream through openpyxl's read-only parser: memory follows the cells the file
  has, not the rectangle they span.
- Formulas are read as their saved results (data_only); a formula whose result was never
  saved is marked so the schema can say so instead of reading an empty cell.
- A merged range fills down its first column (a board name merged over its schools).
- Hidden rows are kept and flagged; the schema warns about them.
"""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path
from typing import Any

from defusedxml.ElementTree import iterparse as safe_iterparse
from openpyxl.utils.cell import range_boundaries

from altdesk.io.importing.problems import ImportFileError
from altdesk.io.importing.safety import (
    Deadline,
    Limits,
    check_workbook_archive,
    ensure_safe_xml_parser,
    sheet_parts,
)
from altdesk.io.importing.table import MAX_COLUMNS, FormulaWithoutValue, RawRow, RawTable, wide_note


def _open(path: Path) -> Any:
    """openpyxl's reader with the workbook, its shared strings and styles read, and no sheet
    yet: its read-only worksheets would each parse a sheet without a <dimension> in full
    just to size it."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet

    reader = ExcelReader(path, read_only=True, data_only=True, keep_links=False, rich_text=False)
    try:
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)  # which styles are dates
    except BaseException:
        reader.archive.close()
        raise
    return reader


def read_workbook(path: Path, display: str, limits: Limits, deadline: Deadline | None = None) -> list[RawTable]:
    counts = check_workbook_archive(path, display, limits)
    ensure_safe_xml_parser()
    deadline = deadline or Deadline(limits)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "extension is not supported" and the like
            reader = _open(path)
    except ImportFileError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise ImportFileError(
            display,
            f"The workbook is damaged or was not written by Excel, and cannot be read ({type(exc).__name__}). "
            "Open it in Excel and save it again as Excel Workbook (.xlsx).",
            f"ブックが壊れているか Excel 以外で書かれたため読み取れません（{type(exc).__name__}）。"
            "Excel で開き、Excel ブック（.xlsx）として保存し直してください。",
        ) from None
    try:
        unsaved = _formulas_without_results(path, {part for part, c in counts.items() if c.formulas})
        tables = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a date serial out of range becomes #VALUE!, which the schema reports
            for sheet, relation in reader.parser.find_sheets():
                if relation.target not in reader.valid_files or "chartsheet" in relation.Type:
                    continue
                tables.append(_sheet_table(display, reader, sheet.name, sheet.state or "visible", relation.target,
                                           unsaved.get(sheet.name, {}), deadline))
    except ImportFileError:
        raise
    except Exception as exc:
        raise ImportFileError(
            display,
            f"The workbook's contents cannot be read ({type(exc).__name__}). Open it in Excel and save it again.",
            f"ブックの内容を読み取れません（{type(exc).__name__}）。Excel で開いて保存し直してください。",
        ) from None
    finally:
        reader.archive.close()
    if not tables:
        raise ImportFileError(display, "The workbook has no worksheets.", "ブックにワークシートがありません。")
    return tables


def _sheet_table(display: str, reader: Any, title: str, state: str, part: str,
                 unsaved: dict[tuple[int, int], str], deadline: Deadline) -> RawTable:
    from openpyxl.worksheet._reader import WorkSheetParser

    workbook = reader.wb
    by_row: dict[int, dict[int, Any]] = {}
    beyond: dict[int, list[tuple[int, Any]]] = {}  # row -> a few cells past MAX_COLUMNS
    notes: list[tuple[str, str]] = []
    wide = False
    # openpyxl's streaming sheet parser: only the cells the file has, never the rectangle
    # they span or every cell of a merged range.
    with reader.archive.open(part) as source:
        parser = WorkSheetParser(source, reader.shared_strings, data_only=True, epoch=workbook.epoch,
                                 date_formats=workbook._date_formats, timedelta_formats=workbook._timedelta_formats)
        for count, (number, row) in enumerate(parser.parse(), start=1):
            if count % 1000 == 0:
                deadline.check(display, title, number)
            values = by_row.get(number) or {}
            for cell in row:
                column, value = cell["column"], cell["value"]
                if column > MAX_COLUMNS:
                    if value is not None and len(beyond.setdefault(number, [])) < 5:
                        beyond[number].append((column - 1, value))
                        wide = True
                    continue
                if value is None and (number, column) in unsaved:
                    value = FormulaWithoutValue(unsaved[(number, column)])
                if value is not None:
                    values[column] = value
            if values:
                by_row[number] = values
    last_row = max(by_row, default=0)
    for merged in parser.merged_cells.mergeCell if parser.merged_cells else ():
        min_col, min_row, _max_col, max_row = range_boundaries(merged.ref)
        top = by_row.get(min_row, {}).get(min_col)
        if top is None or min_col > MAX_COLUMNS:
            continue
        for number in range(min_row + 1, min(max_row, last_row) + 1):  # fill down the first column
            by_row.setdefault(number, {}).setdefault(min_col, top)
    if wide:
        notes.append(wide_note())
    hidden = {int(number) for number, attributes in parser.row_dimensions.items()
              if str(attributes.get("hidden", "")).lower() in ("1", "true")}
    rows = []
    for number in sorted(by_row):
        values = by_row[number]
        rows.append(RawRow(number, [values.get(c) for c in range(1, max(values) + 1)], hidden=number in hidden,
                           beyond=beyond.get(number, [])))
    return RawTable(
        file=display,
        sheet=title,
        rows=rows,
        source_format="xlsx",
        epoch=workbook.epoch,
        hidden_sheet=state != "visible",
        notes=notes,
    )


def _formulas_without_results(path: Path, parts_with_formulas: set[str]) -> dict[str, dict[tuple[int, int], str]]:
    """Per sheet title, the formula cells that have no saved value: (row, column) -> formula."""
    if not parts_with_formulas:
        return {}
    from openpyxl.utils.cell import coordinate_to_tuple

    found: dict[str, dict[tuple[int, int], str]] = {}
    with zipfile.ZipFile(path) as archive:
        for title, part in sheet_parts(archive).items():
            if part not in parts_with_formulas:
                continue
            missing: dict[tuple[int, int], str] = {}
            with archive.open(part) as stream:
                for _event, element in safe_iterparse(stream, events=("end",)):
                    if element.tag.endswith("}c") or element.tag == "c":
                        formula = value = None
                        for child in element:
                            if child.tag.endswith("}f") or child.tag == "f":
                                formula = child
                            elif child.tag.endswith("}v") or child.tag == "v":
                                value = child
                        if formula is not None and (value is None or not (value.text or "").strip()):
                            reference = element.get("r")
                            if reference:
                                missing[coordinate_to_tuple(reference)] = (formula.text or "").strip()
                        element.clear()
                    elif element.tag.endswith("}row"):
                        element.clear()
            found[title] = missing
    return found
