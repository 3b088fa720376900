"""Reading an Excel workbook (.xlsx/.xlsm) safely, as the person sees it in Excel.

- The archive is checked against limits before openpyxl parses anything (safety.py).
- Formulas are read as their saved results (data_only); a formula whose result was never
  saved is marked so the schema can say so instead of reading an empty cell.
- A merged range fills down its first column (a board name merged over its schools).
- Hidden rows are kept and flagged; the schema warns about them.
"""

from __future__ import annotations

import posixpath
import warnings
import zipfile
from pathlib import Path
from typing import Any

from defusedxml.ElementTree import fromstring as safe_fromstring
from defusedxml.ElementTree import iterparse as safe_iterparse

from altdesk.io.importing.problems import ImportFileError
from altdesk.io.importing.safety import Limits, check_workbook_archive, ensure_safe_xml_parser
from altdesk.io.importing.table import FormulaWithoutValue, RawRow, RawTable

MAX_COLUMNS = 256
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def read_workbook(path: Path, display: str, limits: Limits) -> list[RawTable]:
    counts = check_workbook_archive(path, display, limits)
    ensure_safe_xml_parser()
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "extension is not supported" and the like
            workbook = openpyxl.load_workbook(path, data_only=True, keep_links=False, rich_text=False)
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
        tables = [
            _sheet_table(display, worksheet, workbook.epoch, unsaved.get(worksheet.title, {}))
            for worksheet in workbook.worksheets
        ]
    except ImportFileError:
        raise
    except Exception as exc:
        raise ImportFileError(
            display,
            f"The workbook's contents cannot be read ({type(exc).__name__}). Open it in Excel and save it again.",
            f"ブックの内容を読み取れません（{type(exc).__name__}）。Excel で開いて保存し直してください。",
        ) from None
    finally:
        workbook.close()
    if not tables:
        raise ImportFileError(display, "The workbook has no worksheets.", "ブックにワークシートがありません。")
    return tables


def _sheet_table(display: str, worksheet: Any, epoch: Any, unsaved: dict[tuple[int, int], str]) -> RawTable:
    cells: dict[tuple[int, int], Any] = {}
    notes: list[tuple[str, str]] = []
    wide = False
    # worksheet._cells holds only the cells the file has; iter_rows would create every
    # cell of the used rectangle, which a stray far-away cell makes enormous.
    for (row, column), cell in worksheet._cells.items():
        if column > MAX_COLUMNS:
            wide = wide or cell.value is not None
            continue
        value = cell.value
        if value is None and (row, column) in unsaved:
            value = FormulaWithoutValue(unsaved[(row, column)])
        if value is not None:
            cells[(row, column)] = value
    for merged in worksheet.merged_cells.ranges:
        top = cells.get((merged.min_row, merged.min_col))
        if top is None or merged.min_col > MAX_COLUMNS:
            continue
        for row in range(merged.min_row + 1, merged.max_row + 1):
            cells.setdefault((row, merged.min_col), top)
    if wide:
        notes.append((
            f"Cells beyond column {MAX_COLUMNS} were ignored.",
            f"{MAX_COLUMNS} 列目より右のセルは無視しました。",
        ))
    hidden = {number for number, dimension in worksheet.row_dimensions.items() if dimension.hidden}
    by_row: dict[int, dict[int, Any]] = {}
    for (row, column), value in cells.items():
        by_row.setdefault(row, {})[column] = value
    rows = []
    for number in sorted(by_row):
        values = by_row[number]
        width = max(values)
        rows.append(RawRow(number, [values.get(c) for c in range(1, width + 1)], hidden=number in hidden))
    return RawTable(
        file=display,
        sheet=worksheet.title,
        rows=rows,
        source_format="xlsx",
        epoch=epoch,
        hidden_sheet=worksheet.sheet_state != "visible",
        notes=notes,
    )


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet title -> part name inside the archive."""
    workbook = safe_fromstring(archive.read("xl/workbook.xml"))
    rels = safe_fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {}
    for rel in rels.iter(f"{_PKG_REL}Relationship"):
        target = rel.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        targets[rel.get("Id")] = part
    parts = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        part = targets.get(sheet.get(f"{_REL}id"))
        if part:
            parts[sheet.get("name", "")] = part
    return parts


def _formulas_without_results(path: Path, parts_with_formulas: set[str]) -> dict[str, dict[tuple[int, int], str]]:
    """Per sheet title, the formula cells that have no saved value: (row, column) -> formula."""
    if not parts_with_formulas:
        return {}
    from openpyxl.utils.cell import coordinate_to_tuple

    found: dict[str, dict[tuple[int, int], str]] = {}
    with zipfile.ZipFile(path) as archive:
        for title, part in _sheet_parts(archive).items():
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
