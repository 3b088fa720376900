"""Send next month (altdesk.services.month_end, `altdesk send`): blocked, fixed, sent; the files
read back; a re-send keeps the issue numbers; a change after sending shows; a failure or a cancel
leaves no files and no sent mark."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import func, select

from altdesk.db.engine import transaction
from altdesk.db.enums import VisitKind, VisitOrigin, VisitStatus
from altdesk.db.models import AuditEntry, IssuedReport, School, Visit
from altdesk.services import month_end
from altdesk.services.month_end import (
    ERROR,
    MonthBlocked,
    SendCancelled,
    SendFailed,
    prepare_send,
    send_month,
)
from tests.helpers import run_cli

MONTH = "2026-06"
DAY = dt.date(2026, 6, 10)


def pdf_pages(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1]


def double_book(ws, day: dt.date = DAY) -> int:  # type: ignore[no-untyped-def]
    """One error in the month: an ALT booked at a second school at the same time."""
    with transaction(ws.db.sessions) as session:
        visit = session.scalars(select(Visit).where(Visit.branch_id == ws.branch_id, Visit.date == day,
                                                    Visit.status == VisitStatus.PLANNED)
                                .order_by(Visit.id)).first()
        other = session.scalars(select(School.id).where(School.branch_id == ws.branch_id,
                                                        School.id != visit.school_id).order_by(School.code)).first()
        clone = Visit(branch_id=ws.branch_id, alt_id=visit.alt_id, school_id=other, date=day,
                      start_time=visit.start_time, end_time=visit.end_time, periods=visit.periods,
                      classes=visit.classes, lunch_mode=visit.lunch_mode, status=VisitStatus.PLANNED,
                      kind=VisitKind.REGULAR, origin=VisitOrigin.MANUAL)
        session.add(clone)
        session.flush()
        return clone.id


def remove_visit(ws, visit_id: int) -> None:  # type: ignore[no-untyped-def]
    with transaction(ws.db.sessions) as session:
        session.delete(session.get(Visit, visit_id))


def issue_count(ws, report: str) -> int:  # type: ignore[no-untyped-def]
    with ws.db.sessions() as session:
        return session.scalar(select(func.count()).select_from(IssuedReport).where(IssuedReport.report == report))


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir()) if out.exists() else []


@pytest.fixture
def one_worker(monkeypatch):
    monkeypatch.setenv("ALTDESK_PDF_WORKERS", "1")


def test_blocked_fixed_sent_resent_changed(scheduled_ws, tmp_path, one_worker):
    ws = scheduled_ws
    out = tmp_path / "send"
    bad = double_book(ws)
    plan = prepare_send(ws, MONTH)
    assert plan.blocked
    errors = [p for p in plan.blockers if p.category == ERROR]
    assert errors and errors[0].conflict.kind.value == "double_booking"
    assert errors[0].alt_id is not None and errors[0].date == DAY
    assert "2026年6月10日(水)" in errors[0].message("ja")
    with pytest.raises(MonthBlocked) as blocked:
        send_month(ws, MONTH, out)
    assert errors[0].message("en") in blocked.value.message("en")
    assert errors[0].message("ja") in blocked.value.message("ja")
    assert leftovers(out) == [] and not month_end.sent_state(ws, MONTH).was_sent

    remove_visit(ws, bad)  # fixed
    plan = prepare_send(ws, MONTH)
    assert not plan.blocked
    result = send_month(ws, MONTH, out)
    folder = out / MONTH
    assert result.folder == folder and leftovers(out) == [MONTH]  # no staging folder left
    assert all(f.is_file() and f.stat().st_size > 0 for f in result.files)
    assert len(result.files) == len(plan.boards) + len(plan.schools) + 2 * len(plan.alts)

    # One print file per board, schools in school order, each school's schedule on its own page.
    assert len(plan.boards) == 2
    for board in plan.boards:
        pages = pdf_pages(folder / board.file)
        schedule_pages = [i for i, page in enumerate(pages) if "ALT訪問予定表" in page]
        assert len(schedule_pages) == len(board.school_codes)
        names = {s.code: s.name_ja for s in plan.schools}
        for code, index in zip(board.school_codes, schedule_pages, strict=True):
            assert names[code] in pages[index] and code in pages[index]
        assert list(board.school_codes) == sorted(board.school_codes)
        assert any("教職員給食注文票" in page for page in pages)

    # One file per school: its schedule, then its order sheet when it has one.
    school = next(s for s in plan.schools if s.order_number)
    pages = pdf_pages(folder / school.file)
    assert school.name_ja in pages[0] and "ALT訪問予定表" in pages[0]
    assert "教職員給食注文票" in "".join(pages[1:])

    # Each ALT: an English month and a calendar of the month's visits.
    alt = plan.alts[0]
    assert alt.name in pdf_pages(folder / alt.pdf)[0]
    calendar = Calendar.from_ical((folder / alt.ics).read_bytes())
    events = [e for e in calendar.walk("VEVENT") if str(e.get("status")) != "CANCELLED"]
    assert len(events) == alt.visits > 0
    assert all(e.decoded("dtstart").strftime("%Y-%m") == MONTH for e in events)

    # Marked sent, with who and when; recorded in the audit log.
    state = month_end.sent_state(ws, MONTH)
    assert state.was_sent and not state.changed_since_sent
    assert state.sent.actor == "tester" and state.sent.sent_at == result.sent_at
    assert state.sent.files == len(result.files)
    with ws.db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "month_sent"))

    # A second send with nothing changed: the same issue numbers, no new issue.
    schedules, orders = issue_count(ws, "school-month"), issue_count(ws, "lunch-orders")
    again = send_month(ws, MONTH, out)
    assert again.recorded == 0
    assert [(s.code, s.schedule_number, s.order_number) for s in again.plan.schools] == \
        [(s.code, s.schedule_number, s.order_number) for s in plan.schools]
    assert {s.schedule_number for s in again.plan.schools} == {1}
    assert (issue_count(ws, "school-month"), issue_count(ws, "lunch-orders")) == (schedules, orders)
    assert leftovers(out) == [MONTH]

    # A change after sending: "changed since sent", and the re-issue shows its 変更箇所.
    with transaction(ws.db.sessions) as session:
        visit = session.scalars(select(Visit).join(School, School.id == Visit.school_id)
                                .where(School.code == school.code, Visit.date.between(dt.date(2026, 6, 1),
                                                                                      dt.date(2026, 6, 30)),
                                       Visit.status == VisitStatus.PLANNED).order_by(Visit.date)).first()
        visit.start_time = dt.time(9, 5)
        changed_day = visit.date
    state = month_end.sent_state(ws, MONTH)
    assert state.changed_since_sent and ("school", school.code) in state.changed
    assert month_end.changed_since_sent(ws, MONTH)
    assert school.code in state.describe("en") and "送付後に変更があります" in state.describe("ja")
    plan = prepare_send(ws, MONTH)
    again = next(s for s in plan.schools if s.code == school.code)
    assert again.schedule_number == 2 and again.schedule_new and again.schedule_changes
    resent = send_month(ws, MONTH, out)
    page = pdf_pages(folder / again.file)[0]
    assert "変更箇所" in page and "第2版" in page and f"{changed_day.month}/{changed_day.day}" in page
    assert resent.recorded >= 1
    assert not month_end.changed_since_sent(ws, MONTH)


def _no_trace(ws, out: Path, before: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    assert leftovers(out) == []
    assert not month_end.sent_state(ws, MONTH).was_sent
    assert {r: issue_count(ws, r) for r in before} == before


def test_a_fault_while_writing_marks_nothing_sent_and_leaves_no_files(scheduled_ws, tmp_path, monkeypatch,
                                                                       one_worker):
    ws = scheduled_ws
    out = tmp_path / "send"
    out.mkdir()
    before = {r: issue_count(ws, r) for r in ("school-month", "lunch-orders", "month-sent")}
    real = month_end.write_pack_file
    calls = []

    def failing(item, path, font):  # type: ignore[no-untyped-def]
        calls.append(path)
        if len(calls) == 30:
            raise OSError(28, "No space left on device")
        real(item, path, font)

    monkeypatch.setattr(month_end, "write_pack_file", failing)
    with pytest.raises(SendFailed) as failed:
        send_month(ws, MONTH, out)
    assert "No space left" in failed.value.message("en") and "送付済みにもしていません" in failed.value.message("ja")
    _no_trace(ws, out, before)

    # A bug in one export is not a user error, but leaves nothing either.
    def broken(item, path, font):  # type: ignore[no-untyped-def]
        raise RuntimeError("bug")

    monkeypatch.setattr(month_end, "write_pack_file", broken)
    with pytest.raises(RuntimeError):
        send_month(ws, MONTH, out)
    _no_trace(ws, out, before)


def test_cancel_leaves_nothing_and_a_failed_resend_keeps_the_month_sent_before(scheduled_ws, tmp_path,
                                                                                monkeypatch, one_worker):
    ws = scheduled_ws
    out = tmp_path / "send"
    before = {r: issue_count(ws, r) for r in ("school-month", "lunch-orders", "month-sent")}
    with pytest.raises(SendCancelled):
        send_month(ws, MONTH, out, progress=lambda done, total: done < 10)
    _no_trace(ws, out, before)

    first = send_month(ws, MONTH, out)
    stamps = {p: p.stat().st_mtime_ns for p in first.files}
    monkeypatch.setattr(month_end, "write_pack_file", lambda *a: (_ for _ in ()).throw(OSError(13, "Denied")))
    with pytest.raises(SendFailed):
        send_month(ws, MONTH, out)
    assert leftovers(out) == [MONTH]
    assert {p: p.stat().st_mtime_ns for p in first.files} == stamps
    assert month_end.sent_state(ws, MONTH).sent.sent_at == first.sent_at


def test_unwritable_target_is_a_message_not_a_fault(scheduled_ws, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(SendFailed):
        send_month(scheduled_ws, MONTH, blocker / "inside")
    assert not month_end.sent_state(scheduled_ws, MONTH).was_sent


@pytest.fixture
def cli_db(_scheduled_demo_template, tmp_path) -> Path:
    path = tmp_path / "cli.sqlite3"
    source, target = sqlite3.connect(_scheduled_demo_template), sqlite3.connect(path)
    source.backup(target)
    source.close()
    target.close()
    return path


def test_cli_send_json(cli_db, tmp_path):
    out = tmp_path / "out"
    # 2026-05 has a visit of an absent ALT with no substitute: blocked, exit 2, nothing written.
    blocked = run_cli("--db", str(cli_db), "send", "--month", "2026-05", "--out", str(out), "--json")
    assert blocked.returncode == 2, blocked.stderr
    data = json.loads(blocked.stdout)
    assert data["sent"] is False and data["blockers"][0]["category"] == "uncovered"
    assert "Traceback" not in blocked.stderr and "--force" in blocked.stderr
    assert not out.exists() or leftovers(out) == []
    ja = run_cli("--db", str(cli_db), "--lang", "ja", "send", "--month", "2026-05", "--dry-run")
    assert ja.returncode == 2 and "2026年5月" in ja.stdout and "送付できません" in ja.stdout

    dry = run_cli("--db", str(cli_db), "send", "--month", MONTH, "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    plan = json.loads(dry.stdout)
    assert plan["dry_run"] and not plan["blocked"] and not plan["sent"]
    assert not out.exists() or leftovers(out) == []

    sent = run_cli("--db", str(cli_db), "send", "--month", MONTH, "--out", str(out), "--json")
    assert sent.returncode == 0, sent.stderr
    data = json.loads(sent.stdout)
    assert data["sent"] and data["sent_at"] and data["new_issues"] == plan["new_issues"] > 0
    assert data["files"] == plan["files"]
    for name in data["files"]:
        assert (Path(data["folder"]) / name).is_file()
    assert [b["schools"] for b in data["boards"]] == [b["schools"] for b in plan["boards"]]

    again = run_cli("--db", str(cli_db), "--lang", "ja", "send", "--month", MONTH, "--out", str(out))
    assert again.returncode == 0 and "新たな発行 0 件" in again.stdout
    state = run_cli("--db", str(cli_db), "send", "--month", MONTH, "--dry-run", "--json")
    assert json.loads(state.stdout)["sent"] and not json.loads(state.stdout)["changed_since_sent"]
    shutil.rmtree(out)
