"""Month actuals (実績報告): cancellations with their reason, the report per school, board and ALT
read back from its PDF and workbook against counts made here from the database, closing a month
(an edit then needs a reason and shows as a correction), the command line, the migration."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter, defaultdict

import pytest
from alembic import command
from openpyxl import load_workbook
from sqlalchemy import select, text, update

from altdesk import clock
from altdesk.db.engine import DatabaseTarget, make_engine
from altdesk.db.enums import AbsenceKind, CancelReason, VisitKind, VisitStatus
from altdesk.db.migrate import alembic_config
from altdesk.db.models import Absence, Alt, AuditEntry, MonthCorrection, School, Visit
from altdesk.errors import MonthClosed
from altdesk.io.export_request import ExportRequest
from altdesk.operations import perform
from altdesk.reports.actuals import build_actuals
from altdesk.services import absences as absence_service
from altdesk.services import month_close
from altdesk.services import visits as visit_service
from altdesk.services.exports import run_export
from tests.integration.cli_batch import run_cli_batch
from tests.unit.report_fixtures import pdf_text

JST = dt.timezone(dt.timedelta(hours=9))
JUNE = "2026-06"
MID_JUNE = dt.datetime(2026, 6, 15, 9, 0, tzinfo=JST)


def _june_regular(ws, count: int) -> list[Visit]:
    """Planned regular visits of June on different schools, before the 15th (so delivered otherwise)."""
    with ws.db.sessions() as session:
        found, schools = [], set()
        for visit in session.scalars(select(Visit).where(
                Visit.branch_id == ws.branch_id, Visit.date.between(dt.date(2026, 6, 1), dt.date(2026, 6, 12)),
                Visit.kind == VisitKind.REGULAR, Visit.status == VisitStatus.PLANNED).order_by(Visit.date, Visit.id)):
            if visit.school_id not in schools:
                schools.add(visit.school_id)
                found.append(visit)
            if len(found) == count:
                return found
    raise AssertionError("the demo has too few June visits")


def _counted_by_hand(ws, today: dt.date, closed: bool = False) -> dict[str, dict[str, object]]:
    """Per school code, counted here with plain SQL, not through the report."""
    first, last = dt.date(2026, 6, 1), dt.date(2026, 6, 30)
    cutoff = last if closed else min(today, last)
    with ws.db.sessions() as session:
        codes = dict(session.execute(select(School.id, School.code).where(School.branch_id == ws.branch_id)).all())
        rows = session.execute(text(
            "SELECT school_id, date, planned_date, classes, status, kind, cancel_reason FROM visit "
            "WHERE branch_id = :b"), {"b": ws.branch_id}).all()
    out: dict[str, dict[str, object]] = {code: {"planned": set(), "planned_classes": 0, "delivered": set(),
                                               "delivered_classes": 0, "cancelled": Counter()}
                                         for code in codes.values()}
    for school_id, day, planned, classes, status, kind, reason in rows:
        day = dt.date.fromisoformat(str(day))
        slot = dt.date.fromisoformat(str(planned)) if planned else day
        entry = out[codes[school_id]]
        if kind != "substitute" and first <= slot <= last:
            entry["planned"].add(slot)  # type: ignore[attr-defined]
            entry["planned_classes"] += classes  # type: ignore[operator]
        if first <= day <= last:
            if status == "cancelled":
                entry["cancelled"][reason or "other"] += 1  # type: ignore[index]
            if status in ("planned", "confirmed") and day <= cutoff:
                entry["delivered"].add(day)  # type: ignore[attr-defined]
                entry["delivered_classes"] += classes  # type: ignore[operator]
    return out


def test_cancel_visit_records_its_reason_and_undo_takes_it_back(scheduled_ws):
    ws = scheduled_ws
    (visit,) = _june_regular(ws, 1)
    _, record = perform(ws, "Cancel", "中止", lambda: visit_service.cancel_visit(
        ws, visit.id, visit.version, CancelReason.WEATHER, "大雨警報"))
    detail = visit_service.get_visit(ws, visit.id)
    assert detail.draft.status == VisitStatus.CANCELLED
    assert (detail.cancel_reason, detail.cancel_note) == (CancelReason.WEATHER, "大雨警報")
    # A caller that gives no reason (the board today) still cancels: "other".
    (other,) = [v for v in _june_regular(ws, 2) if v.id != visit.id][:1]
    visit_service.cancel_visit(ws, other.id, other.version)
    assert visit_service.get_visit(ws, other.id).cancel_reason == CancelReason.OTHER
    from altdesk.operations import undo

    undo(ws, record.operation_id)
    back = visit_service.get_visit(ws, visit.id)
    assert back.draft.status == VisitStatus.PLANNED and back.cancel_reason is None and back.cancel_note == ""


def test_actuals_match_the_database_per_school_board_and_in_both_formats(scheduled_ws, tmp_path):
    ws = scheduled_ws
    reasons = [CancelReason.WEATHER, CancelReason.SCHOOL_CLOSED, CancelReason.ILLNESS, CancelReason.EVENT,
               CancelReason.WEATHER]
    for visit, reason in zip(_june_regular(ws, len(reasons)), reasons, strict=True):
        visit_service.cancel_visit(ws, visit.id, visit.version, reason, "test")
    with clock.frozen(MID_JUNE):
        with ws.db.sessions() as session:
            report = build_actuals(session, ws.branch_id, JUNE)
        run_export(ws, ExportRequest("xlsx", "actuals", tmp_path / "a.xlsx", month=JUNE))
        run_export(ws, ExportRequest("pdf", "actuals", tmp_path / "a.pdf", month=JUNE))
    assert report.cutoff == dt.date(2026, 6, 15) and not report.closed
    expected = _counted_by_hand(ws, dt.date(2026, 6, 15))
    by_code = {s.code: s for s in report.schools()}
    assert set(by_code) == set(expected)
    for code, want in expected.items():
        got = by_code[code]
        assert got.planned_days == len(want["planned"]), code  # type: ignore[arg-type]
        assert got.planned_classes == want["planned_classes"], code
        assert got.delivered_days == len(want["delivered"]), code  # type: ignore[arg-type]
        assert got.delivered_classes == want["delivered_classes"], code
        assert {r.value: n for r, n in got.cancelled.items() if n} == dict(want["cancelled"]), code  # type: ignore[call-overload]
    assert sum(report.total().cancelled.values()) == len(reasons)
    assert report.total().cancelled[CancelReason.WEATHER] == 2
    # Some planned days were not yet delivered on the 15th.
    assert report.total().delivered_days < report.total().planned_days

    book = load_workbook(tmp_path / "a.xlsx")
    sheet = book["学校別"]
    headers = [c.value for c in sheet[4]]
    assert headers[:6] == ["学校コード", "学校名", "計画日数", "計画授業数", "実施日数", "実施授業数"]
    weather = headers.index("中止\n警報")
    rows = {r[0]: r for r in sheet.iter_rows(min_row=5, values_only=True) if r[0] and str(r[0]).startswith("S")}
    for code, want in expected.items():
        row = rows[code]
        assert (row[2], row[3], row[4], row[5]) == (len(want["planned"]), want["planned_classes"],  # type: ignore[arg-type]
                                                    len(want["delivered"]), want["delivered_classes"])  # type: ignore[arg-type]
        assert row[weather] == want["cancelled"]["weather"]  # type: ignore[index]
    total_row = next(r for r in sheet.iter_rows(min_row=5, values_only=True) if r[1] == "合計")
    assert total_row[2] == sum(len(w["planned"]) for w in expected.values())  # type: ignore[arg-type]
    assert total_row[weather] == 2
    assert "未締め：2026年6月15日(月)までの実施分" in str(sheet["A2"].value)

    text_ = pdf_text(tmp_path / "a.pdf", layout=True)
    assert "実績報告 2026年6月" in text_ and "未締め：2026年6月15日(月)までの実施分" in text_
    total_line = next(line for line in text_.splitlines() if line.strip().startswith("合計"))
    numbers = [int(n) for n in total_line.split()[1:]]
    t = report.total()
    assert numbers[:4] == [t.planned_days, t.planned_classes, t.delivered_days, t.delivered_classes]
    assert numbers[4:9] == [t.cancelled.get(r, 0) for r in CancelReason] and numbers[9] == len(reasons)
    # Every board has its subtotal.
    assert sum(1 for line in text_.splitlines() if line.strip().startswith("小計")) == len(report.boards)


def test_an_alts_absences_compensatory_days_and_events_are_counted(scheduled_ws, tmp_path):
    ws = scheduled_ws
    with ws.db.sessions() as session:
        comp = session.scalars(select(Absence).where(Absence.branch_id == ws.branch_id,
                                                     Absence.kind == AbsenceKind.COMPENSATORY)
                               .order_by(Absence.start_date)).first()
        assert comp is not None, "the demo has a 振替 day"
        alt_id, month = comp.alt_id, f"{comp.start_date:%Y-%m}"
        alt_code = session.get(Alt, alt_id).code
    first = dt.date(int(month[:4]), int(month[5:]), 1)
    # A sick absence on two weekdays of that month (not the 振替 day).
    days = [first + dt.timedelta(days=i) for i in range(28) if (first + dt.timedelta(days=i)).weekday() < 5
            and first + dt.timedelta(days=i) != comp.start_date]
    start = next(d for d in days if d + dt.timedelta(days=1) in days)
    absence_service.create_absence(ws, absence_service.AbsenceInput(alt_id, start, start + dt.timedelta(days=1),
                                                                    AbsenceKind.SICK, ""))
    with ws.db.sessions() as session:
        report = build_actuals(session, ws.branch_id, month, today=dt.date(2027, 4, 1))
        rows = session.execute(select(Absence.kind, Absence.start_date, Absence.end_date).where(
            Absence.alt_id == alt_id)).all()
        visits = session.execute(select(Visit.date, Visit.kind, Visit.status, Visit.classes).where(
            Visit.alt_id == alt_id)).all()
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    by_kind: Counter[str] = Counter()
    for kind, a, b in rows:
        day = a
        while day <= b:
            if first <= day <= last and day.weekday() < 5:
                by_kind[str(kind.value if hasattr(kind, "value") else kind)] += 1
            day += dt.timedelta(days=1)
    worked = {d for d, _k, s, _c in visits if first <= d <= last and s in ("planned", "confirmed")}
    events = {d for d, k, s, _c in visits if first <= d <= last and s in ("planned", "confirmed") and k == "event"}
    alt = next(a for a in report.alts if a.code == alt_code)
    assert alt.absences[AbsenceKind.SICK] == by_kind["sick"] >= 2
    assert alt.compensatory_days == by_kind["compensatory"] >= 1
    assert alt.days_worked == len(worked) and alt.event_days == len(events)
    weekly: dict[dt.date, int] = defaultdict(int)
    for d, _k, s, c in visits:
        if s in ("planned", "confirmed"):
            weekly[d - dt.timedelta(days=d.weekday())] += c
    assert [(w.monday, w.classes) for w in alt.weeks] == [(w.monday, weekly.get(w.monday, 0)) for w in alt.weeks]

    with clock.frozen(dt.datetime(2027, 4, 1, 9, tzinfo=JST)):
        run_export(ws, ExportRequest("xlsx", "actuals", tmp_path / "a.xlsx", month=month))
    sheet = load_workbook(tmp_path / "a.xlsx")["ALT別"]
    headers = [c.value for c in sheet[4]]
    row = next(r for r in sheet.iter_rows(min_row=5, values_only=True) if r[0] == alt_code)
    assert row[headers.index("振替休日")] == by_kind["compensatory"]
    assert row[headers.index("病欠")] == by_kind["sick"]
    assert row[headers.index("勤務日数")] == len(worked)
    assert row[headers.index("行事日数")] == len(events)


def test_a_closed_month_refuses_an_edit_without_a_reason_and_lists_it_as_a_correction(scheduled_ws, tmp_path):
    ws = scheduled_ws
    visit, other = _june_regular(ws, 2)
    with clock.frozen(dt.datetime(2026, 7, 1, 10, tzinfo=JST)):
        perform(ws, "Close June", "6月を締める", lambda: month_close.close_month(ws, JUNE))
    assert month_close.is_closed(ws, JUNE)
    with pytest.raises(MonthClosed):
        visit_service.cancel_visit(ws, visit.id, visit.version, CancelReason.WEATHER)
    with pytest.raises(MonthClosed):  # an absence reaching into June
        absence_service.create_absence(ws, absence_service.AbsenceInput(
            visit.alt_id, dt.date(2026, 6, 30), dt.date(2026, 7, 1), AbsenceKind.PAID_LEAVE, ""))
    with pytest.raises(MonthClosed):  # a July visit moved into June
        with ws.db.sessions() as session:
            july = session.scalars(select(Visit).where(Visit.branch_id == ws.branch_id,
                                                       Visit.date == dt.date(2026, 7, 6))).first()
        visit_service.move_visit(ws, july.id, july.version, dt.date(2026, 6, 29))
    with pytest.raises(MonthClosed), ws.db.sessions() as session, session.begin():  # nor can a bulk statement
        session.execute(update(Visit).where(Visit.id == other.id).values(classes=0))
    assert visit_service.get_visit(ws, visit.id).version == visit.version  # nothing written
    with ws.db.sessions() as session:
        assert session.scalar(select(MonthCorrection.id)) is None
        assert session.get(Visit, other.id).classes == other.classes

    with clock.frozen(dt.datetime(2026, 7, 3, 11, tzinfo=JST)), month_close.edit_reason("警報の連絡が遅れて届いた"):
        perform(ws, "Cancel", "中止", lambda: visit_service.cancel_visit(ws, visit.id, visit.version,
                                                                        CancelReason.WEATHER))
    assert visit_service.get_visit(ws, visit.id).cancel_reason == CancelReason.WEATHER
    (correction,) = month_close.corrections(ws, JUNE)
    assert correction.reason == "警報の連絡が遅れて届いた" and correction.actor == "tester"
    assert correction.entity == "visit" and correction.entity_id == visit.id
    assert "status planned → cancelled" in correction.summary
    with ws.db.sessions() as session:
        audit = session.scalars(select(AuditEntry.summary).where(AuditEntry.entity == "closed_month_edit")).all()
        assert len(audit) == 1 and "警報の連絡が遅れて届いた" in audit[0]
        june = build_actuals(session, ws.branch_id, JUNE)
        july = build_actuals(session, ws.branch_id, "2026-07")
    assert june.closed and june.cutoff == dt.date(2026, 6, 30)
    assert [c.reason for c in june.corrections] == ["警報の連絡が遅れて届いた"]
    assert [c.reason for c in july.corrections] == ["警報の連絡が遅れて届いた"]  # the next actuals list it
    assert june.total().cancelled[CancelReason.WEATHER] == 1
    run_export(ws, ExportRequest("pdf", "actuals", tmp_path / "july.pdf", month="2026-07"))
    text_ = pdf_text(tmp_path / "july.pdf")
    assert "締め後の訂正" in text_ and "警報の連絡が遅れて届いた" in text_ and "2026-06" in text_
    # Reopened, June takes edits again without a reason.
    month_close.reopen_month(ws, JUNE)
    current = visit_service.get_visit(ws, other.id)
    visit_service.cancel_visit(ws, other.id, current.version, CancelReason.ILLNESS)
    assert len(month_close.corrections(ws)) == 1


def test_month_close_and_actuals_on_the_command_line(tmp_path):
    db = str(tmp_path / "cli.sqlite3")
    out = tmp_path / "actuals.xlsx"
    # The commands one after another in one process (what each prints and returns is checked, not
    # a process each); the one who closes is named by ALTDESK_ACTOR.
    made, done, again, status, export, reopened, reopened_status = run_cli_batch([
        ["--db", db, "demo", "--size", "small"],
        ["--db", db, "month", "close", "2026-06", "--json"],
        ["--db", db, "month", "close", "2026-06"],
        ["--db", db, "month", "status", "--json"],
        ["--db", db, "export", "xlsx", "--report", "actuals", "--month", "2026-06", "--out", str(out)],
        ["--db", db, "month", "reopen", "2026-06"],
        ["--db", db, "month", "status", "--json"],
    ], env={"ALTDESK_ACTOR": "kato"})
    assert made.returncode == 0, made.stderr
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert payload["month"] == "2026-06" and payload["closed_by"] == "kato" and payload["action"] == "close"
    assert again.returncode == 2 and "already" in again.stderr
    status = json.loads(status.stdout)
    assert [c["month"] for c in status["closed"]] == ["2026-06"] and status["corrections"] == []
    assert export.returncode == 0, export.stderr
    assert "締め済み" in str(load_workbook(out)["学校別"]["A2"].value)
    assert reopened.returncode == 0
    assert json.loads(reopened_status.stdout)["closed"] == []


def test_migration_0008_up_and_down_keeps_every_visit(_scheduled_demo_template, tmp_path):
    path = tmp_path / "copy.sqlite3"
    source, target = sqlite3.connect(_scheduled_demo_template), sqlite3.connect(path)
    source.backup(target)
    source.close()
    count = target.execute("SELECT count(*) FROM visit").fetchone()[0]
    target.execute("UPDATE visit SET status = 'cancelled', cancel_reason = 'weather' WHERE id = 1")
    target.commit()
    target.close()
    engine = make_engine(DatabaseTarget.parse(str(path)))
    cfg = alembic_config()
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys = OFF")  # as the app migrates a file in use
        conn.commit()
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0007_planning_data")
            columns = {r[1] for r in conn.execute(text("PRAGMA table_info(visit)"))}
            assert "cancel_reason" not in columns and "cancel_note" not in columns
            tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))}
            assert "closed_month" not in tables and "month_correction" not in tables
            assert conn.execute(text("SELECT count(*) FROM visit")).scalar() == count
            command.upgrade(cfg, "head")
            assert conn.execute(text("SELECT count(*) FROM visit")).scalar() == count
            assert conn.execute(text("SELECT cancel_reason, cancel_note FROM visit WHERE id = 1")).one() == (None, "")
    engine.dispose()


def test_actuals_are_offered_in_reports_with_a_preview(scheduled_ws, tmp_path):
    from altdesk.services.reporting import render_preview, report_choices

    choice = next(c for c in report_choices() if c.key == "actuals")
    assert choice.formats == ("pdf", "xlsx") and choice.subject is None and choice.preview
    assert choice.label("ja") == "実績報告（本社向け）"
    data = render_preview(scheduled_ws, ExportRequest("pdf", "actuals", tmp_path / "x.pdf", month=JUNE))
    (tmp_path / "preview.pdf").write_bytes(data)
    assert "実績報告 2026年6月" in pdf_text(tmp_path / "preview.pdf") and not (tmp_path / "x.pdf").exists()
