"""The import template: a workbook with the sheets Schools, ALTs, Placements, Closures and
Events (English headers, each with its Japanese header in a comment), and a sheet of
explanations and allowed values in English and Japanese.

Filled, it holds the branch's current data in the same form the importer reads, so a
branch can be exported, edited in Excel and imported again (or moved to a new database).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from altdesk.io.importing.kinds import alts, closures, events, placements, schools
from altdesk.io.importing.reading import KIND_MODULES, KINDS
from altdesk.io.importing.schema import Field, Schema
from altdesk.io.spreadsheet_safety import DANGEROUS_FIRST

EXPLANATIONS_SHEET = "Explanations"
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")  # grey: survives a monochrome printer
HEADER_FONT = Font(bold=True)
HEADER_BORDER = Border(bottom=Side(style="thin", color="000000"))
DROPDOWN_ROWS = 2000

GENERAL_NOTES: tuple[tuple[str, str], ...] = (
    ("Fill in one sheet per kind of data. Delete the sheets you do not need, or save each sheet as its own CSV "
     "file (UTF-8 or Shift_JIS).",
     "データの種類ごとに 1 シートずつ入力します。不要なシートは削除してかまいません。シートごとに CSV（UTF-8 または "
     "Shift_JIS）で保存して取り込むこともできます。"),
    ("Row 1 of each sheet holds the headers. The Japanese headers below (and the others listed) are accepted too.",
     "各シートの 1 行目が見出しです。下の表の日本語見出し（およびその他の見出し）も使えます。"),
    ("Importing again updates the records with the same code and never duplicates them. Placements are found by "
     "ALT code + school code + start date; closures by kind + board or school + start date; events by school "
     "code + date.",
     "同じコードのデータは再度取り込むと更新され、重複しません。配置は ALT コード＋学校コード＋開始日、休業日は種類＋教育委員会"
     "または学校＋開始日、行事は学校コード＋日付で識別します。"),
    ("An empty cell clears the value (or sets the default). A column left out of a sheet leaves that value as it "
     "is.",
     "空欄のセルは値を消します（または既定値にします）。シートにない列の値はそのまま変わりません。"),
    ("Dates may be written 2026-04-01, 2026/4/1, 2026年4月1日, 令和8年4月1日 or R8.4.1, or be Excel dates. "
     "Full-width digits, letters and spaces are fine in codes, numbers and dates; names are kept as typed.",
     "日付は 2026-04-01、2026/4/1、2026年4月1日、令和8年4月1日、R8.4.1 または Excel の日付で入力できます。コード・数値・"
     "日付の全角英数字や全角スペースは半角として読みます。名前は入力どおりに記録します。"),
    ("Alternate weeks: week A is the week (Monday to Sunday) holding 1 April of the fiscal year, and every second "
     "week after it; week B is the weeks between.",
     "隔週：A 週は年度の 4 月 1 日を含む週（月〜日）から 1 週おきの週、B 週はその間の週です。"),
    ("If anything is wrong, nothing is imported: every problem is listed with its sheet, row and column.",
     "問題が 1 つでもあれば何も取り込みません。問題はすべてシート・行・列とともに表示されます。"),
)
SENSITIVE_NOTE = (
    "This workbook holds the branch's data, including ALTs' diet and health details (sensitive personal data, "
    "要配慮個人情報). Keep it inside the branch and delete it when it is no longer needed.",
    "このブックには支店のデータ（ALT の食事・健康に関する情報＝要配慮個人情報を含む）が入っています。支店外に出さず、"
    "不要になったら削除してください。",
)
Progress = Callable[[int, int], bool]


@dataclass
class TemplateResult:
    path: Path
    rows: dict[str, int] = field(default_factory=dict)  # kind -> data rows written
    boards_left_out: int = 0  # boards with no school cannot ride on the Schools sheet


def template_columns(schema: Schema) -> list[Field]:
    return [f for f in schema.fields if f.in_template]


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _write_cell(sheet: Worksheet, row: int, column: int, value: Any, spec: Field) -> None:
    cell = sheet.cell(row=row, column=column, value=_clean(value))
    if isinstance(value, str) and value.lstrip(" \u3000").startswith(DANGEROUS_FIRST):
        # Text that looks like a formula stays text: a string cell with Excel's quote
        # prefix (what typing '= gives), so nothing runs and the value reads back unchanged.
        cell.data_type = "s"
        cell.quotePrefix = True
    if isinstance(value, dt.time):
        cell.number_format = "hh:mm"
    elif isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"
    elif spec.number_format == "@":
        cell.number_format = "@"


def _data_sheet(workbook: Workbook, schema: Schema, rows: list[dict[str, Any]]) -> Worksheet:
    sheet = workbook.create_sheet(schema.sheet)
    columns = template_columns(schema)
    for number, spec in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=number, value=spec.header)
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, HEADER_BORDER
        cell.alignment = Alignment(vertical="center")
        note = f"{spec.header_ja}\n{spec.help_ja}\n\n{spec.help_en}"
        cell.comment = Comment(note, "ALTdesk", width=260, height=140)
        letter = get_column_letter(number)
        sheet.column_dimensions[letter].width = max(spec.width, len(spec.header) + 2)
        if spec.number_format:
            sheet.column_dimensions[letter].number_format = spec.number_format
        if spec.choices:
            validation = DataValidation(type="list", formula1=f'"{",".join(spec.choices)}"', allow_blank=True,
                                        showErrorMessage=False)  # Japanese words are accepted too
            validation.add(f"{letter}2:{letter}{max(DROPDOWN_ROWS, len(rows) + 500)}")
            sheet.add_data_validation(validation)
    for row_number, values in enumerate(rows, start=2):
        for number, spec in enumerate(columns, start=1):
            value = values.get(spec.key)
            if value not in (None, ""):
                _write_cell(sheet, row_number, number, value, spec)
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, len(rows) + 1)}"
    return sheet


def _explanations(workbook: Workbook, filled: bool) -> None:
    sheet = workbook.create_sheet(EXPLANATIONS_SHEET)
    sheet["A1"] = "ALTdesk import template / ALTdesk 取り込みテンプレート"
    sheet["A1"].font = Font(bold=True, size=14)
    notes = list(GENERAL_NOTES) + ([SENSITIVE_NOTE] if filled else [])
    row = 3
    for en, ja in notes:
        sheet.cell(row=row, column=1, value=en).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.cell(row=row, column=5, value=ja).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        sheet.merge_cells(start_row=row, start_column=5, end_row=row, end_column=8)
        sheet.row_dimensions[row].height = 48
        row += 1
    row += 1
    headers = ("Sheet / シート", "Column / 列", "日本語の見出し", "Also accepted / その他の見出し", "Required / 必須",
               "Explanation", "説明", "Allowed values", "使える値", "Example / 例")
    for number, text in enumerate(headers, start=1):
        cell = sheet.cell(row=row, column=number, value=text)
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, HEADER_BORDER
    for kind in KINDS:
        schema = KIND_MODULES[kind].SCHEMA
        for spec in schema.fields:
            row += 1
            required = "yes / 必須" if spec.required else ""
            if schema.kind == "schools" and spec.key in ("name_ja", "level"):
                required = "for a new school / 新規の学校は必須"
            if schema.kind == "alts" and spec.key in ("family_name", "given_name", "name"):
                required = "yes, or Full name / 必須（または氏名）" if spec.key != "name" else "instead of Family/Given"
            header = spec.header if spec.in_template else f"{spec.header} (instead of other columns)"
            if spec.reference_only:
                header += " (for reading only)"
            others = ", ".join(a for a in spec.aliases[1:] if a != spec.key)
            values = (schema.sheet, header, spec.header_ja, others, required, spec.help_en, spec.help_ja,
                      spec.allowed_en, spec.allowed_ja, spec.example)
            for number, value in enumerate(values, start=1):
                cell = sheet.cell(row=row, column=number, value=value or None)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if number == 10:
                    cell.number_format = "@"
    for letter, width in zip("ABCDEFGHIJ", (12, 22, 18, 26, 14, 40, 40, 34, 34, 18), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "C1"


def filled_rows(session: Any, branch_id: int) -> dict[str, list[dict[str, Any]]]:
    return {
        "schools": schools.template_rows(session, branch_id),
        "alts": alts.template_rows(session, branch_id),
        "placements": placements.template_rows(session, branch_id),
        "closures": closures.template_rows(session, branch_id),
        "events": events.template_rows(session, branch_id),
    }


def build_workbook(rows: dict[str, list[dict[str, Any]]], filled: bool) -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for kind in KINDS:
        _data_sheet(workbook, KIND_MODULES[kind].SCHEMA, rows.get(kind, []))
    _explanations(workbook, filled)
    workbook.active = 0
    return workbook


def write_template(path: Path, ws: Any = None, filled: bool = False, progress: Progress | None = None) -> TemplateResult:
    """Write the template to `path` (atomically: a failure leaves no half-written file)."""
    rows: dict[str, list[dict[str, Any]]] = {}
    result = TemplateResult(path)
    if filled:
        if ws is None:
            raise ValueError("a filled template needs the workspace")
        with ws.db.sessions() as session:
            rows = filled_rows(session, ws.branch_id)
            result.boards_left_out = len(schools.unused_boards(session, ws.branch_id))
    result.rows = {kind: len(rows.get(kind, [])) for kind in KINDS}
    workbook = build_workbook(rows, filled)
    if progress is not None:
        progress(1, 2)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".altdesk-", suffix=".xlsx", dir=path.parent)
    os.close(handle)
    try:
        workbook.save(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    if progress is not None:
        progress(2, 2)
    return result
