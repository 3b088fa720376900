"""Sheet schemas: which columns a kind of sheet has, their English headers and the aliases
people write (Japanese and others), and turning a raw table into parsed records.

Header matching ignores case, spaces, full-width forms, underscores and anything in
brackets, so 'School code', 'school_code', '学校コード', '学校ｺｰﾄﾞ' and '学校コード（必須）'
all name the same column.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from altdesk.io.importing.problems import CellError, Problem, column_letter
from altdesk.io.importing.safety import Deadline
from altdesk.io.importing.table import RawRow, RawTable, cell_text, is_blank
from altdesk.io.importing.text import CellContext

Parser = Callable[[Any, CellContext], Any]
HEADER_SCAN_ROWS = 20


@dataclass(frozen=True)
class Field:
    key: str
    header: str  # the English header the template writes
    aliases: tuple[str, ...]  # Japanese first; others accepted too
    parse: Parser
    required: bool = False
    help_en: str = ""
    help_ja: str = ""
    allowed_en: str = ""
    allowed_ja: str = ""
    example: str = ""
    max_length: int | None = None
    width: int = 14  # template column width
    number_format: str | None = None  # template cell format ("@" keeps codes as text)
    choices: tuple[str, ...] = ()  # template drop-down values
    reference_only: bool = False  # shown for people, ignored on import (e.g. a name beside a code)
    in_template: bool = True  # False: an alternative header, explained but not a template column

    @property
    def header_ja(self) -> str:
        return self.aliases[0] if self.aliases else self.header


@dataclass(frozen=True)
class Schema:
    kind: str  # schools, alts, placements, closures, events
    sheet: str  # the template's sheet name
    sheet_aliases: tuple[str, ...]
    label_en: str
    label_ja: str
    fields: tuple[Field, ...]
    # Telling the kind from headers alone: one of these groups must be fully present.
    required_groups: tuple[tuple[str, ...], ...]
    # Finding the header row once the kind is known (from --kind or the sheet's name):
    # these columns, so a sheet that only updates a few fields is read too.
    key_columns: tuple[str, ...] = ()

    def field(self, key: str) -> Field:
        for item in self.fields:
            if item.key == key:
                return item
        raise KeyError(key)

    def header_index(self) -> tuple[dict[str, str], dict[str, str]]:
        """Two indexes, header form -> field key: exact (bracket text kept) and loose
        (bracket text dropped, so '開始日（YYYY/MM/DD）' finds 開始日)."""
        exact: dict[str, str] = {}
        loose: dict[str, str] = {}
        names = [(name, item.key) for item in self.fields for name in (item.header, item.key, *item.aliases)]
        for name, key in names:
            exact.setdefault(header_key(name), key)
        for name, key in sorted(names, key=lambda pair: header_key(pair[0]) != loose_header_key(pair[0])):
            loose.setdefault(loose_header_key(name), key)
        return exact, loose

    def lookup(self, header: Any) -> str | None:
        exact, loose = self._indexes()
        return exact.get(header_key(header)) or loose.get(loose_header_key(header))

    def _indexes(self) -> tuple[dict[str, str], dict[str, str]]:
        cached = _INDEX_CACHE.get(self.kind)
        if cached is None or cached[0] is not self:
            cached = (self, self.header_index())
            _INDEX_CACHE[self.kind] = cached
        return cached[1]

    def sheet_names(self) -> set[str]:
        return {loose_header_key(name) for name in (self.sheet, self.kind, *self.sheet_aliases)}


_INDEX_CACHE: dict[str, tuple[Schema, tuple[dict[str, str], dict[str, str]]]] = {}
_PUNCTUATION = re.compile(r"[\s_\-・/:：*※.。'\"()\[\]【】<>（）]")
_BRACKETED = re.compile(r"[(\[【<（][^)\]】>）]*[)\]】>）]")
_MARKERS = re.compile(r"(必須|任意|required|optional)$")


def header_key(text: Any) -> str:
    """How headers are compared: NFKC, lower case, no spaces or punctuation."""
    value = unicodedata.normalize("NFKC", cell_text(text)).lower().strip()
    return _PUNCTUATION.sub("", _MARKERS.sub("", value))


def loose_header_key(text: Any) -> str:
    """The header without its bracketed notes: '学校コード（半角）' -> '学校コード'."""
    value = unicodedata.normalize("NFKC", cell_text(text)).lower().strip()
    return _PUNCTUATION.sub("", _MARKERS.sub("", _BRACKETED.sub("", value).strip()))


@dataclass
class Record:
    """One data row: parsed values by field key, plus where each came from."""

    row: int
    values: dict[str, Any]
    raw: dict[str, Any]  # the cell as read, by field key, for messages
    hidden: bool = False
    from_number: set[str] = field(default_factory=set)  # keys whose cell was an Excel number
    bad: set[str] = field(default_factory=set)  # keys whose cell could not be read (already reported)

    @property
    def ok(self) -> bool:
        return not self.bad


@dataclass
class ParsedSheet:
    table: RawTable
    schema: Schema
    header_row: int
    headers: list[str]  # every header cell as written (for the preview)
    columns: dict[str, int]  # field key -> 0-based column
    records: list[Record]
    problems: list[Problem]

    def has(self, key: str) -> bool:
        return key in self.columns

    def problem(self, record: Record | None, key: str | None, en: str, ja: str, severity: str = "error") -> Problem:
        """A problem at a record's cell (or the whole row when key is None)."""
        column = self.columns.get(key) if key else None
        value = None
        if record is not None and key is not None and key in record.raw:
            value = cell_text(record.raw[key]) or None
        return Problem(
            file=self.table.file,
            sheet=self.table.sheet,
            row=record.row if record is not None else self.header_row,
            column=self.headers[column] if column is not None else None,
            value=value,
            message_en=en,
            message_ja=ja,
            severity=severity,  # type: ignore[arg-type]
            column_letter=column_letter(column) if column is not None else None,
            column_index=column,
        )


