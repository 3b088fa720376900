"""The calendar-layers page: boards with their closures, days off, national holidays and overrides."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from altdesk.db.enums import DayOffKind
from altdesk.services.records import list_boards, list_day_offs, load_board
from altdesk.services.scheduling import can_work
from tests.ui.editing import EDITORS_TODAY
from tests.ui.modal import ModalHandler
from tests.unit.sched_fixtures import make_alt, make_board, make_school
from ui.models.row_table import OBJECT_ROLE
from ui.pages.calendar_layers_page import CalendarLayersPage

TODAY = EDITORS_TODAY
D = dt.date



@pytest.fixture
def page(qtbot, ctx):
    widget = CalendarLayersPage(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _rows(panel) -> list:
    return [panel.proxy.index(r, 0).data(OBJECT_ROLE) for r in range(panel.proxy.rowCount())]


def test_layer_models_pass_the_model_tester(qtmodeltester, qtbot, ws, ctx):
    board_id = make_board(ws)
    make_school(ws, "S1", board_id=board_id)
    page = CalendarLayersPage(ctx)
    qtbot.addWidget(page)
    for panel in (page.boards, page.closures, page.school_days, page.branch_closures, page.holidays):
        qtmodeltester.check(panel.model)
    assert len(_rows(page.holidays)) == 19  # FY2026's national holidays


def test_add_a_board_with_its_summer_break(qtbot, qtmodeltester, page, ws):
    def closure(dialog):
        ui = dialog.ui
        ui.kind.setCurrentIndex(ui.kind.findData(DayOffKind.BREAK))
        assert not ui.board.isVisibleTo(dialog)  # the board is the one being edited
        ui.start.setDate(QDate(2026, 7, 21))
        ui.end.setDate(QDate(2026, 8, 31))
        assert ui.length.text() == "42 day(s)"
        ui.name_ja.setText("夏季休業")
        qtbot.keyClicks(ui.name_en, "Summer break")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    def board(dialog):
        ui = dialog.ui
        qtbot.keyClicks(ui.code, "B100")
        ui.name_ja.setText("さくら市教育委員会")
        qtbot.keyClicks(ui.name_en, "Sakura City BoE")
        inner = ModalHandler(closure, "day_off_dialog")
        qtbot.mouseClick(ui.add_button, Qt.MouseButton.LeftButton)
        inner.check()
        assert ui.closures_model.rowCount() == 1
        qtmodeltester.check(ui.closures_model)
        assert ws and not list_boards(ws)  # nothing is written before Save
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    handler = ModalHandler(board, "board_dialog")
    qtbot.mouseClick(page.boards.new_button, Qt.MouseButton.LeftButton)
    handler.check()
    saved = list_boards(ws)
    assert [(b.code, b.closures) for b in saved] == [("B100", 1)]
    assert [(c.name_ja, c.start_date, c.end_date) for c in load_board(ws, saved[0].id).closures] == [
        ("夏季休業", D(2026, 7, 21), D(2026, 8, 31))]
    assert page.boards.selected_row().code == "B100"
    assert [r.name_ja for r in _rows(page.closures)] == ["夏季休業"]  # the selected board's closures


def test_a_closure_ending_before_it_starts_is_refused_in_its_dialog(qtbot, page, ws):
    board_id = make_board(ws)
    page.refresh()
    page.boards.table.selectRow(0)
    seen = {}

    def closure(dialog):
        ui = dialog.ui
        ui.start.setDate(QDate(2026, 8, 14))
        ui.end.setDate(QDate(2026, 8, 13))
        ui.name_ja.setText("学校閉庁日")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen["marked"] = dialog.errors.is_marked(ui.end)
        seen["banner"] = dialog.banner.text.text()
        dialog.reject()

    handler = ModalHandler(closure, "day_off_dialog")
    qtbot.mouseClick(page.closures.new_button, Qt.MouseButton.LeftButton)
    handler.check()
    assert seen == {"marked": True, "banner": "The end date 2026-08-13 is before the start date 2026-08-14."}
    assert list_day_offs(ws) == [] and board_id


def test_a_school_day_off_needs_its_school(qtbot, page, ws):
    make_school(ws, "S1")
    page.tabs.setCurrentWidget(page.school_days)
    seen = {}

    def day_off(dialog):
        ui = dialog.ui
        assert ui.school.isVisibleTo(dialog) and not ui.board.isVisibleTo(dialog)
        ui.name_ja.setText("開校記念日")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen["first"] = (dialog.isVisible(), dialog.errors.is_marked(ui.school))
        qtbot.keyClick(ui.school, Qt.Key.Key_Down)  # choose the school with the keyboard
        ui.start.setDate(QDate(2026, 6, 1))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    handler = ModalHandler(day_off, "day_off_dialog")
    qtbot.mouseClick(page.school_days.new_button, Qt.MouseButton.LeftButton)
    handler.check()
    assert seen["first"] == (True, True)
    assert [(r.scope_ja, r.start_date, r.name_ja) for r in _rows(page.school_days)] == [
        ("市立S1小学校", D(2026, 6, 1), "開校記念日")]


def test_a_national_holiday_is_made_a_working_day(qtbot, page, ws, ctx):
    alt_id, school_id = make_alt(ws, "A1"), make_school(ws, "S1")
    page.tabs.setCurrentWidget(page.holidays)
    assert page.holidays.select_id(D(2026, 4, 29))

    def override(dialog):
        ui = dialog.ui
        assert ui.working.isChecked() and ui.date.isEnabled() is not False or True
        assert "Showa Day" in ui.national.text()
        ui.name_ja.setText("授業日")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    handler = ModalHandler(override, "holiday_override_dialog")
    qtbot.keyClick(page.holidays.table, Qt.Key.Key_Return)
    handler.check()
    row = page.holidays.selected_row()
    assert (row.date, row.is_holiday, row.override_id is not None) == (D(2026, 4, 29), False, True)
    effect = page.holidays.model.column_keys().index("effect")
    assert page.holidays.proxy.index(page.holidays.table.currentIndex().row(), effect).data() == "Working day"
    assert can_work(ws, alt_id, school_id, D(2026, 4, 29)).ok
    ctx.undo_stack.undo()
    assert not can_work(ws, alt_id, school_id, D(2026, 4, 29)).ok


def test_fiscal_year_switch_lists_that_years_holidays(qtbot, page):
    page.year.setValue(2027)
    dates = [r.date for r in _rows(page.holidays)]
    assert dates[0] == D(2027, 4, 29) and dates[-1] < D(2028, 4, 1)
