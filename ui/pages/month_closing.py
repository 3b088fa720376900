"""Month-end's last step in the Reports section: the month's actuals (実績) for head office, and
closing the month once they went. A closed month's visits, absences and events change only with
a reason, and each such change shows as a correction on the next actuals (altdesk.db.closing).
Close and Reopen are core operations: Edit ▸ Undo and `altdesk undo` take them back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from altdesk.services.month_close import ClosedMonthInfo, close_month, closed_months, reopen_month
from ui.app_context import AppContext
from ui.formatting import format_date, format_month
from ui.runner import runner_for
from ui.settings import current_language
from ui.undo import OperationCommand, push

translate = QCoreApplication.translate


def _months_around(today: dt.date) -> list[str]:
    """This month and the twelve before it (last month is the one usually closed), newest first."""
    year, month, found = today.year, today.month, []
    for _ in range(13):
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return found


class MonthClosingPanel(QGroupBox):
    loaded = Signal()
    open_actuals = Signal(str)  # the month whose actuals report to make

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("month_closing")
        self.ctx = ctx
        self.closed: dict[str, ClosedMonthInfo] | None = None  # None until read
        self.month_combo = QComboBox(self)
        self.month_combo.setObjectName("closing_month")
        today = ctx.today()
        for month in _months_around(today):
            self.month_combo.addItem("", month)
        last_month = (today.replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
        self.month_combo.setCurrentIndex(max(0, self.month_combo.findData(last_month)))
        self.state = QLabel(self)
        self.state.setObjectName("closing_state")
        self.state.setWordWrap(True)
        self.actuals_button = QPushButton(self)
        self.actuals_button.setObjectName("make_actuals")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("close_month")
        self.reopen_button = QPushButton(self)
        self.reopen_button.setObjectName("reopen_month")
        row = QHBoxLayout(self)
        row.addWidget(self.month_combo)
        row.addWidget(self.state, 1)
        row.addWidget(self.actuals_button)
        row.addWidget(self.close_button)
        row.addWidget(self.reopen_button)
        self.month_combo.currentIndexChanged.connect(self._show_state)
        self.actuals_button.clicked.connect(lambda: self.open_actuals.emit(self.month()))
        self.close_button.clicked.connect(self.close_selected)
        self.reopen_button.clicked.connect(self.reopen_selected)
        self.ctx.records_changed.connect(lambda record: self.refresh() if "months" in record.topics else None)
        # Asked before closing or reopening; tests replace it.
        self.confirm: Callable[[str], bool] = self._confirm
        self.retranslate()
        self.refresh()

    def month(self) -> str:
        return str(self.month_combo.currentData())

    def retranslate(self) -> None:
        lang = current_language()
        self.setTitle(translate("MonthClosing", "Month actuals and closing"))
        for index in range(self.month_combo.count()):
            month = str(self.month_combo.itemData(index))
            self.month_combo.setItemText(index, format_month(dt.date(int(month[:4]), int(month[5:]), 1), lang))
        self.actuals_button.setText(translate("MonthClosing", "Actuals report…"))
        self.close_button.setText(translate("MonthClosing", "Close month…"))
        self.reopen_button.setText(translate("MonthClosing", "Reopen…"))
        self._show_state()

    def refresh(self) -> None:
        """Read which months are closed, on the runner."""
        ws = self.ctx.ws
        runner_for(self.ctx).read(lambda _progress: closed_months(ws), key=("closed-months", id(self)), owner=self,
                                  on_done=self._arrived)

    def _arrived(self, found: list[ClosedMonthInfo]) -> None:
        self.closed = {info.month: info for info in found}
        self._show_state()
        self.loaded.emit()

    def _show_state(self) -> None:
        if self.closed is None:  # not read yet: neither button until it is known
            self.state.setText("")
            self.close_button.setEnabled(False)
            self.reopen_button.setEnabled(False)
            return
        info = self.closed.get(self.month())
        if info is None:
            text = translate("MonthClosing", "Open: its visits, absences and events can be changed freely.")
        else:
            stored = info.closed_at if info.closed_at.tzinfo else info.closed_at.replace(tzinfo=dt.UTC)  # kept in UTC
            at = stored.astimezone(dt.timezone(dt.timedelta(hours=9))).date()
            text = translate("MonthClosing", "Closed on %1 by %2: a change needs a reason and shows as a correction "
                             "on the next actuals.").replace("%1", format_date(at)).replace("%2", info.actor)
        self.state.setText(text)
        self.close_button.setEnabled(info is None)
        self.reopen_button.setEnabled(info is not None)

    def _confirm(self, question: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.title(), question, QMessageBox.StandardButton.Cancel, self)
        yes = box.addButton(translate("MonthClosing", "Yes"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(yes)
        box.exec()
        return box.clickedButton() is yes

    def close_selected(self) -> None:
        month, ws = self.month(), self.ctx.ws
        self._ask_then_push(translate("MonthClosing", "Close %1? Do this once its actuals went to head office: "
                                      "from then on a change to it needs a reason."),
                            f"Close {month}", f"{month} を締める", lambda: close_month(ws, month))

    def reopen_selected(self) -> None:
        month, ws = self.month(), self.ctx.ws
        self._ask_then_push(translate("MonthClosing", "Reopen %1? Its changes will no longer need a reason; the "
                                      "corrections made so far stay listed."),
                            f"Reopen {month}", f"{month} の締めを解除", lambda: reopen_month(ws, month))

    def _ask_then_push(self, question: str, text_en: str, text_ja: str, fn: Callable[[], object]) -> None:
        """Ask (`question` names the month as %1), then make the change as one operation."""
        if self.confirm(question.replace("%1", self.month_combo.currentText())):
            self._push(OperationCommand(self.ctx, text_en, text_ja, fn, ("months",)))

    def _push(self, command: OperationCommand) -> None:
        error = push(self.ctx, command)
        if error is not None:
            QMessageBox.warning(self, self.title(), error.message(current_language()))
        self.refresh()
