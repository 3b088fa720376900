"""Lunch order sheets and lunch fees through `export`, read back with pdftotext, pdffonts and openpyxl."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import uuid
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from altdesk.db.database import open_database
from altdesk.db.engine import DatabaseTarget, transaction
from altdesk.db.enums import LunchMode, SchoolLevel
from altdesk.db.models import Alt, IssuedReport
from altdesk.services.lunch import (
    issue_order_sheets,
    lunch_deadline_warnings,
    month_ledger,
    set_lunch_override,
)
from altdesk.services.scheduling import generate_visits
from altdesk.services.workspace import open_workspace
from tests.helpers import run_cli
from tests.unit.lunch_fixtures import JUNE, cancel, jst, lunch_branch, move, visit_on
from tests.unit.sched_fixtures import make_alt, make_placement, make_school

S1_DATES = [2, 4, 9, 11, 16, 18, 23, 25, 30]  # A1's Tuesdays and Thursdays at S1
WEEKDAY = "月火水木金土日"


def _token(day: int) -> str:
    return f"{day}日({WEEKDAY[dt.date(2026, 6, day).weekday()]})"


@pytest.fixture
def branch(ws):
    """S1 (¥280): A1 eats lunch Tue/Thu; A2 (egg allergy, no consent) visits Mondays with own lunch.
    S2 (¥300): A1 on Wednesdays; A3 (peanut allergy, consented) on Fridays, two of them school
    lunch by a coordinator's override."""
    base = lunch_branch(ws)
    s2 = make_school(ws, "S2", SchoolLevel.JUNIOR_HIGH, board_id=base.board, price=300)
    a2 = make_alt(ws, "A2", allergens=("egg",), nationality="Canada", phone="090-1111-2222",
                  email="a2@example.com")
    a3 = make_alt(ws, "A3", allergens=("peanut",), share_diet_consent=True, nationality="Ireland",
                  diet_notes="carries an adrenaline pen")
    make_placement(ws, a2, base.school, "FREQ=WEEKLY;BYDAY=MO")
    make_placement(ws, base.alt, s2, "FREQ=WEEKLY;BYDAY=WE")
    make_placement(ws, a3, s2, "FREQ=WEEKLY;BYDAY=FR")
    generate_visits(ws, *JUNE)
    for day in (5, 12):
        set_lunch_override(ws, visit_on(ws, a3, dt.date(2026, 6, day)), LunchMode.SCHOOL_LUNCH,
                           "Peanut-free menu agreed with the school")
    return base


