"""The strip above the board and the month grid: "Changed since sent on 2026年5月20日(水) — 3
schools' sheets differ. [Send again…]", shown while the month on screen was sent (Schedule ▸
Send next month…) and would now go out differently.

Read off the UI thread (altdesk.services.month_end.board_sent_state, on the window's runner)
when another month is shown and a moment after a change that can touch it; a read still
running for a month the person has left is superseded by the next one. A month never sent, or
unchanged since it was sent, costs the read one to three small queries; only a month written
to since is compared in full (as the sidebar's "changed since sent" is).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QStyle, QToolButton, QWidget

from ui import faults
from ui.app_context import AppContext
from ui.calendar.board_model import ALT_MARK
from ui.formatting_dates import long_date
from ui.runner import Task, runner_for
from ui.settings import current_language

DELAY_MS = 300  # after the board has painted (and after the last change of a burst)


def _read(ws: Any, month: str) -> Any:
    from altdesk.services.month_end import board_sent_state  # with the exporters: loaded off the UI thread

    return board_sent_state(ws, month)


def _count(n: int, one: str, many: str) -> str:
    return (one if n == 1 else many).replace("%1", str(n))


class SentStrip(QFrame):
    """Hidden unless the month shown was sent and has changed since; its button asks for the
    send wizard on that month (`send_again`)."""

    updated = Signal(object)  # the SentState read for the month shown (tests wait on it)
    send_again = Signal(str)  # YYYY-MM

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sent_strip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.ctx = ctx
        self.month: str | None = None  # YYYY-MM on screen; None: no month (the week agenda)
        self.state: Any = None  # altdesk.services.month_end.SentState of `month`, once read
        self.task: Task | None = None
        self.icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        self.text = QLabel(self)
        self.text.setObjectName("sent_strip_text")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens the page
        self.button = QToolButton(self)
        self.button.setObjectName("send_again")
        self.button.clicked.connect(lambda: self.send_again.emit(self.month) if self.month else None)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.hide()
        self.retranslate()

    def show_month(self, month: str | None) -> None:
        """The month now on screen: read its state a moment later (a new month hides the old
        month's strip at once)."""
        if month == self.month:
            return
        self.month = month
        self.state = None
        self._show()
        if month is not None:
            self._timer.start()

    def refresh_soon(self) -> None:
        if self.month is not None:
            self._timer.start()

    def refresh(self) -> None:
        if self.month is None:
            return
        ws, month = self.ctx.ws, self.month
        self.task = runner_for(self.ctx).read(lambda _progress: _read(ws, month), key=("sent-strip", id(self)),
                                              owner=self, action=faults.READ_CALENDAR,
                                              on_done=lambda state: self._arrived(month, state))

    def _arrived(self, month: str, state: object) -> None:
        if month != self.month or not hasattr(state, "changed_since_sent"):
            return  # the person moved on, or the read was cancelled
        self.state = state
        self._show()
        self.updated.emit(state)

    def busy(self) -> bool:
        return self._timer.isActive() or (self.task is not None and self.task.is_pending())

    # --- what it says ----------------------------------------------------------------------------
    def changed_alts(self) -> frozenset[str]:
        """Codes of the ALTs whose month would now go out differently (their rows are marked)."""
        if self.state is None or not self.state.changed_since_sent:
            return frozenset()
        return frozenset(code for kind, code in self.state.changed if kind == "alt")

    def message(self) -> str:
        state = self.state
        if state is None or not state.changed_since_sent:
            return ""
        schools = len({code for kind, code in state.changed if kind in ("school", "orders")})
        alts = len(self.changed_alts())
        parts = []
        if schools:
            parts.append(_count(schools, QCoreApplication.translate("SentStrip", "1 school's sheets differ"), QCoreApplication.translate("SentStrip", "%1 schools' sheets differ")))
        if alts:
            parts.append(_count(alts, QCoreApplication.translate("SentStrip", "1 ALT's schedule differs"), QCoreApplication.translate("SentStrip", "%1 ALTs' schedules differ")))
        sent_on: dt.date = state.sent.sent_at.date()
        return (QCoreApplication.translate("SentStrip", "Changed since sent on %1 — %2.").replace("%1", long_date(sent_on))
                .replace("%2", QCoreApplication.translate("SentStrip", ", ").join(parts)))

    def _show(self) -> None:
        text = self.message()
        self.text.setText(text)
        tip = ""
        if text:
            tip = self.state.describe(current_language())
            if self.changed_alts():
                tip += "\n" + QCoreApplication.translate("SentStrip", "%1 before an ALT's name: their schedule differs from what was sent.").replace(
                    "%1", ALT_MARK)
        self.text.setToolTip(tip)
        self.setAccessibleDescription(tip)
        self.setVisible(bool(text))

    def retranslate(self) -> None:
        self.button.setText(QCoreApplication.translate("SentStrip", "Send again…"))
        self.button.setToolTip(QCoreApplication.translate("SentStrip", "Open Send next month on this month, to send its changes to the schools and ALTs"))
        self.setAccessibleName(QCoreApplication.translate("SentStrip", "Changed since sent"))
        self._show()
