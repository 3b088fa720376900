"""The planner's data in the editors: an ALT's home, travel and caps; a school's location and
demand rows; a pinned placement. Saved through the window (one undoable operation), reloaded."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt

from altdesk.db.enums import TravelMode
from altdesk.services.records import (
    DemandForm,
    Pattern,
    PatternKind,
    PlacementForm,
    load_alt,
    load_placement,
    load_school,
    save_placement,
)
from tests.ui.editing import EDITORS_TODAY
from tests.ui.modal import ModalHandler
from tests.unit.sched_fixtures import make_alt, make_school
from ui.pages.placements_page import PlacementsPage
from ui.pages.roster_page import alt_roster_page, school_roster_page

TODAY = EDITORS_TODAY
D = dt.date



def _page(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    widget.refresh()
    widget.table.selectRow(0)
    return widget


def test_an_alts_planning_fields_save_reload_and_undo(qtbot, ws, ctx):
    alt_id = make_alt(ws, "A1")
    page = _page(qtbot, alt_roster_page(ctx))

    def fill(dialog):
        ui = dialog.ui
        ui.right_tabs.setCurrentIndex(1)
        ui.end_date.setDate(QDate(2027, 7, 31))
        ui.home_latitude.setText("３５．８６１７")  # as the input method may type it
        ui.home_longitude.setText("139.6455")
        ui.travel_mode.setCurrentIndex(ui.travel_mode.findData(TravelMode.BICYCLE))
        ui.max_schools.setValue(3)
        ui.preferred_checks["junior_high"].setChecked(True)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    handler = ModalHandler(fill, "alt_dialog")
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    handler.check()
    saved = load_alt(ws, alt_id)
    assert (saved.end_date, saved.home_latitude, saved.home_longitude, saved.travel_mode, saved.max_schools,
            saved.preferred_levels) == (D(2027, 7, 31), 35.8617, 139.6455, TravelMode.BICYCLE, 3, ("junior_high",))
    seen = {}

    def look(dialog):
        ui = dialog.ui
        seen["values"] = (ui.home_latitude.text(), ui.home_longitude.text(), ui.travel_mode.currentData(),
                          ui.max_schools.value(), ui.preferred_checks["junior_high"].isChecked(),
                          ui.end_date.date() == QDate(2027, 7, 31))
        dialog.reject()

    handler = ModalHandler(look, "alt_dialog")
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    handler.check()
    assert seen["values"] == ("35.8617", "139.6455", TravelMode.BICYCLE, 3, True, True)
    ctx.undo_stack.undo()  # the save was one operation
    assert load_alt(ws, alt_id).home_latitude is None and load_alt(ws, alt_id).travel_mode == TravelMode.CAR


def test_half_a_home_location_is_shown_on_its_tab_and_nothing_is_saved(qtbot, ws, ctx):
    alt_id = make_alt(ws, "A1")
    version = load_alt(ws, alt_id).version
    page = _page(qtbot, alt_roster_page(ctx))
    seen = {}

    def fill(dialog):
        ui = dialog.ui
        ui.home_latitude.setText("35.86")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen["open"] = dialog.isVisible()
        seen["tab"] = ui.right_tabs.currentIndex()
        seen["marked"] = dialog.errors.is_marked(ui.home_longitude)
        seen["banner"] = dialog.banner.text.text()
        dialog.reject()

    handler = ModalHandler(fill, "alt_dialog")
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    handler.check()
    assert seen["open"] and seen["tab"] == 1 and seen["marked"]
    assert "longitude" in seen["banner"]
    assert load_alt(ws, alt_id).version == version


def test_a_schools_location_and_demand_rows_save_and_reload(qtbot, ws, ctx):
    school_id = make_school(ws, "S1")
    page = _page(qtbot, school_roster_page(ctx))

    def fill(dialog):
        ui = dialog.ui
        ui.latitude.setText("35.9")
        ui.longitude.setText("139.6")
        ui.tabs.setCurrentWidget(ui.demand_page)
        qtbot.mouseClick(ui.demand.add_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(ui.demand.add_button, Qt.MouseButton.LeftButton)
        table = ui.demand.table
        table.cellWidget(0, 0).setValue(2)
        for day in ("MO", "TH"):
            table.cellWidget(0, 2).checks[day].setChecked(True)
        table.cellWidget(0, 3).setValue(5)
        table.cellWidget(0, 4).setDate(QDate(2026, 4, 1))
        table.cellWidget(0, 6).setText("基幹校")
        table.cellWidget(1, 0).setValue(3)
        table.cellWidget(1, 1).setCurrentIndex(1)  # per fortnight
        table.cellWidget(1, 4).setDate(QDate(2026, 9, 1))
        table.cellWidget(1, 5).setDate(QDate(2027, 3, 31))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    handler = ModalHandler(fill, "school_dialog")
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    handler.check()
    stored = load_school(ws, school_id)
    assert (stored.latitude, stored.longitude) == (35.9, 139.6)
    assert stored.demands == (DemandForm(2, 1, ("MO", "TH"), 5, D(2026, 4, 1), None, "基幹校"),
                              DemandForm(3, 2, (), 4, D(2026, 9, 1), D(2027, 3, 31), ""))
    seen = {}

    def look(dialog):
        seen["demands"] = dialog.ui.demand.demands()
        seen["location"] = (dialog.ui.latitude.text(), dialog.ui.longitude.text())
        dialog.reject()

    handler = ModalHandler(look, "school_dialog")
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    handler.check()
    assert seen["demands"] == stored.demands and seen["location"] == ("35.9", "139.6")
    ctx.undo_stack.undo()  # one operation: the location and the rows go back together
    undone = load_school(ws, school_id)
    assert (undone.latitude, undone.demands) == (None, ())
    ctx.undo_stack.redo()
    assert load_school(ws, school_id).demands == stored.demands


def test_a_demand_that_does_not_fit_is_shown_in_its_row_and_nothing_is_saved(qtbot, ws, ctx):
    school_id = make_school(ws, "S1")
    page = _page(qtbot, school_roster_page(ctx))
    seen = {}

    def fill(dialog):
        ui = dialog.ui
        qtbot.mouseClick(ui.demand.add_button, Qt.MouseButton.LeftButton)
        table = ui.demand.table
        table.cellWidget(0, 0).setValue(3)
        table.cellWidget(0, 2).checks["WE"].setChecked(True)  # 3 days a week on Wednesdays only
        ui.tabs.setCurrentIndex(0)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen["open"] = dialog.isVisible()
        seen["tab"] = ui.tabs.currentWidget() is ui.demand_page
        seen["marked"] = dialog.errors.is_marked(table.cellWidget(0, 0))
        seen["banner"] = dialog.banner.text.text()
        dialog.reject()

    handler = ModalHandler(fill, "school_dialog")
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    handler.check()
    assert seen["open"] and seen["tab"] and seen["marked"] and "at most 1" in seen["banner"]
    assert load_school(ws, school_id).demands == ()


def test_a_placement_is_pinned_in_its_editor(qtbot, ws, ctx):
    alt_id, school_id = make_alt(ws, "A1"), make_school(ws, "S1")
    saved = save_placement(ws, PlacementForm(alt_id=alt_id, school_id=school_id, start_date=D(2026, 4, 6),
                                             end_date=D(2026, 7, 17), pattern=Pattern(PatternKind.WEEKLY, (0,))),
                           today=D(2026, 4, 1)).form
    page = _page(qtbot, PlacementsPage(ctx))
    seen = {}

    def pin(dialog):
        seen["before"] = dialog.ui.pinned.isChecked()
        qtbot.mouseClick(dialog.ui.pinned, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    handler = ModalHandler(pin, "placement_dialog")
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    handler.check()
    assert seen["before"] is False
    assert load_placement(ws, saved.id).pinned is True

    def look(dialog):
        seen["after"] = dialog.ui.pinned.isChecked()
        dialog.reject()

    handler = ModalHandler(look, "placement_dialog")
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    handler.check()
    assert seen["after"] is True
    ctx.undo_stack.undo()
    assert load_placement(ws, saved.id).pinned is False
