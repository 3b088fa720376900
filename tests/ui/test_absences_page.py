"""The Absences page: absences and school events with New, Edit, Delete, all undoable."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from altdesk.db.enums import AbsenceKind, VisitKind
from altdesk.db.models import Visit
from altdesk.services.absences import AbsenceInput, create_absence, get_absence, list_absences
from altdesk.services.school_events import list_events
from tests.unit.absence_fixtures import WEEK, busy_alt, schedule
from ui.app_context import AppContext
from ui.dialogs.event_dialog import EventDialog
from ui.formatting import format_date, format_date_range, format_time_range, to_qdate
from ui.pages.absences_page import AbsencesPage

SATURDAY, MONDAY = dt.date(2026, 6, 13), dt.date(2026, 6, 15)


@pytest.fixture
def sched_ws(demo_ws):
    return schedule(demo_ws)


def _page(qtbot, ws) -> tuple[AbsencesPage, AppContext]:
    ctx = AppContext(ws)
    page = AbsencesPage(ctx, today=WEEK[0])
    qtbot.addWidget(page)
    page.resize(1190, 700)
    page.show()
    return page, ctx


def _flagged(ws, alt_id: int, day: dt.date) -> list[bool]:
    with ws.db.sessions() as s:
        return list(s.scalars(select(Visit.needs_reschedule).where(Visit.alt_id == alt_id, Visit.date == day,
                                                                   Visit.kind != VisitKind.EVENT)))


def _school_of(ws, visit_id: int) -> int:
    with ws.db.sessions() as s:
        return s.get(Visit, visit_id).school_id


def test_record_a_school_event_with_its_compensatory_day_then_undo(qtbot, sched_ws):
    alt = busy_alt(sched_ws)
    school_id = _school_of(sched_ws, alt.visit_ids[0])
    page, ctx = _page(qtbot, sched_ws)
    page.tabs.setCurrentIndex(1)
    events_before = page.event_model.rowCount()
    qtbot.mouseClick(page.new_event_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, EventDialog)
    dialog.school_combo.setCurrentIndex(dialog.school_combo.findData(school_id))
    dialog.date_edit.setDate(to_qdate(SATURDAY))
    # The compensatory day follows the school's next school day.
    assert dialog.comp_edit.date() == to_qdate(MONDAY)
    assert format_date(MONDAY) in dialog.comp_hint.text()
    dialog.name_ja_edit.setText("運動会")
    qtbot.keyClicks(dialog.name_en_edit, "Sports Day")
    # The ALTs placed at the school come first; tick ours with the keyboard.
    first = dialog.attendee_list.item(0)
    assert "placed at this school" in first.text()
    rows = [dialog.attendee_list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(dialog.attendee_list.count())]
    dialog.attendee_list.setCurrentRow(rows.index(alt.id))
    dialog.attendee_list.setFocus()
    qtbot.keyClick(dialog.attendee_list, Qt.Key.Key_Space)
    assert dialog.checked_alt_ids() == {alt.id}
    assert dialog.attendee_count.text() == "Attending: 1"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    [event] = list_events(sched_ws, SATURDAY, SATURDAY)
    assert (event.name_ja, event.name_en, [a.alt_id for a in event.attendees]) == ("運動会", "Sports Day", [alt.id])
    assert page.event_model.rowCount() == events_before + 1
    assert page.selected_event().id == event.id
    assert all(_flagged(sched_ws, alt.id, MONDAY))
    assert any(r.event_id == event.id and r.start_date == MONDAY for r in list_absences(sched_ws))

    ctx.undo_stack.undo()
    assert list_events(sched_ws, SATURDAY, SATURDAY) == []
    assert not any(_flagged(sched_ws, alt.id, MONDAY))
    assert page.event_model.rowCount() == events_before
    ctx.undo_stack.redo()
    [again] = list_events(sched_ws, SATURDAY, SATURDAY)
    assert [a.compensatory_day for a in again.attendees] == [MONDAY]

    # Delete with the Delete key; undo brings it back with its attendee.
    page.select_event(again.id)
    page.event_table.setFocus()
    qtbot.keyClick(page.event_table, Qt.Key.Key_Delete)
    assert list_events(sched_ws, SATURDAY, SATURDAY) == []
    ctx.undo_stack.undo()
    [restored] = list_events(sched_ws, SATURDAY, SATURDAY)
    assert [a.alt_id for a in restored.attendees] == [alt.id]


def test_event_dialog_refuses_a_compensatory_day_before_the_event(qtbot, sched_ws):
    alt = busy_alt(sched_ws)
    ctx = AppContext(sched_ws)
    dialog = EventDialog(ctx, school_id=_school_of(sched_ws, alt.visit_ids[0]), day=SATURDAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name_ja_edit, "Undokai")
    dialog.comp_edit.setDate(to_qdate(SATURDAY))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.errors.field_marked() == "compensatory_day"
    assert ctx.undo_stack.count() == 0
    # Next School Day puts the suggestion back, and the save goes through.
    qtbot.mouseClick(dialog.comp_reset, Qt.MouseButton.LeftButton)
    assert dialog.comp_edit.date() == to_qdate(MONDAY)
    dialog.name_ja_edit.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.field_marked() == "name_ja"
    dialog.name_ja_edit.setText("運動会")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and ctx.undo_stack.count() == 1


def test_edit_and_delete_absences_survive_undo_and_redo_in_any_order(qtbot, sched_ws):
    alt = busy_alt(sched_ws)
    page, ctx = _page(qtbot, sched_ws)
    # Record, then widen it to the week, through the dialogs.
    dialog = page.new_absence(alt.id, WEEK[0])
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [absence] = list_absences(sched_ws, *WEEK)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)  # "Find substitutes" not now
    page.select_absence(absence.id)
    qtbot.mouseClick(page.edit_absence_button, Qt.MouseButton.LeftButton)
    page.dialog.to_edit.setDate(to_qdate(WEEK[1]))
    qtbot.mouseClick(page.dialog.save_button, Qt.MouseButton.LeftButton)
    assert list_absences(sched_ws, *WEEK)[0].end_date == WEEK[1]
    # Undo both (the absence is gone), redo both (it is back, widened).
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert list_absences(sched_ws, *WEEK) == []
    ctx.undo_stack.redo()
    ctx.undo_stack.redo()
    [redone] = list_absences(sched_ws, *WEEK)
    assert (redone.start_date, redone.end_date) == (WEEK[0], WEEK[1])
    # Delete from the page, undo, and the edit can still be undone after that.
    page.select_absence(redone.id)
    qtbot.mouseClick(page.delete_absence_button, Qt.MouseButton.LeftButton)
    assert list_absences(sched_ws, *WEEK) == []
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    [narrow] = list_absences(sched_ws, *WEEK)
    assert narrow.end_date == WEEK[0]
    assert ctx.undo_stack.count() == 3


def test_someone_elses_change_is_not_overwritten(qtbot, sched_ws):
    alt = busy_alt(sched_ws)
    saved = create_absence(sched_ws, AbsenceInput(alt.id, WEEK[0], WEEK[0], AbsenceKind.SICK))
    page, ctx = _page(qtbot, sched_ws)
    page.select_absence(saved.id)
    qtbot.mouseClick(page.edit_absence_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    # Another coordinator changes the note meanwhile.
    from altdesk.services.absences import update_absence

    update_absence(sched_ws, saved.id, saved.version, AbsenceInput(alt.id, WEEK[0], WEEK[0], AbsenceKind.SICK,
                                                                   "from the other PC"))
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(AbsenceKind.TRAINING))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "changed by someone else" in dialog.errors.text.text()
    assert dialog.note_edit.text() == "from the other PC"  # the form shows what is saved now
    assert get_absence(sched_ws, saved.id).kind == AbsenceKind.SICK
    # Making the change again on the fresh version works.
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(AbsenceKind.TRAINING))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert get_absence(sched_ws, saved.id).kind == AbsenceKind.TRAINING


def test_an_events_compensatory_day_is_edited_with_the_event(qtbot, sched_ws):
    page, _ctx = _page(qtbot, sched_ws)
    rows = [page.absence_model.row_at(r) for r in range(page.absence_model.rowCount())]
    comp = next(r for r in rows if r.event_id is not None)
    page.select_absence(comp.id)
    assert not page.edit_absence_button.isEnabled() and not page.delete_absence_button.isEnabled()
    assert "school event" in page.edit_absence_button.toolTip()
    assert page.find_button.isEnabled()
    page.edit_absence()  # double-click or Enter: opens the event instead
    assert isinstance(page.dialog, EventDialog) and page.dialog.school_event.id == comp.event_id


def test_models_pass_the_model_tester(qtbot, qtmodeltester, sched_ws):
    page, _ctx = _page(qtbot, sched_ws)
    for model in (page.absence_model, page.event_model, page.absence_proxy, page.event_proxy):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_dates_read_the_way_each_language_writes_them():
    day = dt.date(2026, 6, 1)
    assert format_date(day, "ja") == "2026年6月1日(月)"
    assert format_date(day, "en") == "Mon 1 Jun 2026"
    assert format_date_range(day, dt.date(2026, 6, 3), "ja") == "2026年6月1日(月)〜6月3日(水)"
    assert format_date_range(day, dt.date(2026, 6, 3), "en") == "Mon 1 Jun – Wed 3 Jun 2026"
    assert format_date_range(dt.date(2026, 12, 28), dt.date(2027, 1, 4), "ja") == "2026年12月28日(月)〜2027年1月4日(月)"
    assert format_time_range(dt.time(8, 15), dt.time(15, 45), "ja") == "08:15〜15:45"
