"""Dangerous or mislabelled files are refused with a message naming the file, before any
parser is at risk: zip bombs, XML entity tricks, encrypted or old workbooks, wrong names."""

from __future__ import annotations

import os
import re
import shutil
import xml.etree.ElementTree
import zipfile
from pathlib import Path

import openpyxl
import pytest

from altdesk.errors import UserError
from altdesk.io.importing import ImportFileError, Limits
from altdesk.io.importing.safety import ensure_safe_xml_parser
from altdesk.services.importing import preview

OLE = bytes.fromhex("D0CF11E0A1B11AE1")


def small_workbook(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Schools"
    sheet.append(["School code", "Name (ja)", "Level"])
    sheet.append(["S1", "桜小学校", "elementary"])
    workbook.save(path)
    return path


def rewrite_member(source: Path, target: Path, member: str, data: bytes) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, data if info.filename == member else old.read(info.filename))
    return target


def refused(ws, path: Path, limits: Limits | None = None) -> ImportFileError:
    with pytest.raises(ImportFileError) as caught:
        if limits is None:
            preview(ws, [path])
        else:
            preview(ws, [path], limits=limits)
    error = caught.value
    assert isinstance(error, UserError)
    assert str(path) in error.message_en and str(path) in error.message_ja
    return error


@pytest.fixture
def no_openpyxl(monkeypatch):
    """Fail the test if openpyxl is asked to parse: refusal must come first."""

    def forbidden(*_args, **_kwargs):
        raise AssertionError("openpyxl parsed a file that should have been refused before parsing")

    monkeypatch.setattr(openpyxl, "load_workbook", forbidden)
    monkeypatch.setattr(openpyxl.reader.excel, "ExcelReader", forbidden)


def test_openpyxl_reads_through_defusedxml():
    from openpyxl.xml import functions

    assert openpyxl.DEFUSEDXML is True
    assert functions.iterparse.__module__.startswith("defusedxml")
    ensure_safe_xml_parser()  # does not raise


def test_workbooks_are_refused_when_defusedxml_is_not_in_use(ws, tmp_path, monkeypatch):
    from openpyxl.xml import functions

    monkeypatch.setattr(functions, "iterparse", xml.etree.ElementTree.iterparse)
    monkeypatch.setattr(openpyxl, "DEFUSEDXML", False)
    with pytest.raises(ImportFileError) as caught:
        preview(ws, [small_workbook(tmp_path / "schools.xlsx")])
    assert "defusedxml" in caught.value.message_en


def test_zip_bomb_is_refused_before_parsing(ws, tmp_path, no_openpyxl):
    """A real bomb under the default limits: 160 MB of zeros packed into a small file."""
    path = tmp_path / "bomb.xlsx"
    small = small_workbook(tmp_path / "small.xlsx")
    with zipfile.ZipFile(small) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as new:
        for info in old.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                new.writestr(info.filename, old.read(info.filename))
        with new.open("xl/worksheets/sheet1.xml", "w") as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(160):
                member.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    error = refused(ws, path)
    assert "zip bomb" in error.message_en


def test_absurd_declared_dimension_is_refused_before_parsing(ws, tmp_path, no_openpyxl):
    source = small_workbook(tmp_path / "small.xlsx")
    with zipfile.ZipFile(source) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    sheet = re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:XFD1048576"', sheet)
    path = rewrite_member(source, tmp_path / "wide.xlsx", "xl/worksheets/sheet1.xml", sheet.encode())
    error = refused(ws, path)
    assert "declares" in error.message_en


def test_more_cells_than_the_limit_are_refused_before_parsing(ws, tmp_path, no_openpyxl):
    workbook = openpyxl.Workbook()
    for row in range(60):
        workbook.active.append([f"v{row}-{c}" for c in range(5)])
    path = tmp_path / "many.xlsx"
    workbook.save(path)
    error = refused(ws, path, Limits(max_cells=200))
    assert "200" in error.message_en


def test_billion_laughs_is_refused_by_the_safe_parser(ws, tmp_path):
    source = small_workbook(tmp_path / "small.xlsx")
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">&lol3;</workbook>'
    )
    path = rewrite_member(source, tmp_path / "laughs.xlsx", "xl/workbook.xml", laughs.encode())
    error = refused(ws, path)
    assert "cannot be read" in error.message_en


