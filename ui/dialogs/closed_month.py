"""A closed month (its actuals went to head office) refused an edit: ask the person why it must
change. The edit is then made again with that reason and shows as a correction on the next actuals.

The board asks from its runner's answers (ui.calendar.calendar_page); a record dialog's Save, which
waits for its edit, asks through `push_asking_reason`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from altdesk.errors import MonthClosed, UserError
from ui.app_context import AppContext
from ui.formatting import format_month
from ui.settings import current_language
from ui.undo import OperationCommand, push


class ClosedMonthReasonDialog(QDialog):
    def __init__(self, refusal: MonthClosed, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closed_month_reason")
        translate = QCoreApplication.translate
        self.setWindowTitle(translate("ClosedMonth", "Change a closed month"))
        months = ", ".join(format_month(dt.date(int(m[:4]), int(m[5:7]), 1), current_language())
                           for m in refusal.months)
        text = QLabel(translate("ClosedMonth", "%1 is closed: its actuals went to head office. Say why it must change; "
                                "the change is kept with your reason and shows as a correction on the next "
                                "actuals.").replace("%1", months), self)
        text.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("closed_month_reason_text")
        self.reason.setPlaceholderText(translate("ClosedMonth", "e.g. the school phoned: the visit did not happen"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.addButton(translate("ClosedMonth", "Change it"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setEnabled(False)
        self.reason.textChanged.connect(lambda t: self.ok_button.setEnabled(bool(t.strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.reason)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())


def ask_closed_month_reason(parent: QWidget | None, refusal: MonthClosed) -> str | None:
    """The person's reason, or None when they keep the month as it is."""
    dialog = ClosedMonthReasonDialog(refusal, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.reason.text().strip() or None


def push_asking_reason(ctx: AppContext, parent: QWidget | None,
                       make: Callable[[str | None], OperationCommand]) -> tuple[OperationCommand, UserError | None]:
    """Push (and so perform) the edit `make(None)`, as ui.undo.push does. When a closed month refuses
    it, ask the person why and push `make(reason)`: the same edit, made with the reason. Cancel keeps
    the refusal (nothing was written). Returns the command pushed last and its refusal, if any."""
    command = make(None)
    error = push(ctx, command)
    if isinstance(error, MonthClosed):
        reason = ask_closed_month_reason(parent, error)
        if reason:
            command = make(reason)  # a new command: Qt deleted the refused one when it dropped it
            error = push(ctx, command)
    return command, error
