"""Cancelling a visit on the board: why it did not happen (the month's actuals count
cancellations by reason: school closed, weather warning, illness, school event, other) and a note."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from altdesk.db.enums import CancelReason
from altdesk.labels import CANCEL_REASON_LABELS, label
from ui.settings import current_language


class CancelVisitDialog(QDialog):
    def __init__(self, subject: str, parent: QWidget | None = None) -> None:
        """`subject` names the visit as the person knows it ("Emily Carter at 桜台小学校, Wed 10 Jun")."""
        super().__init__(parent)
        self.setObjectName("cancel_visit_dialog")
        self.setWindowTitle(self.tr("Cancel visit"))
        lang = current_language()
        self.subject = QLabel(subject, self)
        self.subject.setWordWrap(True)
        self.reason = QComboBox(self)
        self.reason.setObjectName("cancel_reason")
        for reason in CancelReason:
            self.reason.addItem(label(CANCEL_REASON_LABELS[reason], lang), reason)
        self.note = QLineEdit(self)
        self.note.setObjectName("cancel_note")
        self.note.setPlaceholderText(self.tr("e.g. influenza class closure (学級閉鎖)"))
        form = QFormLayout()
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.tr("Note:"), self.note)
        hint = QLabel(self.tr("The month's actuals count cancelled visits by reason."), self)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.addButton(self.tr("Cancel the visit"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("confirm_cancel")
        self.ok_button.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Keep it"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.subject)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)  # the note's example whole, in both languages

    def choice(self) -> tuple[CancelReason, str]:
        return CancelReason(self.reason.currentData()), self.note.text().strip()
