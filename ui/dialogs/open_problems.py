"""What the app says when the database cannot be opened (before any window exists)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from altdesk.errors import DatabaseLocked, NetworkShareRefused, NewerDatabase, UserError

translate = QCoreApplication.translate


def open_problem_box(exc: UserError, lang: str, parent: QWidget | None = None) -> QMessageBox:
    """A message box for one of the reasons a database is refused; the caller shows it."""
    box = QMessageBox(parent)
    box.setObjectName("open_problem")
    box.setText(exc.message(lang))
    if isinstance(exc, NewerDatabase):
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(translate("OpenProblem", "Database from a newer ALTdesk"))
        box.setInformativeText(translate(
            "OpenProblem",
            "Your data is safe: this ALTdesk has not changed the file. "
            "Install the newest ALTdesk on this PC to open it."))
    elif isinstance(exc, DatabaseLocked):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("OpenProblem", "Already open in another ALTdesk"))
        box.setInformativeText(translate(
            "OpenProblem",
            "Only one ALTdesk at a time may work on a database file, so that no change is lost. "
            "If that ALTdesk has crashed, simply start again: its lock ends with it."))
    elif isinstance(exc, NetworkShareRefused):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("OpenProblem", "Database on a network share"))
    else:
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(translate("OpenProblem", "Cannot open the database"))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box
