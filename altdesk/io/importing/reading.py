"""From file paths to parsed sheets: pick the reader, decide each sheet's kind, parse it.

A sheet's kind comes from --kind, else from the sheet's (or CSV file's) name, else from
its headers. Sheets that are not data (the template's explanations, empty sheets) are
passed over; a sheet whose kind cannot be told is reported.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from altdesk.io.importing.csv_reader import read_csv
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
from altdesk.io.importing.problems import ImportCancelled, ImportFileError, Problem
from altdesk.io.importing.safety import (
    DEFAULT_LIMITS,
    Content,
    Deadline,
    Limits,
    read_head,
    refuse_unusable,
    sniff,
)
from altdesk.io.importing.schema import ParsedSheet, Schema, header_score, loose_header_key, parse_sheet
from altdesk.io.importing.table import RawTable
from altdesk.io.importing.xlsx_reader import read_workbook

KIND_MODULES: dict[str, ModuleType] = {
    "branch": branch,
    "schools": schools,
    "alts": alts,
    "placements": placements,
    "closures": closures,
    "events": events,
    "absences": absences,
    "demand": demand,
    "travel_times": travel_times,
}
KINDS = tuple(KIND_MODULES)
SCHEMAS: dict[str, Schema] = {kind: module.SCHEMA for kind, module in KIND_MODULES.items()}
NOT_DATA_SHEETS = {loose_header_key(n) for n in ("Explanations", "説明", "記入方法", "使い方", "Help", "ヘルプ", "ReadMe",
                                                  "記入例", "Notes", "注意事項")}


@dataclass(frozen=True)
class SourceFile:
    path: str  # as given
    format: str  # "csv" or "xlsx"
    encoding: str | None  # for CSV: the detected encoding
    sheets: tuple[str, ...]  # sheets read, with their kinds: "Schools (schools)"


@dataclass
class ParsedBatch:
    files: list[SourceFile]
    sheets: list[ParsedSheet]
    problems: list[Problem]  # about files and sheets as a whole


Progress = Callable[[int, int], bool]


def read_tables(path: Path, display: str, limits: Limits, deadline: Deadline | None = None) -> list[RawTable]:
    head = read_head(path, display, limits)
    suffix = path.suffix.lower()
    content = sniff(path, head)
    refuse_unusable(display, suffix, content)
    deadline = deadline or Deadline(limits)
    if content is Content.WORKBOOK:
        return read_workbook(path, display, limits, deadline)
    return [read_csv(path, display, limits, deadline)]


def _kind_by_name(name: str) -> str | None:
    key = loose_header_key(name)
    for kind, schema in SCHEMAS.items():
        if key in schema.sheet_names():
            return kind
    return None


def _kind_by_headers(table: RawTable) -> list[str]:
    scores = {kind: header_score(schema, table) for kind, schema in SCHEMAS.items()}
    best = max(scores.values())
    return [kind for kind, score in scores.items() if score == best and score > 0]


def decide_kind(table: RawTable, forced: str | None) -> tuple[str | None, Problem | None]:
    """The table's kind, or None with a problem (or None without one: skip quietly)."""
    name = table.sheet if table.sheet is not None else Path(table.file).stem
    if table.sheet is not None and loose_header_key(table.sheet) in NOT_DATA_SHEETS:
        return None, None
    if all(row.is_blank() for row in table.rows):
        return None, None
    named = _kind_by_name(name)
    if forced:
        if table.sheet is not None and named is not None and named != forced:
            return None, Problem(
                table.file, table.sheet, None, None, None,
                f"Sheet {table.sheet} holds {named}; it was skipped because only {forced} are being imported.",
                f"シート「{table.sheet}」は{SCHEMAS[named].label_ja}のシートのため、読み飛ばしました（{SCHEMAS[forced].label_ja}のみ取り込み中）。",
                severity="warning",
            )
        return forced, None
    if table.sheet is not None and named is not None:
        return named, None
    candidates = _kind_by_headers(table)
    if len(candidates) == 1:
        return candidates[0], None
    if named is not None and (not candidates or named in candidates):
        return named, None  # a CSV file named for its kind (schools.csv, 学校.csv)
    where_en = f"Sheet {table.sheet}" if table.sheet else "The file"
    where_ja = f"シート「{table.sheet}」" if table.sheet else "このファイル"
    choices = ", ".join(KINDS)
    if candidates:
        return None, Problem(
            table.file, table.sheet, None, None, None,
            f"{where_en} could hold {' or '.join(candidates)}; say which with --kind ({choices}).",
            f"{where_ja}は{'または'.join(SCHEMAS[c].label_ja for c in candidates)}のどちらか判別できません。"
            f"--kind で指定してください（{choices}）。",
        )
    severity = "warning" if table.sheet is not None else "error"
    return None, Problem(
        table.file, table.sheet, None, None, None,
        f"{where_en} was not read: its headers do not name the columns of any sheet kind "
        f"(Schools, ALTs, Placements, Closures, Events). Use the template's headers, or --kind ({choices}).",
        f"{where_ja}は読み込みませんでした。見出しがどの種類（学校・ALT・配置・休業日・行事）の列とも一致しません。"
        f"テンプレートの見出しを使うか、--kind で指定してください（{choices}）。",
        severity=severity,  # type: ignore[arg-type]
    )


