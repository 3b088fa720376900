"""The school roster and editor with its bell schedule, driven with real clicks and keys."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTimeEdit

from altdesk.db.enums import LunchPolicy
from altdesk.services.records import BellPeriodForm, Choice, SchoolForm, load_school, save_school
from altdesk.services.rosters import list_schools
from tests.ui.modal import ModalHandler
from tests.unit.sched_fixtures import make_alt, make_board, make_placement, make_school
from ui.app_context import AppContext
from ui.controllers.record_editing import RecordEditing
from ui.dialogs.bell_schedule_editor import BellScheduleModel
from ui.dialogs.school_dialog import SchoolDialog
from ui.models.row_table import OBJECT_ROLE
from ui.pages.roster_page import school_roster_page

T = dt.time


@pytest.fixture
def ctx(ws):
    context = AppContext(ws)
    RecordEditing(context, today=lambda: dt.date(2026, 5, 11))
    return context


@pytest.fixture
def page(qtbot, ctx):
    widget = school_roster_page(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _type_time(qtbot, table, row: int, column: int, digits: str) -> None:
    """Select a cell, start editing with F2, type HHMM and press Enter, as a person would."""
    table.setCurrentIndex(table.model().index(row, column))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = next(w for w in table.viewport().findChildren(QTimeEdit) if w.isVisible())
    QApplication.processEvents()  # let the editor take the focus before typing, as it would for a person
    qtbot.keyClicks(editor, digits)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_bell_schedule_model_passes_the_model_tester(qtmodeltester):
    model = BellScheduleModel()
    model.set_periods((BellPeriodForm(1, T(8, 45), T(9, 30)), BellPeriodForm(2, T(9, 40), T(10, 25))))
    qtmodeltester.check(model)
    model.append_period()
    assert model.periods()[-1] == BellPeriodForm(3, T(10, 35), T(11, 20))  # 10 minutes' break, 45 minutes
    qtmodeltester.check(model)


def test_add_a_school_with_a_bell_schedule(qtbot, page, ws):
    board_id = make_board(ws)

    def fill(dialog):
        ui = dialog.ui
        qtbot.keyClicks(ui.code, "S100")
        ui.name_ja.setText("さくら市立桜台小学校")
        qtbot.keyClicks(ui.name_en, "Sakuradai Elementary School")
        ui.short_name.setText("桜台小")
        ui.board.setCurrentIndex(ui.board.findData(board_id))
        qtbot.keyClicks(ui.phone, "048-123-4567")
        ui.price.clear()
        qtbot.keyClicks(ui.price, "280")
        for _ in range(4):
            qtbot.mouseClick(ui.bell.add_button, Qt.MouseButton.LeftButton)
        _type_time(qtbot, ui.bell.table, 2, 1, "1045")  # a longer break before period 3
        _type_time(qtbot, ui.bell.table, 2, 2, "1130")
        _type_time(qtbot, ui.bell.table, 3, 1, "1140")
        _type_time(qtbot, ui.bell.table, 3, 2, "1225")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    handler = ModalHandler(fill, "school_dialog")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    handler.check()
    row = page.selected_row()
    assert row.code == "S100" and row.name_ja == "さくら市立桜台小学校"
    stored = load_school(ws, row.id)
    assert [(p.number, p.start_time, p.end_time) for p in stored.periods] == [
        (1, T(8, 45), T(9, 30)), (2, T(9, 40), T(10, 25)), (3, T(10, 45), T(11, 30)), (4, T(11, 40), T(12, 25))]
    assert (stored.board_id, stored.lunch_price_yen, stored.phone) == (board_id, 280, "048-123-4567")


def test_an_overlapping_period_is_shown_in_its_cell_and_nothing_is_saved(qtbot, page, ws):
    seen = {}

    def fill(dialog):
        ui = dialog.ui
        qtbot.keyClicks(ui.code, "S100")
        ui.name_ja.setText("桜台小学校")
        qtbot.mouseClick(ui.bell.add_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(ui.bell.add_button, Qt.MouseButton.LeftButton)
        _type_time(qtbot, ui.bell.table, 1, 1, "0920")  # period 2 would start before period 1 ends
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen["open"] = dialog.isVisible()
        seen["cell"] = ui.bell.model.error_cell
        seen["current"] = (ui.bell.table.currentIndex().row(), ui.bell.table.currentIndex().column())
        seen["banner"] = dialog.banner.text.text()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    handler = ModalHandler(fill, "school_dialog")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    handler.check()
    assert seen["open"] and seen["cell"] == (1, 1) and seen["current"] == (1, 1)
    assert seen["banner"] == "Period 2 starts at 09:20, before period 1 ends (09:30)."
    assert list_schools(ws) == []


def test_remove_period_and_no_lunch_policy(qtbot, ws):
    saved = save_school(ws, SchoolForm(code="S1", name_ja="桜台小学校", periods=(
        BellPeriodForm(1, T(8, 45), T(9, 30)), BellPeriodForm(2, T(9, 40), T(10, 25)))))
    dialog = SchoolDialog(saved, [Choice(1, "B1", "さくら市教育委員会", "Sakura BoE")], lambda f: save_school(ws, f))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.bell.table.setCurrentIndex(dialog.ui.bell.model.index(0, 1))
    qtbot.mouseClick(dialog.ui.bell.remove_button, Qt.MouseButton.LeftButton)
    dialog.ui.policy.setCurrentIndex(dialog.ui.policy.findData(LunchPolicy.NONE))
    assert not dialog.ui.price.isEnabled()  # no lunch: no price, no notice rule
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = load_school(ws, saved.id)
    assert [(p.number, p.start_time) for p in stored.periods] == [(1, T(9, 40))]  # renumbered from 1
    assert stored.lunch_policy == LunchPolicy.NONE


def test_a_lunch_notice_rule_is_edited_in_words(qtbot, ws):
    dialog = SchoolDialog(SchoolForm(), [], lambda f: save_school(ws, f))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.ui.code, "S1")
    dialog.ui.name_ja.setText("桜台小学校")
    notice = dialog.ui.notice
    notice.kind.setCurrentIndex(notice.kind.findData("school_days_before"))
    notice.days.setValue(3)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved.lunch_notice_rule == {"kind": "school_days_before", "days": 3, "time": "11:00"}


def test_a_school_in_use_is_not_deleted(qtbot, page, ws, ctx):
    school_id = make_school(ws, "S1")
    make_placement(ws, make_alt(ws, "A1"), school_id)
    page.refresh()
    page.table.selectRow(0)
    told = []
    RecordEditing.of(ctx).tell = lambda parent, title, text: told.append(text)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert told and "1 placement" in told[0]
    assert [page.proxy.index(r, 0).data(OBJECT_ROLE).code for r in range(page.proxy.rowCount())] == ["S1"]
