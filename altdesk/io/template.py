"""The import template: a workbook with the sheets Branch, Schools, ALTs, Placements, Closures,
Events, Absences, Demand and TravelTimes, and a sheet of explanations and allowed values in English and Japanese. In English
each header carries its Japanese header in a comment; in Japanese (`lang="ja"`) the sheets,
headers, drop-down values and examples are Japanese, with the English in the comment. The
importer reads either language.

Filled, it holds the branch's current data in the same form the importer reads, so a
branch can be exported, edited in Excel and imported again (or moved to a new database).
"""

from __future__ import annotations

import datetime as dt
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

from altdesk.io.atomic import atomic_path
from altdesk.io.importing.kinds import (
    absences,
    alts,
    branch,
    closures,
    demand,
    events,
    placements,
    schools,
    travel_times,
)
from altdesk.io.importing.reading import KIND_MODULES, KINDS
from altdesk.io.importing.schema import Field, Schema
from altdesk.io.spreadsheet_safety import DANGEROUS_FIRST

EXPLANATIONS_SHEET = "Explanations"
EXPLANATIONS_SHEET_JA = "説明"
# The Japanese template's sheet names: each is one of the names the importer knows its kind by.
SHEETS_JA = {"branch": "支店", "schools": "学校", "alts": "ALT", "placements": "配置", "closures": "休業日",
             "events": "行事", "absences": "不在", "demand": "需要", "travel_times": "移動時間"}
# Drop-down values as a Japanese coordinator writes them (the importer reads both). Per field
# where one English word means two things ("none": no ALT lunch / no lunch that day).
CHOICES_JA: dict[str, str] = {
    "kindergarten": "幼稚園", "elementary": "小学校", "junior_high": "中学校", "senior_high": "高等学校",
    "special_needs": "特別支援学校", "serves": "給食あり", "milk_only": "牛乳のみ", "school_lunch": "給食",
    "own_lunch": "弁当持参", "active": "在籍", "on_leave": "休職", "left": "退職", "break": "長期休業",
    "closure": "学校閉庁日", "school_day_off": "学校休業日", "branch_closure": "支店休業日", "yes": "はい",
    "no": "いいえ", "none": "なし", "paid_leave": "有給休暇", "sick": "病欠", "training": "研修",
    "compensatory": "振替休日", "car": "車", "train_bus": "電車・バス", "bicycle": "自転車", "week": "毎週",
    "fortnight": "隔週",
}
CHOICES_JA_BY_FIELD: dict[tuple[str, str], str] = {("lunch_policy", "none"): "給食なし"}
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


def sheet_name(schema: Schema, lang: str) -> str:
    return SHEETS_JA[schema.kind] if lang == "ja" else schema.sheet


def header(spec: Field, lang: str) -> str:
    return spec.header_ja if lang == "ja" else spec.header


def choice_text(spec: Field, value: Any, lang: str) -> Any:
    """A drop-down value (or a filled cell of such a column) in the template's language."""
    if lang != "ja" or not spec.choices or not isinstance(value, str) or value not in spec.choices:
        return value
    return CHOICES_JA_BY_FIELD.get((spec.key, value), CHOICES_JA.get(value, value))


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


def _data_sheet(workbook: Workbook, schema: Schema, rows: list[dict[str, Any]], lang: str) -> Worksheet:
    sheet = workbook.create_sheet(sheet_name(schema, lang))
    columns = template_columns(schema)
    for number, spec in enumerate(columns, start=1):
        title = header(spec, lang)
        cell = sheet.cell(row=1, column=number, value=title)
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, HEADER_BORDER
        cell.alignment = Alignment(vertical="center")
        if lang == "ja":
            note = f"{spec.help_ja}\n\n{spec.header}: {spec.help_en}"
        else:
            note = f"{spec.header_ja}\n{spec.help_ja}\n\n{spec.help_en}"
        cell.comment = Comment(note, "ALTdesk", width=260, height=140)
        letter = get_column_letter(number)
        # Japanese characters take about two columns' width each.
        title_width = sum(2 if ord(ch) > 0x2E80 else 1 for ch in title)
        sheet.column_dimensions[letter].width = max(spec.width, title_width + 2)
        if spec.number_format:
            sheet.column_dimensions[letter].number_format = spec.number_format
        if spec.choices:
            choices = [choice_text(spec, choice, lang) for choice in spec.choices]
            validation = DataValidation(type="list", formula1=f'"{",".join(choices)}"', allow_blank=True,
                                        showErrorMessage=False)  # the other language's words are accepted too
            validation.add(f"{letter}2:{letter}{max(DROPDOWN_ROWS, len(rows) + 500)}")
            sheet.add_data_validation(validation)
    for row_number, values in enumerate(rows, start=2):
        for number, spec in enumerate(columns, start=1):
            value = choice_text(spec, values.get(spec.key), lang)
            if value not in (None, ""):
                _write_cell(sheet, row_number, number, value, spec)
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, len(rows) + 1)}"
    return sheet


