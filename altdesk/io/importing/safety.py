"""Refusing dangerous or mislabelled files before any parser sees them.

A workbook is a zip of XML parts. Before openpyxl opens one, the archive is checked
against sane limits (number of parts, total uncompressed size, declared and actual cell
counts) so a zip bomb is refused cheaply, and openpyxl is checked to parse through
defusedxml, which refuses XML entity tricks (billion laughs, external entities).
"""

from __future__ import annotations

import posixpath
import re
import stat
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from defusedxml.ElementTree import fromstring as safe_fromstring

from altdesk.io.importing.problems import ImportCancelled, ImportFileError

OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
WORKBOOK_SUFFIXES = {".xlsx", ".xlsm"}
TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}


@dataclass(frozen=True)
class Limits:
    """Far beyond any branch's roster (a company has ~8,000 schools), far below harm."""

    max_file_bytes: int = 50 * 1024 * 1024
    max_uncompressed_bytes: int = 150 * 1024 * 1024
    max_parts: int = 2_000
    max_cells: int = 2_000_000
    max_rows: int = 250_000
    max_merged_cells: int = 100_000  # all merged ranges together (a board name merged over its schools)
    max_seconds: float = 180.0  # reading, or checking, a batch of files


DEFAULT_LIMITS = Limits()


class Deadline:
    """The time an import may spend reading or checking, checked every so many rows; each
    check also reports the row reached (progress(row, 0): the total is not known yet), and
    a progress call answering False cancels."""

    def __init__(self, limits: Limits, progress: Callable[[int, int], bool] | None = None) -> None:
        self.seconds = limits.max_seconds
        self.ends = time.monotonic() + limits.max_seconds
        self.progress = progress

    def check(self, file: str, sheet: str | None = None, row: int | None = None) -> None:
        if self.progress is not None and not self.progress(row or 0, 0):
            raise ImportCancelled()
        if time.monotonic() <= self.ends:
            return
        minutes = max(1, round(self.seconds / 60))
        raise ImportFileError(
            file,
            f"Reading and checking took longer than {minutes} minute(s) and was stopped here; nothing was imported. "
            "The file is far larger or more complex than a branch roster: split it, or remove what is not roster data.",
            f"読み込みと確認に {minutes} 分以上かかったため、ここで中止しました。何も取り込んでいません。"
            "名簿としては大きすぎるか複雑すぎます。分割するか、名簿以外のデータを削除してください。",
            sheet=sheet, row=row,
        )


class Content(Enum):
    EMPTY = "empty"
    WORKBOOK = "workbook"  # an OOXML zip with a workbook part
    OTHER_ZIP = "other_zip"  # .ods, .docx, a plain zip
    ENCRYPTED = "encrypted"  # OOXML saved with a password: an OLE container
    LEGACY_XLS = "legacy_xls"  # Excel 97-2003
    OTHER_OLE = "other_ole"
    PDF = "pdf"
    TEXT = "text"


def read_head(path: Path, display: str, limits: Limits) -> bytes:
    """The first bytes of the file, with clear messages for what stops us reading it."""
    try:
        try:
            status = path.stat()  # follows a link: a link to a device is refused like the device
        except FileNotFoundError:
            raise ImportFileError(display, "The file does not exist.", "ファイルがありません。") from None
        if stat.S_ISDIR(status.st_mode):
            raise ImportFileError(display, "This is a folder, not a file.", "これはフォルダーです。ファイルを指定してください。")
        if not stat.S_ISREG(status.st_mode):
            # Opening a pipe waits for a writer and a device never ends: refuse before opening.
            raise ImportFileError(
                display,
                "This is not a regular file (it is a pipe, a device or another special file). "
                "Choose the saved .xlsx or .csv file.",
                "通常のファイルではありません（パイプやデバイスなどの特殊なファイルです）。"
                "保存された .xlsx または .csv ファイルを指定してください。",
            )
        size = status.st_size
        if size > limits.max_file_bytes:
            mb = limits.max_file_bytes // (1024 * 1024)
            raise ImportFileError(
                display,
                f"The file is larger than {mb} MB; that is far more than a branch roster. "
                "Split it or remove what is not roster data.",
                f"ファイルが {mb} MB を超えています。名簿としては大きすぎます。分割するか、名簿以外のデータを削除してください。",
            )
        with path.open("rb") as handle:
            return handle.read(8192)
    except PermissionError:
        raise ImportFileError(
            display,
            "ALTdesk may not read this file. It may be open in another program, or you lack permission.",
            "このファイルを読み取れません。他のプログラムで開いているか、アクセス権がありません。",
        ) from None
    except OSError as exc:
        raise ImportFileError(
            display, f"The file cannot be read ({exc.strerror or exc}).", f"ファイルを読み取れません（{exc.strerror or exc}）。"
        ) from None


