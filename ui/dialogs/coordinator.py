"""Who is working: the coordinator name the audit log records, asked at start-up."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from altdesk.db.audit import os_user

NAME_KEY = "audit/coordinator"
ASK_KEY = "audit/ask_at_start"


class CoordinatorDialog(QDialog):
    def __init__(self, name: str, ask_again: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coordinator_dialog")
        self.setWindowTitle(self.tr("Who is working?"))
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setObjectName("coordinator_name")
        self.name_edit.setMaxLength(100)
        self.name_edit.selectAll()
        self.ask_box = QCheckBox(self.tr("Ask every time ALTdesk starts"), self)
        self.ask_box.setChecked(ask_again)
        explanation = QLabel(self.tr(
            "Every change and export is recorded in the audit log with this name."), self)
        explanation.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        form = QFormLayout()
        form.addRow(self.tr("Coordinator:"), self.name_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.ask_box)
        layout.addWidget(buttons)

    def name(self) -> str:
        return self.name_edit.text().strip() or os_user()


def remembered_coordinator() -> str | None:
    name = QSettings().value(NAME_KEY, "", type=str).strip()
    return name or None


def remember_coordinator(name: str, ask_again: bool) -> None:
    settings = QSettings()
    settings.setValue(NAME_KEY, name)
    settings.setValue(ASK_KEY, ask_again)


def coordinator_for_start(interactive: bool) -> str:
    """The name to record: asked (prefilled with the last one) unless told not to ask.

    ALTDESK_ACTOR, when set, wins without asking (shared kiosk PCs, scripted starts).
    """
    if os.environ.get("ALTDESK_ACTOR", "").strip():
        return os_user()
    remembered = remembered_coordinator()
    ask = QSettings().value(ASK_KEY, True, type=bool)
    if not interactive or (remembered and not ask):
        return remembered or os_user()
    dialog = CoordinatorDialog(remembered or os_user(), ask)
    dialog.exec()
    name = dialog.name()
    remember_coordinator(name, dialog.ask_box.isChecked())
    return name
