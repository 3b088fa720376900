"""Reading a CSV file the way Japanese Excel writes them.

Encodings: UTF-8 with or without a BOM ("CSV UTF-8"), Shift_JIS as Windows writes it
(cp932, Excel's plain "CSV"), and UTF-16 with a BOM ("Unicode text", tab-separated).
The encoding is detected, never guessed silently: the label says which one was used.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from pathlib import Path

from altdesk.io.importing.problems import ImportFileError
from altdesk.io.importing.safety import Deadline, Limits
from altdesk.io.importing.table import MAX_COLUMNS, RawRow, RawTable, wide_note
from altdesk.io.spreadsheet_safety import DANGEROUS_FIRST

UTF8_BOM = "UTF-8 (with BOM)"
UTF8 = "UTF-8"
CP932 = "Shift_JIS (cp932)"
UTF16 = "UTF-16"
_FOREIGN = re.compile("[\u0080-\u009f\ue000-\uf8ff]")


def decode(data: bytes, display: str) -> tuple[str, str]:
    """The text and a label for the encoding it was written in."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8):].decode("utf-8"), UTF8_BOM
        except UnicodeDecodeError as exc:
            raise _not_text(display, f"it starts like UTF-8 but byte {exc.start} is not UTF-8") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), UTF16
        except UnicodeDecodeError:
            raise _not_text(display, "it starts like UTF-16 but is not") from None
    if b"\x00" in data:
        raise _binary(display)
    try:
        return data.decode("utf-8"), UTF8
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp932")
    except UnicodeDecodeError:
        raise _not_text(display, "it is neither UTF-8 nor Shift_JIS") from None
    # cp932 decodes almost any bytes; C1 controls and private-use characters betray a
    # file in another encoding (Latin-1, say), which would otherwise import as mojibake.
    if _FOREIGN.search(text):
        raise _not_text(display, "it is neither UTF-8 nor Shift_JIS")
    return text, CP932


def _binary(display: str) -> ImportFileError:
    return ImportFileError(
        display,
        "This is not a text (CSV) file: it holds binary data. Choose the CSV file, or save the sheet as CSV from Excel.",
        "テキスト（CSV）ファイルではありません（バイナリデータを含みます）。CSV ファイルを選ぶか、Excel で CSV として保存してください。",
    )


def _not_text(display: str, why: str) -> ImportFileError:
    return ImportFileError(
        display,
        f"The text cannot be read ({why}). Save it from Excel as 'CSV UTF-8 (comma delimited)'.",
        "文字コードを判別できません（UTF-8 でも Shift_JIS でもありません）。Excel で「CSV UTF-8（コンマ区切り）」として保存してください。",
    )


def _looks_binary(text: str) -> bool:
    sample = text[:200_000]
    controls = sum(
        1 for char in sample if unicodedata.category(char) == "Cc" and char not in "\t\n\r\f\v"
    )
    return controls > max(3, len(sample) // 200)


def _delimiter(text: str, suffix: str) -> str:
    if suffix == ".tsv":
        return "\t"
    lines = [line for line in text.splitlines()[:10] if line.strip()]
    sample = "\n".join(lines)
    counts = {d: sample.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


_EXCEL_TEXT = re.compile(r'="(.*)"', re.DOTALL)


def _unwrap(cell: str) -> str:
    """The text a cell stands for: ="001" is how systems keep Excel from dropping leading
    zeros (the text is 001); '=… is a value an export neutralised (the text is =…)."""
    match = _EXCEL_TEXT.fullmatch(cell.strip())
    if match:
        return match.group(1).replace('""', '"')
    if cell.startswith("'") and cell[1:].lstrip(" \u3000").startswith(DANGEROUS_FIRST):
        return cell[1:]
    return cell


def read_csv(path: Path, display: str, limits: Limits, deadline: Deadline | None = None) -> RawTable:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(display, f"The file cannot be read ({exc.strerror or exc}).",
                              f"ファイルを読み取れません（{exc.strerror or exc}）。") from None
    text, label = decode(data, display)
    if not text.strip():
        raise ImportFileError(display, "The file is empty.", "ファイルが空です。")
    if _looks_binary(text):
        raise _binary(display)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text, path.suffix.lower()), strict=False)
    rows: list[RawRow] = []
    cells = 0
    wide = False
    try:
        for number, record in enumerate(reader, start=1):
            cells += len(record)
            beyond: list[tuple[int, str]] = []
            if len(record) > MAX_COLUMNS:  # as for a workbook: every later step works per cell
                beyond = [(c, v) for c, v in enumerate(record[MAX_COLUMNS:], start=MAX_COLUMNS) if v.strip()][:5]
                wide = wide or bool(beyond)
                record = record[:MAX_COLUMNS]
            if number > limits.max_rows or cells > limits.max_cells:
                raise ImportFileError(
                    display,
                    f"The file has more than {limits.max_rows:,} rows or {limits.max_cells:,} cells; far more than a roster.",
                    f"行数が {limits.max_rows:,} 行、またはセル数が {limits.max_cells:,} 個を超えています。名簿としては多すぎます。",
                )
            if number % 1000 == 0 and deadline is not None:
                deadline.check(display, None, number)
            rows.append(RawRow(number, [_unwrap(cell) for cell in record], beyond=beyond))
    except csv.Error as exc:
        raise ImportFileError(
            display,
            f"The CSV is malformed near line {reader.line_num} ({exc}). Save it again from Excel.",
            f"{reader.line_num} 行目付近で CSV の形式が崩れています（{exc}）。Excel で保存し直してください。",
        ) from None
    if not any(not row.is_blank() for row in rows):
        raise ImportFileError(display, "The file has no data, only empty rows.", "ファイルにデータがありません（空の行だけです）。")
    return RawTable(file=display, sheet=None, rows=rows, source_format="csv", encoding=label,
                    notes=[wide_note()] if wide else [])
