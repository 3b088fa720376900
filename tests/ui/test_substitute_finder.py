"""Record an absence, find and assign a substitute with real clicks and keys, undo, redo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from sqlalchemy import select

from altdesk.db.enums import AbsenceKind, VisitStatus
from altdesk.db.models import Visit
from altdesk.services.absences import AbsenceInput, create_absence, get_absence, list_absences
from tests.unit.absence_fixtures import WEEK, busy_alt, schedule
from ui.app_context import AppContext
from ui.dialogs.absence_dialog import AbsenceDialog
from ui.dialogs.substitute_finder import SubstituteFinder
from ui.formatting import to_qdate
from ui.pages.absences_page import AbsencesPage
from ui.settings import set_current_language


@pytest.fixture
def sched_ws(demo_ws):
    return schedule(demo_ws)


@pytest.fixture
def japanese():
    set_current_language("ja")
    yield
    set_current_language("en")


def _status(ws, visit_id: int) -> VisitStatus:
    with ws.db.sessions() as s:
        return s.scalar(select(Visit.status).where(Visit.id == visit_id))


def _row_point(table, row: int, column: int = 0) -> QPoint:
    return table.visualRect(table.model().index(row, column)).center()


def _click_row(qtbot, table, row: int) -> None:
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=_row_point(table, row))


def _uncovered_dates(finder: SubstituteFinder) -> list:
    return [finder.uncovered_model.row_at(r).date for r in range(finder.uncovered_model.rowCount())]


def test_record_absence_then_assign_undo_and_redo(qtbot, sched_ws):
    alt = busy_alt(sched_ws)
    ctx = AppContext(sched_ws)
    page = AbsencesPage(ctx, today=WEEK[0])
    qtbot.addWidget(page)
    page.show()

    # Record the absence: New Absence…, pick the ALT by typing, dates, kind, a note, Save.
    qtbot.mouseClick(page.new_absence_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, AbsenceDialog) and dialog.isVisible()
    dialog.alt_combo.lineEdit().clear()
    qtbot.keyClicks(dialog.alt_combo.lineEdit(), f"{alt.code} {alt.name}")
    dialog.from_edit.setDate(to_qdate(WEEK[0]))
    dialog.to_edit.setDate(to_qdate(WEEK[1]))
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(AbsenceKind.SICK))
    qtbot.keyClicks(dialog.note_edit, "flu")
    assert "5" in dialog.preview.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    # Saved: the dialog says how many visits need a substitute and offers the finder.
    [absence] = list_absences(sched_ws, *WEEK)
    assert (absence.alt_id, absence.kind, absence.note) == (alt.id, AbsenceKind.SICK, "flu")
    assert dialog.done_label.isVisible() and "5" in dialog.done_label.text()
    assert ctx.undo_stack.count() == 1
    assert page.absence_model.rowCount() >= 1 and page.selected_absence().id == absence.id
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    finder = page.finder
    assert isinstance(finder, SubstituteFinder) and finder.isVisible()
    qtbot.addWidget(finder)
    assert finder.absence_combo.currentData() == absence.id
    assert _uncovered_dates(finder) == list(alt.dates)

    # Select Friday's visit: part-timers are free then; the best candidate comes first.
    _click_row(qtbot, finder.uncovered_table, 4)
    friday = finder.selected_visit()
    assert friday.date == WEEK[1]
    assert finder.candidate_model.rowCount() >= 1
    best = finder.candidate_model.row_at(0).candidate
    assert finder.selected_candidate() == best
    assert all(finder.candidate_model.row_at(r).candidate.score >= finder.candidate_model.row_at(r + 1).candidate.score
               for r in range(finder.candidate_model.rowCount() - 1))
    reasons = finder.candidate_model.index(0, 3).data()
    assert "classes this week" in reasons

    # Enter on the candidate list assigns; the covered visit leaves the list at once.
    finder.candidate_table.setFocus()
    qtbot.keyClick(finder.candidate_table, Qt.Key.Key_Return)
    assert _status(sched_ws, friday.visit_id) == VisitStatus.COVERED
    assert WEEK[1] not in _uncovered_dates(finder)
    assert finder.covered_model.rowCount() == 1
    assert finder.covered_model.row_at(0).substitute_alt_id == best.alt_id
    assert best.alt_code in finder.status.text()
    assert get_absence(sched_ws, absence.id).visits_covered == 1
    covered_column = page.absence_model.column_keys().index("covered")
    row = [page.absence_model.row_at(r).id for r in range(page.absence_model.rowCount())].index(absence.id)
    assert page.absence_model.index(row, covered_column).data() == "1"

    # Undo gives the visit back; redo covers it again with the same ALT.
    ctx.undo_stack.undo()
    assert _status(sched_ws, friday.visit_id) == VisitStatus.PLANNED
    assert _uncovered_dates(finder) == list(alt.dates)
    assert finder.covered_model.rowCount() == 0
    ctx.undo_stack.redo()
    assert _status(sched_ws, friday.visit_id) == VisitStatus.COVERED
    assert finder.covered_model.row_at(0).substitute_alt_id == best.alt_id
    assert len(_uncovered_dates(finder)) == 4

    # Remove Substitute in the finder is undoable too.
    _click_row(qtbot, finder.covered_table, 0)
    qtbot.mouseClick(finder.remove_button, Qt.MouseButton.LeftButton)
    assert _status(sched_ws, friday.visit_id) == VisitStatus.PLANNED
    ctx.undo_stack.undo()
    assert _status(sched_ws, friday.visit_id) == VisitStatus.COVERED

    # Undoing everything also takes the absence back.
    while ctx.undo_stack.canUndo():
        ctx.undo_stack.undo()
    assert list_absences(sched_ws, *WEEK) == []
    assert _status(sched_ws, friday.visit_id) == VisitStatus.PLANNED
    assert absence.id not in [page.absence_model.row_at(r).id for r in range(page.absence_model.rowCount())]


def test_double_click_assigns_and_ctrl_z_in_the_finder_undoes(qtbot, sched_ws):
    alt = busy_alt(sched_ws)
    saved = create_absence(sched_ws, AbsenceInput(alt.id, WEEK[1], WEEK[1], AbsenceKind.PAID_LEAVE))
    ctx = AppContext(sched_ws)
    finder = SubstituteFinder(ctx, absence_id=saved.id, today=WEEK[0])
    qtbot.addWidget(finder)
    finder.show()
    qtbot.waitExposed(finder)
    [visit] = [finder.uncovered_model.row_at(r) for r in range(finder.uncovered_model.rowCount())]
    second = finder.candidate_model.row_at(1).candidate
    table = finder.candidate_table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=_row_point(table, 1))
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=_row_point(table, 1))
    assert finder.uncovered_model.rowCount() == 0
    assert finder.covered_model.row_at(0).substitute_alt_id == second.alt_id
    assert ctx.undo_stack.count() == 1  # one double-click, one assignment
    assert not finder.assign_button.isEnabled()
    assert "Nobody" not in finder.visit_label.text()

    finder.activateWindow()
    qtbot.waitUntil(finder.isActiveWindow)
    qtbot.keyClick(finder.uncovered_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _status(sched_ws, visit.visit_id) == VisitStatus.PLANNED
    assert finder.uncovered_model.rowCount() == 1

    # Esc closes the finder.
    qtbot.keyClick(finder.uncovered_table, Qt.Key.Key_Escape)
    assert not finder.isVisible()


def test_pick_an_alt_and_dates_without_an_absence(qtbot, sched_ws):
    alt = busy_alt(sched_ws)
    ctx = AppContext(sched_ws)
    finder = SubstituteFinder(ctx, today=WEEK[0])
    qtbot.addWidget(finder)
    finder.show()
    finder.absence_combo.setCurrentIndex(0)  # None: choose an ALT and dates
    finder.alt_combo.lineEdit().clear()
    finder.from_edit.setDate(to_qdate(WEEK[0]))
    finder.to_edit.setDate(to_qdate(WEEK[1]))
    qtbot.keyClicks(finder.alt_combo.lineEdit(), f"{alt.code} {alt.name}")
    assert _uncovered_dates(finder) == list(alt.dates)
    assert finder.absence_combo.currentData() is None
    # Choosing an absence fills the ALT and its dates.
    saved = create_absence(sched_ws, AbsenceInput(alt.id, WEEK[0], WEEK[0], AbsenceKind.TRAINING))
    ctx.changed("absences")
    finder.absence_combo.setCurrentIndex(finder.absence_combo.findData(saved.id))
    assert _uncovered_dates(finder) == [WEEK[0]]


def test_finder_speaks_japanese(qtbot, sched_ws, japanese):
    alt = busy_alt(sched_ws)
    saved = create_absence(sched_ws, AbsenceInput(alt.id, WEEK[1], WEEK[1], AbsenceKind.SICK))
    finder = SubstituteFinder(AppContext(sched_ws), absence_id=saved.id, today=WEEK[0])
    qtbot.addWidget(finder)
    finder.show()
    assert finder.uncovered_model.index(0, 0).data() == "2026年6月12日(金)"
    assert "今週" in finder.candidate_model.index(0, 3).data()
    assert "2026年6月12日(金)" in finder.absence_combo.currentText()
    assert "〜" in finder.uncovered_model.index(0, 1).data()


def test_absence_dialog_outlines_the_refused_field_and_saves_nothing(qtbot, sched_ws):
    alt = busy_alt(sched_ws)
    create_absence(sched_ws, AbsenceInput(alt.id, WEEK[0], WEEK[0], AbsenceKind.SICK))
    ctx = AppContext(sched_ws)
    dialog = AbsenceDialog(ctx, alt_id=alt.id, day=WEEK[0])
    qtbot.addWidget(dialog)
    dialog.show()
    before = list_absences(sched_ws)
    # Overlaps the absence already there: refused, the first-day field outlined.
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.errors.isVisible()
    assert dialog.errors.field_marked() == "start_date"
    assert "already has an absence" in dialog.errors.text.text()
    # An ALT nobody has: refused on the ALT field.
    dialog.alt_combo.lineEdit().clear()
    qtbot.keyClicks(dialog.alt_combo.lineEdit(), "nobody")
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)  # Enter saves (the default button)
    assert dialog.errors.field_marked() == "alt"
    assert list_absences(sched_ws) == before and ctx.undo_stack.count() == 0
    # Esc cancels.
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_models_pass_the_model_tester(qtbot, qtmodeltester, sched_ws):
    alt = busy_alt(sched_ws)
    saved = create_absence(sched_ws, AbsenceInput(alt.id, WEEK[0], WEEK[1], AbsenceKind.SICK))
    ctx = AppContext(sched_ws)
    finder = SubstituteFinder(ctx, absence_id=saved.id, today=WEEK[0])
    qtbot.addWidget(finder)
    _click_row(qtbot, finder.uncovered_table, 4)
    assert finder.candidate_model.rowCount() > 0
    qtmodeltester.check(finder.candidate_model)
    finder.assign()
    for model in (finder.uncovered_model, finder.covered_model):
        assert model.rowCount() > 0
        qtmodeltester.check(model)
