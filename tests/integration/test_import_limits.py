"""Hostile import files are refused quickly, name where they went wrong, and change
nothing: paths that are not regular files, recurrences and dates no school year holds,
absurd ranges and merges, rows whose cells do not line up with their headers. Honest
large files land whole.

Each hostile import runs as a real process with a time limit: before these refusals
existed, the same files hung the import or took gigabytes."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from altdesk.io.importing.problems import column_letter
from tests.helpers import run_cli, table_dump

LIMIT_SECONDS = 30  # each of these imports is refused in well under a second


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "branch.sqlite3"
    result = run_cli("--db", str(path), "demo", "--size", "small", "--seed", "3")
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture
def branch(demo_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "branch.sqlite3"
    shutil.copy(demo_db, path)
    return path


def refused(db: Path, file: Path, *more: str) -> list[dict]:
    """Import with --json: exit 2, no traceback, nothing changed; the problems as JSON."""
    before = table_dump(db)
    result = run_cli("--db", str(db), "import", str(file), "--json", *more, timeout=LIMIT_SECONDS)
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert table_dump(db) == before
    problems = json.loads(result.stdout)
    assert problems and all(p["file"] == str(file) for p in problems)
    return problems


# --- Paths that are not regular files ---------------------------------------------------

def test_a_pipe_is_refused_at_once_not_waited_on(branch, tmp_path):
    pipe = tmp_path / "schools.csv"
    os.mkfifo(pipe)
    [problem] = refused(branch, pipe)
    assert "not a regular file" in problem["message_en"] and "通常のファイルではありません" in problem["message_ja"]


def test_a_link_to_an_endless_device_is_refused(branch, tmp_path):
    link = tmp_path / "alts.csv"
    link.symlink_to("/dev/urandom")
    [problem] = refused(branch, link)
    assert "not a regular file" in problem["message_en"]


def test_a_folder_is_refused(branch, tmp_path):
    folder = tmp_path / "placements.xlsx"
    folder.mkdir()
    [problem] = refused(branch, folder)
    assert "folder" in problem["message_en"] and "フォルダー" in problem["message_ja"]


# --- Rows whose cells do not line up with the headers -----------------------------------

ALT_HEADERS = "ALT code,Family name,Given name,Nationality,Start date,Levels,Allergies"


def test_a_csv_row_with_more_cells_than_headers_is_refused_naming_the_cells(branch, tmp_path):
    # An unquoted comma in the levels shifts the allergy out of the table.
    alts = tmp_path / "alts.csv"
    alts.write_text(f"{ALT_HEADERS}\nA901,García,María,Spain,2024/4/1,elementary,junior_high,egg\n", encoding="utf-8")
    [problem] = refused(branch, alts)
    assert (problem["row"], problem["column_letter"], problem["value"]) == (2, "H", "egg")
    assert "H = 'egg'" in problem["message_en"] and "8 cells" in problem["message_en"]
    assert "H = 'egg'" in problem["message_ja"] and "見出し（7 列）" in problem["message_ja"]


def test_a_csv_row_with_fewer_cells_than_headers_is_refused(branch, tmp_path):
    alts = tmp_path / "alts.csv"
    alts.write_text(f"{ALT_HEADERS}\nA901,García,María,Spain,2024/4/1,elementary,egg\nA902,Lee,Bo\n", encoding="utf-8")
    [problem] = refused(branch, alts)
    assert (problem["row"], problem["column_letter"]) == (3, "D")
    assert "3 cells" in problem["message_en"] and "D–G" in problem["message_ja"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_value_far_to_the_right_of_the_headers_is_refused_not_dropped(branch, tmp_path, suffix):
    # Past column 256 cells are not read one by one, but a value there still refuses its row.
    row = ["A901", "García", "María", "Spain", "2024/4/1", "elementary", ""] + [""] * 292 + ["egg"]
    path = tmp_path / f"alts{suffix}"
    if suffix == ".csv":
        path.write_text(f"{ALT_HEADERS}\n" + ",".join(row) + "\n", encoding="utf-8")
    else:
        workbook = openpyxl.Workbook()
        workbook.active.title = "ALTs"
        workbook.active.append(ALT_HEADERS.split(","))
        workbook.active.append([cell or None for cell in row])
        workbook.save(path)
    problems = refused(branch, path)
    [problem] = [p for p in problems if p["severity"] == "error"]
    assert (problem["row"], problem["column_letter"], problem["value"]) == (2, column_letter(299), "egg")


def test_trailing_empty_cells_as_excel_writes_them_are_fine(branch, tmp_path):
    alts = tmp_path / "alts.csv"
    alts.write_text(f"{ALT_HEADERS},,\nA901,García,María,Spain,2024/4/1,\"elementary, junior_high\",egg,,\n"
                    "A902,Lee,Bo,UK,2025/4/1,elementary,,,  \n", encoding="utf-8")
    result = run_cli("--db", str(branch), "import", str(alts), timeout=LIMIT_SECONDS)
    assert result.returncode == 0, result.stderr
    assert "ALTs: 2 created" in result.stdout


def test_xlsx_values_beyond_the_last_header_are_refused(branch, tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "ALTs"
    sheet.append(ALT_HEADERS.split(","))
    sheet.append(["A901", "García", "María", "Spain", dt.date(2024, 4, 1), "elementary", None, None, "egg"])
    path = tmp_path / "alts.xlsx"
    workbook.save(path)
    [problem] = refused(branch, path)
    assert (problem["sheet"], problem["row"], problem["column_letter"], problem["value"]) == ("ALTs", 2, "I", "egg")
    assert "G (Allergies)" in problem["message_en"] and "見出しのないセル" in problem["message_ja"]


# --- Recurrences, periods and dates a school year cannot hold ----------------------------

def this_fiscal_year() -> dt.date:
    today = dt.date.today()
    return dt.date(today.year if today.month >= 4 else today.year - 1, 4, 1)


PLACEMENT_HEADERS = ["ALT code", "School code", "Weekdays", "RRULE", "Start date", "End date", "Periods"]


def placements_file(path: Path, *rows: list) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Placements"
    sheet.append(PLACEMENT_HEADERS)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def placement(**cells) -> list:
    row = dict(zip(PLACEMENT_HEADERS, ["A0001", "S0003", None, None, this_fiscal_year(), None, None], strict=True))
    row.update(cells)
    return list(row.values())


def test_rrule_cells_of_the_wrong_type_or_more_often_than_daily_are_refused(branch, tmp_path):
    path = placements_file(
        tmp_path / "placements.xlsx",
        placement(RRULE=5),
        placement(RRULE=dt.datetime(2026, 4, 1)),
        placement(RRULE="FREQ=HOURLY;BYDAY=MO"),
        placement(RRULE="FREQ=MINUTELY"),
        placement(RRULE="FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30"),
        placement(RRULE="FREQ=WEEKLY;BYDAY=MO;BYHOUR=9"),
    )
    problems = refused(branch, path)
    assert [(p["sheet"], p["row"], p["column"]) for p in problems] == [("Placements", n, "RRULE") for n in range(2, 8)]
    assert all(p["message_ja"] for p in problems)
    assert sum("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY" in p["message_en"] for p in problems) == 3


def test_periods_beyond_a_school_day_are_refused_before_they_are_counted(branch, tmp_path):
    path = placements_file(tmp_path / "placements.xlsx", placement(Weekdays="Mon", Periods="1-999999999"),
                           placement(Weekdays="Tue", Periods=1e9))
    problems = refused(branch, path)
    assert [(p["row"], p["column_letter"]) for p in problems] == [(2, "G"), (3, "G")]


def test_a_placement_centuries_long_is_refused_at_its_end_date(branch, tmp_path):
    end = dt.date(this_fiscal_year().year + 300, 3, 31)
    path = placements_file(tmp_path / "placements.xlsx", placement(Weekdays="Mon", **{"End date": end}))
    [problem] = refused(branch, path)
    assert (problem["row"], problem["column"]) == (2, "End date")
    assert end.isoformat() in problem["message_en"] and "too far from today" in problem["message_en"]
    assert f"{end.year}年3月31日" in problem["message_ja"]


def test_closures_and_events_far_from_today_are_refused(branch, tmp_path):
    far = dt.date(this_fiscal_year().year + 40, 7, 21)
    closures = tmp_path / "closures.csv"
    closures.write_text(f"Kind,Board,Start date,End date\nbranch_closure,,{this_fiscal_year()},{far}\n",
                        encoding="utf-8")
    [problem] = refused(branch, closures)
    assert (problem["row"], problem["column"]) == (2, "End date")
    events = tmp_path / "events.csv"
    events.write_text(f"School code,Date,Event (ja)\nS0003,{far},運動会\n", encoding="utf-8")
    [problem] = refused(branch, events)
    assert (problem["row"], problem["column"]) == (2, "Date")


# --- Absurd ranges ---------------------------------------------------------------------------

def test_a_small_workbook_with_an_absurd_merged_range_is_refused_at_once(branch, tmp_path):
    source = placements_file(tmp_path / "source.xlsx", placement(Weekdays="Mon"))
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(tmp_path / "merged.xlsx", "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>",
                                    b'</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')
            new.writestr(info.filename, data)
    [problem] = refused(branch, tmp_path / "merged.xlsx")
    assert problem["sheet"] == "Placements" and "A1:XFD1048576" in problem["message_en"]


# --- A large honest file lands whole ----------------------------------------------------------

def test_ten_thousand_alt_rows_of_a_workbook_all_land(ws, tmp_path):
    from sqlalchemy import func, select

    from altdesk.db.models import Alt
    from altdesk.services.importing import apply

    workbook = openpyxl.Workbook(write_only=True)  # as programs write them: no <dimension>, streamed
    sheet = workbook.create_sheet("ALTs")
    sheet.append(ALT_HEADERS.split(","))
    for n in range(10_000):
        sheet.append([f"Y{n:05d}", f"Family{n}", f"Given{n}", "UK", dt.date(2024, 4, 1), "elementary, junior_high",
                      "egg" if n % 7 == 0 else None])
    path = tmp_path / "alts.xlsx"
    workbook.save(path)
    outcome = apply(ws, [path])
    assert outcome.counts["alts"] == {"create": 10_000, "update": 0, "unchanged": 0}
    with ws.db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Alt).where(Alt.code.like("Y%"))) == 10_000
        last = session.scalars(select(Alt).where(Alt.code == "Y09996")).one()
        assert (last.family_name, last.given_name, last.nationality) == ("Family9996", "Given9996", "UK")


def test_the_bench_measures_a_ten_thousand_row_import_beside_the_bare_libraries(tmp_path):
    out = tmp_path / "bench.json"
    result = run_cli("bench", "--size", "small", "--repeat", "1", "--only", "import", "--json", str(out), timeout=300)
    assert result.returncode == 0, result.stderr
    [figure] = json.loads(out.read_text(encoding="utf-8"))["figures"]
    assert figure["name"] == "import_10k" and figure["unit"] == "s" and figure["budget"] == 10.0
    assert figure["value"] > 0 and figure["baseline"] > 0 and figure["ratio"] > 0
    assert "10,000 ALTs created" in figure["note"]
