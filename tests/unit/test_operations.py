"""The operation journal: every kind of edit performed, undone and redone, with whole tables
compared (ids included); stale undos refused with nothing written; bulk operations not undoable;
the months and records of a ChangeRecord. Runs on SQLite, and on PostgreSQL under
.ci/with-postgres.sh (ALTDESK_TEST_PG_URL)."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from altdesk.db.database import open_database
from altdesk.db.engine import DatabaseTarget, transaction
from altdesk.db.enums import AbsenceKind, AltStatus, DayOffKind, LunchMode, OperationState, VisitStatus
from altdesk.db.models import AuditEntry, Operation, Placement, Visit
from altdesk.errors import StaleEdit, UserError
from altdesk.operations import ChangeRecord, ReplayRefused, history, perform, redo, undo
from altdesk.services import absences as absence_service
from altdesk.services import records as svc
from altdesk.services import school_events as event_service
from altdesk.services import visits as visit_service
from altdesk.services.branch import update_branch_details
from altdesk.services.lunch import set_lunch_override
from altdesk.services.scheduling import apply_substitute, generate_visits
from altdesk.services.workspace import Workspace, open_workspace
from tests.helpers import data_tables

D, T = dt.date, dt.time
PG_URL = os.environ.get("ALTDESK_TEST_PG_URL")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_ws(request, tmp_path) -> Iterator[Workspace]:
    if request.param == "sqlite":
        db = open_database(DatabaseTarget.parse(str(tmp_path / "ops.sqlite3")))
        yield open_workspace(db, actor="tester")
        db.close()
        return
    if not PG_URL:
        pytest.skip("ALTDESK_TEST_PG_URL is not set, so the journal's PostgreSQL run did NOT happen; "
                    "run under bash .ci/with-postgres.sh")
    name = f"altdesk_ops_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db = open_database(DatabaseTarget.parse(make_url(PG_URL).set(database=name).render_as_string(hide_password=False)))
    try:
        yield open_workspace(db, actor="tester")
    finally:
        db.close()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


tables = data_tables


def branch(ws: Workspace) -> dict[str, int]:
    board = svc.save_board(ws, svc.BoardForm(code="B1", name_ja="さくら市教育委員会", closures=(
        svc.DayOffForm(kind=DayOffKind.CLOSURE, start_date=D(2026, 8, 12), end_date=D(2026, 8, 14), name_ja="閉庁日"),)))
    school = svc.save_school(ws, svc.SchoolForm(code="S1", name_ja="桜台小学校", board_id=board.id, periods=(
        svc.BellPeriodForm(1, T(8, 45), T(9, 30)), svc.BellPeriodForm(2, T(9, 40), T(10, 25)))))
    other = svc.save_school(ws, svc.SchoolForm(code="S2", name_ja="緑が丘小学校", board_id=board.id))
    alt = svc.save_alt(ws, svc.AltForm(code="A1", family_name="Carter", given_name="Emily"))
    sub = svc.save_alt(ws, svc.AltForm(code="A2", family_name="Brown", given_name="Sam"))
    placement = svc.save_placement(ws, svc.PlacementForm(
        alt_id=alt.id, school_id=school.id, start_date=D(2026, 5, 1), end_date=D(2026, 7, 31),
        pattern=svc.Pattern(svc.PatternKind.WEEKLY, (0, 4))), today=D(2026, 4, 20))
    return {"board": board.id, "school": school.id, "other": other.id, "alt": alt.id, "sub": sub.id,
            "placement": placement.form.id}


def visit_on(ws: Workspace, day: dt.date) -> Visit:
    with ws.db.sessions() as s:
        return s.scalars(select(Visit).where(Visit.date == day, Visit.substitute_for_visit_id.is_(None))).one()


def roundtrip(ws: Workspace, fn: Callable[[], Any], text_en: str = "Edit") -> tuple[Any, ChangeRecord]:
    """perform → undo gives back every table as it was; redo gives back the state after the edit."""
    before = tables(ws)
    result, record = perform(ws, text_en, text_en + "（日本語）", fn)
    assert record.operation_id is not None and record.undoable and record.rows
    after = tables(ws)
    assert after != before
    undone = undo(ws, record.operation_id)
    assert undone.text_en == f"Undo: {text_en}" and undone.operation_id != record.operation_id
    assert tables(ws) == before
    redo(ws, record.operation_id)
    assert tables(ws) == after
    return result, record


def test_each_kind_of_record_edit_undoes_and_redoes_exactly(any_ws):
    ws = any_ws
    ids = branch(ws)
    alt = svc.load_alt(ws, ids["alt"])
    roundtrip(ws, lambda: svc.save_alt(ws, svc.AltForm(code="A9", family_name="New", given_name="Person")))
    roundtrip(ws, lambda: svc.save_alt(ws, replace(alt, family_name="Carter-Smith", allergens=("egg",))))
    roundtrip(ws, lambda: svc.set_alt_status(ws, alt.id, svc.load_alt(ws, alt.id).version, AltStatus.LEFT))
    board = svc.load_board(ws, ids["board"])
    roundtrip(ws, lambda: svc.save_board(ws, replace(board, name_en="Sakura BoE", closures=(
        svc.DayOffForm(kind=DayOffKind.CLOSURE, start_date=D(2026, 12, 28), end_date=D(2027, 1, 3), name_ja="年末年始"),))))
    school = svc.load_school(ws, ids["school"])
    roundtrip(ws, lambda: svc.save_school(ws, replace(school, periods=school.periods[:1], phone="043-111-2222")))
    roundtrip(ws, lambda: svc.save_day_off(ws, svc.DayOffForm(kind=DayOffKind.SCHOOL_DAY_OFF, school_id=ids["school"],
                                                              start_date=D(2026, 6, 1), end_date=D(2026, 6, 1),
                                                              name_ja="振替休業日")))
    roundtrip(ws, lambda: svc.save_holiday_override(ws, svc.HolidayOverrideForm(date=D(2026, 6, 5), is_holiday=True,
                                                                                name_ja="臨時休日")))
    placement = svc.load_placement(ws, ids["placement"])
    roundtrip(ws, lambda: svc.save_placement(ws, replace(placement, pattern=svc.Pattern(svc.PatternKind.WEEKLY, (1,)),
                                                         apply_from=D(2026, 6, 1)), today=D(2026, 4, 20)))
    roundtrip(ws, lambda: svc.end_placement(ws, placement.id, svc.load_placement(ws, placement.id).version,
                                            D(2026, 6, 30)))
    roundtrip(ws, lambda: svc.delete_placement(ws, placement.id, svc.load_placement(ws, placement.id).version,
                                               today=D(2026, 4, 20)))
    roundtrip(ws, lambda: update_branch_details(ws, phone="043-999-0000", address="千葉県"))


def test_each_kind_of_visit_absence_event_and_substitute_edit_undoes_and_redoes_exactly(any_ws):
    ws = any_ws
    ids = branch(ws)
    monday = visit_on(ws, D(2026, 6, 1))
    draft = visit_service.VisitDraft(ids["alt"], ids["other"], D(2026, 6, 3), T(9, 0), T(12, 0), classes=2)
    roundtrip(ws, lambda: visit_service.create_visit(ws, draft))
    detail = visit_service.get_visit(ws, monday.id)
    roundtrip(ws, lambda: visit_service.update_visit(ws, monday.id, detail.version, replace(detail.draft, classes=1)))
    roundtrip(ws, lambda: visit_service.move_visit(ws, monday.id, visit_service.get_visit(ws, monday.id).version,
                                                   D(2026, 6, 2)))
    roundtrip(ws, lambda: visit_service.cancel_visit(ws, monday.id, visit_service.get_visit(ws, monday.id).version))
    later = visit_on(ws, D(2026, 6, 8))
    roundtrip(ws, lambda: set_lunch_override(ws, later.id, LunchMode.OWN_LUNCH, "allergy day"))
    roundtrip(ws, lambda: visit_service.delete_visit(ws, monday.id, visit_service.get_visit(ws, monday.id).version))
    sick = absence_service.AbsenceInput(ids["alt"], D(2026, 6, 5), D(2026, 6, 5), AbsenceKind.SICK, "flu")
    saved, _ = roundtrip(ws, lambda: absence_service.create_absence(ws, sick))
    version = absence_service.get_absence(ws, saved.id).version  # moved on by the redo of its create
    roundtrip(ws, lambda: absence_service.update_absence(ws, saved.id, version, replace(sick, note="fever")))
    friday = visit_on(ws, D(2026, 6, 5))
    roundtrip(ws, lambda: apply_substitute(ws, friday.id, ids["sub"]))  # ends redone: covered
    roundtrip(ws, lambda: absence_service.remove_substitute(ws, friday.id))
    row = absence_service.get_absence(ws, saved.id)
    roundtrip(ws, lambda: absence_service.delete_absence(ws, row.id, row.version))
    event = event_service.EventInput(ids["school"], D(2026, 6, 13), "運動会", "Sports Day",
                                     attendees=(event_service.Attendance(ids["alt"]),))
    created, _ = roundtrip(ws, lambda: event_service.create_event(ws, event))
    version = event_service.get_event(ws, created.id).version
    roundtrip(ws, lambda: event_service.update_event(ws, created.id, version, replace(event, name_en="Sports")))
    row = event_service.get_event(ws, created.id)
    roundtrip(ws, lambda: event_service.delete_event(ws, created.id, row.version))


def test_undo_of_a_school_delete_gives_back_its_id_and_its_days_off(any_ws):
    ws = any_ws
    school = svc.save_school(ws, svc.SchoolForm(code="S7", name_ja="東小学校", periods=(
        svc.BellPeriodForm(1, T(8, 45), T(9, 30)),)))
    day = svc.save_day_off(ws, svc.DayOffForm(kind=DayOffKind.SCHOOL_DAY_OFF, school_id=school.id,
                                              start_date=D(2026, 7, 1), end_date=D(2026, 7, 1), name_ja="開校記念日"))
    svc.save_school(ws, svc.SchoolForm(code="S8", name_ja="西小学校"))  # a later id, so the ids are not reused
    _, record = perform(ws, "Delete school S7", "学校 S7 を削除", lambda: svc.delete_school(ws, school.id, school.version))
    assert {(r.entity, r.id, r.action) for r in record.rows} >= {("school", school.id, "delete"),
                                                                 ("day_off", day.id, "delete")}
    assert {"schools", "day_offs"} <= record.topics and "2026-07" in record.months
    undo(ws, record.operation_id)
    again = svc.load_school(ws, school.id)
    assert again.id == school.id and again.code == "S7" and len(again.periods) == 1
    assert again.version > school.version  # a form of the record before its delete stays refused
    assert svc.load_day_off(ws, day.id).name_ja == "開校記念日"


def test_a_stale_undo_is_refused_and_writes_nothing(any_ws):
    ws = any_ws
    alt = svc.save_alt(ws, svc.AltForm(code="A1", family_name="Carter", given_name="Emily"))
    edited, record = perform(ws, "Edit ALT A1", "ALT A1 を編集",
                             lambda: svc.save_alt(ws, replace(alt, family_name="Smith")))
    ws2 = Workspace(ws.db, ws.branch_id, "someone")
    ws.db.set_actor("someone", ws.branch_id)
    latest = svc.load_alt(ws2, alt.id)
    svc.save_alt(ws2, replace(latest, family_name="Jones"))  # the field the edit changed
    ws.db.set_actor("tester", ws.branch_id)
    before = tables(ws)
    with ws.db.sessions() as s:
        counts = (s.scalar(select(Operation.id).order_by(Operation.id.desc()).limit(1)),
                  s.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)))
    with pytest.raises(StaleEdit) as refused:
        undo(ws, record.operation_id)
    assert isinstance(refused.value, ReplayRefused)
    assert "A1" in refused.value.message("en") and "someone" in refused.value.message("en")
    assert "元に戻す" in refused.value.message("ja")
    assert tables(ws) == before
    with ws.db.sessions() as s:
        assert (s.scalar(select(Operation.id).order_by(Operation.id.desc()).limit(1)),
                s.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))) == counts
    assert history(ws, 1)[0].state == OperationState.DONE


def test_a_save_since_to_another_field_refuses_the_undo_but_a_later_edit_undone_again_does_not(any_ws):
    ws = any_ws
    alt = svc.save_alt(ws, svc.AltForm(code="A1", family_name="Carter", given_name="Emily"))
    edited, first = perform(ws, "Edit ALT A1", "ALT A1 を編集", lambda: svc.save_alt(ws, replace(alt, family_name="Smith")))
    _, second = perform(ws, "Edit ALT A1 phone", "ALT A1 の電話を編集",
                        lambda: svc.save_alt(ws, replace(edited, phone="090-1111-2222")))
    with pytest.raises(ReplayRefused) as refused:  # the record moved on since the first edit
        undo(ws, first.operation_id)
    assert refused.value.reason("en") == f"The ALT A1 (#{alt.id}) was changed since by tester. Nothing was changed."
    assert refused.value.reason("ja") == f"ALT A1（#{alt.id}）はその後testerによって変更されています。何も変更していません。"
    assert refused.value.message("en").startswith("“Edit ALT A1” cannot be undone: the ALT A1")
    undo(ws, second.operation_id)  # the later edit taken back: the record holds what the first left
    undo(ws, first.operation_id)
    assert (svc.load_alt(ws, alt.id).family_name, svc.load_alt(ws, alt.id).phone) == ("Carter", "")
    redo(ws, first.operation_id)
    ws2 = Workspace(ws.db, ws.branch_id, "someone")
    ws.db.set_actor("someone", ws.branch_id)
    svc.save_alt(ws2, replace(svc.load_alt(ws2, alt.id), nationality="Ireland"))  # another field, by another
    ws.db.set_actor("tester", ws.branch_id)
    with pytest.raises(ReplayRefused) as refused:
        undo(ws, first.operation_id)
    assert "by someone" in refused.value.message("en")
    assert svc.load_alt(ws, alt.id).family_name == "Smith"


def test_undo_of_a_create_refuses_when_another_record_now_uses_it(any_ws):
    ws = any_ws
    board, record = perform(ws, "Add board", "教育委員会を追加",
                            lambda: svc.save_board(ws, svc.BoardForm(code="B5", name_ja="青葉市教育委員会")))
    svc.save_school(ws, svc.SchoolForm(code="S5", name_ja="青葉小学校", board_id=board.id))
    with pytest.raises(ReplayRefused) as refused:
        undo(ws, record.operation_id)
    assert f"board of education B5 (#{board.id}) is now used by 1 school." in refused.value.message("en")
    assert f"教育委員会 B5（#{board.id}）は現在、学校 1件から使われています。" in refused.value.message("ja")


def test_a_refused_edit_journals_nothing(any_ws):
    ws = any_ws
    svc.save_alt(ws, svc.AltForm(code="A1", family_name="Carter", given_name="Emily"))
    with pytest.raises(UserError):
        perform(ws, "Add ALT", "ALT を追加", lambda: svc.save_alt(ws, svc.AltForm(code="A1", family_name="X",
                                                                                given_name="Y")))
    assert [h.text_en for h in history(ws)] == []


def test_bulk_operations_are_journalled_as_not_undoable(any_ws):
    ws = any_ws
    ids = branch(ws)
    with transaction(ws.db.sessions) as s:  # a placement stored without its visits
        s.add(Placement(branch_id=ws.branch_id, alt_id=ids["sub"], school_id=ids["other"], start_date=D(2026, 5, 1),
                        end_date=D(2026, 7, 31), rrule="FREQ=WEEKLY;BYDAY=WE", start_time=T(8, 15),
                        end_time=T(15, 0)))
    _, record = perform(ws, "Generate visits", "訪問を生成",
                        lambda: generate_visits(ws, D(2026, 4, 1), D(2026, 9, 30)))
    assert record.operation_id is not None and not record.undoable and "visits" in record.topics
    line = history(ws, 1)[0]
    assert not line.undoable and "at once" in line.why_not_undoable("en") and line.why_not_undoable("ja")
    with pytest.raises(UserError) as refused:
        undo(ws, record.operation_id)
    assert "cannot be undone" in refused.value.message("en")


def test_a_visit_moved_across_a_month_end_names_both_months(any_ws):
    ws = any_ws
    ids = branch(ws)
    visit = visit_on(ws, D(2026, 5, 29))
    (_, _), record = perform(ws, "Move visit", "訪問を移動", lambda: visit_service.move_visit(
        ws, visit.id, visit.version, D(2026, 6, 2)))
    assert record.rows == (type(record.rows[0])("visit", visit.id, "update"),)
    assert record.months == ("2026-05", "2026-06") and record.topics == frozenset({"visits"})
    assert record.month_dates() == (D(2026, 5, 1), D(2026, 6, 1))
    cancel = visit_on(ws, D(2026, 6, 5))
    _, record = perform(ws, "Cancel", "中止", lambda: visit_service.cancel_visit(ws, cancel.id, cancel.version))
    assert record.months == ("2026-06",)  # the date did not change: read from the record itself
    assert ids


def test_undo_and_redo_pick_the_newest_by_default_and_say_when_there_is_nothing(any_ws):
    ws = any_ws
    with pytest.raises(UserError):
        undo(ws)
    first, one = perform(ws, "Add A1", "A1", lambda: svc.save_alt(ws, svc.AltForm(code="A1", family_name="X",
                                                                                 given_name="Y")))
    _, two = perform(ws, "Add A2", "A2", lambda: svc.save_alt(ws, svc.AltForm(code="A2", family_name="X",
                                                                             given_name="Y")))
    assert undo(ws).text_en == "Undo: Add A2"
    assert undo(ws).text_en == "Undo: Add A1"
    with pytest.raises(UserError):
        undo(ws)
    assert redo(ws).text_en == "Redo: Add A1"
    assert redo(ws).text_en == "Redo: Add A2"
    states = {h.id: h.state for h in history(ws)}
    assert states[one.operation_id] == states[two.operation_id] == OperationState.DONE
    assert svc.load_alt(ws, first.id).code == "A1"
    with pytest.raises(UserError):
        redo(ws)
    assert VisitStatus


def test_closing_and_reopening_a_month_undo_and_redo_exactly(any_ws):
    """The closing time is kept in UTC; SQLite gives it back without its zone, and the journal's
    check that nobody changed the record since must still see it as the same time."""
    from altdesk.services.month_close import close_month, is_closed, reopen_month

    branch(any_ws)
    roundtrip(any_ws, lambda: close_month(any_ws, "2026-06"), "Close 2026-06")
    assert is_closed(any_ws, "2026-06")
    roundtrip(any_ws, lambda: reopen_month(any_ws, "2026-06"), "Reopen 2026-06")
    assert not is_closed(any_ws, "2026-06")
