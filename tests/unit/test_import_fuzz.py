"""Thousands of malformed workbooks and CSV files: the importer never fails with an
unhandled exception, and when it rejects a file the database is exactly as it was
(the same checksum of every table).

The default run stays short; ALTDESK_FUZZ_EXAMPLES=5000 (say) runs a longer campaign.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
import sqlite3
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from altdesk.db.database import open_database
from altdesk.db.engine import DatabaseTarget
from altdesk.demo import create_demo_branch
from altdesk.errors import UserError
from altdesk.io.importing import KINDS, SCHEMAS
from altdesk.io.template import template_columns
from altdesk.services.importing import apply, preview
from altdesk.services.workspace import open_workspace

CSV_EXAMPLES = int(os.environ.get("ALTDESK_FUZZ_EXAMPLES", "200"))
BOOK_EXAMPLES = max(40, CSV_EXAMPLES // 2)
FUZZ = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

HEADERS = sorted({name for schema in SCHEMAS.values() for field in schema.fields
                  for name in (field.header, field.aliases[0] if field.aliases else field.header)})
TRICKY = [
    "", " ", "\u3000", "S0001", "S0002", "A0001", "A0002", "B001", "Ｓ００１", "0001", "2026-04-01", "2026/4/1",
    "令和8年4月1日", "R8.4.1", "H31.5.1", "2026/2/30", "46113", "月", "月～金", "Mon-Fri", "金～月", "A", "B", "隔週", "第2",
    "1-4", "13-20", "8:15", "25:61", "8:45-9:30", "小学校", "大学", "給食", "弁当持参", "卵、キウイ", "はい", "maybe", "break",
    "school_day_off", "branch_closure", "=1/0", "=A1", "#REF!", "#N/A", "FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;BYDAY=XX",
    "A0001=2026-10-05", "4 school days before, 11:00", "{\"kind\": 1}", "9" * 40, "x" * 400, "\x00\x01", "😀", "𠮷野家",
    "-1", "1e400", "NaN", "1,200円", "\"quoted, comma\"", "line\nbreak",
]
cell_text = st.one_of(st.sampled_from(TRICKY), st.text(max_size=24))
SHEET_NAMES = ["Schools", "ALTs", "Placements", "Closures", "Events", "学校", "配置", "Sheet1", "Explanations", "データ"]
NAMES = ["data.csv", "schools.csv", "alts.csv", "placements.csv", "closures.csv", "events.csv", "学校.csv", "x.txt",
         "x.tsv", "weird.xlsx"]


@pytest.fixture(scope="module")
def branch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    database = open_database(DatabaseTarget.parse(str(folder / "fuzz.sqlite3")))
    ws = open_workspace(database, actor="fuzz")
    create_demo_branch(ws, "small", 2026, seed=11)
    yield ws, folder
    database.close()


def checksum(path: Path) -> str:
    """A digest of every row of every table, in storage order."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        for table in tables:
            digest.update(table.encode())
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                digest.update(repr(row).encode())
        return digest.hexdigest()
    finally:
        conn.close()


def import_and_check(ws, path: Path, kind: str | None) -> None:
    """The property: a result, or a UserError with the database untouched."""
    db_file = ws.db.target.sqlite_path
    before = checksum(db_file)
    try:
        seen = preview(ws, [path], kind)
    except UserError:
        event("file refused")
        assert checksum(db_file) == before
        return
    assert checksum(db_file) == before  # a preview never writes
    for problem in seen.problems:
        assert problem.message_en and problem.message_ja and problem.file == str(path)
    try:
        apply(ws, seen)
    except UserError:
        event("import rejected")
        assert not seen.ok
        assert checksum(db_file) == before
    else:
        event("imported")


@st.composite
def csv_files(draw) -> tuple[str, bytes, str | None]:
    headers = draw(st.lists(st.one_of(st.sampled_from(HEADERS), st.text(max_size=12)), min_size=1, max_size=8))
    rows = draw(st.lists(st.lists(cell_text, max_size=len(headers) + 2), max_size=6))
    separator = draw(st.sampled_from([",", "\t", ";"]))
    lines = []
    for row in [headers, *rows]:
        lines.append(separator.join(('"' + c.replace('"', '""') + '"') if draw(st.booleans()) else c for c in row))
    text = draw(st.sampled_from(["\r\n", "\n"])).join(lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp932", "utf-16"]))
    data = text.encode(encoding, errors="replace")
    if draw(st.integers(0, 3)) == 0:  # damage: insert raw bytes somewhere, or cut the file
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=24)) if draw(st.booleans()) else data[:at]
    return draw(st.sampled_from(NAMES)), data, draw(st.one_of(st.none(), st.sampled_from(KINDS)))


excel_value = st.one_of(
    st.none(), cell_text, st.integers(-10**12, 10**12), st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(), st.dates(dt.date(1900, 3, 1), dt.date(2200, 1, 1)),
    st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(2200, 1, 1)), st.times(),
)


def _sheet_title(text: str) -> str:
    cleaned = "".join(c for c in text if c not in '[]:*?/\\\x00' and c.isprintable())[:31].strip("'")
    return cleaned or "Sheet"


