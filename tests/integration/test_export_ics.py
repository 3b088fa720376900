"""Calendars for ALTs: one .ics per ALT, parsed back with icalendar; UIDs stable across
exports so a phone updates events instead of duplicating them."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar
from sqlalchemy import select

from altdesk.db.engine import transaction
from altdesk.db.models import School, Visit
from altdesk.io.export_request import ExportRequest
from altdesk.services.exports import run_export
from tests.unit.report_fixtures import BUSY_SCHOOL, THAO, make_report_branch


@pytest.fixture
def branch(ws):
    return make_report_branch(ws)


def events(path):
    cal = Calendar.from_ical(path.read_bytes())
    return cal, {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_one_calendar_per_alt_with_tokyo_times_and_the_school_address(ws, branch, tmp_path):
    run_export(ws, ExportRequest("ics", None, tmp_path / "all", month="2026-06", alt="all"))
    files = sorted((tmp_path / "all").glob("*.ics"))
    assert len(files) == 3
    cal, found = events(next(f for f in files if f"_{THAO}_" in f.name))
    assert len(found) == 13  # Thảo: Mondays, Wednesdays and Fridays of June 2026
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Tokyo"]
    first = min(found.values(), key=lambda e: e.decoded("DTSTART"))
    start = first.decoded("DTSTART")
    assert start == dt.datetime(2026, 6, 1, 8, 15, tzinfo=start.tzinfo) and start.utcoffset() == dt.timedelta(hours=9)
    assert str(first["LOCATION"]) == "千葉県さくら市富士見ヶ丘1-2-3"
    assert "Fujimigaoka No.2 Elementary School" in str(first["SUMMARY"])
    assert "Lunch: School lunch" in str(first["DESCRIPTION"])


def test_uids_are_stable_and_a_moved_or_cancelled_visit_keeps_its_uid(ws, branch, tmp_path):
    request = ExportRequest("ics", None, tmp_path / "one.ics", month="2026-06", alt=THAO)
    run_export(ws, request)
    _, before = events(tmp_path / "one.ics")
    with transaction(ws.db.sessions) as s:
        school_id = s.scalar(select(School.id).where(School.code == BUSY_SCHOOL))
        moved = s.scalar(select(Visit).where(Visit.school_id == school_id, Visit.date == dt.date(2026, 6, 3)))
        moved.date = dt.date(2026, 6, 4)
        cancelled = s.scalar(select(Visit).where(Visit.school_id == school_id, Visit.date == dt.date(2026, 6, 5)))
        cancelled.status = "cancelled"
    run_export(ws, request)
    _, after = events(tmp_path / "one.ics")
    assert set(after) == set(before) and len(after) == 13
    moved_events = [e for e in after.values() if e.decoded("DTSTART").date() == dt.date(2026, 6, 4)]
    assert len(moved_events) == 1 and int(moved_events[0]["SEQUENCE"]) > int(before[str(moved_events[0]["UID"])]["SEQUENCE"])
    gone = [e for e in after.values() if str(e["STATUS"]) == "CANCELLED"]
    assert len(gone) == 1 and gone[0].decoded("DTSTART").date() == dt.date(2026, 6, 5)


def test_out_written_as_a_folder_that_is_not_there_yet_gets_the_calendar_inside(tmp_path):
    from tests.helpers import run_cli

    db = tmp_path / "demo.sqlite3"
    assert run_cli("--db", str(db), "demo", "--size", "small").returncode == 0
    result = run_cli("--db", str(db), "export", "ics", "--alt", "A0001", "--month", "2026-12",
                     "--out", str(tmp_path / "cal") + "/")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "cal").is_dir()
    [written] = (tmp_path / "cal").glob("*.ics")
    assert "A0001" in written.name
    _cal, found = events(written)
    assert found and all(e.decoded("DTSTART").month == 12 for e in found.values())
