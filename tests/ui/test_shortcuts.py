"""One owner per key: every shortcut of the window's menus and of every page is walked for a key
that two of them would claim at once (Qt then runs neither: "Ambiguous shortcut overload")."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QMenuBar, QWidget

from tests.ui.modal import ModalHandler

TODAY = dt.date(2026, 6, 10)
_WINDOW_WIDE = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


def _claims(window: QWidget) -> list[tuple[str, str, QWidget, object]]:
    """(key, who, the widget within which it works, the object) for every shortcut of the window."""
    found = []
    for action in window.findChildren(QAction):
        name = action.objectName() or action.text()
        for key in action.shortcuts():
            if action.shortcutContext() in _WINDOW_WIDE:
                found.append((key.toString(), name, window, action))
                continue
            for owner in action.associatedObjects():
                if isinstance(owner, QWidget) and not isinstance(owner, QMenu | QMenuBar):
                    found.append((key.toString(), name, owner, action))
    for shortcut in window.findChildren(QShortcut):
        scope = window if shortcut.context() in _WINDOW_WIDE else shortcut.parentWidget()
        for key in shortcut.keys():  # noqa: SIM118 - a QShortcut, not a dict
            found.append((key.toString(), shortcut.objectName() or "QShortcut", scope, shortcut))
    return found


def _overlap(a: QWidget, b: QWidget) -> bool:
    return a is b or a.isAncestorOf(b) or b.isAncestorOf(a)


def _window_with_every_page(qtbot, ws):  # type: ignore[no-untyped-def]
    from ui.main_window import SECTIONS, MainWindow

    window = MainWindow(ws, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for key, _title in SECTIONS:
        window.page(key)
    return window


def test_no_key_has_two_owners(qtbot, demo_ws):
    window = _window_with_every_page(qtbot, demo_ws)
    claims = _claims(window)
    assert len(claims) > 25
    clashes = sorted({(key, who_a, who_b) for key, who_a, scope_a, obj_a in claims
                      for key_b, who_b, scope_b, obj_b in claims
                      if key == key_b and obj_a is not obj_b and who_a < who_b and _overlap(scope_a, scope_b)})
    assert clashes == []
    unknown = [(key, who) for key, who, _scope, _obj in claims if not key or "\ufffd" in key]
    assert unknown == []
    assert all(QKeySequence(key)[0].key() != Qt.Key.Key_unknown for key, *_ in claims)
    window.calendar_page.wait_for_background()


def test_ctrl_n_on_the_board_opens_a_new_visit(qtbot, scheduled_ws):
    window = _window_with_every_page(qtbot, scheduled_ws)
    window.show_section("calendar")
    page = window.calendar_page
    page.set_view("board")
    page.board_view.setFocus()
    page.board_view.setCurrentIndex(page.board_model.index(0, 2))
    seen: list[str] = []

    def read(dialog: QWidget) -> None:
        seen.append(dialog.objectName())
        dialog.reject()

    handler = ModalHandler(read, "VisitDialog")
    qtbot.keyClick(page.board_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: handler.ran or handler.tries <= 0, timeout=10000)
    handler.check()
    assert seen == ["VisitDialog"]
    page.wait_for_background()


def test_ctrl_f_goes_to_the_search_box(qtbot, demo_ws):
    window = _window_with_every_page(qtbot, demo_ws)
    for key in ("calendar", "alts", "conflicts"):
        window.show_section(key)
        window.sidebar.setFocus()
        qtbot.keyClick(window.sidebar, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        focus = QApplication.focusWidget()
        assert isinstance(focus, QLineEdit), (key, focus)
        assert window.page(key).isAncestorOf(focus)
        assert focus.placeholderText(), key
    assert QApplication.focusWidget() is window.page("conflicts").search
    window.calendar_page.wait_for_background()