def _explanations(workbook: Workbook, filled: bool, lang: str) -> None:
    ja = lang == "ja"
    sheet = workbook.create_sheet(EXPLANATIONS_SHEET_JA if ja else EXPLANATIONS_SHEET)
    sheet["A1"] = "ALTdesk 取り込みテンプレート / ALTdesk import template" if ja else \
        "ALTdesk import template / ALTdesk 取り込みテンプレート"
    sheet["A1"].font = Font(bold=True, size=14)
    notes = list(GENERAL_NOTES) + ([SENSITIVE_NOTE] if filled else [])
    row = 3
    for note_en, note_ja in notes:
        first, second = (note_ja, note_en) if ja else (note_en, note_ja)
        sheet.cell(row=row, column=1, value=first).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.cell(row=row, column=5, value=second).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        sheet.merge_cells(start_row=row, start_column=5, end_row=row, end_column=8)
        sheet.row_dimensions[row].height = 48
        row += 1
    row += 1
    if ja:
        headers = ("シート / Sheet", "列 / Column", "英語の見出し", "その他の見出し / Also accepted", "必須 / Required",
                   "説明", "Explanation", "使える値", "Allowed values", "例 / Example")
    else:
        headers = ("Sheet / シート", "Column / 列", "日本語の見出し", "Also accepted / その他の見出し", "Required / 必須",
                   "Explanation", "説明", "Allowed values", "使える値", "Example / 例")
    for number, text in enumerate(headers, start=1):
        cell = sheet.cell(row=row, column=number, value=text)
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, HEADER_BORDER
    for kind in KINDS:
        schema = KIND_MODULES[kind].SCHEMA
        for spec in schema.fields:
            row += 1
            required_pair = ("yes", "必須") if spec.required else ("", "")
            if schema.kind == "schools" and spec.key in ("name_ja", "level"):
                required_pair = ("for a new school", "新規の学校は必須")
            if schema.kind == "alts" and spec.key in ("family_name", "given_name", "name"):
                required_pair = (("yes, or Full name", "必須（または氏名）") if spec.key != "name"
                                 else ("instead of Family/Given", "姓・名の代わりに"))
            required = " / ".join(required_pair[::-1] if ja else required_pair) if required_pair[0] else ""
            column = header(spec, lang)
            if not spec.in_template:
                column += "（他の列の代わりに）" if ja else " (instead of other columns)"
            if spec.reference_only:
                column += "（参照用、取り込みません）" if ja else " (for reading only)"
            others = ", ".join(a for a in spec.aliases[1:] if a != spec.key)
            example = choice_text(spec, spec.example, lang)
            if ja:
                values = (sheet_name(schema, lang), column, spec.header, others, required, spec.help_ja, spec.help_en,
                          spec.allowed_ja, spec.allowed_en, example)
            else:
                values = (schema.sheet, column, spec.header_ja, others, required, spec.help_en, spec.help_ja,
                          spec.allowed_en, spec.allowed_ja, example)
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
        "absences": absences.template_rows(session, branch_id),
        "demand": demand.template_rows(session, branch_id),
        "travel_times": travel_times.template_rows(session, branch_id),
        "branch": branch.template_rows(session, branch_id),
    }


def build_workbook(rows: dict[str, list[dict[str, Any]]], filled: bool, lang: str = "en") -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for kind in KINDS:
        _data_sheet(workbook, KIND_MODULES[kind].SCHEMA, rows.get(kind, []), lang)
    _explanations(workbook, filled, lang)
    workbook.active = 0
    return workbook


def write_template(path: Path, ws: Any = None, filled: bool = False, progress: Progress | None = None,
                   lang: str = "en") -> TemplateResult:
    """Write the template to `path` in `lang` (en or ja), atomically: a failure leaves no
    half-written file."""
    rows: dict[str, list[dict[str, Any]]] = {}
    result = TemplateResult(path)
    if filled:
        if ws is None:
            raise ValueError("a filled template needs the workspace")
        with ws.db.sessions() as session:
            rows = filled_rows(session, ws.branch_id)
            result.boards_left_out = len(schools.unused_boards(session, ws.branch_id))
    result.rows = {kind: len(rows.get(kind, [])) for kind in KINDS}
    workbook = build_workbook(rows, filled, lang)
    if progress is not None:
        progress(1, 2)
    with atomic_path(path) as partial:  # a killed write leaves a partial the next write clears
        workbook.save(partial)
    if progress is not None:
        progress(2, 2)
    return result