def sniff(path: Path, head: bytes) -> Content:
    if not head.strip(b"\xef\xbb\xbf\xff\xfe \t\r\n\x00"):
        return Content.EMPTY
    if head.startswith(OLE_SIGNATURE):
        with path.open("rb") as handle:
            container = handle.read(4 * 1024 * 1024)
        if ENCRYPTED_PACKAGE in container:
            return Content.ENCRYPTED
        if "Workbook".encode("utf-16-le") in container or "Book".encode("utf-16-le") in container:
            return Content.LEGACY_XLS
        return Content.OTHER_OLE
    if head.startswith(ZIP_SIGNATURES):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
        except Exception:  # not a readable zip, whatever the reason: not a workbook
            return Content.OTHER_ZIP
        if "xl/workbook.xml" in names or any(n.lower().endswith("workbook.xml") for n in names):
            return Content.WORKBOOK
        return Content.OTHER_ZIP
    if head.startswith(b"%PDF"):
        return Content.PDF
    return Content.TEXT


def refuse_unusable(display: str, suffix: str, content: Content) -> None:
    """Raise a clear ImportFileError unless the content can be read as its name says."""
    if content is Content.EMPTY:
        raise ImportFileError(display, "The file is empty.", "ファイルが空です。")
    if content is Content.ENCRYPTED:
        raise ImportFileError(
            display,
            "The workbook is protected with a password. Open it in Excel, remove the password "
            "(File > Info > Protect Workbook > Encrypt with Password) and save it again.",
            "ブックがパスワードで保護されています。Excel で開き、パスワードを解除して"
            "（ファイル > 情報 > ブックの保護 > パスワードを使用して暗号化）保存し直してください。",
        )
    if content is Content.LEGACY_XLS:
        raise ImportFileError(
            display,
            "This is an old Excel 97-2003 workbook (.xls). Open it in Excel and save it as "
            "Excel Workbook (.xlsx) or CSV.",
            "古い Excel 97-2003 形式（.xls）のブックです。Excel で開き、Excel ブック（.xlsx）"
            "または CSV で保存し直してください。",
        )
    if content is Content.OTHER_OLE:
        raise ImportFileError(
            display,
            "This is an Office file of an older kind, not an Excel workbook or a CSV file.",
            "古い形式の Office ファイルです。Excel ブックでも CSV ファイルでもありません。",
        )
    if content is Content.PDF:
        raise ImportFileError(
            display, "This is a PDF document, not a spreadsheet.", "PDF 文書です。表計算のファイルではありません。"
        )
    if suffix in WORKBOOK_SUFFIXES:
        if content is Content.OTHER_ZIP:
            raise ImportFileError(
                display,
                f"The file is named {suffix} but is not an Excel workbook (perhaps another program's "
                "file, such as LibreOffice .ods). Save it from that program as Excel Workbook (.xlsx).",
                f"名前は {suffix} ですが Excel ブックではありません（LibreOffice の .ods など別の形式の"
                "可能性があります）。元のプログラムで Excel ブック（.xlsx）として保存してください。",
            )
        if content is Content.TEXT:
            raise ImportFileError(
                display,
                f"The file is named {suffix} but holds plain text (perhaps CSV). "
                "Rename it to .csv, or open it in Excel and save it as .xlsx.",
                f"名前は {suffix} ですが中身はテキスト（CSV など）です。拡張子を .csv に変えるか、"
                "Excel で開いて .xlsx で保存してください。",
            )
        return
    if suffix in TEXT_SUFFIXES:
        if content is Content.WORKBOOK:
            raise ImportFileError(
                display,
                f"The file is named {suffix} but is an Excel workbook. Rename it to .xlsx.",
                f"名前は {suffix} ですが Excel ブックです。拡張子を .xlsx に変えてください。",
            )
        if content is Content.OTHER_ZIP:
            raise ImportFileError(
                display,
                f"The file is named {suffix} but is a compressed (zip) file, not text.",
                f"名前は {suffix} ですが圧縮（zip）ファイルです。テキストではありません。",
            )
        return
    raise ImportFileError(
        display,
        f"ALTdesk imports Excel workbooks (.xlsx) and CSV files (.csv), not {suffix or 'files without an extension'}.",
        f"取り込めるのは Excel ブック（.xlsx）と CSV ファイル（.csv）です。{suffix or '拡張子のないファイル'} は取り込めません。",
    )


