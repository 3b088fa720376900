"""An ALT's month in English: the Monday-Friday grid, holidays named, totals; PDF and Excel agree."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from altdesk.io.export_request import ExportRequest
from altdesk.reports.alt_month import build_alt_months
from altdesk.services.exports import run_export
from tests.unit.report_fixtures import LUCIA, THAO, make_report_branch, pdf_fonts, pdf_pages, pdf_text


@pytest.fixture
def branch(ws):
    return make_report_branch(ws)


def alt_month(ws, code, month):
    with ws.db.sessions() as session:
        return build_alt_months(session, ws.branch_id, month, [code], issued_on=dt.date(2026, 6, 20))[0]


def test_july_grid_names_the_holiday_and_the_break_and_totals_the_month(ws, branch):
    report = alt_month(ws, THAO, "2026-07")
    assert all(len(week) == 5 and [d.date.weekday() for d in week] == [0, 1, 2, 3, 4] for week in report.weeks)
    days = {d.date: d for week in report.weeks for d in week}
    assert days[dt.date(2026, 7, 20)].label == "Marine Day" and days[dt.date(2026, 7, 20)].is_free
    assert days[dt.date(2026, 7, 24)].label == "Summer break"
    assert not days[dt.date(2026, 6, 29)].in_month  # the first week starts in June
    # Mondays, Wednesdays and Fridays from 1 to 17 July: 8 days of 4 classes.
    assert (report.total_days, report.total_classes) == (8, 32)
    assert report.totals_text == "8 days, 32 classes"
    [school] = report.school_totals
    assert (school.school_en, school.school_ja, school.days) == (
        "Fujimigaoka No.2 Elementary School", "さくら市立富士見ヶ丘第二小学校", 8)
    visit = days[dt.date(2026, 7, 1)].visits[0]
    assert (visit.detail_text, visit.lunch_text) == ("08:15–15:45 · P1–4 · 4 classes", "School lunch")


def test_weekend_event_and_compensatory_day_appear(ws, branch):
    report = alt_month(ws, LUCIA, "2026-06")
    assert report.weekend_lines == [
        "Sat 13 Jun: Sports Day at Fujimigaoka No.2 Elementary School (さくら市立富士見ヶ丘第二小学校), "
        "08:30–15:30, own lunch"]
    days = {d.date: d for week in report.weeks for d in week}
    assert days[dt.date(2026, 6, 15)].absence_en == "Compensatory day off"


def test_pdf_is_one_landscape_page_in_english_with_both_school_names(ws, branch, tmp_path):
    out = tmp_path / "alt.pdf"
    run_export(ws, ExportRequest("pdf", "alt-month", out, month="2026-07", alt=THAO))
    assert pdf_pages(out) == 1
    text = pdf_text(out)
    for expected in ("Monthly Schedule", "July 2026", "Thảo Nguyễn", "タオ・グエン", "Monday", "Friday",
                     "Fujimigaoka No.2 Elementary School", "さくら市立富士見ヶ丘第二小学校", "08:15–15:45",
                     "School lunch", "Marine Day", "Summer break", "8 days, 32 classes"):
        assert expected in text, expected
    assert all(embedded for _, embedded in pdf_fonts(out))


def test_excel_sheet_holds_the_same_days_and_totals(ws, branch, tmp_path):
    out = tmp_path / "alt.xlsx"
    run_export(ws, ExportRequest("xlsx", "alt-month", out, month="2026-07", alt=THAO))
    sheet = load_workbook(out).active
    values = [v for row in sheet.iter_rows(values_only=True) for v in row if v is not None]
    assert "20   Marine Day" in values and "21   Summer break" in values
    assert values.count("Fujimigaoka No.2 Elementary School") >= 8
    assert "This month: 8 days, 32 classes" in values
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