def test_external_entity_in_a_sheet_is_refused(ws, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    source = small_workbook(tmp_path / "small.xlsx")
    sheet = (
        f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>'
    )
    path = rewrite_member(source, tmp_path / "xxe.xlsx", "xl/worksheets/sheet1.xml", sheet.encode())
    refused(ws, path)


def test_encrypted_workbook(ws, tmp_path):
    path = tmp_path / "locked.xlsx"
    path.write_bytes(OLE + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 64
                     + "EncryptedPackage".encode("utf-16-le") + os.urandom(2048))
    assert "password" in refused(ws, path).message_en


def test_old_xls_workbook(ws, tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(OLE + b"\0" * 504 + "Workbook".encode("utf-16-le") + os.urandom(1024))
    assert "97-2003" in refused(ws, path).message_en
    renamed = tmp_path / "old.xlsx"
    renamed.write_bytes(path.read_bytes())
    assert "97-2003" in refused(ws, renamed).message_en


def test_text_named_xlsx_and_workbook_named_csv(ws, tmp_path):
    text = tmp_path / "schools.xlsx"
    text.write_text("School code,Name (ja),Level\nS1,桜小,elementary\n", encoding="utf-8")
    assert "plain text" in refused(ws, text).message_en
    workbook = small_workbook(tmp_path / "book.xlsx")
    named_csv = tmp_path / "schools.csv"
    named_csv.write_bytes(workbook.read_bytes())
    assert "Rename it to .xlsx" in refused(ws, named_csv).message_en


@pytest.mark.parametrize(("name", "data", "fragment"), [
    ("empty.csv", b"", "empty"),
    ("empty.xlsx", b"", "empty"),
    ("bom.csv", b"\xef\xbb\xbf\r\n", "empty"),
    ("blank.csv", b",,,\r\n,,\r\n", "no data"),
    ("binary.csv", bytes(range(256)) * 8, "binary"),
    ("noise.csv", b"\x01\x02\x03\x04\x05\x06\x07\x08" * 100, "binary"),
    ("scan.xlsx", b"%PDF-1.7\n" + b"x" * 100, "PDF"),
    ("notes.ods", b"PK\x03\x04" + b"\0" * 100, "not .ods"),
    ("roster.docx", b"hello", "not .docx"),
    ("broken.xlsx", b"PK\x03\x04" + b"\x14\x00" * 40, "not an Excel workbook"),
])
def test_unusable_files_get_a_clear_message(ws, tmp_path, name, data, fragment):
    path = tmp_path / name
    path.write_bytes(data)
    assert fragment in refused(ws, path).message_en


def test_truncated_workbook(ws, tmp_path):
    data = small_workbook(tmp_path / "full.xlsx").read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    refused(ws, path)


def test_corrupt_compressed_sheet(ws, tmp_path):
    """Found by the fuzz test: damaged deflate data inside the archive (zlib.error)."""
    source = small_workbook(tmp_path / "source.xlsx")
    with zipfile.ZipFile(source) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    path = tmp_path / "corrupt.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    raw = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(2, min(info.compress_size, 40)):
        raw[start + offset] ^= 0x5A
    path.write_bytes(bytes(raw))
    assert "damaged" in refused(ws, path).message_en


def test_missing_file_and_folder(ws, tmp_path):
    assert "does not exist" in refused(ws, tmp_path / "nowhere.csv").message_en
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    assert "folder" in refused(ws, folder).message_en


def test_neither_utf8_nor_shift_jis(ws, tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("School code,Name (ja),Level\nS1,Ecole \x80\x81\xfc\xfd,elementary\n".encode("latin-1"))
    assert "CSV UTF-8" in refused(ws, path).message_en


def test_limits_are_far_above_a_company_roster():
    limits = Limits()
    assert limits.max_cells >= 8000 * 30 * 4  # a company's schools, every column, several sheets
    assert limits.max_uncompressed_bytes >= 100 * 1024 * 1024


def with_merges(source: Path, target: Path, *ranges: str) -> Path:
    with zipfile.ZipFile(source) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    merges = "".join(f'<mergeCell ref="{r}"/>' for r in ranges)
    sheet = sheet.replace("</sheetData>", f'</sheetData><mergeCells count="{len(ranges)}">{merges}</mergeCells>')
    return rewrite_member(source, target, "xl/worksheets/sheet1.xml", sheet.encode())


@pytest.mark.parametrize("reference", ["A1:XFD1048576", "a1:xfd1048576", "$A$1:$XFD$1048576"])
def test_an_absurd_merged_range_is_refused_before_parsing(ws, tmp_path, no_openpyxl, reference):
    # openpyxl makes an object for every cell of a merged range: gigabytes for this one.
    path = with_merges(small_workbook(tmp_path / "small.xlsx"), tmp_path / "merged.xlsx", reference)
    assert path.stat().st_size < 30_000
    error = refused(ws, path)
    assert error.problem.sheet == "Schools"
    assert "A1:XFD1048576" in error.message_en and "A1:XFD1048576" in error.message_ja
    assert "Unmerge" in error.message_en and "結合を解除" in error.message_ja


def test_many_merged_ranges_together_are_refused(ws, tmp_path, no_openpyxl):
    ranges = [f"A{n * 1000 + 10}:J{n * 1000 + 1009}" for n in range(20)]  # 10,000 cells each
    path = with_merges(small_workbook(tmp_path / "small.xlsx"), tmp_path / "merged.xlsx", *ranges)
    error = refused(ws, path)
    assert "Merged ranges cover" in error.message_en and "Schools" in error.message_en


def test_honest_merges_still_fill_down_their_first_column(ws, tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Schools"
    sheet.append(["School code", "Name (ja)", "Level", "Board name (ja)"])
    for n in range(1, 4):
        sheet.append([f"S{n}", f"桜{n}小学校", "elementary", "桜市教育委員会" if n == 1 else None])
    sheet.merge_cells("D2:D4")
    sheet.merge_cells("A10:D12")  # an empty merged block below the table adds no rows
    workbook.save(tmp_path / "merged.xlsx")
    result = preview(ws, [tmp_path / "merged.xlsx"])
    assert result.ok, result.problems
    assert [row for _number, row in result.sheets[0].rows] == [
        (f"S{n}", f"桜{n}小学校", "elementary", "桜市教育委員会") for n in range(1, 4)]


def test_more_shared_strings_than_cells_a_roster_may_have_are_refused(ws, tmp_path, no_openpyxl):
    workbook = openpyxl.Workbook()
    for row in range(60):
        workbook.active.append([f"v{row}-{c}" for c in range(5)])
    source = tmp_path / "many.xlsx"
    workbook.save(source)
    path = tmp_path / "strings.xlsx"
    shutil.copy(source, path)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/sharedStrings.xml", shared_strings(5_000))
    error = refused(ws, path, Limits(max_cells=1_000))
    assert "different texts" in error.message_en


def shared_strings(count: int) -> str:
    strings = "".join(f"<si><t>s{n}</t></si>" for n in range(count))
    return (f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{count}" '
            f'uniqueCount="{count}">{strings}</sst>')


def test_far_more_shared_strings_than_cells_are_refused(ws, tmp_path, no_openpyxl):
    # Millions of texts took minutes to read though no cell used them.
    source = small_workbook(tmp_path / "small.xlsx")
    path = tmp_path / "strings.xlsx"
    shutil.copy(source, path)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/sharedStrings.xml", shared_strings(50_000))
    error = refused(ws, path)
    assert "10,012 different texts" in error.message_en and "種類を超える文字列" in error.message_ja


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_reading_past_the_deadline_stops_naming_where(ws, tmp_path, suffix):
    rows = [["School code", "Name (ja)", "Level"]] + [[f"S{n}", f"学校{n}", "elementary"] for n in range(1500)]
    path = tmp_path / f"schools{suffix}"
    if suffix == ".csv":
        path.write_text("\n".join(",".join(row) for row in rows), encoding="utf-8")
    else:
        workbook = openpyxl.Workbook()
        workbook.active.title = "Schools"
        for row in rows:
            workbook.active.append(row)
        workbook.save(path)
    error = refused(ws, path, Limits(max_seconds=0))
    assert error.problem.row == 1000
    assert error.problem.sheet == (None if suffix == ".csv" else "Schools")
    assert "row 1000" in error.message_en and "1000 行目" in error.message_ja
    assert "longer than" in error.message_en and "中止しました" in error.message_ja


def test_checking_past_the_deadline_stops_naming_the_row(demo_ws, tmp_path):
    # Checking a placement's own RRULE is bounded per row; the deadline bounds a file of them.
    rows = "".join(f"A0001,S0003,FREQ=WEEKLY;BYDAY=MO;INTERVAL={n % 9 + 1},2026-04-06\n" for n in range(300))
    path = tmp_path / "placements.csv"
    path.write_text("ALT code,School code,RRULE,Start date\n" + rows, encoding="utf-8")
    error = refused(demo_ws, path, Limits(max_seconds=0))
    assert (error.problem.sheet, error.problem.row) == (None, 101)
    assert "row 101" in error.message_en and "longer than" in error.message_en
