"""What every page and dialog of the window shares: the workspace, the undo stack and a
'data changed' signal. Passed in explicitly; there is no global window object."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from altdesk.operations.record import ChangeRecord
from altdesk.services.workspace import Workspace


class AppContext(QObject):
    # What changed, e.g. {"visits"}, {"alts"}, {"schools", "placements"}; pages refresh on it.
    data_changed = Signal(set)
    # What one core operation changed (altdesk.operations.ChangeRecord: its records, months and
    # topics). Emitted beside data_changed, which carries the record's topics.
    records_changed = Signal(object)
    # Ask the window to show a day (and optionally an ALT) in the calendar.
    show_day = Signal(object, object)  # datetime.date, alt id or None
    status_message = Signal(str)

    def __init__(self, ws: Workspace, parent: QObject | None = None,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self.ws = ws
        self.today = today  # the window's "today" (tests fix it)
        self.undo_stack = QUndoStack(self)
        # The ChangeRecord being announced, while records_changed and data_changed are emitted for
        # it (None for a change announced by kinds only): see `touches`.
        self.announcing: ChangeRecord | None = None

    def changed(self, *kinds: str) -> None:
        self.data_changed.emit(set(kinds))

    def operation_done(self, record: object, fallback: tuple[str, ...] = ()) -> None:
        """Announce a core operation's ChangeRecord: records_changed, then data_changed with its
        topics (or `fallback` when it wrote nothing)."""
        self.announcing = record if isinstance(record, ChangeRecord) else None
        try:
            self.records_changed.emit(record)
            topics = set(getattr(record, "topics", ()) or ()) or set(fallback)
            if topics:
                self.data_changed.emit(topics)
        finally:
            self.announcing = None

    def touches(self, first: dt.date | None, last: dt.date | None) -> bool:
        """For a data_changed handler: can the change being announced alter a view of the days
        first..last (None: no bound)? True for a change announced by kinds only (no record)."""
        record = self.announcing
        return record is None or record.touches(first, last)