def _text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def _export(db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = run_cli("--db", str(db_path), "export", *args)
    assert result.returncode == 0, result.stderr
    return result


def _issues(ws) -> int:
    with ws.db.sessions() as s:
        return s.scalar(select(func.count()).select_from(IssuedReport))


def test_order_sheets_pdf_show_dates_counts_totals_and_no_diet_without_consent(ws, db_path, branch, tmp_path):
    out = tmp_path / "orders"
    result = _export(db_path, "pdf", "--report", "lunch-orders", "--month", "2026-06", "--school", "all",
                     "--out", str(out))
    assert "2 school(s)" in result.stdout
    files = sorted(out.iterdir())
    assert [f.name for f in files] == ["2026-06_S1_給食注文票_市立S1小学校.pdf", "2026-06_S2_給食注文票_市立S2小学校.pdf"]
    s1, s2 = _text(files[0]), _text(files[1])
    assert "教職員給食注文票" in s1 and "市立S1小学校" in s1 and "2026年6月分" in s1
    assert "GivenA1 FamilyA1" in s1 and "043-123-4567" in s1 and "発行日" in s1
    a1_row = next(line for line in s1.splitlines() if "GivenA1 FamilyA1" in line)
    assert re.findall(r"\d+日\(.\)", a1_row + s1.split(a1_row)[1].split("合計")[0]) == [_token(d) for d in S1_DATES]
    assert re.search(r"\s9\s+¥280\s+¥2,520", a1_row)
    assert re.search(r"合計\s+9\s+¥2,520", s1)
    # A2 visits with own lunch: named, but nothing about the allergy or any other personal detail.
    assert "GivenA2 FamilyA2" in s1 and "弁当持参" in s1
    for secret in ("卵", "アレルギー", "egg", "Canada", "090-1111-2222", "a2@example.com", "食事制限"):
        assert secret not in s1
    # A3 consented: the diet itself appears, and nothing else about A3.
    assert "食事制限" in s2 and "GivenA3 FamilyA3：アレルギー：落花生" in s2
    for secret in ("adrenaline", "Ireland", "Peanut-free menu"):
        assert secret not in s2
    assert re.search(r"合計\s+6\s+¥1,800", s2)  # A1's 4 Wednesdays and A3's 2 Fridays at ¥300
    assert _pages(files[0]) == 1
    fonts = subprocess.run(["pdffonts", str(files[0])], capture_output=True, text=True, check=True).stdout
    assert "IPAexGothic" in fonts and all(" yes " in line for line in fonts.splitlines()[2:])


def test_reissued_pdf_lists_exactly_the_changed_dates(ws, db_path, branch, tmp_path):
    _export(db_path, "pdf", "--report", "lunch-orders", "--month", "2026-06", "--school", "S1",
            "--out", str(tmp_path / "first.pdf"))
    move(ws, visit_on(ws, branch.alt, dt.date(2026, 6, 18)), dt.date(2026, 6, 19))
    cancel(ws, visit_on(ws, branch.alt, dt.date(2026, 6, 30)))
    _export(db_path, "pdf", "--report", "lunch-orders", "--month", "2026-06", "--school", "S1",
            "--out", str(tmp_path / "second.pdf"))
    text = _text(tmp_path / "second.pdf")
    assert "第2版（再発行）" in text and "変更箇所" in text
    changes = text.split("変更箇所（")[-1]
    added = [line for line in changes.splitlines() if "【追加】" in line]
    cancelled = [line for line in changes.splitlines() if "【取消】" in line]
    assert re.findall(r"\d+日\(.\)", " ".join(added)) == [_token(19)]
    assert re.findall(r"\d+日\(.\)", " ".join(cancelled)) == [_token(18), _token(30)]
    assert re.search(r"合計\s+8\s+¥2,240", text)
    first = _text(tmp_path / "first.pdf")
    assert "変更箇所" not in first and "第1版" in first


def test_order_sheets_xlsx_values_formats_and_safe_text(ws, db_path, branch, tmp_path):
    with transaction(ws.db.sessions) as s:
        s.scalar(select(Alt).where(Alt.code == "A2")).given_name = "=HYPERLINK(\"http://x\")"
    out = tmp_path / "orders.xlsx"
    _export(db_path, "xlsx", "--report", "lunch-orders", "--month", "2026-06", "--combined", "--out", str(out))
    book = load_workbook(out)
    assert book.sheetnames == ["S1 市立S1小学校", "S2 市立S2小学校"]
    sheet = book["S1 市立S1小学校"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    a1 = next(r for r in rows if r[0] == "GivenA1 FamilyA1")
    assert a1[2] == "給食" and a1[4:7] == [9, 280, 2520]
    assert re.findall(r"\d+日\(.\)", a1[3]) == [_token(d) for d in S1_DATES]
    total = next(r for r in rows if r[3] == "合計")
    assert total[4] == 9 and total[6] == 2520
    amount_cell = next(c for c in sheet["G"] if c.value == 2520)
    assert "¥" in amount_cell.number_format and "#,##0" in amount_cell.number_format
    a2 = next(r for r in rows if r[0] and "FamilyA2" in str(r[0]))
    assert a2[0].startswith("'=HYPERLINK") and a2[2] == "弁当持参"
    everything = " ".join(str(v) for r in rows for v in r if v is not None)
    assert "卵" not in everything and "Canada" not in everything and "食事制限" not in everything
    assert all(c.data_type != "f" for ws_ in book for row in ws_.iter_rows() for c in row)
    s2 = [list(r) for r in book["S2 市立S2小学校"].iter_rows(values_only=True)]
    assert ["GivenA3 FamilyA3", None, "アレルギー：落花生（ピーナッツ）"] in [r[:3] for r in s2]
    assert sheet.print_title_rows and sheet.freeze_panes and int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.page_setup.fitToWidth == 1


def test_exporting_again_unchanged_reprints_the_same_issue(ws, db_path, branch, tmp_path):
    _export(db_path, "pdf", "--report", "lunch-orders", "--month", "2026-06", "--out", str(tmp_path / "a"))
    assert _issues(ws) == 2
    result = _export(db_path, "xlsx", "--report", "lunch-orders", "--month", "2026-06", "--school", "S1",
                     "--out", str(tmp_path / "s1.xlsx"))
    assert "issue(s) recorded" not in result.stdout and _issues(ws) == 2
    rows = list(load_workbook(tmp_path / "s1.xlsx").active.iter_rows(values_only=True))
    assert rows[1][6] == "第1版"


def test_lunch_fees_pdf_and_xlsx_per_alt_and_branch_total(ws, db_path, branch, tmp_path):
    _export(db_path, "pdf", "--report", "lunch-fees", "--month", "2026-06", "--out", str(tmp_path / "fees.pdf"))
    text = _text(tmp_path / "fees.pdf")
    assert "School lunch fees — June 2026" in text
    assert re.search(r"A1\s+GivenA1 FamilyA1\s+S1 .*School lunch\s+9\s+¥280\s+¥2,520", text)
    assert re.search(r"Subtotal\s+13\s+¥3,720", text)  # A1: 9 at S1 and 4 at S2
    assert re.search(r"Subtotal\s+2\s+¥600", text)  # A3: the two overridden Fridays
    assert re.search(r"Branch total \(2 ALTs\)\s+15\s+¥4,320", text)
    assert "FamilyA2" not in text  # brings own lunch: owes nothing
    for secret in ("peanut", "落花生", "egg", "allergy"):
        assert secret not in text.lower()
    _export(db_path, "xlsx", "--report", "lunch-fees", "--month", "2026-06", "--out", str(tmp_path / "fees.xlsx"))
    rows = [r for r in load_workbook(tmp_path / "fees.xlsx").active.iter_rows(values_only=True)]
    subtotals = {r[0]: (r[5], r[7]) for r in rows if r[4] == "Subtotal"}
    assert subtotals == {"A1": (13, 3720), "A3": (2, 600)}
    assert [r for r in rows if r[0] == "Total"][0][5:8] == (15, None, 4320)


def test_bad_requests_are_refused_with_a_message(db_path, branch, tmp_path):
    for args, words in (
        (("--month", "2026-13"), "YYYY-MM"),
        (("--month", "2026-06", "--school", "NOPE"), "No school with code NOPE"),
        ((), "--month"),
    ):
        result = run_cli("--db", str(db_path), "export", "pdf", "--report", "lunch-orders", *args,
                         "--out", str(tmp_path / "x.pdf"))
        assert result.returncode == 2, result.stdout
        assert words in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.postgres
def test_issues_changes_and_deadlines_on_postgresql():
    url = os.environ.get("ALTDESK_TEST_PG_URL")
    if not url:
        pytest.skip("ALTDESK_TEST_PG_URL is not set, so the lunch test on PostgreSQL did NOT run; "
                    "run it under bash .ci/with-postgres.sh")
    name = f"altdesk_lunch_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db = open_database(DatabaseTarget.parse(make_url(url).set(database=name).render_as_string(hide_password=False)))
    try:
        ws = open_workspace(db, actor="tester")
        base = lunch_branch(ws)
        [first] = issue_order_sheets(ws, "2026-06", "S1", now=jst(2026, 5, 20, 9))
        assert (first.count, first.total) == (9, 2520)
        move(ws, visit_on(ws, base.alt, dt.date(2026, 6, 18)), dt.date(2026, 6, 15))
        [late] = lunch_deadline_warnings(ws, *JUNE, now=jst(2026, 6, 10, 12))
        assert "2026-06-09 (Tue) 11:00" in late.message_en
        ledger = month_ledger(ws, "2026-06", now=jst(2026, 6, 10, 12))
        assert [(c.date.day, c.change) for c in ledger.changes] == [(15, "added"), (18, "cancelled")]
        [again] = issue_order_sheets(ws, "2026-06", "S1", now=jst(2026, 6, 10, 13))
        assert again.issue_number == 2 and [x.date.day for x in again.changes.added] == [15]
        assert again.previous_issued_at == jst(2026, 5, 20, 9)
    finally:
        db.close()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
