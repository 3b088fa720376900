"""The calendar's reads and their timing; the page (ui/calendar/calendar_page.py) decides what to
read and shows what arrives.

A range is read at once when the page asks (a month not read ahead, a filter), or again on the
window's runner after an edit, while the old board stays. Once a board is shown, its conflict badges are
checked on a worker, then the months either side are read ahead. A serial number tells a stale
answer from a fresh one: what arrives for a board the page has since replaced is dropped.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from altdesk.services.calendar_view import BoardFilter, MonthBoard, conflict_visit_ids, month_board
from altdesk.services.workspace import Workspace
from ui import faults
from ui.calendar.month_prefetch import MonthPrefetch
from ui.main_thread_gc import hold_collection
from ui.runner import Task, runner_for

Range = tuple[dt.date, dt.date]
# The badges' check starts once the board has painted, and the read-ahead once the badges have:
# a worker holding the interpreter lock during a repaint slows it many times over.
CONFLICT_CHECK_DELAY_MS = 150
PREFETCH_DELAY_MS = 400
RETIRE_DELAY_MS = 200  # well after the paint that follows a read


class MonthLoader(QObject):
    conflicts_found = Signal(object)  # visit id -> conflict kinds, for the board on screen
    failed = Signal(str)  # what failed, for the status bar (a fault has its dialog already)
    settled = Signal()  # the board on screen is complete: a quiet moment, before the read-ahead

    def __init__(self, ws: Callable[[], Workspace], show: Callable[[MonthBoard, bool], None],
                 neighbours: Callable[[], tuple[list[Range], BoardFilter] | None], parent: QObject) -> None:
        """`show(board, keep_current)` puts a board on screen (`keep_current`: it replaces the same
        range after an edit); `neighbours()` names the ranges to read ahead, or None."""
        super().__init__(parent)
        self._ws, self._show, self._neighbours = ws, show, neighbours
        self.board: MonthBoard | None = None
        self._serial = 0
        self._pending: int | None = None  # serial of a read_soon() not shown yet
        self._prefetch_due: int | None = None  # serial of the board whose neighbours are to be read
        self._retired: list[object] = []
        self._tasks: list[Task] = []  # conflict checks and background reads still running
        self.runner = runner_for(parent)
        self._prefetch = MonthPrefetch(lambda first, last, flt: month_board(self._ws(), first, last, flt), self,
                                       self.runner)
        self.reads_started = 0  # counts every read of the range shown; `board_read` names the board's
        self.board_read = 0

    # --- reading ---------------------------------------------------------------------------
    def read_now(self, first: dt.date, last: dt.date, flt: BoardFilter) -> None:
        """Read the range afresh and show it (a filter changed, or a read was asked for)."""
        self._pending = None
        # Whatever made this read needed may have changed the months read ahead too.
        self._retire(*self._prefetch.invalidate())
        self.reads_started += 1
        number = self.reads_started
        self._use(month_board(self._ws(), first, last, flt), first, last, keep_current=False, number=number)

    def show_range(self, first: dt.date, last: dt.date, flt: BoardFilter) -> None:
        """The range read ahead if a fresh one is held, else read now."""
        board = self._prefetch.take(first, last, flt)
        if board is None:
            self.read_now(first, last, flt)
        else:
            self._use(board, first, last, keep_current=False, number=self.reads_started)

    def read_soon(self, first: dt.date, last: dt.date, flt: BoardFilter) -> None:
        """Read the range again on a worker and show it when it arrives: after an edit or a job,
        the window keeps painting (and the old board stays) while it reads."""
        self._retire(*self._prefetch.invalidate())
        ws = self._ws()
        self._serial += 1
        serial = self._pending = self._serial
        self.reads_started += 1
        number = self.reads_started
        # Under one key: a read still running for a board the page has since replaced is dropped.
        self._start(self.runner.read(lambda _progress: month_board(ws, first, last, flt), key=("board", id(self)),
                                     owner=self, action=faults.READ_CALENDAR,
                                     on_done=lambda board: self._arrived(board, first, last, serial, number),
                                     on_error=lambda exc: self._read_failed(exc, serial)))

    def _start(self, task: Task) -> None:
        self._tasks = [t for t in self._tasks if t.is_pending()] + [task]

    def catch_up(self, first: dt.date, last: dt.date, flt: BoardFilter) -> bool:
        """Before an edit: a background read still on its way is made now, so the edit acts on
        what is stored (its version), not on the board as it was. True when it was."""
        if self._pending is None or self._pending != self._serial:
            return False
        self.read_now(first, last, flt)  # supersedes the pending one (its result is dropped)
        return True

    def _arrived(self, board: MonthBoard, first: dt.date, last: dt.date, serial: int, number: int) -> None:
        if serial != self._serial:
            return  # the page moved on (or a newer read started): this one is stale
        self._pending = None
        self._use(board, first, last, keep_current=True, number=number)

    def _read_failed(self, exc: BaseException, serial: int) -> None:
        if serial == self._pending:
            self._pending = None
        self.failed.emit(faults.failure_text(exc, faults.READ_CALENDAR))

    def _use(self, board: MonthBoard, first: dt.date, last: dt.date, keep_current: bool, number: int) -> None:
        hold_collection()  # not between this read and its paint
        self._retire(self.board)
        self.board = board
        self.board_read = number
        self._serial += 1
        self._show(board, keep_current)
        serial = self._serial
        # With this object as the timer's context: a page closed meanwhile starts nothing.
        QTimer.singleShot(CONFLICT_CHECK_DELAY_MS, self, lambda: self._check_conflicts(first, last, serial)
                          if serial == self._serial else None)

    def _retire(self, *objects: object) -> None:
        """Hold what is no longer shown until the new board is painted: freeing a month's
        thousands of objects takes time the user would otherwise wait for."""
        self._retired.extend(objects)
        QTimer.singleShot(RETIRE_DELAY_MS, self, self._retired.clear)

    # --- after a board is shown ------------------------------------------------------------
    def _check_conflicts(self, first: dt.date, last: dt.date, serial: int) -> None:
        ws = self._ws()
        self._start(self.runner.read(
            lambda _progress: conflict_visit_ids(ws, first, last), key=("conflicts", id(self)), owner=self,
            action=faults.CHECK_CONFLICTS, on_done=lambda found: self._conflicts_arrived(found, serial),
            on_error=lambda exc: self.failed.emit(faults.failure_text(exc, faults.CHECK_CONFLICTS))))

    def _conflicts_arrived(self, found: dict[int, list[str]], serial: int) -> None:
        if serial != self._serial:
            return  # a newer board replaced this one
        self.conflicts_found.emit(found)
        self._prefetch_due = serial
        QTimer.singleShot(PREFETCH_DELAY_MS, self, lambda: self._read_neighbours(serial))

    def _read_neighbours(self, serial: int) -> None:
        """With the board on screen complete, read the ranges either side for the arrow keys."""
        self._prefetch_due = None
        self.settled.emit()
        if serial != self._serial:
            return
        wanted = self._neighbours()
        if wanted is not None:
            self._prefetch.start(*wanted)

    # --- waiting (tests, screenshots, closing) ----------------------------------------------
    def busy(self) -> bool:
        """A conflict check or a read still running, or a read-ahead about to start."""
        return (any(task.is_running() for task in self._tasks) or self._prefetch.is_loading()
                or self._prefetch_due == self._serial)

    def wait(self, ms: int = 10000) -> None:
        """Let every check and read still running end (their results land with the next events)."""
        deadline = time.monotonic() + ms / 1000
        for task in list(self._tasks):
            task.wait(max(1, int((deadline - time.monotonic()) * 1000)))
        self._prefetch.wait(max(1, int((deadline - time.monotonic()) * 1000)))

    def finish(self, ms: int = 10000) -> None:
        """Wait until a background read started by an edit has arrived and is shown."""
        deadline = time.monotonic() + ms / 1000
        while self._pending is not None and self._pending == self._serial and time.monotonic() < deadline:
            self.wait(max(1, int((deadline - time.monotonic()) * 1000)))
            QCoreApplication.processEvents()
        self._pending = None

