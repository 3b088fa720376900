"""The report exports as a head-office script runs them: `export pdf|xlsx --report ...` on the
command line, every file read back with poppler or openpyxl."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from altdesk.db.database import open_database
from altdesk.db.engine import DatabaseTarget
from altdesk.services.workspace import open_workspace
from tests.helpers import run_cli
from tests.unit.report_fixtures import (
    BUSY_SCHOOL,
    SCHOOL_NAME,
    make_report_branch,
    pdf_fonts,
    pdf_pages,
    pdf_text,
)


@pytest.fixture(scope="module")
def report_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("reports") / "branch.sqlite3"
    db = open_database(DatabaseTarget.parse(str(path)))
    make_report_branch(open_workspace(db, actor="tester"))
    db.close()
    return path


def cli(db, *args):
    result = run_cli("--db", str(db), "export", *args)
    assert result.returncode == 0, result.stderr + result.stdout
    return result


def test_school_month_for_all_schools_is_a_folder_of_files_or_one_combined_pdf(report_db, tmp_path):
    cli(report_db, "pdf", "--report", "school-month", "--month", "2026-06", "--school", "all", "--out",
        str(tmp_path / "each"))
    files = sorted((tmp_path / "each").iterdir())
    assert [f.name for f in files] == ["2026-06_S001_さくら市立富士見ヶ丘第二小学校.pdf", "2026-06_S002_さくら市立桜台中学校.pdf"]
    assert all(pdf_pages(f) == 1 for f in files)
    result = cli(report_db, "pdf", "--report", "school-month", "--month", "2026-06", "--school", "all", "--combined",
                 "--era", "reiwa", "--out", str(tmp_path / "all.pdf"))
    assert "2 school(s)" in result.stdout
    assert pdf_pages(tmp_path / "all.pdf") == 2
    text = pdf_text(tmp_path / "all.pdf")
    assert SCHOOL_NAME in text and "さくら市立桜台中学校" in text and "令和8年6月分" in text
    assert not list(tmp_path.rglob("*.partial"))


def test_school_month_excel_one_sheet_per_school_made_for_printing(report_db, tmp_path):
    out = tmp_path / "schools.xlsx"
    cli(report_db, "xlsx", "--report", "school-month", "--month", "2026-06", "--school", "all", "--combined",
        "--out", str(out))
    wb = load_workbook(out)
    assert wb.sheetnames == ["S001 さくら市立富士見ヶ丘第二小学校", "S002 さくら市立桜台中学校"]
    sheet = wb.worksheets[0]
    assert int(sheet.page_setup.paperSize) == 9 and sheet.page_setup.orientation == "portrait"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 1)
    header_row = int(sheet.print_title_rows.split(":")[0].strip("$"))
    assert sheet.freeze_panes == f"A{header_row + 1}"
    header = [c.value for c in sheet[header_row]]
    assert header[:3] == ["日付", "曜日", "ALT"] or header[:4] == ["変更", "日付", "曜日", "ALT"]
    visits = [r for r in sheet.iter_rows(min_row=header_row + 1, values_only=True) if r[2] in ("月", "火", "水", "木", "金", "土")
              or r[1] in ("月", "火", "水", "木", "金", "土")]
    assert len(visits) == 23
    values = {v for row in sheet.iter_rows(values_only=True) for v in row if isinstance(v, str)}
    assert {"給食", "弁当持参", "Zoë Müller", "Thảo Nguyễn", "運動会"} <= values
    assert sheet.column_dimensions["C"].width >= 15


def test_a_reissue_from_the_command_line_shows_what_changed(report_db, tmp_path):
    import datetime as dt

    from sqlalchemy import select

    from altdesk.db.engine import transaction
    from altdesk.db.models import School, Visit

    cli(report_db, "pdf", "--report", "school-month", "--month", "2026-07", "--school", BUSY_SCHOOL, "--out",
        str(tmp_path / "first.pdf"))
    assert "変更箇所" not in pdf_text(tmp_path / "first.pdf")
    db = open_database(DatabaseTarget.parse(str(report_db)))
    with transaction(db.sessions) as s:
        school_id = s.scalar(select(School.id).where(School.code == BUSY_SCHOOL))
        visit = s.scalar(select(Visit).where(Visit.school_id == school_id, Visit.date == dt.date(2026, 7, 2)))
        visit.date = dt.date(2026, 7, 3)
    db.close()
    cli(report_db, "pdf", "--report", "school-month", "--month", "2026-07", "--school", BUSY_SCHOOL, "--out",
        str(tmp_path / "second.pdf"))
    text = pdf_text(tmp_path / "second.pdf")
    assert "第2版" in text and "変更箇所" in text and "7/2（木） → 7/3（金） 日程変更" in text


def test_alt_month_and_branch_board_from_the_command_line(report_db, tmp_path):
    cli(report_db, "pdf", "--report", "alt-month", "--month", "2026-06", "--alt", "all", "--out", str(tmp_path / "alts"))
    files = sorted((tmp_path / "alts").iterdir())
    assert len(files) == 3 and all(pdf_pages(f) == 1 for f in files)
    assert all(embedded for f in files for _, embedded in pdf_fonts(f))
    assert "Zoë Müller" in pdf_text(next(f for f in files if "A003" in f.name))
    cli(report_db, "pdf", "--report", "branch-month", "--month", "2026-06", "--out", str(tmp_path / "board.pdf"))
    assert "ALT配置表" in pdf_text(tmp_path / "board.pdf")
    cli(report_db, "xlsx", "--report", "visits", "--month", "2026-06", "--out", str(tmp_path / "visits.xlsx"))
    sheet = load_workbook(tmp_path / "visits.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("date", "alt_code", "alt_name") and sheet.freeze_panes == "A2"
    assert len(rows) - 1 == 45  # 23 at the busy school (with the Sports Day), 22 weekdays at the other
    assert sheet.auto_filter.ref == f"A1:L{len(rows)}"


def test_bad_requests_are_refused_with_a_message(report_db, tmp_path):
    result = run_cli("--db", str(report_db), "export", "pdf", "--report", "school-month", "--month", "2026-06",
                     "--school", "NOPE", "--out", str(tmp_path / "x.pdf"))
    assert result.returncode == 2 and "NOPE" in (result.stdout + result.stderr)
    result = run_cli("--db", str(report_db), "export", "pdf", "--report", "school-month", "--school", "all",
                     "--out", str(tmp_path / "x"))
    assert result.returncode == 2 and "--month" in (result.stdout + result.stderr)
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x").exists() and not (tmp_path / "x.pdf").exists()
