"""The audit log: every create, update, delete, bulk write and export, with who and when."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import delete, insert, select, update

from altdesk.db.audit import record_bulk
from altdesk.db.engine import transaction
from altdesk.db.enums import AbsenceKind, AuditAction, DayOffKind
from altdesk.db.models import Absence, Alt, AuditEntry, DayOff, School
from altdesk.io.export_request import ExportRequest, ExportResult
from altdesk.services.audit import AuditFilter, audit_choices, query_audit, record_export, record_import
from altdesk.services.workspace import open_workspace
from tests.helpers import run_cli


def entries(ws, **where) -> list[AuditEntry]:
    with ws.db.sessions() as s:
        query = select(AuditEntry).order_by(AuditEntry.id)
        for key, value in where.items():
            query = query.where(getattr(AuditEntry, key) == value)
        return list(s.scalars(query))


def first_alt(ws) -> Alt:
    with ws.db.sessions() as s:
        return s.scalars(select(Alt).where(Alt.branch_id == ws.branch_id).order_by(Alt.id)).first()


def test_create_update_delete_are_recorded_with_who_when_and_values(demo_ws):
    alt = first_alt(demo_ws)
    started = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=5)
    with transaction(demo_ws.db.sessions) as s:
        absence = Absence(branch_id=demo_ws.branch_id, alt_id=alt.id, start_date=dt.date(2026, 6, 1),
                          end_date=dt.date(2026, 6, 2), kind=AbsenceKind.SICK, note="fever")
        s.add(absence)
    with transaction(demo_ws.db.sessions) as s:
        s.get(Absence, absence.id).end_date = dt.date(2026, 6, 3)
    with transaction(demo_ws.db.sessions) as s:
        s.delete(s.get(Absence, absence.id))

    created, changed, deleted = entries(demo_ws, entity="absence")
    assert [e.action for e in (created, changed, deleted)] == [AuditAction.CREATE, AuditAction.UPDATE,
                                                               AuditAction.DELETE]
    assert {e.actor for e in (created, changed, deleted)} == {"tester"}
    assert {e.entity_id for e in (created, changed, deleted)} == {absence.id}
    assert all(e.branch_id == demo_ws.branch_id for e in (created, changed, deleted))
    at = created.at if created.at.tzinfo else created.at.replace(tzinfo=dt.UTC)
    assert started <= at <= dt.datetime.now(dt.UTC)
    assert created.before is None
    assert created.after["start_date"] == "2026-06-01" and created.after["kind"] == "sick"
    assert created.after["note"] == "fever"
    assert changed.before == {"end_date": "2026-06-02"} and changed.after == {"end_date": "2026-06-03"}
    assert "end_date" in changed.summary
    assert deleted.before["end_date"] == "2026-06-03" and deleted.after is None


def test_a_rolled_back_change_leaves_no_entry(demo_ws):
    count = len(entries(demo_ws))
    alt = first_alt(demo_ws)
    with pytest.raises(RuntimeError), transaction(demo_ws.db.sessions) as s:
        s.get(Alt, alt.id).kana = "ロールバック"
        s.flush()
        raise RuntimeError("the operation failed half-way")
    assert len(entries(demo_ws)) == count


def test_an_unchanged_assignment_is_not_an_update(demo_ws):
    alt = first_alt(demo_ws)
    count = len(entries(demo_ws))
    with transaction(demo_ws.db.sessions) as s:
        s.get(Alt, alt.id).kana = alt.kana
    assert len(entries(demo_ws)) == count


def test_bulk_writes_are_one_summary_per_table_and_transaction(ws):
    with transaction(ws.db.sessions) as s:
        for chunk in range(3):  # chunked statements add up into one entry
            s.execute(insert(DayOff), [
                {"branch_id": ws.branch_id, "kind": DayOffKind.BRANCH_CLOSURE, "start_date": dt.date(2026, 12, d),
                 "end_date": dt.date(2026, 12, d), "name_ja": "年末", "version": 1}
                for d in range(1 + chunk * 5, 6 + chunk * 5)
            ])
    with transaction(ws.db.sessions) as s:
        s.execute(update(DayOff).where(DayOff.start_date < dt.date(2026, 12, 4)).values(name_en="Year end"))
        s.execute(delete(DayOff).where(DayOff.start_date > dt.date(2026, 12, 10)))
    created = entries(ws, entity="day_off", action=AuditAction.CREATE)
    assert len(created) == 1 and created[0].after == {"rows": 15}
    assert "created 15 day_off rows" in created[0].summary
    changed = entries(ws, entity="day_off", action=AuditAction.UPDATE)
    assert len(changed) == 1 and changed[0].after == {"rows": 3}
    removed = entries(ws, entity="day_off", action=AuditAction.DELETE)
    assert len(removed) == 1 and removed[0].after == {"rows": 5}


def test_record_bulk_for_writes_that_bypass_the_session(ws):
    with transaction(ws.db.sessions) as s:
        s.connection().execute(insert(DayOff.__table__), [
            {"branch_id": ws.branch_id, "kind": "branch_closure", "start_date": dt.date(2026, 12, 30),
             "end_date": dt.date(2026, 12, 31), "name_ja": "年末", "name_en": "", "version": 1}])
        record_bulk(s, AuditAction.CREATE, "day_off", 1, "year-end closure")
    (entry,) = entries(ws, entity="day_off")
    assert entry.summary == "created 1 day_off row (year-end closure)" and entry.actor == "tester"


def test_the_demo_is_in_the_log(demo_ws):
    summaries = [e.summary for e in entries(demo_ws)]
    assert "created 20 alt rows" in summaries and "created 60 school rows" in summaries


def test_exports_and_imports_are_recorded(demo_ws, tmp_path):
    request = ExportRequest(format="pdf", report="school-month", out=tmp_path, month="2026-06", school="all")
    result = ExportResult(files=[tmp_path / "S0001.pdf", tmp_path / "S0002.pdf"])
    record_export(demo_ws, request, result)
    with transaction(demo_ws.db.sessions) as s:
        record_import(s, Path("/data/branch.xlsx"), {"schools": 3, "alts": 2})
    (export,) = entries(demo_ws, action=AuditAction.EXPORT)
    assert export.entity == "export" and export.actor == "tester"
    assert export.after["report"] == "school-month" and export.after["month"] == "2026-06"
    assert export.after["files"] == [str(tmp_path / "S0001.pdf"), str(tmp_path / "S0002.pdf")]
    assert "2 file(s)" in export.summary
    (imported,) = entries(demo_ws, action=AuditAction.IMPORT)
    assert imported.after["counts"] == {"schools": 3, "alts": 2} and "branch.xlsx" in imported.summary


def _edit(ws, actor_ws, code, **values):
    with transaction(actor_ws.db.sessions) as s:
        school = s.scalar(select(School).where(School.code == code))
        for key, value in values.items():
            setattr(school, key, value)


def test_query_filters_by_who_action_record_dates_and_text(demo_ws, db):
    other = open_workspace(db, actor="佐藤")
    _edit(demo_ws, other, "S0001", contact_teacher="山田先生")
    tester = open_workspace(db, actor="tester")
    _edit(demo_ws, tester, "S0002", phone="000-0000")
    everything = query_audit(demo_ws)
    assert everything[0].summary.startswith("changed school S0002")  # newest first
    by_sato = query_audit(demo_ws, AuditFilter(actor="佐藤"))
    assert [r.summary for r in by_sato] == ["changed school S0001: contact_teacher"]
    assert by_sato[0].changes[0][0] == "contact_teacher" and by_sato[0].changes[0][2] == "山田先生"
    assert {r.entity for r in query_audit(demo_ws, AuditFilter(entity="school"))} == {"school"}
    assert all(r.action == "update" for r in query_audit(demo_ws, AuditFilter(action="update")))
    # Text matches values inside before/after, Japanese included, and codes in any case.
    assert [r.actor for r in query_audit(demo_ws, AuditFilter(text="山田"))] == ["佐藤"]
    assert len(query_audit(demo_ws, AuditFilter(text="s0002"))) == 1
    today = dt.date.today()
    assert len(query_audit(demo_ws, AuditFilter(date_from=today, date_to=today))) == len(everything)
    assert query_audit(demo_ws, AuditFilter(date_to=today - dt.timedelta(days=1))) == []
    assert query_audit(demo_ws, AuditFilter(date_from=today + dt.timedelta(days=1))) == []
    assert len(query_audit(demo_ws, AuditFilter(limit=3))) == 3
    actors, kinds = audit_choices(demo_ws)
    assert {"佐藤", "tester"} <= set(actors) and "school" in kinds


def test_a_command_records_the_os_user_or_altdesk_actor(tmp_path):
    path = tmp_path / "b.sqlite3"
    assert run_cli("--db", str(path), "demo").returncode == 0
    result = run_cli("--db", str(path), "backup", "--policy", "3,0,0", env={"ALTDESK_ACTOR": "head-office-script"})
    assert result.returncode == 0, result.stderr
    from altdesk.db.database import open_database
    from altdesk.db.engine import DatabaseTarget

    db = open_database(DatabaseTarget.parse(str(path)))
    try:
        ws = open_workspace(db)
        rows = query_audit(ws, AuditFilter(entity="branch", action="update"))
    finally:
        db.close()
    assert rows[0].actor == "head-office-script" and rows[0].changes[0][0] == "settings"


def test_a_row_taken_out_of_its_parents_list_is_recorded_as_deleted(ws):
    """Bell periods replaced and a school event's attendee removed: the flush deletes them as
    orphans, which never pass through session.deleted, and the log must still show it."""
    from altdesk.services.records import BellPeriodForm, SchoolForm, load_school, save_school
    from altdesk.services.school_events import Attendance, EventInput, create_event, delete_event
    from tests.unit.sched_fixtures import make_alt

    first = (BellPeriodForm(1, dt.time(8, 45), dt.time(9, 30)), BellPeriodForm(2, dt.time(9, 40), dt.time(10, 25)))
    school = save_school(ws, SchoolForm(code="S1", name_ja="市立桜小学校", periods=first))
    save_school(ws, replace(load_school(ws, school.id), periods=first[:1]))
    deleted = [e for e in entries(ws, action=AuditAction.DELETE) if e.entity == "bell_period"]
    assert len(deleted) == 2 and {e.before["number"] for e in deleted} == {1, 2}

    alt = make_alt(ws, "A1")
    saved = create_event(ws, EventInput(school.id, dt.date(2026, 6, 6), "運動会", "Sports Day",
                                        compensatory_day=dt.date(2026, 6, 8), attendees=(Attendance(alt),)))
    delete_event(ws, saved.id, saved.version)
    gone = {e.entity for e in entries(ws, action=AuditAction.DELETE)}
    assert {"event_attendee", "school_event", "visit", "absence"} <= gone