def match_headers(schema: Schema, cells: list[Any]) -> dict[int, str]:
    """column -> field key for the cells of a candidate header row."""
    found: dict[int, str] = {}
    for column, cell in enumerate(cells):
        key = schema.lookup(cell) if not is_blank(cell) else None
        if key is not None:
            found[column] = key
    return found


def groups_satisfied(schema: Schema, keys: set[str]) -> bool:
    return any(set(group) <= keys for group in schema.required_groups)


def find_header(schema: Schema, table: RawTable, kind_known: bool = False) -> tuple[RawRow, dict[int, str]] | None:
    """The first row (of the first 20) whose cells name the schema's columns: a detecting
    group, or (when the kind is already known) the key columns and one more."""
    for row in table.rows[:HEADER_SCAN_ROWS]:
        found = match_headers(schema, row.cells)
        keys = set(found.values())
        if groups_satisfied(schema, keys):
            return row, found
        if kind_known and schema.key_columns and set(schema.key_columns) <= keys and len(keys) > len(schema.key_columns):
            return row, found
    return None


def header_score(schema: Schema, table: RawTable) -> int:
    """How well the table's best header row fits the schema (0: it does not)."""
    located = find_header(schema, table)
    if located is None:
        return 0
    return len(set(located[1].values()))


def parse_sheet(table: RawTable, schema: Schema, deadline: Deadline | None = None) -> ParsedSheet:
    """Map headers, parse each non-blank row below the header, collect cell problems."""
    located = find_header(schema, table, kind_known=True)
    problems: list[Problem] = []
    if located is None:
        wanted = schema.key_columns or schema.required_groups[0]
        needed = " + ".join(schema.field(k).header for k in wanted)
        needed_ja = "・".join(schema.field(k).header_ja for k in wanted)
        problem = Problem(
            table.file, table.sheet, None, None, None,
            f"No header row naming the {schema.label_en} columns ({needed}) was found in the first "
            f"{HEADER_SCAN_ROWS} rows.",
            f"先頭 {HEADER_SCAN_ROWS} 行に{schema.label_ja}の見出し行（{needed_ja}）が見つかりません。",
        )
        return ParsedSheet(table, schema, 0, [], {}, [], [problem])
    header_row, found = located
    headers = [cell_text(c).strip() for c in header_row.cells]
    sheet = ParsedSheet(table, schema, header_row.number, headers, {}, [], problems)
    columns: dict[str, int] = {}
    for column, key in found.items():
        if key in columns:
            problems.append(Problem(
                table.file, table.sheet, header_row.number, headers[column], None,
                f"Two columns mean the same thing ({headers[columns[key]]} and {headers[column]}); keep one.",
                f"同じ意味の列が 2 つあります（{headers[columns[key]]} と {headers[column]}）。1 つにしてください。",
                column_letter=column_letter(column), column_index=column,
            ))
            continue
        columns[key] = column
    sheet.columns = columns
    for spec in schema.fields:
        if spec.required and spec.key not in columns:
            problems.append(Problem(
                table.file, table.sheet, header_row.number, None, None,
                f"The column {spec.header} is missing (it may also be headed {spec.header_ja}).",
                f"{spec.header_ja}（{spec.header}）の列がありません。",
            ))
    for column, text in enumerate(headers):
        if text and column not in found:
            problems.append(Problem(
                table.file, table.sheet, header_row.number, text, None,
                f"ALTdesk does not know the column {text!r}; it was ignored.",
                f"列「{text}」は ALTdesk では使わないため無視しました。",
                severity="warning", column_letter=column_letter(column), column_index=column,
            ))
    used = {k: c for k, c in columns.items() if not schema.field(k).reference_only}
    width = max((c + 1 for c, text in enumerate(headers) if text), default=0)
    hidden_rows: list[int] = []
    for row in table.rows:
        if row.number <= header_row.number or row.is_blank():
            continue
        if deadline is not None and row.number % 1000 == 0:
            deadline.check(table.file, table.sheet, row.number)
        misfit = _misfit(sheet, row, width)
        if misfit is not None:
            problems.append(misfit)
            continue
        if all(is_blank(row.cells[c]) if c < len(row.cells) else True for c in used.values()):
            continue  # only notes in unknown columns: not a record
        if row.hidden:
            hidden_rows.append(row.number)
        sheet.records.append(_parse_row(sheet, row, used))
    if hidden_rows:
        shown = ", ".join(str(n) for n in hidden_rows[:10]) + (" …" if len(hidden_rows) > 10 else "")
        rows_en = f"Row {shown} is" if len(hidden_rows) == 1 else f"Rows {shown} are"
        problems.append(Problem(
            table.file, table.sheet, hidden_rows[0], None, None,
            f"{rows_en} hidden in Excel; read like the others. Delete hidden rows from the sheet "
            "if they should not be imported.",
            f"{shown} 行目は Excel で非表示ですが、他の行と同じく読み込みました。取り込まない場合はシートから削除してください。",
            severity="warning",
        ))
    return sheet


