"""Importing the files offices really have, end to end: every CSV encoding, workbooks
with merged cells, formulas (cached results), hidden and trailing blank rows; the CLI's
exit codes, --json and --dry-run; the template read back; a round trip of the demo branch."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import os
import re
import sqlite3
import uuid
import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import create_engine, func, select, text

from altdesk.cli import main as cli_main
from altdesk.db.enums import LunchPolicy, SchoolLevel
from altdesk.db.models import Alt, Board, Placement, School
from altdesk.io.importing import SCHEMAS
from altdesk.io.template import template_columns
from altdesk.services.importing import apply, preview
from tests.helpers import run_cli, table_dump

SCHOOL_ROWS = [
    ["学校コード", "学校名", "学校名（英語）", "校種", "教育委員会コード", "教育委員会", "給食", "給食費"],
    ["Ｓ００１", "さくら市立桜台小学校", "Sakuradai Elementary School", "小学校", "B001", "さくら市教育委員会", "給食あり", "２８０"],
    ["S002", "さくら市立桜台中学校", "Sakuradai Junior High School", "中学校", "B001", "さくら市教育委員会", "牛乳のみ", "60"],
]


def csv_bytes(rows: list[list[str]], delimiter: str = ",") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def schools_in(db_path: Path) -> dict[str, tuple]:
    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute(
            "SELECT s.code, s.name_ja, s.name_en, s.level, s.lunch_policy, s.lunch_price_yen, b.code, b.name_ja "
            "FROM school s LEFT JOIN board b ON b.id = s.board_id ORDER BY s.code").fetchall()
    finally:
        conn.close()
    return {row[0]: row[1:] for row in rows}


EXPECTED_SCHOOLS = {
    "S001": ("さくら市立桜台小学校", "Sakuradai Elementary School", "elementary", "serves", 280, "B001", "さくら市教育委員会"),
    "S002": ("さくら市立桜台中学校", "Sakuradai Junior High School", "junior_high", "milk_only", 60, "B001",
             "さくら市教育委員会"),
}


# --- CSV in every encoding ----------------------------------------------------------------

@pytest.mark.parametrize(("encoding", "label", "delimiter"), [
    ("utf-8-sig", "UTF-8 (with BOM)", ","),
    ("utf-8", "UTF-8", ","),
    ("cp932", "Shift_JIS (cp932)", ","),
    ("utf-16", "UTF-16", "\t"),  # Excel's "Unicode text"
])
def test_csv_in_every_encoding_is_read_and_reported(tmp_path, capsys, encoding, label, delimiter):
    path = tmp_path / ("schools.txt" if encoding == "utf-16" else "schools.csv")
    path.write_bytes(csv_bytes(SCHOOL_ROWS, delimiter).encode(encoding))
    if encoding == "utf-8-sig":
        assert path.read_bytes().startswith(codecs.BOM_UTF8)
    db_path = tmp_path / "branch.sqlite3"
    assert cli_main(["--db", str(db_path), "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"read as {label}" in out
    assert schools_in(db_path) == EXPECTED_SCHOOLS


def test_detected_encoding_is_reported_in_japanese_too(tmp_path, capsys):
    path = tmp_path / "学校.csv"
    path.write_bytes(csv_bytes(SCHOOL_ROWS).encode("cp932"))
    assert cli_main(["--db", str(tmp_path / "b.sqlite3"), "--lang", "ja", "import", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "文字コード Shift_JIS (cp932) として読みました" in out
    assert "学校：新規 2 件" in out


# --- Workbooks in the shapes offices make -------------------------------------------------

def with_cached_results(path: Path, sheet_index: int, results: dict[str, object]) -> None:
    """Give formula cells the results Excel would have saved (openpyxl writes none)."""
    member = f"xl/worksheets/sheet{sheet_index}.xml"
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    xml = parts[member].decode()
    for ref, value in results.items():
        pattern = re.compile(rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/></c>')
        assert pattern.search(xml), ref
        kind = ' t="str"' if isinstance(value, str) else ""
        xml = pattern.sub(lambda m, r=ref, k=kind, v=value: f'<c r="{r}"{m.group(1)}{k}><f>{m.group(2)}</f><v>{v}</v></c>', xml)
    parts[member] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def office_workbook(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "学校一覧"
    sheet.append(["令和8年度 学校一覧（さくら支店）"])  # a title row above the headers
    sheet.merge_cells("A1:F1")
    sheet.append(["学校コード", "学校名", "校種", "教育委員会", "給食費", "契約日数", "英語名"])
    sheet.append(["S001", "桜台小学校", "小学校", "さくら市教育委員会", "=200+80", 70, '="Sakuradai "&"ES"'])
    sheet.append(["S002", "桜台中学校", "中学校", None, 300, "=35*2", "Sakuradai JHS"])
    sheet.append(["S003", "桜台幼稚園", "幼稚園", None, 60, 10, "Sakuradai KG"])
    sheet.merge_cells("D3:D5")  # one board for the three schools, merged down
    sheet.append(["S004", "閉校予定小学校", "小学校", "青葉市教育委員会", 250, 35, "Closing ES"])
    sheet.row_dimensions[6].hidden = True
    for _ in range(5):  # trailing blank rows, as left by deleting data in Excel
        sheet.append(["", None, "  ", None, None, None, None])
    sheet.cell(row=15, column=2).number_format = "@"  # a formatted but empty cell further down
    workbook.save(path)
    with_cached_results(path, 1, {"E3": 280, "F4": 70, "G3": "Sakuradai ES"})
    return path


def test_workbook_with_merged_cells_formulas_hidden_and_trailing_blank_rows(ws, tmp_path):
    path = office_workbook(tmp_path / "学校.xlsx")
    result = preview(ws, [path])
    assert result.ok, [p.describe() for p in result.errors]
    warnings = [p.message_en for p in result.warnings]
    assert any("Row 6 is hidden" in w for w in warnings)  # hidden rows are read, and said so
    assert len(result.warnings) == 1  # nothing about the blank rows below
    apply(ws, result)
    with ws.db.sessions() as session:
        found = {s.code: s for s in session.scalars(select(School))}
        boards = {b.id: b.name_ja for b in session.scalars(select(Board))}
    assert set(found) == {"S001", "S002", "S003", "S004"}
    assert {code: boards[s.board_id] for code, s in found.items()} == {
        "S001": "さくら市教育委員会", "S002": "さくら市教育委員会", "S003": "さくら市教育委員会", "S004": "青葉市教育委員会"}
    assert (found["S001"].lunch_price_yen, found["S001"].name_en) == (280, "Sakuradai ES")  # cached results
    assert found["S002"].contracted_days == 70
    assert found["S003"].level == SchoolLevel.KINDERGARTEN


def test_a_hidden_sheet_is_read_and_said_so_and_a_chart_sheet_passed_over(ws, tmp_path):
    workbook = openpyxl.Workbook()
    cover = workbook.active
    cover.title = "Cover"
    sheet = workbook.create_sheet("Schools")
    sheet.append(["School code", "Name (ja)", "Level"])
    sheet.append(["S001", "桜小学校", "elementary"])
    sheet.sheet_state = "hidden"
    workbook.create_chartsheet("Chart")
    path = tmp_path / "hidden.xlsx"
    workbook.save(path)
    result = preview(ws, [path])
    assert result.ok, [p.describe() for p in result.errors]
    assert [p.message_en for p in result.warnings] == ["Sheet Schools is hidden in Excel; it was read like the others."]
    assert [c.key for c in result.changes] == ["S001"]


def test_formula_without_a_saved_result_names_its_cell(ws, tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.title = "Schools"
    workbook.active.append(["School code", "Name (ja)", "Level", "Lunch price (yen)"])
    workbook.active.append(["S001", "桜台小学校", "elementary", "=200+80"])
    path = tmp_path / "generated.xlsx"
    workbook.save(path)
    result = preview(ws, [path])
    [problem] = result.errors
    assert (problem.sheet, problem.row, problem.column_letter, problem.value) == ("Schools", 2, "D", "=200+80")
    assert "never saved" in problem.message_en


def test_dates_as_excel_dates_serials_and_text(ws, tmp_path):
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    schools = workbook.create_sheet("Schools")
    schools.append(["School code", "Name (ja)", "Level"])
    schools.append(["S001", "桜台小学校", "elementary"])
    alts = workbook.create_sheet("ALTs")
    alts.append(["ALT code", "Family name", "Given name"])
    alts.append(["A001", "Smith", "Emily"])
    placements = workbook.create_sheet("Placements")
    placements.append(["ALT code", "School code", "Weekdays", "Start date", "End date", "Start time", "End time"])
    placements.append(["A001", "S001", "月", dt.date(2026, 4, 6), 46477, dt.time(8, 15), 0.6666666666666666])
    placements.append(["A001", "S001", "水曜日", "令和8年4月8日", "R9.3.31", "8時15分", "16:00"])
    workbook.save(tmp_path / "dates.xlsx")
    apply(ws, [tmp_path / "dates.xlsx"])
    with ws.db.sessions() as session:
        rows = session.execute(select(Placement.start_date, Placement.end_date, Placement.start_time,
                                      Placement.end_time, Placement.rrule).order_by(Placement.start_date)).all()
    assert [tuple(r) for r in rows] == [
        (dt.date(2026, 4, 6), dt.date(2027, 3, 31), dt.time(8, 15), dt.time(16, 0), "FREQ=WEEKLY;BYDAY=MO"),
        (dt.date(2026, 4, 8), dt.date(2027, 3, 31), dt.time(8, 15), dt.time(16, 0), "FREQ=WEEKLY;BYDAY=WE"),
    ]


# --- The CLI --------------------------------------------------------------------------------

def test_rejected_import_exits_2_lists_problems_as_json_and_writes_nothing(tmp_path):
    db_path = tmp_path / "branch.sqlite3"
    assert run_cli("--db", str(db_path), "demo", "--size", "small", "--seed", "3").returncode == 0
    rows = [row[:] for row in SCHOOL_ROWS]
    rows[2][3] = "大学"
    bad = tmp_path / "schools.csv"
    bad.write_text(csv_bytes(rows), encoding="utf-8")
    before = table_dump(db_path)
    result = run_cli("--db", str(db_path), "import", str(bad), "--json")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    problems = json.loads(result.stdout)
    assert isinstance(problems, list) and len(problems) == 1
    problem = problems[0]
    assert {"file", "sheet", "row", "column", "value", "message_en", "message_ja"} <= set(problem)
    assert (problem["file"], problem["sheet"], problem["row"], problem["column"], problem["value"]) == (
        str(bad), None, 3, "校種", "大学")
    assert "小学校" in problem["message_ja"]
    assert table_dump(db_path) == before
    human = run_cli("--db", str(db_path), "import", str(bad))
    assert human.returncode == 2
    assert "row 3, column D (校種)" in human.stderr and "Nothing was changed" in human.stdout


def test_unreadable_file_is_a_message_not_a_traceback(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 500 + "EncryptedPackage".encode("utf-16-le"))
    result = run_cli("--db", str(tmp_path / "b.sqlite3"), "import", str(empty))
    assert result.returncode == 2
    assert f"{empty}: The file is empty." in result.stderr and "Traceback" not in result.stderr
    result = run_cli("--db", str(tmp_path / "b.sqlite3"), "import", str(locked), "--json")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    [problem] = json.loads(result.stdout)
    assert problem["file"] == str(locked) and "password" in problem["message_en"]


def test_dry_run_reports_create_update_and_left_alone_and_writes_nothing(tmp_path, capsys):
    db_path = tmp_path / "branch.sqlite3"
    first = tmp_path / "schools.csv"
    first.write_text(csv_bytes(SCHOOL_ROWS), encoding="utf-8")
    assert cli_main(["--db", str(db_path), "import", str(first)]) == 0
    capsys.readouterr()
    rows = [row[:] for row in SCHOOL_ROWS] + [["S003", "桜台幼稚園", "", "幼稚園", "B001", "", "牛乳のみ", "60"]]
    rows[1][1] = "さくら市立桜台小学校（本校）"
    second = tmp_path / "schools2.csv"
    second.write_text(csv_bytes(rows), encoding="utf-8")
    before = table_dump(db_path)
    assert cli_main(["--db", str(db_path), "import", str(second), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "schools: 1 to create, 1 to update, 1 left alone" in out
    assert "create school S003 桜台幼稚園" in out
    assert "update school S001 さくら市立桜台小学校: Name (ja)" in out
    assert table_dump(db_path) == before
    assert cli_main(["--db", str(db_path), "import", str(second)]) == 0
    assert "schools: 1 created, 1 updated, 1 left alone" in capsys.readouterr().out


def test_kind_option_and_json_on_success(tmp_path, capsys):
    path = tmp_path / "list.csv"
    path.write_text("School code,Phone\nS001,043-000-0000\n", encoding="utf-8")
    db_path = tmp_path / "b.sqlite3"
    assert cli_main(["--db", str(db_path), "import", str(path), "--json"]) == 2  # cannot tell the kind
    assert "--kind" in json.loads(capsys.readouterr().out)[0]["message_en"]
    assert cli_main(["--db", str(db_path), "import", str(path), "--kind", "schools", "--json"]) == 2
    [problem] = json.loads(capsys.readouterr().out)
    assert "needed for a new school" in problem["message_en"] and problem["row"] == 2


# --- The template ---------------------------------------------------------------------------

def test_empty_template_has_the_sheets_headers_and_explanations(tmp_path):
    out = tmp_path / "template.xlsx"
    result = run_cli("--db", str(tmp_path / "b.sqlite3"), "export", "template", "--out", str(out))
    assert result.returncode == 0, result.stderr
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == ["Branch", "Schools", "ALTs", "Placements", "Closures", "Events", "Absences",
                                  "Demand", "TravelTimes", "Explanations"]
    for kind, schema in SCHEMAS.items():
        sheet = workbook[schema.sheet]
        headers = [c.value for c in sheet[1]]
        assert headers == [f.header for f in template_columns(schema)], kind
        assert sheet.max_row == 1  # empty
        assert schema.fields[0].header_ja in sheet.cell(row=1, column=1).comment.text
    explanations = [[c.value for c in row] for row in workbook["Explanations"].iter_rows()]
    flat = "\n".join(str(v) for row in explanations for v in row if v)
    for needed in ("学校コード", "曜日", "開始日", "終了日", "給食", "アレルギー", "校種", "国籍",
                   "Week A is the week", "令和8年4月1日", "小学校", "弁当持参", "落花生"):
        assert needed in flat, needed
    codes = workbook["Schools"].column_dimensions["A"]
    assert codes.number_format == "@"  # codes typed as 001 keep their zeros


def test_filled_template_never_turns_text_into_formulas(ws, tmp_path):
    source = tmp_path / "schools.csv"
    source.write_text("School code,Name (ja),Level,Contact teacher\nS001,桜小,elementary,=HYPERLINK(\"x\")\n",
                      encoding="utf-8")
    apply(ws, [source])
    from altdesk.io.template import write_template

    out = write_template(tmp_path / "filled.xlsx", ws, filled=True).path
    cell = openpyxl.load_workbook(out)["Schools"]["N2"]
    assert [c.value for c in openpyxl.load_workbook(out)["Schools"][1]][13] == "Contact teacher"
    assert (cell.value, cell.data_type, cell.quotePrefix) == ('=HYPERLINK("x")', "s", True)
    again = preview(ws, [out])
    assert again.ok and not again.has_work  # and it reads back as the same text


# --- The round trip -------------------------------------------------------------------------

BUSINESS = {
    "boards": "SELECT code, name_ja, name_en, contract_days_per_year, contract_hours_per_day, lunch_notice_rule FROM board",
    "schools": "SELECT s.code, s.name_ja, s.name_en, s.short_name_ja, s.level, b.code, s.address, s.phone, "
               "s.contact_teacher, s.lunch_policy, s.lunch_price_yen, s.lunch_notice_rule, s.contracted_days, "
               "s.latitude, s.longitude "
               "FROM school s LEFT JOIN board b ON b.id = s.board_id",
    "bell periods": "SELECT s.code, p.number, p.start_time, p.end_time FROM bell_period p JOIN school s ON s.id = p.school_id",
    "alts": "SELECT code, family_name, given_name, kana, nationality, start_date, status, email, phone, levels, "
            "allergens, other_allergens, vegetarian, vegan, halal, gluten_free, diet_notes, share_diet_consent, "
            "weekly_class_limit, end_date, home_latitude, home_longitude, travel_mode, preferred_levels, max_schools "
            "FROM alt",
    "demand": "SELECT s.code, d.days, d.period_weeks, d.weekdays, d.classes_per_day, d.start_date, d.end_date, d.note "
              "FROM school_demand d JOIN school s ON s.id = d.school_id",
    "travel times": "SELECT from_code, to_code, minutes FROM travel_time",
    "placements": "SELECT a.code, s.code, p.start_date, p.end_date, p.rrule, p.extra_dates, p.removed_dates, "
                  "p.start_time, p.end_time, p.periods, p.classes_per_day, p.lunch_mode, p.note FROM placement p "
                  "JOIN alt a ON a.id = p.alt_id JOIN school s ON s.id = p.school_id",
    "closures": "SELECT d.kind, b.code, s.code, d.start_date, d.end_date, d.name_ja, d.name_en FROM day_off d "
                "LEFT JOIN board b ON b.id = d.board_id LEFT JOIN school s ON s.id = d.school_id",
    "events": "SELECT s.code, e.date, e.name_ja, e.name_en, e.start_time, e.end_time, e.school_day_off "
              "FROM school_event e JOIN school s ON s.id = e.school_id",
    "absences": "SELECT a.code, x.kind, x.start_date, x.end_date, x.note FROM absence x JOIN alt a ON a.id = x.alt_id "
                "WHERE x.event_id IS NULL",
    "attendees": "SELECT s.code, e.date, a.code, t.compensatory_date FROM event_attendee t "
                 "JOIN school_event e ON e.id = t.event_id JOIN school s ON s.id = e.school_id JOIN alt a ON a.id = t.alt_id",
}


def business(db_path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db_path)
    try:
        return {name: sorted(conn.execute(query).fetchall(), key=repr) for name, query in BUSINESS.items()}
    finally:
        conn.close()


def test_round_trip_of_the_demo_branch_through_the_filled_template(tmp_path):
    demo, empty = tmp_path / "demo.sqlite3", tmp_path / "new.sqlite3"
    out = tmp_path / "branch.xlsx"
    assert run_cli("--db", str(demo), "demo", "--size", "small", "--seed", "7").returncode == 0
    exported = run_cli("--db", str(demo), "export", "template", "--filled", "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    assert "要配慮個人情報" in exported.stdout  # the sensitive-data reminder
    imported = run_cli("--db", str(empty), "import", str(out))
    assert imported.returncode == 0, imported.stderr + imported.stdout
    original, copy = business(demo), business(empty)
    assert original["schools"] and original["alts"] and original["placements"] and original["closures"]
    assert original["demand"] and any(row[-2] is not None for row in original["schools"])  # the planner's data
    assert any("INTERVAL=2" in row[4] for row in original["placements"])  # A/B weeks are in the branch
    for name in BUSINESS:
        assert copy[name] == original[name], name
    again = run_cli("--db", str(empty), "import", str(out), "--dry-run")
    assert again.returncode == 0
    assert "0 to create, 0 to update" in again.stdout and "to create, 1" not in again.stdout
    assert business(empty) == original


# --- PostgreSQL -----------------------------------------------------------------------------

@pytest.fixture
def pg_workspace():
    url = os.environ.get("ALTDESK_TEST_PG_URL")
    if not url:
        pytest.skip("ALTDESK_TEST_PG_URL is not set: the PostgreSQL import test did not run "
                    "(run it under .ci/with-postgres.sh)")
    from altdesk.db.database import open_database
    from altdesk.db.engine import DatabaseTarget
    from altdesk.services.workspace import open_workspace

    name = f"altdesk_import_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    database = open_database(DatabaseTarget.parse(url.rsplit("/", 1)[0] + f"/{name}"))
    try:
        yield open_workspace(database, actor="tester")
    finally:
        database.close()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.mark.postgres
def test_import_into_postgresql(pg_workspace, tmp_path):
    path = office_workbook(tmp_path / "学校.xlsx")
    alts = tmp_path / "alts.csv"
    alts.write_text("ALT code,Full name,Allergens\nA1,Emily SMITH,えび\n", encoding="utf-8")
    placements = tmp_path / "配置.csv"
    placements.write_text("ALTコード,学校コード,曜日,週,開始日\nA1,S001,月・水,A,2026/4/1\n", encoding="cp932")
    outcome = apply(pg_workspace, [path, alts, placements])
    assert outcome.counts["schools"]["create"] == 4 and outcome.counts["alts"]["create"] == 1
    assert outcome.counts["placements"]["create"] == 1 and outcome.visits["created"] > 0
    again = preview(pg_workspace, [path, alts, placements])
    assert again.ok and not again.has_work
    with pg_workspace.db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(School)) == 4
        alt = session.scalar(select(Alt))
        assert (alt.family_name, alt.allergens) == ("SMITH", ["shrimp"])
        assert session.scalar(select(School.lunch_policy).where(School.code == "S001")) == LunchPolicy.SERVES


# --- Diet restrictions the rules cannot read ------------------------------------------------

def test_imported_diet_restriction_in_free_text_means_own_lunch_a_warning_and_a_conflict(tmp_path):
    """An ALT whose 食事制限 column says 卵アレルギーのため給食不可 is never ordered school lunch:
    the import warns that it is to be reviewed, the visits are own lunch, `check` lists it."""
    schools = tmp_path / "schools.csv"
    schools.write_text(csv_bytes(SCHOOL_ROWS), encoding="utf-8")
    alts = tmp_path / "alts.csv"
    alts.write_text(csv_bytes([
        ["ALTコード", "氏名", "食事制限", "アレルギー"],
        ["A1", "Emily SMITH", "卵アレルギーのため給食不可", ""],
        ["A2", "Lucía GARCÍA", "", ""],
        ["A3", "Omar HASSAN", "", "ハラール"],
    ]), encoding="utf-8")
    placements = tmp_path / "placements.csv"
    placements.write_text(csv_bytes([
        ["ALT code", "School code", "Weekdays", "Start date", "End date", "Start time", "End time"],
        ["A1", "S001", "Tue", "2026-06-01", "2026-06-30", "08:15", "15:45"],
        ["A2", "S001", "Wed", "2026-06-01", "2026-06-30", "08:15", "15:45"],
        ["A3", "S001", "Thu", "2026-06-01", "2026-06-30", "08:15", "15:45"],
    ]), encoding="utf-8")
    db_path = tmp_path / "branch.sqlite3"
    dry = run_cli("--db", str(db_path), "import", str(schools), str(alts), str(placements), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "To review" in dry.stdout + dry.stderr and "row 2" in dry.stdout + dry.stderr
    done = run_cli("--db", str(db_path), "--lang", "ja", "import", str(schools), str(alts), str(placements))
    assert done.returncode == 0, done.stderr
    assert "要確認" in done.stdout + done.stderr

    conn = sqlite3.connect(db_path)
    try:
        modes = dict(conn.execute(
            "SELECT a.code, group_concat(DISTINCT v.lunch_mode) FROM visit v JOIN alt a ON a.id = v.alt_id "
            "GROUP BY a.code").fetchall())
        halal = conn.execute("SELECT halal, other_allergens FROM alt WHERE code = 'A3'").fetchone()
    finally:
        conn.close()
    assert modes == {"A1": "own_lunch", "A2": "school_lunch", "A3": "own_lunch"}
    assert halal == (1, "")  # ハラール under Allergens is the diet, not another allergen

    check = run_cli("--db", str(db_path), "check", "--from", "2026-06-01", "--to", "2026-06-30", "--json")
    assert check.returncode == 0, check.stderr
    found = [c for c in json.loads(check.stdout) if c["kind"] == "diet_to_review"]
    assert [(c["alt_code"], c["severity"]) for c in found] == [("A1", "warning")]
    assert "要確認" not in found[0]["message_en"] and "食事メモ" in found[0]["message_ja"]