def read_sources(paths: Sequence[str | Path], kind: str | None = None, limits: Limits = DEFAULT_LIMITS,
                 progress: Progress | None = None) -> ParsedBatch:
    """Read every file; an unreadable file raises ImportFileError (naming it) at once."""
    if kind is not None and kind not in SCHEMAS:
        raise ImportFileError("--kind", f"Unknown kind {kind!r}; use one of {', '.join(KINDS)}.",
                              f"種類 {kind!r} はありません。{', '.join(KINDS)} のいずれかを指定してください。")
    if not paths:
        raise ImportFileError("import", "No file was given.", "ファイルが指定されていません。")
    batch = ParsedBatch([], [], [])
    deadline = Deadline(limits, progress)
    for number, given in enumerate(paths):
        display = str(given)
        tables = read_tables(Path(given).expanduser(), display, limits, deadline)
        sheets_read: list[str] = []
        for table in tables:
            for en, ja in table.notes:
                batch.problems.append(Problem(table.file, table.sheet, None, None, None, en, ja, severity="warning"))
            table_kind, problem = decide_kind(table, kind)
            if problem is not None:
                batch.problems.append(problem)
            if table_kind is None:
                continue
            if table.hidden_sheet:
                batch.problems.append(Problem(
                    table.file, table.sheet, None, None, None,
                    f"Sheet {table.sheet} is hidden in Excel; it was read like the others.",
                    f"シート「{table.sheet}」は Excel で非表示ですが、他のシートと同じく読み込みました。", severity="warning"))
            batch.sheets.append(parse_sheet(table, SCHEMAS[table_kind], deadline))
            sheets_read.append(f"{table.sheet or Path(display).name} ({table_kind})")
        encoding = tables[0].encoding if tables and tables[0].source_format == "csv" else None
        batch.files.append(SourceFile(display, tables[0].source_format if tables else "?", encoding, tuple(sheets_read)))
        if progress is not None and not progress(number + 1, len(paths)):
            raise ImportCancelled()
    if not batch.sheets and not any(p.is_error for p in batch.problems):
        batch.problems.append(Problem(
            ", ".join(str(p) for p in paths), None, None, None, None,
            "Nothing to import: no sheet named Schools, ALTs, Placements, Closures or Events, and no headers "
            "that name their columns.",
            "取り込むデータがありません。Schools・ALTs・Placements・Closures・Events のシートも、それらの見出しもありません。",
        ))
    return batch
