"""The window's edits are the core's operations: a school deleted and brought back keeps its id
and its days off, `altdesk history` lists what the window did, `altdesk undo` takes back an edit
made in the window, and the per-month pages read again only when an edit touches their months."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest
from sqlalchemy import select

from altdesk.db.enums import AbsenceKind, DayOffKind
from altdesk.db.models import Visit
from altdesk.operations import ChangeRecord
from altdesk.services import records as svc
from altdesk.services.absences import AbsenceInput, list_absences
from altdesk.services.visits import get_visit, update_visit
from tests.helpers import run_cli
from tests.unit.absence_fixtures import WEEK, busy_alt, schedule
from tests.unit.sched_fixtures import make_school
from ui.app_context import AppContext
from ui.controllers.record_editing import RecordEditing
from ui.dialogs.absence_commands import create_absence_command, edit_absence_command
from ui.pages import lunch_page
from ui.pages.absences_page import AbsencesPage
from ui.pages.conflicts_page import ConflictsPage
from ui.pages.lunch_page import LunchPage
from ui.undo import OperationCommand, push

JULY_1, SEPT_1 = dt.date(2026, 7, 1), dt.date(2026, 9, 1)


@pytest.fixture
def sched_ws(demo_ws):
    return schedule(demo_ws)


def _cli(ws, *args: str, env: dict[str, str] | None = None):
    done = run_cli("--db", str(ws.db.target.sqlite_path), *args, env=env)
    assert done.returncode == 0, done.stderr
    return done


def _absence_of(ws, alt_id: int, day: dt.date):
    return next(r for r in list_absences(ws) if r.alt_id == alt_id and r.start_date == day)


def test_a_school_deleted_in_the_window_and_undone_keeps_its_id_and_days_off_and_the_history_says_so(qtbot, ws):
    ctx = AppContext(ws)
    school_id = make_school(ws, "S7")
    day = svc.save_day_off(ws, svc.DayOffForm(kind=DayOffKind.SCHOOL_DAY_OFF, school_id=school_id,
                                              start_date=JULY_1, end_date=JULY_1, name_ja="開校記念日"))
    make_school(ws, "S8")  # a later id: an id handed out again would not be S7's
    editing = RecordEditing.of(ctx)
    editing.ask = lambda *_args: True
    seen: list[ChangeRecord] = []
    ctx.records_changed.connect(seen.append)

    assert editing.delete_school(None, school_id) is True  # type: ignore[arg-type]
    with pytest.raises(Exception):  # noqa: B017 - NotFound: gone
        svc.load_school(ws, school_id)
    ctx.undo_stack.undo()

    again = svc.load_school(ws, school_id)
    assert (again.id, again.code) == (school_id, "S7")
    assert svc.load_day_off(ws, day.id).name_ja == "開校記念日"  # its day off, under its own id too
    assert [r.text_en for r in seen] == ["Delete school S7 市立S7小学校", "Undo: Delete school S7 市立S7小学校"]
    assert ("day_off", day.id, "create") in {(r.entity, r.id, r.action) for r in seen[1].rows}
    lines = json.loads(_cli(ws, "history", "--limit", "2", "--json").stdout)
    assert [(x["kind"], x["text_en"], x["text_ja"], x["state"]) for x in lines] == [
        ("undo", "Undo: Delete school S7 市立S7小学校", "元に戻す: 学校 S7 市立S7小学校 を削除", "done"),
        ("edit", "Delete school S7 市立S7小学校", "学校 S7 市立S7小学校 を削除", "undone")]
    assert lines[0]["reverts"] == lines[1]["id"] == seen[0].operation_id


def test_an_absence_recorded_in_the_window_is_undone_by_the_command_line(qtbot, sched_ws):
    ctx = AppContext(sched_ws)
    page = AbsencesPage(ctx, today=WEEK[0])
    qtbot.addWidget(page)
    page.show()
    alt = busy_alt(sched_ws)
    command = create_absence_command(ctx, AbsenceInput(alt.id, WEEK[0], WEEK[1], AbsenceKind.SICK), alt.code)
    assert push(ctx, command) is None
    shown = {page.absence_model.row_at(r).id for r in range(page.absence_model.rowCount())}
    assert command.result in shown

    answer = json.loads(_cli(sched_ws, "undo", "--json", env={"ALTDESK_ACTOR": "head office"}).stdout)

    assert answer["reverts"] == command.operation_id
    assert {"entity": "absence", "id": command.result, "action": "delete"} in answer["rows"]
    page.refresh()  # F5: the page reads the branch again
    assert command.result not in {page.absence_model.row_at(r).id for r in range(page.absence_model.rowCount())}
    assert all(r.id != command.result for r in list_absences(sched_ws))


def test_records_changed_carries_the_months_of_a_moved_absence_and_the_pages_read_only_their_months(
        qtbot, sched_ws, monkeypatch):
    ctx = AppContext(sched_ws)
    # The absences and conflicts pages stay hidden: a change they must show marks them stale (read
    # when shown). The lunch page reads its month at once: its reads are counted.
    absences = AbsencesPage(ctx, today=WEEK[0])
    absences.scope_combo.setCurrentIndex(absences.scope_combo.findData("from_today"))
    conflicts = ConflictsPage(ctx, today=WEEK[0])  # checks June 2026
    lunch_reads: list[str] = []
    read_month = lunch_page.month_ledger
    monkeypatch.setattr(lunch_page, "month_ledger", lambda w, m: lunch_reads.append(m) or read_month(w, m))
    lunch = LunchPage(sched_ws)
    lunch.touches = ctx.touches
    ctx.data_changed.connect(lunch.on_data_changed)
    for page in (absences, conflicts, lunch):
        qtbot.addWidget(page)
    lunch.set_month("2026-06")
    lunch.refresh()
    qtbot.waitUntil(lambda: not lunch.busy)
    seen: list[ChangeRecord] = []
    ctx.records_changed.connect(seen.append)

    def reads() -> dict[str, object]:
        qtbot.waitUntil(lambda: not lunch.busy)
        found = {"absences": absences._stale, "conflicts": conflicts._stale, "lunch": len(lunch_reads)}
        absences._stale = conflicts._stale = False
        lunch_reads.clear()
        return found

    reads()
    alt = busy_alt(sched_ws)
    # Recorded in September: none of the three shows September (the absences list from today does).
    push(ctx, create_absence_command(ctx, AbsenceInput(alt.id, SEPT_1, SEPT_1, AbsenceKind.SICK), alt.code))
    assert seen[-1].months == ("2026-09",)
    assert reads() == {"absences": True, "conflicts": False, "lunch": 0}

    # Moved from September into June: both months, so June's conflicts are checked again.
    row = _absence_of(sched_ws, alt.id, SEPT_1)
    moved = replace(row.as_input(), start_date=WEEK[0], end_date=WEEK[0])
    assert push(ctx, edit_absence_command(ctx, row, moved, alt.code)) is None
    assert seen[-1].months == ("2026-06", "2026-09")
    assert reads() == {"absences": True, "conflicts": True, "lunch": 0}  # the lunch page lists no absences

    # Undone: the record of the undo names the same months.
    ctx.undo_stack.undo()
    assert seen[-1].text_en.startswith("Undo: ") and seen[-1].months == ("2026-06", "2026-09")
    assert reads() == {"absences": True, "conflicts": True, "lunch": 0}

    # A visit's note in September, then in June: the lunch page reads June again for the second only.
    for day, in_june in ((SEPT_1 + dt.timedelta(days=1), False), (WEEK[0], True)):
        visit = get_visit(sched_ws, busy_visit(sched_ws, day))
        note = replace(visit.draft, note="phoned")
        push(ctx, OperationCommand(ctx, "Edit visit", "訪問を編集",
                                   lambda v=visit, n=note: update_visit(sched_ws, v.id, v.version, n)))
        assert seen[-1].topics == frozenset({"visits"})
        assert reads() == {"absences": True, "conflicts": in_june, "lunch": int(in_june)}

    # A change announced by kinds only (no record) still reads every page that cares.
    ctx.changed("visits", "absences")
    assert reads() == {"absences": True, "conflicts": True, "lunch": 1}


def busy_visit(ws, day: dt.date) -> int:
    with ws.db.sessions() as s:
        return s.scalars(select(Visit.id).where(Visit.date == day).order_by(Visit.id)).first()


def test_a_change_record_of_undated_rows_touches_every_month():
    from altdesk.operations import RowChange

    alt = ChangeRecord(1, "Edit ALT A1", "ALT A1 を編集", (RowChange("alt", 1, "update"),), ("2019-04",))
    assert alt.touches(JULY_1, JULY_1)  # its name shows in every month
    absence = ChangeRecord(2, "Edit", "編集", (RowChange("absence", 1, "update"),), ("2026-09",))
    assert not absence.touches(JULY_1, JULY_1) and absence.touches(JULY_1, None) and absence.touches(None, None)
    assert not absence.touches(dt.date(2026, 10, 1), None)
    assert ChangeRecord(3, "Generate", "生成", (), ()).touches(JULY_1, JULY_1)  # a bulk change names no rows