def ensure_safe_xml_parser() -> None:
    """openpyxl must parse through defusedxml (it does when defusedxml is installed and
    OPENPYXL_DEFUSEDXML is not switched off). Refuse to read workbooks otherwise."""
    import openpyxl
    from openpyxl.xml import functions

    iterparse_module = getattr(functions.iterparse, "__module__", "")
    fromstring = functions.fromstring
    fromstring_module = getattr(getattr(fromstring, "func", fromstring), "__module__", "") or ""
    lxml_safe = bool(getattr(fromstring, "keywords", None)) and fromstring_module.startswith("lxml")
    if not (
        openpyxl.DEFUSEDXML
        and iterparse_module.startswith("defusedxml")
        and (fromstring_module.startswith("defusedxml") or lxml_safe)
    ):
        raise ImportFileError(
            "openpyxl",
            "ALTdesk reads workbooks only through the safe XML parser (defusedxml), which is not in "
            "use here (is OPENPYXL_DEFUSEDXML set to False?). Reinstall ALTdesk or unset it.",
            "安全な XML パーサー（defusedxml）が使われていないため、ブックを読み込みません"
            "（OPENPYXL_DEFUSEDXML が False になっていませんか）。ALTdesk を再インストールするか設定を外してください。",
        )


_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?\"",
                        re.IGNORECASE)
_CELL = re.compile(rb"<(?:\w+:)?c[\s>/]")
_ROW = re.compile(rb"<(?:\w+:)?row[\s>/]")
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?ref=\"\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?\"",
                    re.IGNORECASE)
_SHARED_STRING = re.compile(rb"<(?:\w+:)?si[\s>/]")
_TAIL = 2048  # a tag cut at a chunk's edge is kept for the next chunk (tags are far shorter)
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


@dataclass(frozen=True)
class PartCounts:
    cells: int
    rows: int
    formulas: int
    merged: int = 0  # cells covered by merged ranges


def _column_number(letters: bytes) -> int:
    number = 0
    for char in letters.upper():
        number = number * 26 + (char - 64)
    return number


def _area(match: re.Match[bytes]) -> tuple[int, str]:
    """Cells in a range reference match (groups: col, row[, col, row]) and the range as text."""
    first_col, first_row = _column_number(match.group(1)), int(match.group(2))
    last_col = _column_number(match.group(3)) if match.group(3) else first_col
    last_row = int(match.group(4)) if match.group(4) else first_row
    text = match.group(1).decode().upper() + match.group(2).decode()
    if match.group(3):
        text += ":" + match.group(3).decode().upper() + match.group(4).decode()
    return (abs(last_col - first_col) + 1) * (abs(last_row - first_row) + 1), text


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
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


def check_workbook_archive(path: Path, display: str, limits: Limits) -> dict[str, PartCounts]:
    """Refuse a zip bomb, absurd ranges and merges before parsing. Returns the counts of each sheet part."""

    def refuse(en: str, ja: str, sheet: str | None = None) -> ImportFileError:
        return ImportFileError(display, en, ja, sheet=sheet)

    too_big_en = ("The workbook unpacks to more than the sane limit for a roster "
                  "(it may be a 'zip bomb', or hold large pictures). Nothing was read.")
    too_big_ja = "ブックを展開すると名簿として妥当な上限を超えます（zip 爆弾や大きな画像の可能性）。読み込みませんでした。"
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > limits.max_parts:
                raise refuse(
                    f"The workbook has {len(infos)} parts; a roster has a few dozen. Nothing was read.",
                    f"ブックの構成要素が {len(infos)} 個あります（名簿なら数十個です）。読み込みませんでした。",
                )
            if sum(info.file_size for info in infos) > limits.max_uncompressed_bytes:
                raise refuse(too_big_en, too_big_ja)
            if any(info.flag_bits & 0x1 for info in infos):
                raise refuse(
                    "Parts of the workbook are encrypted. Save it again from Excel without a password.",
                    "ブックの一部が暗号化されています。Excel でパスワードなしで保存し直してください。",
                )
            try:
                titles = {part: title for title, part in sheet_parts(archive).items()}
            except Exception:  # a damaged or odd workbook part: openpyxl will say so; name parts by file
                titles = {}
            counts: dict[str, PartCounts] = {}
            total_cells = total_rows = total_merged = 0
            strings = [info for info in infos if info.filename.lower().endswith("sharedstrings.xml")]
            for info in infos:
                if not info.filename.startswith("xl/worksheets/") or not info.filename.endswith(".xml"):
                    continue
                sheet = titles.get(info.filename, posixpath.basename(info.filename))
                part = _count_part(archive, info, limits, lambda en, ja, s=sheet: refuse(en, ja, s))
                counts[info.filename] = part
                total_cells += part.cells
                total_rows += part.rows
                total_merged += part.merged
                if total_cells > limits.max_cells or total_rows > limits.max_rows:
                    raise refuse(
                        f"The workbook holds more than {limits.max_cells:,} cells or {limits.max_rows:,} rows; "
                        "far more than a roster. Nothing was read.",
                        f"ブックのセル数が {limits.max_cells:,} 個、または行数が {limits.max_rows:,} 行を超えています。"
                        "名簿としては多すぎるため読み込みませんでした。",
                    )
                if total_merged > limits.max_merged_cells:
                    raise refuse(*_too_merged(limits), sheet)
            for info in strings:
                _check_shared_strings(archive, info, min(limits.max_cells, 2 * total_cells + 10_000), refuse)
            return counts
    except ImportFileError:
        raise
    except Exception as exc:  # a damaged archive fails in many ways: BadZipFile, zlib.error, EOFError...
        raise refuse(
            f"The workbook is damaged and cannot be opened ({type(exc).__name__}). "
            "Open it in Excel and save it again.",
            f"ブックが壊れているため開けません（{type(exc).__name__}）。Excel で開いて保存し直してください。",
        ) from None


