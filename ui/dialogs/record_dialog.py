"""Behaviour every record dialog shares: Save validates in the core, shows what is wrong on the
field it concerns and stays open; a record someone else changed is reloaded, never overwritten.

Strings here use QCoreApplication.translate with the literal context "RecordDialog": `self.tr`
in a base class would look them up under the subclass's name at run time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget

from altdesk.errors import NotFound, StaleEdit, UserError
from ui.dialogs.form_support import ErrorBanner, FieldErrors

Form = TypeVar("Form")
Saved = TypeVar("Saved")


translate = QCoreApplication.translate


class RecordDialog(QDialog, Generic[Form, Saved]):
    """Subclasses build their widgets, then implement `collect()` (widgets → form) and
    `load(form)` (form → widgets). `save(form)` is the service call, `reload()` re-reads the record."""

    def __init__(self, save: Callable[[Form], Saved], reload: Callable[[], Form] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._reload = reload
        self.saved: Saved | None = None
        self.banner = ErrorBanner(self)
        self.errors = FieldErrors(self.banner)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.setObjectName("dialog_buttons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save_button")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel_button")
        self.setSizeGripEnabled(True)
        self.first_field: QWidget | None = None  # where the cursor starts (the subclass sets it)

    # Subclasses provide these two.
    def collect(self) -> Form:
        raise NotImplementedError

    def load(self, form: Form) -> None:
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.first_field is not None:
            self.first_field.setFocus(Qt.FocusReason.TabFocusReason)  # Tab reason: its text is selected

    def accept(self) -> None:
        """Validation happens here: nothing closes until the core has accepted and saved the form."""
        self.errors.clear()
        error: UserError | None = None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a placement save regenerates its visits
        try:
            self.saved = self._save(self.collect())
        except UserError as refused:
            error = refused
        finally:
            QApplication.restoreOverrideCursor()
        if isinstance(error, StaleEdit):
            self._reload_after(error)
            return
        if error is not None:
            self.errors.show(error)
            return
        super().accept()

    def _reload_after(self, stale: StaleEdit) -> None:
        if self._reload is None:
            self.errors.show(stale)
            return
        try:
            self.load(self._reload())
        except NotFound as gone:
            self.errors.show(gone)
            self.save_button.setEnabled(False)
            self.save_button.setToolTip(translate("RecordDialog", "This record was deleted by someone else."))
            return
        self.errors.show(stale)