@st.composite
def workbooks(draw) -> tuple[str, bytes, str | None]:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    titles = draw(st.lists(st.one_of(st.sampled_from(SHEET_NAMES), st.text(min_size=1, max_size=10)),
                           min_size=1, max_size=3, unique_by=lambda t: _sheet_title(t).lower()))
    for title in titles:
        sheet = workbook.create_sheet(_sheet_title(title))
        width = draw(st.integers(1, 8))
        if draw(st.booleans()):
            sheet.append(draw(st.lists(st.sampled_from(HEADERS), min_size=width, max_size=width)))

        for _ in range(draw(st.integers(0, 6))):
            row = draw(st.lists(excel_value, max_size=width))
            # openpyxl refuses control characters in text: Excel files cannot hold them.
            sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
        if sheet.max_row > 1 and draw(st.booleans()):
            top = draw(st.integers(1, sheet.max_row))
            sheet.merge_cells(start_row=top, start_column=1, end_row=draw(st.integers(top, sheet.max_row)),
                              end_column=draw(st.integers(1, width)))
        if draw(st.booleans()):
            sheet.row_dimensions[draw(st.integers(1, max(1, sheet.max_row)))].hidden = True
    buffer = io.BytesIO()
    workbook.save(buffer)
    data = buffer.getvalue()
    damage = draw(st.integers(0, 5))
    # Positions are drawn as fractions: the saved size varies by a byte or two from run to
    # run (timestamps inside), and what is drawn must not depend on it.
    if damage == 0:  # flip bytes
        mutable = bytearray(data)
        for fraction in draw(st.lists(st.floats(0, 1, exclude_max=True), max_size=8)):
            mutable[int(fraction * len(data))] ^= 0xFF
        data = bytes(mutable)
    elif damage == 1:  # cut short
        data = data[: int(draw(st.floats(0, 1)) * len(data))]
    elif damage == 2:  # one part replaced by garbage or hostile XML
        data = _replace_part(data, draw(st.sampled_from(
            ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml", "[Content_Types].xml"])),
            draw(st.one_of(st.binary(max_size=200), st.sampled_from([
                b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><x>&b;</x>',
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/></worksheet>',
                b"<not-closed>",
            ]))))
    name = draw(st.sampled_from(["book.xlsx", "book.xlsm", "book.xlsx", "book.csv"]))
    return name, data, draw(st.one_of(st.none(), st.sampled_from(KINDS)))


def _replace_part(data: bytes, member: str, replacement: bytes) -> bytes:
    source, target = io.BytesIO(data), io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, replacement if info.filename == member else old.read(info.filename))
    return target.getvalue()


@settings(max_examples=CSV_EXAMPLES, **FUZZ)
@given(case=csv_files())
def test_malformed_csv_files_never_crash_and_never_half_write(branch, case):
    ws, folder = branch
    name, data, kind = case
    path = folder / name
    path.write_bytes(data)
    import_and_check(ws, path, kind)


@settings(max_examples=BOOK_EXAMPLES, **FUZZ)
@given(case=workbooks())
def test_malformed_workbooks_never_crash_and_never_half_write(branch, case):
    ws, folder = branch
    name, data, kind = case
    path = folder / name
    path.write_bytes(data)
    import_and_check(ws, path, kind)


def _near_valid_value(spec_key: str, example: str, row: int, fresh: bool) -> str:
    """A valid value for the demo branch, different on each row where it is part of a key."""
    number = row + 1 + (500 if fresh else 0)
    varied = {
        "code": f"S{number:04d}" if example.startswith("S") else f"A{number:04d}",
        "alt_code": f"A{number:04d}",
        "school_code": f"S{number:04d}",
        "start_date": f"2026-07-{20 + row:02d}",
        "date": f"2026-10-{3 + 7 * row:02d}",
    }
    return varied.get(spec_key, example)


@st.composite
def near_valid_files(draw) -> tuple[str, bytes, str | None]:
    """Rows built from the template's own examples, a few cells spoiled: close to the line
    between accepted and refused, where validation and the database could disagree."""
    kind = draw(st.sampled_from(KINDS))
    columns = [f for f in template_columns(SCHEMAS[kind])
               if f.required or f.key in SCHEMAS[kind].key_columns or draw(st.booleans())]
    rows = [[f.header for f in columns]]
    for row in range(draw(st.integers(1, 3))):
        fresh = draw(st.booleans())  # a new record, or one the demo branch has
        cells = []
        for spec in columns:
            value = _near_valid_value(spec.key, spec.example, row, fresh and kind in ("schools", "alts"))
            if draw(st.integers(0, 9)) == 0:
                value = draw(cell_text)
            cells.append(value)
        rows.append(cells)
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return f"{kind}.csv", buffer.getvalue().encode("utf-8"), draw(st.one_of(st.none(), st.just(kind)))


@settings(max_examples=max(40, CSV_EXAMPLES // 2), **FUZZ)
@given(case=near_valid_files())
def test_nearly_valid_files_are_imported_or_refused_whole(branch, case):
    ws, folder = branch
    name, data, kind = case
    path = folder / name
    path.write_bytes(data)
    import_and_check(ws, path, kind)