def _too_merged(limits: Limits, reference: str | None = None, area: int | None = None) -> tuple[str, str]:
    what_en = f"The merged range {reference} covers {area:,} cells" if reference else "Merged ranges cover"
    what_ja = f"結合セル {reference} は {area:,} 個のセルにわたります" if reference else "結合セルの範囲が広すぎます"
    return (
        f"{what_en}; a roster merges at most {limits.max_merged_cells:,} cells. Nothing was read. "
        "Unmerge the cells (Home > Merge & Center) and save again.",
        f"{what_ja}（名簿なら結合は {limits.max_merged_cells:,} セルまでです）。読み込みませんでした。"
        "セルの結合を解除して（ホーム > セルを結合して中央揃え）保存し直してください。",
    )


def _stream(archive: zipfile.ZipFile, info: zipfile.ZipInfo):  # type: ignore[no-untyped-def]
    """The part in chunks that never cut a tag: each chunk ends before its last '<'."""
    tail = b""
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(1024 * 1024)
            if not chunk:
                break
            data = tail + chunk
            cut = data.rfind(b"<", max(0, len(data) - _TAIL))
            if cut < 0:
                cut = len(data)
            body, tail = data[:cut], data[cut:]
            yield body
    yield tail


def _check_shared_strings(archive: zipfile.ZipFile, info: zipfile.ZipInfo, most: int, refuse) -> None:  # type: ignore[no-untyped-def]
    """Far more shared texts than the cells that could use them (or than a roster has):
    refuse before openpyxl reads them all into memory."""
    count = 0
    for body in _stream(archive, info):
        count += len(_SHARED_STRING.findall(body))
        if count > most:
            raise refuse(
                f"The workbook keeps more than {most:,} different texts, far more than its cells or a roster "
                "could use. Nothing was read. Open it in Excel and save it again.",
                f"ブックに {most:,} 種類を超える文字列があり、セルや名簿で使える数を大きく超えています。"
                "読み込みませんでした。Excel で開いて保存し直してください。",
            )


def _count_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits, refuse) -> PartCounts:  # type: ignore[no-untyped-def]
    cells = rows = formulas = merged = 0
    first = True
    for body in _stream(archive, info):
        if first:
            first = False
            match = _DIMENSION.search(body[:8192])
            if match:
                declared, _text = _area(match)
                # A declared range is only a claim; refuse the absurd ones outright.
                if declared > limits.max_cells * 8:
                    raise refuse(
                        f"A sheet declares {declared:,} cells; far more than a roster. Nothing was read.",
                        f"シートのセル数が {declared:,} 個と宣言されています。名簿としては多すぎるため読み込みませんでした。",
                    )
        cells += len(_CELL.findall(body))
        rows += len(_ROW.findall(body))
        formulas += len(_FORMULA.findall(body))
        for found in _MERGE.finditer(body):
            area, reference = _area(found)
            merged += area
            if area > limits.max_merged_cells:
                raise refuse(*_too_merged(limits, reference, area))
        if cells > limits.max_cells or rows > limits.max_rows:
            break
    return PartCounts(cells, rows, formulas, merged)
