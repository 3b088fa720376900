"""How a failure reaches the person: the one path for every fault of the window.

A fault (any exception that is not a `UserError`) is logged with its traceback (code only, no
values: see altdesk.logs) and shown as a short bilingual dialog that says what failed and what
to do, with the log's place and a "Copy details" button (ui/dialogs/fault_dialog.py). A page,
status bar or table shows at most the short `failure_text`, never the exception's own text.
A `UserError` keeps its own bilingual message, shown where the page shows it.

Faults reach this module from the workers (ui.worker.Worker reports its job's fault), and from
everywhere else through the exception hooks `install()` sets (a slot or an event handler that
raised, a thread that died). A background read that fails again and again while the dialog is
open is counted in that dialog, not stacked as more dialogs.
"""

from __future__ import annotations

import logging
import sys
import threading
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from shiboken6 import isValid

from altdesk import __version__
from altdesk.errors import UserError
from altdesk.logs import configure_logging, private_traceback
from ui.settings import current_language

if TYPE_CHECKING:
    from pathlib import Path

    from ui.dialogs.fault_dialog import FaultDialog

log = logging.getLogger("altdesk.ui")


@dataclass(frozen=True)
class Action:
    """What the person was doing when it failed, said in both languages ("Checking conflicts
    failed."). Both, because the dialog shows the other language beside the window's."""

    en: str
    ja: str

    def text(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


CHECK_CONFLICTS = Action("Checking conflicts failed.", "競合のチェックに失敗しました。")
READ_CALENDAR = Action("Reading the calendar failed.", "カレンダーの読み込みに失敗しました。")
READ_LUNCH = Action("Reading the month's school lunches failed.", "月の給食の読み込みに失敗しました。")
ISSUE_ORDER_SHEETS = Action("Writing the lunch order sheets failed.", "給食注文票の作成に失敗しました。")
READ_OVERVIEW = Action("Reading the overview failed.", "概要の読み込みに失敗しました。")
READ_AUDIT = Action("Reading the audit log failed.", "監査ログの読み込みに失敗しました。")
GENERATE = Action("Generating visits failed.", "訪問の生成に失敗しました。")
ROLLOVER = Action("The April rollover failed.", "4月の年度更新に失敗しました。")
EXPORT = Action("Exporting the reports failed.", "帳票の出力に失敗しました。")
PREVIEW = Action("Preparing the preview failed.", "プレビューの作成に失敗しました。")
SAFETY = Action("The database task failed.", "データベースの処理に失敗しました。")
BACKGROUND = Action("A task in the background failed.", "バックグラウンドの処理に失敗しました。")
OPEN_APP = Action("Opening ALTdesk failed.", "ALTdesk を開けませんでした。")
UNEXPECTED = Action("An action failed because of an internal error.", "内部エラーのため操作に失敗しました。")


def failure_text(exc: BaseException, action: Action, lang: str | None = None) -> str:
    """The short text a page, status bar or label may show for a failure: a user error's own
    message, else what failed (the details are in the fault dialog and the log)."""
    lang = lang or current_language()
    if isinstance(exc, UserError):
        return exc.message(lang)
    return action.text(lang)


def fault_details(exc: BaseException, action: Action) -> str:
    """What "Copy details" puts on the clipboard: the version, what failed and the traceback
    (code only, like the log)."""
    import platform

    from PySide6 import __version__ as pyside_version

    return (f"ALTdesk {__version__} · Python {platform.python_version()} · PySide6 {pyside_version} · "
            f"{platform.platform()}\n{action.en}\n\n{private_traceback(exc)}\n")


class _Reporter(QObject):
    """Lives on the UI thread: faults of other threads are relayed to it by a queued signal."""

    relayed = Signal(object, object)  # exception, Action

    def __init__(self) -> None:
        super().__init__()
        self.dialog: FaultDialog | None = None
        self.last_logged: tuple[str, Action] | None = None
        self.relayed.connect(self.show)

    def show(self, exc: BaseException, action: Action) -> None:
        """Log the fault and show it, or count it in the dialog already open."""
        open_dialog = self.open_dialog() is not None
        signature = (type(exc).__qualname__, action)
        if open_dialog and signature == self.last_logged:
            log.error("%s (again: %s; its traceback is above)", action.en, type(exc).__qualname__)
        else:
            log_fault(exc, action)
            self.last_logged = signature
        if open_dialog:
            self.dialog.count_repeat()  # type: ignore[union-attr]
            return
        from ui.dialogs.fault_dialog import FaultDialog

        dialog = FaultDialog(exc, action, fault_details(exc, action), log_path(), _dialog_parent())
        dialog.finished.connect(lambda _code: self._forget(dialog))
        self.dialog = dialog
        dialog.show()
        dialog.raise_()

    def open_dialog(self) -> FaultDialog | None:
        dialog = self.dialog
        return dialog if dialog is not None and isValid(dialog) and dialog.isVisible() else None

    def _forget(self, dialog: FaultDialog) -> None:
        if self.dialog is dialog:  # it deletes itself once closed
            self.dialog = None


_reporter: _Reporter | None = None


def _the_reporter() -> _Reporter:
    global _reporter
    if _reporter is None:
        _reporter = _Reporter()
        app = QApplication.instance()
        if app is not None and _reporter.thread() is not app.thread():
            _reporter.moveToThread(app.thread())
    return _reporter


def _dialog_parent() -> QWidget | None:
    window = QApplication.activeWindow()
    return window.window() if window is not None else None


def log_path() -> Path | None:
    """The log file the details went to (None where it cannot be written)."""
    return configure_logging()


def log_fault(exc: BaseException, action: Action) -> None:
    configure_logging()
    log.error("%s (ALTdesk %s)", action.en, __version__, exc_info=(type(exc), exc, exc.__traceback__))


def current_dialog() -> FaultDialog | None:
    """The fault dialog on screen, if any (tests)."""
    return _reporter.open_dialog() if _reporter is not None else None


def report_fault(exc: BaseException, action: Action = UNEXPECTED) -> None:
    """Log a fault and tell the person, from any thread."""
    reporter = _the_reporter()
    app = QApplication.instance()
    if app is None:  # no window (yet): the log is all there is
        log_fault(exc, action)
        return
    if QThread.currentThread() is app.thread():
        reporter.show(exc, action)
    else:
        reporter.relayed.emit(exc, action)  # queued to the UI thread


def report_failure(exc: BaseException, action: Action, parent: QWidget | None = None) -> None:
    """A user error in a message box of its own (its message, in the window's language); a
    fault through report_fault. For failures that have no page of their own to show them."""
    if isinstance(exc, UserError):
        box = QMessageBox(QMessageBox.Icon.Warning, "ALTdesk", exc.message(current_language()),
                          QMessageBox.StandardButton.Ok, parent or _dialog_parent())
        box.setObjectName("user_error_box")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not exec(): this may run inside the exception hook
        return
    report_fault(exc, action)


def report_fault_and_wait(exc: BaseException, action: Action, interactive: bool = True) -> None:
    """A fault the program cannot go on after (the window never opened): logged, and shown until
    the person closes it; unattended, said on stderr with the log's place."""
    log_fault(exc, action)
    if not interactive:
        print(f"{action.en} The details are in the log file: {log_path()}", file=sys.stderr)
        return
    from ui.dialogs.fault_dialog import FaultDialog

    FaultDialog(exc, action, fault_details(exc, action), log_path()).exec()


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt) or QApplication.instance() is None:
        sys.__excepthook__(exc_type, exc, tb)
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    report_failure(exc, UNEXPECTED)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    exc = args.exc_value
    if exc is None or isinstance(exc, SystemExit):
        return
    if isinstance(exc, UserError):  # nobody asked for it on that thread: the log keeps a line
        log.warning("a thread ended on a user error (%s)", type(exc).__qualname__)
        return
    report_fault(exc, BACKGROUND)


def install() -> None:
    """From now on, an exception nobody caught reaches the person and the log (call once the
    QApplication exists, on the UI thread)."""
    configure_logging()
    _the_reporter()
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
