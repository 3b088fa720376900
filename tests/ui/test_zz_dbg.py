"""The calendar-layers page: boards with their closures, days off, national holidays and overrides."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from altdesk.db.enums import DayOffKind
from altdesk.services.records import list_boards, list_day_offs, load_board
from altdesk.services.scheduling import can_work
from tests.ui.modal import ModalHandler
from tests.unit.sched_fixtures import make_alt, make_board, make_school
from ui.app_context import AppContext
from ui.controllers.record_editing import RecordEditing
from ui.models.row_table import OBJECT_ROLE
from ui.pages.calendar_layers_page import CalendarLayersPage

TODAY = dt.date(2026, 5, 11)
D = dt.date


@pytest.fixture
def ctx(ws):
    context = AppContext(ws)
    RecordEditing(context, today=lambda: TODAY)
    return context


@pytest.fixture
def page(qtbot, ctx):
    widget = CalendarLayersPage(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _rows(panel) -> list:
    return [panel.proxy.index(r, 0).data(OBJECT_ROLE) for r in range(panel.proxy.rowCount())]

def test_dbg(qtbot, page, ws, ctx):
    make_school(ws, "S1")
    page.tabs.setCurrentWidget(page.school_days)
    ctx.data_changed.connect(lambda k: print("changed", k, flush=True))
    def day_off(dialog):
        ui = dialog.ui
        ui.name_ja.setText("開校記念日")
        qtbot.keyClick(ui.school, Qt.Key.Key_Down)
        ui.start.setDate(QDate(2026, 6, 1))
        print("saving", flush=True)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        print("G", flush=True)
    handler = ModalHandler(day_off, "day_off_dialog")
    qtbot.mouseClick(page.school_days.new_button, Qt.MouseButton.LeftButton)
    print("H", flush=True)
    handler.check()
