"""The school's visit schedule: the model, and the PDF as a school reads it."""

from __future__ import annotations

import datetime as dt

import pytest

from altdesk.db.enums import LunchMode, VisitKind
from altdesk.io.export_request import ExportRequest
from altdesk.reports.school_month import DayOffRow, load_school_months
from altdesk.services.exports import run_export
from tests.unit.report_fixtures import (
    BUSY_SCHOOL,
    SCHOOL_NAME,
    make_report_branch,
    pdf_fonts,
    pdf_pages,
    pdf_text,
)


@pytest.fixture
def branch(ws):
    return make_report_branch(ws)


def school_month(ws, month="2026-06", era=None):
    with ws.db.sessions() as session:
        reports, _ = load_school_months(session, ws.branch_id, month, [BUSY_SCHOOL], era, dt.date(2026, 5, 20))
    return reports[0]


def test_june_has_23_visits_including_the_saturday_sports_day(ws, branch):
    report = school_month(ws)
    assert len(report.visits) == 23
    saturday = [v for v in report.visits if v.date == dt.date(2026, 6, 13)]
    assert [(v.kind, v.event_ja, v.weekday_text) for v in saturday] == [(VisitKind.EVENT, "運動会", "土")]
    assert {v.alt.romaji for v in report.visits} == {"Thảo Nguyễn", "Zoë Müller", "Lucía García"}
    assert report.days_off == []  # June 2026 has no holiday on a weekday
    # The peanut allergy means own lunch at a school that serves lunch.
    assert {v.lunch for v in report.visits if v.alt.romaji == "Zoë Müller"} == {LunchMode.OWN_LUNCH}


def test_july_lists_the_holiday_and_the_summer_break_as_one_range(ws, branch):
    report = school_month(ws, "2026-07")
    assert [(d.first, d.last, d.name_ja) for d in report.days_off] == [
        (dt.date(2026, 7, 20), dt.date(2026, 7, 20), "海の日"),
        (dt.date(2026, 7, 21), dt.date(2026, 7, 31), "夏季休業"),
    ]
    entries = report.entries
    assert isinstance(entries[-1], DayOffRow) and entries[-1].day_text == "7/21〜7/31"
    assert max(v.date for v in report.visits) == dt.date(2026, 7, 17)


def test_month_in_western_or_reiwa_years(ws, branch):
    assert school_month(ws).month_text == "2026年6月分"
    reiwa = school_month(ws, era="reiwa")
    assert reiwa.month_text == "令和8年6月分"
    assert reiwa.issue_text == "発行日 令和8年5月20日"


def test_pdf_of_23_visits_is_one_a4_page_with_everything_a_school_needs(ws, branch, tmp_path):
    out = tmp_path / "june.pdf"
    run_export(ws, ExportRequest("pdf", "school-month", out, month="2026-06", school=BUSY_SCHOOL,
                                 options={"issue_date": "2026-05-20"}))
    assert pdf_pages(out) == 1
    text = pdf_text(out)
    flat = text.replace("\n", " ")
    for expected in (SCHOOL_NAME, "ALT訪問予定表", "2026年6月分", "発行日 2026年5月20日", "ALTdesk さくら支店",
                     "043-123-4567", "給食", "弁当持参", "運動会", "タオ・グエン", "ゾーイ・ミュラー", "ルシア・ガルシア",
                     "Nguyễn", "García", "Zoë", "Müller", "8:15〜15:45", "1〜4校時"):
        assert expected in flat, expected
    report = school_month(ws)
    for visit in report.visits:  # every visit date with its weekday, in table order
        assert f"{visit.date.month}/{visit.date.day}" in text
    layout = pdf_text(out, layout=True)
    assert "6/13" in layout and "土" in layout
    fonts = pdf_fonts(out)
    assert fonts and all(embedded for _, embedded in fonts), fonts
    assert any("IPAexGothic" in name for name, _ in fonts)


def test_page_stays_one_page_with_a_change_box(ws, branch, tmp_path):
    from sqlalchemy import select

    from altdesk.db.engine import transaction
    from altdesk.db.models import Visit

    first = tmp_path / "first.pdf"
    run_export(ws, ExportRequest("pdf", "school-month", first, month="2026-06", school=BUSY_SCHOOL))
    with transaction(ws.db.sessions) as s:
        visits = s.scalars(select(Visit).where(Visit.school_id == branch.busy_school_id,
                                               Visit.date.between(dt.date(2026, 6, 1), dt.date(2026, 6, 12)))
                           .order_by(Visit.date)).all()
        for visit in visits[:8]:
            visit.start_time = dt.time(9, 0)
    second = tmp_path / "second.pdf"
    run_export(ws, ExportRequest("pdf", "school-month", second, month="2026-06", school=BUSY_SCHOOL))
    assert pdf_pages(second) == 1
    text = pdf_text(second)
    assert "変更箇所" in text and "第2版" in text
    assert text.count("時間 8:15〜15:45 → 9:00〜15:45") == 8
