"""The question before a move that brings conflicts: schools by name, dates written the Japanese
way in Japanese, a standard icon, and "do not save" as the default when the move causes an error."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy import select

from altdesk.db.models import School, Visit
from tests.ui.modal import ModalHandler
from ui.calendar.board_model import VISITS_ROLE
from ui.main_window import MainWindow
from ui.settings import set_current_language

JUNE_8 = dt.date(2026, 6, 8)
JUNE_9 = dt.date(2026, 6, 9)


@pytest.fixture
def japanese_window(qtbot, scheduled_ws):
    set_current_language("ja")
    win = MainWindow(scheduled_ws, today=JUNE_8)
    qtbot.addWidget(win)
    win.show()
    win.show_section("calendar")  # not the section a test before left in the settings
    page = win.calendar_page
    page.set_view("board")
    page.go_to(JUNE_8)
    yield win
    page.wait_for_background()
    set_current_language("en")


def _busy_two_days(page):  # type: ignore[no-untyped-def]
    """A visit on the 8th whose ALT also works all day on the 9th: moving it double-books."""
    model = page.board_model
    for row in range(model.rowCount()):
        first = model.index(row, model.day_column(JUNE_8)).data(VISITS_ROLE)
        second = model.index(row, model.day_column(JUNE_9)).data(VISITS_ROLE)
        if len(first) == 1 and len(second) == 1 and first[0].school_id != second[0].school_id:
            return first[0], second[0]
    raise AssertionError("no ALT with a visit on both days")


def test_a_move_that_double_books_asks_in_japanese_and_defaults_to_not_saving(japanese_window, scheduled_ws, qtbot):
    page = japanese_window.calendar_page
    moving, staying = _busy_two_days(page)
    with scheduled_ws.db.sessions() as session:
        schools = {s.id: s for s in session.scalars(select(School))}
        other = schools[staying.school_id]
        other_code, other_name = other.code, other.name_ja
    seen: dict[str, object] = {}

    def read_and_press_enter(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text() + "\n" + box.informativeText()
        seen["icon"] = box.icon()
        seen["default"] = box.buttonRole(box.defaultButton())
        seen["icon_pixmap"] = not box.iconPixmap().isNull()
        qtbot.keyClick(box, Qt.Key.Key_Return)  # the default answer

    handler = ModalHandler(read_and_press_enter)
    assert page.request_move(moving.visit_id, moving.version, JUNE_9, moving.alt_id)  # asked once previewed
    page.finish_edits()
    handler.check()
    text = str(seen["text"])
    assert other_name in text and not re.search(rf"(?<![\w-]){re.escape(other_code)}(?![\w-])", text), text
    assert "2026年6月9日(火)" in text and "2026-06-09" not in text, text
    assert "⛔" not in text and "⚠" not in text  # glyphs a Windows font may not have: the icon says it
    assert seen["icon"] == QMessageBox.Icon.Critical and seen["icon_pixmap"]
    assert seen["default"] == QMessageBox.ButtonRole.RejectRole
    with scheduled_ws.db.sessions() as session:
        assert session.get(Visit, moving.visit_id).date == JUNE_8  # Enter kept the board as it was


def test_core_messages_read_with_japanese_dates():
    from ui.calendar.move_confirm import readable_text

    text = readable_text("S0003：2026-12 の給食注文票が未発行のまま、2026-12-01 から", {"S0003": "春日中学校"}, "ja")
    assert text == "春日中学校：2026年12月の給食注文票が未発行のまま、2026年12月1日(火)から"
    assert readable_text("Harry at S0003 on 2026-06-09", {"S0003": "Kasuga JHS"}, "en") == \
        "Harry at Kasuga JHS on Tue 9 Jun 2026"
