"""The branch board: ALTs by days with short school names and totals; A3 landscape pages that
repeat the header, readable for 300 ALTs."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from altdesk.io.export_request import ExportRequest
from altdesk.io.pdf.branch_month import draw_branch_month
from altdesk.io.pdf.document import write_pdf
from altdesk.io.pdf.fonts import report_fonts
from altdesk.reports.branch_month import BoardCell, BoardDay, BoardRow, BranchMonth, build_branch_month
from altdesk.reports.month_common import BranchInfo
from altdesk.services.exports import run_export
from tests.unit.report_fixtures import LUCIA, THAO, ZOE, make_report_branch, pdf_pages, pdf_text


@pytest.fixture
def branch(ws):
    return make_report_branch(ws)


def test_board_rows_cells_and_totals(ws, branch):
    with ws.db.sessions() as session:
        board = build_branch_month(session, ws.branch_id, "2026-06")
    rows = {r.code: r for r in board.rows}
    assert set(rows) == {THAO, LUCIA, ZOE}
    assert rows[THAO].cells[dt.date(2026, 6, 1)].text == "富士見ヶ丘小"
    assert rows[LUCIA].cells[dt.date(2026, 6, 13)].text == "行富士見ヶ丘小"  # the Sports Day
    assert (rows[LUCIA].days, rows[LUCIA].classes) == (23, 88)  # 22 weekdays of 4 classes and the event
    assert rows[ZOE].days == 9 and rows[ZOE].classes == 36
    assert board.day_counts[dt.date(2026, 6, 2)] == 2
    assert [d.busy for d in board.days if d.date.weekday() >= 5].count(True) == 1  # only the 13th


def test_pdf_and_excel_read_back(ws, branch, tmp_path):
    pdf, xlsx = tmp_path / "board.pdf", tmp_path / "board.xlsx"
    run_export(ws, ExportRequest("pdf", "branch-month", pdf, month="2026-06"))
    run_export(ws, ExportRequest("xlsx", "branch-month", xlsx, month="2026-06"))
    text = pdf_text(pdf)
    for expected in ("ALT配置表", "2026年6月", "Thảo Nguyễn", "富士見ヶ丘小", "桜台中", "日数", "コマ", "訪問ALT数（計）"):
        assert expected in text, expected
    sheet = load_workbook(xlsx).active
    assert int(sheet.page_setup.paperSize) == 8 and sheet.page_setup.orientation == "landscape"  # A3
    assert sheet.print_title_rows == "$3:$4" and sheet.freeze_panes == "D5"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[2]
    assert header[:3] == ("コード", "ALT", "カナ") and header[3] == 1 and header[-2:] == ("日数", "コマ")
    by_code = {r[0]: r for r in rows[4:] if r[0] in (THAO, LUCIA, ZOE)}
    assert by_code[THAO][3] == "富士見ヶ丘小" and by_code[LUCIA][-2:] == (23, 88)


def test_three_hundred_alts_make_several_pages_each_with_the_header(tmp_path):
    days = [BoardDay(dt.date(2026, 6, d), busy=dt.date(2026, 6, d).weekday() < 5) for d in range(1, 31)]
    rows = [BoardRow(i, f"A{i:04d}", f"Given{i} Family{i}", "カナ", {
        d.date: BoardCell("富士見ヶ丘小・桜台中" if i % 7 == 0 else "桜台中", 1, 4) for d in days if d.busy}, 22, 88)
        for i in range(1, 301)]
    branch = BranchInfo("ALTdesk さくら支店", "Sakura", "", "043-123-4567", "western")
    board = BranchMonth(dt.date(2026, 6, 1), dt.date(2026, 6, 30), branch, "western", days, rows, dt.date(2026, 5, 20))
    out = tmp_path / "big.pdf"
    write_pdf(out, (1190.55, 841.89), report_fonts(), board.title, "test", lambda p: draw_branch_month(p, board))
    pages = pdf_pages(out)
    assert 5 <= pages <= 9
    for page in range(1, pages + 1):
        text = pdf_text(out, page=page)
        assert "コード" in text and "ALT配置表" in text and f"{page}/{pages}" in text.replace(" ", "")
    assert "A0300" in pdf_text(out, page=pages) and "訪問ALT数（計）" in pdf_text(out, page=pages)
