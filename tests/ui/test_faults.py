"""A fault anywhere in the window reaches the person as one short bilingual dialog (what failed,
what to do, where the log is, "Copy details") and the log as a traceback; no page, status bar or
table shows the exception's own text; a cancelled job is no error."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QStatusBar,
    QTextEdit,
    QWidget,
)

from altdesk import __version__
from altdesk.errors import Cancelled
from altdesk.logs import log_file
from tests.ui.modal import ModalHandler
from ui import faults, i18n
from ui.calendar.board_model import VISITS_ROLE
from ui.main_window import MainWindow
from ui.settings import set_current_language
from ui.worker import Worker

JUNE_8 = dt.date(2026, 6, 8)
SECRET = "Zqxfaultsentinel"  # stands for a value (a name) that must reach neither screen nor log
RAW = ("KeyError", "ZeroDivisionError", "RuntimeError", SECRET)
TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "altdesk_ja.ts"


# --- fixtures ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def qm_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("translations")
    subprocess.run([str(Path(sys.executable).parent / "pyside6-lrelease"), "-silent", str(TS), "-qm",
                    str(folder / "altdesk_ja.qm")], check=True)
    return folder


@pytest.fixture(params=["en", "ja"])
def lang(request, qapp, qm_folder, monkeypatch) -> Iterator[str]:
    """The window in English, then in Japanese (translators as at start-up)."""
    monkeypatch.setattr(i18n, "translations_dir", lambda: str(qm_folder))
    i18n.install_translators(qapp, request.param)
    set_current_language(request.param)
    yield request.param
    set_current_language("en")
    i18n.install_translators(qapp, "en")


@pytest.fixture
def hooks(qapp) -> Iterator[None]:
    """The app's exception hooks, as ui.application installs them; the test's own put back after."""
    saved = sys.excepthook, threading.excepthook
    faults.install()
    yield
    sys.excepthook, threading.excepthook = saved
    dialog = faults.current_dialog()
    if dialog is not None:
        dialog.close()


@pytest.fixture
def window(qtbot, scheduled_ws, hooks) -> Iterator[MainWindow]:
    win = MainWindow(scheduled_ws, today=JUNE_8)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.show_section("calendar")
    win.calendar_page.set_view("board")
    win.calendar_page.go_to(JUNE_8)
    yield win
    # Every read and check still on its way ends here, so none fails into the next test.
    win.calendar_page.wait_for_background()
    if "conflicts" in win.pages:
        qtbot.waitUntil(lambda: not win.conflicts_page.is_checking(), timeout=10000)
    qtbot.wait(20)


def _log_size() -> int:
    return log_file().stat().st_size if log_file().exists() else 0


def _logged_since(size: int) -> str:
    with log_file().open(encoding="utf-8") as f:
        f.seek(size)
        return f.read()


# --- what is on screen ---------------------------------------------------------------------------

def _view_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    try:
        columns = model.columnCount()
    except TypeError:  # a list model's columnCount is not Python's to call
        columns = 1
    for row in range(min(model.rowCount(), 300)):
        for column in range(columns):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    yield value


def visible_texts() -> list[str]:
    """Every text a person can see: labels, buttons, fields, status bars, message boxes, cells."""
    texts: list[str] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        texts.append(top.windowTitle())
        for widget in [top, *top.findChildren(QWidget)]:
            if not widget.isVisible():
                continue
            if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
                texts.append(widget.text())
            if isinstance(widget, QStatusBar):
                texts.append(widget.currentMessage())
            if isinstance(widget, QMessageBox):
                texts += [widget.text(), widget.informativeText(), widget.detailedText()]
            if isinstance(widget, QTextEdit | QPlainTextEdit):
                texts.append(widget.toPlainText())
            if isinstance(widget, QAbstractItemView):
                texts.extend(_view_texts(widget))
    return texts


def assert_no_raw_error_on_screen() -> None:
    shown = [t for t in visible_texts() if any(raw in t for raw in RAW)]
    assert shown == []


def assert_fault_dialog(qtbot, lang: str, action: faults.Action, function: str, log_from: int) -> None:
    """The one dialog: what failed in the window's language and the other, the log's place; Copy
    details puts the version and the traceback on the clipboard; the log holds the traceback."""
    qtbot.waitUntil(lambda: faults.current_dialog() is not None, timeout=10000)
    dialog = faults.current_dialog()
    assert dialog is not None and dialog.objectName() == "fault_dialog"
    other = "en" if lang == "ja" else "ja"
    assert action.text(lang) in dialog.message.text() and action.text(other) in dialog.other.text()
    assert str(log_file()) in dialog.message.text()
    assert ("もう一度" if lang == "ja" else "try again") in dialog.message.text()
    assert_no_raw_error_on_screen()
    assert dialog.copy_button.text() == ("詳細をコピー" if lang == "ja" else "Copy details")
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert f"ALTdesk {__version__}" in copied and "Traceback" in copied and f"in {function}" in copied
    assert SECRET not in copied.replace("[SECRET]", "")
    logged = _logged_since(log_from)
    assert action.en in logged and "Traceback" in logged and f"in {function}" in logged
    assert SECRET not in logged.replace("[SECRET]", "")  # the code is named, the value is not
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert faults.current_dialog() is None


# --- a fault inside a worker: the conflict check -------------------------------------------------

def _broken_check(*_args: object) -> object:
    return {"A0001": 1}[SECRET]


def test_a_worker_fault_is_one_dialog_and_the_log_never_raw_text(qtbot, lang, window, monkeypatch):
    import ui.calendar.month_loader as month_loader
    import ui.pages.conflicts_page as conflicts_page

    monkeypatch.setattr(conflicts_page, "conflict_rows", _broken_check)
    monkeypatch.setattr(month_loader, "conflict_visit_ids", _broken_check)
    start = _log_size()
    window.check_conflicts()
    page = window.conflicts_page
    qtbot.waitUntil(lambda: not page.is_checking(), timeout=10000)
    # The page says what failed in the window's language; the details are in the dialog.
    assert page.busy_label.text() == faults.CHECK_CONFLICTS.text(lang)
    # The board's badge check failed too (on the calendar, behind): counted in the same dialog.
    window.show_section("calendar")
    window.calendar_page.reload()
    qtbot.waitUntil(lambda: faults.current_dialog() is not None and faults.current_dialog().repeats >= 1,
                    timeout=10000)
    assert [w for w in QApplication.topLevelWidgets() if w.objectName() == "fault_dialog" and w.isVisible()] \
        == [faults.current_dialog()]
    assert faults.current_dialog().repeat_label.isVisible()
    assert window.statusBar().currentMessage() in ("", faults.CHECK_CONFLICTS.text(lang))
    assert_fault_dialog(qtbot, lang, faults.CHECK_CONFLICTS, "_broken_check", start)


# --- a fault inside a page's action: a keyboard move on the board ---------------------------------

def _broken_preview(*_args: object) -> object:
    return 1 / 0


@pytest.mark.qt_no_exception_capture  # the app's own hook takes it, as in the app
def test_a_fault_in_a_keyboard_move_shows_the_dialog(qtbot, lang, window, monkeypatch):
    import ui.calendar.calendar_page as calendar_page

    monkeypatch.setattr(calendar_page, "preview", _broken_preview)
    page = window.calendar_page
    page.wait_for_background()
    model = page.board_model
    column = model.day_column(JUNE_8)
    index = next(model.index(r, column) for r in range(model.rowCount()) if model.index(r, column).data(VISITS_ROLE))
    page.board_view.setFocus()
    page.board_view.setCurrentIndex(index)
    start = _log_size()
    moving = index.data(VISITS_ROLE)[0].visit_id
    qtbot.keyClick(page.board_view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    # The move runs on the window's runner: its fault says what failed, and the visit goes back.
    from ui.calendar.moves import MOVE_VISIT

    assert_fault_dialog(qtbot, lang, MOVE_VISIT, "_broken_preview", start)
    page.finish_edits()
    assert not model.moves and moving in {v.visit_id for v in model.visits_at(index)}


# --- a fault inside a dialog ------------------------------------------------------------------------

@pytest.mark.qt_no_exception_capture
def test_a_fault_inside_a_dialog_shows_the_dialog_over_it(qtbot, lang, window, monkeypatch):
    from ui.dialogs.preferences_dialog import PreferencesDialog

    def broken_accept(self: PreferencesDialog) -> None:
        raise KeyError(SECRET)

    monkeypatch.setattr(PreferencesDialog, "accept", broken_accept)
    start = _log_size()
    seen: list[bool] = []

    def press_ok_then_look(dialog: QWidget) -> None:
        assert isinstance(dialog, PreferencesDialog)
        dialog.buttons.accepted.emit()  # OK: its slot raises
        seen.append(faults.current_dialog() is not None)
        assert_no_raw_error_on_screen()
        faults.current_dialog().close()
        dialog.reject()

    handler = ModalHandler(press_ok_then_look, "PreferencesDialog")
    window.preferences_dialog()
    handler.check()
    assert seen == [True]
    assert "broken_accept" in _logged_since(start) and SECRET not in _logged_since(start)


# --- the one dialog at a time, and faults from other threads --------------------------------------

def test_repeated_faults_are_counted_in_one_dialog(qtbot, hooks, lang):
    start = _log_size()
    for _ in range(5):
        try:
            _broken_check()
        except KeyError as exc:
            faults.report_fault(exc, faults.READ_CALENDAR)
    dialogs = [w for w in QApplication.topLevelWidgets() if w.objectName() == "fault_dialog" and w.isVisible()]
    assert len(dialogs) == 1 and dialogs[0].repeats == 4
    assert "4" in dialogs[0].repeat_label.text()
    logged = _logged_since(start)
    assert logged.count("Traceback") == 1 and logged.count(faults.READ_CALENDAR.en) == 5
    dialogs[0].close()


def test_a_thread_that_dies_reaches_the_person_on_the_ui_thread(qtbot, hooks):
    thread = threading.Thread(target=_broken_check)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: faults.current_dialog() is not None, timeout=5000)
    assert faults.BACKGROUND.en in faults.current_dialog().message.text()


# --- a cancelled job -------------------------------------------------------------------------------

def _runs_until_cancelled(progress):  # type: ignore[no-untyped-def]
    while progress(1, 10):
        pass
    raise RuntimeError(SECRET)  # how a job may end once stopped: no fault of the program


def test_a_cancelled_job_is_a_result_not_an_error(qtbot, hooks):
    start = _log_size()
    worker = Worker(_runs_until_cancelled)
    results: list[object] = []
    errors: list[object] = []
    worker.done.connect(results.append)
    worker.error.connect(errors.append)
    worker.start()
    worker.cancel()
    qtbot.waitUntil(lambda: bool(results or errors), timeout=10000)
    assert results == [Cancelled()] and errors == []
    assert faults.current_dialog() is None
    assert "Traceback" not in _logged_since(start)



def test_a_fault_in_the_import_wizard_is_the_dialog_and_the_page_says_only_what_failed(
        qtbot, lang, hooks, demo_ws, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QWizard

    from altdesk.services import importing
    from ui.dialogs.import_wizard import ImportWizard

    def broken(*_args, **_kwargs):
        raise KeyError(SECRET)

    monkeypatch.setattr(importing, "preview", broken)
    path = tmp_path / "schools.csv"
    path.write_text("学校コード,学校名\nS1,桜小\n", encoding="utf-8")
    wizard = ImportWizard(demo_ws)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.files_page.add_paths([path])
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.preview_page.file_error is not None, timeout=20000)
    expected = "ファイルの取り込みに失敗しました" if lang == "ja" else "Importing the files failed"
    assert expected in wizard.preview_page.file_error
    qtbot.waitUntil(lambda: faults.current_dialog() is not None, timeout=10000)
    assert not [text for text in visible_texts() if any(raw in text for raw in RAW)]
    assert SECRET not in log_file().read_text(encoding="utf-8")
