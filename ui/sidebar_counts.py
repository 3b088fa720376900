"""Counts beside the sidebar's sections: "Conflicts: 3 errors", "Absences: 2 need a substitute",
"Lunch: 1 to review", and "changed since sent" on Reports when next month was sent and has
changed since.

Read off the UI thread (altdesk.services.sidebar, on the window's runner) when the window opens
and after every change (AppContext.data_changed), a moment after the last of a burst of changes;
a read still running when another change comes is superseded by the new one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QListWidget, QStyle

from ui.app_context import AppContext
from ui.runner import runner_for
from ui.settings import current_language

DELAY_MS = 250  # after the last change of a burst
STARTUP_DELAY_MS = 1500  # the first read waits until the window is open (and its first view read)
MAX_WIDTH = 260  # the sidebar widens to fit its counts up to this


def _read(ws: Any, today: dt.date) -> Any:
    from altdesk.services.sidebar import sidebar_counts  # with the exporters: loaded off the UI thread

    return sidebar_counts(ws, today)


def _count(n: int, one: str, many: str) -> str:
    return (one if n == 1 else many).replace("%1", str(n))


class SidebarCountKeeper(QObject):
    """Keeps the counts in `sidebar` (a QListWidget whose items hold their section key in
    UserRole); `sections` are (key, English title) as the window lists them."""

    updated = Signal(object)  # the SidebarCounts shown (tests wait on it)

    def __init__(self, ctx: AppContext, sidebar: QListWidget, sections: Sequence[tuple[str, str]],
                 today: Callable[[], dt.date]) -> None:
        super().__init__(sidebar)
        self.setObjectName("sidebar_counts")
        self.ctx = ctx
        self.sidebar = sidebar
        self.sections = list(sections)
        self.today = today
        self.counts: Any = None  # altdesk.services.sidebar.SidebarCounts, once read
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        ctx.data_changed.connect(lambda _kinds: self._timer.start())

    def start(self, delay_ms: int = STARTUP_DELAY_MS) -> None:
        """The first read, a moment after the window opened (the counts' modules and their check
        are no part of opening the window)."""
        QTimer.singleShot(delay_ms, self, self.refresh)

    def refresh(self) -> None:
        ws, today = self.ctx.ws, self.today()
        runner_for(self.ctx).read(lambda _progress: _read(ws, today), key="sidebar-counts", owner=self,
                                  on_done=self._show)

    def _show(self, counts: object) -> None:
        if hasattr(counts, "next_month_state"):
            self.counts = counts
            self.retranslate()
            self.updated.emit(counts)

    # --- texts ---------------------------------------------------------------------------------
    def suffix(self, key: str) -> tuple[str, str]:
        """The count shown after a section's title, and its tooltip ("" when there is nothing)."""
        c = self.counts
        if c is None:
            return "", ""
        if key == "conflicts" and c.errors:
            return (_count(c.errors, QCoreApplication.translate("SidebarCounts", "1 error"), QCoreApplication.translate("SidebarCounts", "%1 errors")),
                    QCoreApplication.translate("SidebarCounts", "Errors in the schedule of this month and next: %1").replace("%1", str(c.errors)))
        if key == "absences" and c.absences_to_cover:
            n = c.absences_to_cover
            return (_count(n, QCoreApplication.translate("SidebarCounts", "1 needs a substitute"), QCoreApplication.translate("SidebarCounts", "%1 need a substitute")),
                    QCoreApplication.translate("SidebarCounts", "Absences from today on with visits no substitute ALT covers yet: %1")
                    .replace("%1", str(n)))
        if key == "lunch" and c.lunch_to_review:
            n = c.lunch_to_review
            return (_count(n, QCoreApplication.translate("SidebarCounts", "1 to review"), QCoreApplication.translate("SidebarCounts", "%1 to review")),
                    QCoreApplication.translate("SidebarCounts", "ALTs whose diet needs a review before they eat school lunch (own lunch until then): %1").replace("%1", str(n)))
        if key == "reports" and c.next_month_changed:
            return (QCoreApplication.translate("SidebarCounts", "changed since sent"),
                    QCoreApplication.translate("SidebarCounts", "%1 was sent and has changed since: send it again (Schedule ▸ Send next month…).").replace("%1", c.next_month)
                    + "\n" + c.next_month_state.describe(current_language()))
        return "", ""

    def retranslate(self) -> None:
        """Set every item's text: the section's title, with its count when there is one."""
        warning = self.sidebar.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for row, (key, title) in enumerate(self.sections):
            item = self.sidebar.item(row)
            if item is None:
                continue
            name = QCoreApplication.translate("MainWindow", title)
            count, tip = self.suffix(key)
            item.setText(QCoreApplication.translate("SidebarCounts", "%1: %2").replace("%1", name).replace("%2", count) if count else name)
            item.setToolTip(tip)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, tip)
            if key == "reports":  # the mark: an icon beside the words, never colour alone
                item.setIcon(warning if count else QIcon())
        self._fit_width()

    def _fit_width(self) -> None:
        wanted = self.sidebar.sizeHintForColumn(0) + 2 * self.sidebar.frameWidth() + 8
        self.sidebar.setMinimumWidth(max(130, min(MAX_WIDTH, wanted)))
