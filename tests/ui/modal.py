"""Driving modal dialogs from a test: the handler runs inside the dialog's own event loop."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget


class ModalHandler:
    """Call `handle(dialog)` on the next modal dialog to appear (its object name must match).

    Exceptions in the handler are kept (and the dialog rejected so the test never hangs);
    `check()` re-raises them in the test.
    """

    def __init__(self, handle: Callable[[QWidget], None], name: str | None = None, tries: int = 250) -> None:
        self.handle = handle
        self.name = name
        self.tries = tries
        self.errors: list[BaseException] = []
        self.ran = False
        QTimer.singleShot(0, self._poll)

    def _poll(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or (self.name and widget.objectName() != self.name) or not widget.isVisible():
            self.tries -= 1
            if self.tries > 0:
                QTimer.singleShot(20, self._poll)
            return
        self.ran = True
        try:
            self.handle(widget)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test by check()
            self.errors.append(exc)
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
            return
        # A handler that left its dialog open (a save refused unexpectedly) must not hang the test.
        QTimer.singleShot(3000, widget, lambda: self._still_open(widget))  # dies with the dialog

    def _still_open(self, widget: QWidget) -> None:
        if isinstance(widget, QDialog) and widget.isVisible() and QApplication.activeModalWidget() is widget:
            banner = widget.findChild(QWidget, "error_banner")
            text = banner.findChild(QWidget, "error_text").text() if banner is not None else ""  # type: ignore[attr-defined]
            self.errors.append(AssertionError(f"{widget.objectName()} is still open: {text}"))
            widget.reject()

    def check(self) -> None:
        if self.errors:
            raise self.errors[0]
        assert self.ran, f"no modal dialog {self.name or ''} appeared"