def _misfit(sheet: ParsedSheet, row: RawRow, width: int) -> Problem | None:
    """A row whose cells do not line up with the headers: values beyond the last header (an
    unquoted comma in a CSV cell shifts every later cell), or a CSV row short of cells.
    Trailing empty cells, as Excel writes them, are fine."""
    table = sheet.table
    extra = [(c, value) for c, value in enumerate(row.cells[width:], start=width) if not is_blank(value)]
    extra += [(c, value) for c, value in row.beyond if not is_blank(value)]
    if extra:
        shown = ", ".join(f"{column_letter(c)} = {cell_text(v)!r}" for c, v in extra[:5])
        shown += " …" if len(extra) > 5 else ""
        last = f"{column_letter(width - 1)} ({sheet.headers[width - 1]})"
        if table.source_format == "csv":
            en = (f"This row has {extra[-1][0] + 1} cells but the header row has {width}; the row was not read. "
                  f"Cells it cannot place: {shown}. A comma inside a cell needs the cell in double quotes "
                  '("elementary, junior_high"), as Excel writes it.')
            ja = (f"この行のセル（{extra[-1][0] + 1} 個）は見出し（{width} 列）より多いため、読み込みませんでした。置き場所のないセル：{shown}。"
                  "セルの中にコンマがある場合は、セルを二重引用符で囲んでください（\"elementary, junior_high\"）。")
        else:
            en = (f"This row has values beyond the last header, {last}; the row was not read. "
                  f"Cells without a header: {shown}. Give those columns a header, or move the values into the table.")
            ja = (f"この行には最後の見出し {last} より右に値があるため、読み込みませんでした。見出しのないセル：{shown}。"
                  "その列に見出しを付けるか、値を表の中に移してください。")
        first = extra[0][0]
        return Problem(table.file, table.sheet, row.number, None, cell_text(extra[0][1]), en, ja,
                       column_letter=column_letter(first), column_index=first)
    if table.source_format == "csv" and len(row.cells) < width:
        missing = f"{column_letter(len(row.cells))}–{column_letter(width - 1)}"
        return Problem(
            table.file, table.sheet, row.number, None, None,
            f"This row has {len(row.cells)} cells but the header row has {width}; the row was not read "
            f"(columns {missing} have no cell). A cell or a comma may be missing, or a quote left open.",
            f"この行のセルは {len(row.cells)} 個で、見出し（{width} 列）より少ないため、読み込みませんでした"
            f"（{missing} 列のセルがありません）。セルやコンマの抜け、閉じていない引用符がないか確認してください。",
            column_letter=column_letter(len(row.cells)), column_index=len(row.cells),
        )
    return None


def _parse_row(sheet: ParsedSheet, row: RawRow, used: dict[str, int]) -> Record:
    record = Record(row=row.number, values={}, raw={}, hidden=row.hidden)
    for key, column in used.items():
        spec = sheet.schema.field(key)
        raw = row.cells[column] if column < len(row.cells) else None
        record.raw[key] = raw
        ctx = CellContext(epoch=sheet.table.epoch)
        try:
            value = spec.parse(raw, ctx)
        except CellError as exc:
            sheet.problems.append(sheet.problem(record, key, exc.message_en, exc.message_ja))
            record.bad.add(key)
            continue
        for en, ja in ctx.warnings:
            sheet.problems.append(sheet.problem(record, key, en, ja, "warning"))
        if ctx.from_number:
            record.from_number.add(key)
        if value in (None, "", []) and spec.required:
            sheet.problems.append(sheet.problem(
                record, key, f"{spec.header} is required.", f"{spec.header_ja}は必須です。"
            ))
            record.bad.add(key)
            continue
        if spec.max_length is not None and isinstance(value, str) and len(value) > spec.max_length:
            sheet.problems.append(sheet.problem(
                record, key,
                f"{spec.header} may have at most {spec.max_length} characters (this has {len(value)}).",
                f"{spec.header_ja}は {spec.max_length} 文字以内にしてください（{len(value)} 文字あります）。",
            ))
            record.bad.add(key)
            continue
        record.values[key] = value
    return record
