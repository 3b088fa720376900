"""What a board cell says at a glance: an error and a warning as different marks, paperwork
warnings hidden with one toggle, an absence shaded with its kind and the visit left uncovered
marked, a double booking growing its row, today's column, the fit-month zoom, and the month
view naming who is where with "+N" opening the day."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage

from altdesk.db.enums import AbsenceKind
from altdesk.services.absences import AbsenceInput, create_absence
from altdesk.services.visits import VisitDraft, create_visit
from ui.calendar.board_model import VISITS_ROLE
from ui.calendar.month_week_models import ENTRIES_ROLE
from ui.calendar.visit_painting import ERROR_COLOUR, ERROR_MARK, WARNING_COLOUR, WARNING_MARK
from ui.main_window import MainWindow

JUNE_8, JUNE_9, JUNE_10 = dt.date(2026, 6, 8), dt.date(2026, 6, 9), dt.date(2026, 6, 10)


def _single_visit_rows(model, day: dt.date) -> list[int]:  # type: ignore[no-untyped-def]
    column = model.day_column(day)
    return [row for row in range(model.rowCount()) if len(model.index(row, column).data(VISITS_ROLE)) == 1]


@pytest.fixture
def board(qtbot, scheduled_ws):  # type: ignore[no-untyped-def]
    """The June board with a double booking on the 9th (first ALT) and the second ALT off sick on
    the 10th, its visit not covered."""
    window = MainWindow(scheduled_ws, today=JUNE_8)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_section("calendar")  # not the section a test before left in the settings
    page = window.calendar_page
    page.set_view("board")
    page.set_fit_month(False)
    page.go_to(JUNE_8)
    model = page.board_model
    doubled, absent = _single_visit_rows(model, JUNE_9)[0], _single_visit_rows(model, JUNE_10)[1]
    first = model.index(doubled, model.day_column(JUNE_9)).data(VISITS_ROLE)[0]
    other_school = next(v.school_id for row in range(model.rowCount())
                        for v in model.index(row, model.day_column(JUNE_9)).data(VISITS_ROLE)
                        if v.school_id != first.school_id)
    create_visit(scheduled_ws, VisitDraft(first.alt_id, other_school, JUNE_9, dt.time(13, 0), dt.time(15, 0), "5-6", 2))
    absent_alt = model.row_at(absent).alt_id
    create_absence(scheduled_ws, AbsenceInput(absent_alt, JUNE_10, JUNE_10, AbsenceKind.SICK, ""))
    page.reload()
    qtbot.waitUntil(lambda: bool(model.visit_marks), timeout=10000)
    yield window, doubled, absent
    page.wait_for_background()


def _cell_image(page, row: int, day: dt.date) -> tuple[QImage, QRect]:  # type: ignore[no-untyped-def]
    view = page.board_view
    index = page.board_model.index(row, page.board_model.day_column(day))
    view.scrollTo(index)
    rect = view.visualRect(index)
    return view.viewport().grab(rect).toImage(), rect


def _has_colour(image: QImage, colour: QColor, x_from: int = 0) -> bool:
    target = colour.rgb()
    return any(image.pixel(x, y) == target for x in range(x_from, image.width()) for y in range(image.height()))


def test_a_double_booking_grows_its_row_and_shows_both_with_an_error_mark(board):
    window, doubled, _absent = board
    page = window.calendar_page
    model, header = page.board_model, page.board_view.verticalHeader()
    visits = model.index(doubled, model.day_column(JUNE_9)).data(VISITS_ROLE)
    assert len(visits) == 2
    plain = next(row for row in range(model.rowCount()) if model.row_lines(row) == 1)
    assert header.sectionSize(doubled) >= 2 * header.sectionSize(plain) - 8
    assert all(model.visit_marks.get(v.visit_id) == ERROR_MARK for v in visits)
    image, _rect = _cell_image(page, doubled, JUNE_9)
    # The circle sits left of the lunch mark: the cell's last columns of pixels are the lunch mark's.
    assert _has_colour(image, ERROR_COLOUR)
    lunch_strip = image.copy(image.width() - 6, 0, 6, image.height())
    assert not _has_colour(lunch_strip, ERROR_COLOUR)


def test_an_absence_is_shaded_with_its_kind_and_the_visit_needs_a_substitute(board):
    window, _doubled, absent = board
    page = window.calendar_page
    model = page.board_model
    index = model.index(absent, model.day_column(JUNE_10))
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "sick" in tooltip.lower() and "Needs a substitute" in tooltip
    assert model.row_lines(absent) == 2  # the kind's line above the visit
    assert model.visit_marks.get(index.data(VISITS_ROLE)[0].visit_id) == ERROR_MARK
    image, _rect = _cell_image(page, absent, JUNE_10)
    assert _has_colour(image, ERROR_COLOUR)


def test_paperwork_warnings_have_their_own_mark_and_hide_with_one_toggle(board, qtbot):
    window, doubled, _absent = board
    page = window.calendar_page
    model = page.board_model
    row = _single_visit_rows(model, JUNE_8)[3]
    visit = model.index(row, model.day_column(JUNE_8)).data(VISITS_ROLE)[0]
    conflicts = dict(page.board_model._conflicts)
    conflicts[visit.visit_id] = ["lunch_deadline"]  # a lunch notice past its deadline
    page._apply_conflicts(conflicts)
    assert model.visit_marks[visit.visit_id] == WARNING_MARK
    image, _rect = _cell_image(page, row, JUNE_8)
    assert _has_colour(image, WARNING_COLOUR, x_from=image.width() // 2) and not _has_colour(image, ERROR_COLOUR)
    page.paperwork_button.click()
    assert visit.visit_id not in model.visit_marks
    image, _rect = _cell_image(page, row, JUNE_8)
    assert not _has_colour(image, WARNING_COLOUR, x_from=image.width() // 2)
    doubled_visit = model.index(doubled, model.day_column(JUNE_9)).data(VISITS_ROLE)[0]
    assert model.visit_marks[doubled_visit.visit_id] == ERROR_MARK  # errors stay
    page.paperwork_button.click()


def test_today_fit_month_and_zoom_keys(board, qtbot):
    window, _doubled, _absent = board
    page = window.calendar_page
    model, header = page.board_model, page.board_view.horizontalHeader()
    backgrounds = [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.BackgroundRole)
                   for c in range(model.columnCount() - 1)]
    assert [c for c, b in enumerate(backgrounds) if b is not None] == [model.day_column(JUNE_8)]
    monday = model.day_column(JUNE_8)
    assert sum(header.sectionSize(c) for c in range(model.columnCount())) > page.board_view.viewport().width()
    page.fit_button.click()
    assert sum(header.sectionSize(c) for c in range(model.columnCount())) <= page.board_view.viewport().width()
    fitted = header.sectionSize(monday)
    page.board_view.setFocus()
    qtbot.keyClick(page.board_view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert not page.fit_button.isChecked() and header.sectionSize(monday) != fitted
    wider = header.sectionSize(monday)
    qtbot.keyClick(page.board_view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert header.sectionSize(monday) < wider


def test_the_month_names_who_is_where_and_plus_n_opens_the_day(board, qtbot):
    window, _doubled, _absent = board
    page = window.calendar_page
    page.set_view("month")
    view, model = page.month_view, page.month_model
    index = model.index_of(JUNE_9)
    entries = index.data(ENTRIES_ROLE)
    rect = view.visualRect(index)
    line = view.fontMetrics().height() + 1
    fits = (rect.height() - line - 6) // line
    assert len(entries) > fits > 1  # more visits than lines: names, then "+N more"
    more_line = rect.top() + 2 + line + 2 + (fits - 1) * line + line // 2
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 20, more_line))
    assert page.view == "week" and page.current_day == JUNE_9


def test_an_empty_database_says_how_to_begin(qtbot, ws):
    from ui.app_context import AppContext
    from ui.calendar.calendar_page import CalendarPage

    page = CalendarPage(AppContext(ws), today=JUNE_8)
    qtbot.addWidget(page)
    page.show()
    assert page.empty_hint.isVisible()
    assert "Import" in page.empty_hint.text() and "match" not in page.empty_hint.text()
    page.wait_for_background()
