"""The months either side of the one on screen, loaded in the background.

Stepping to the next or previous month is the most common move on the board; with the
neighbours already read, it costs only the paint. A prefetched month is used once, only for
the same filter, only if nothing was edited since it was read, and only while it is fresh
(another coordinator may be editing the same branch on a server).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from PySide6.QtCore import QObject

from altdesk.services.calendar_view import BoardFilter, MonthBoard
from ui import faults
from ui.runner import Runner, Task, runner_for

MAX_AGE_S = 60.0

Range = tuple[dt.date, dt.date]
Loader = Callable[[dt.date, dt.date, BoardFilter], MonthBoard]


class MonthPrefetch(QObject):
    def __init__(self, load: Loader, parent: QObject | None = None, runner: Runner | None = None) -> None:
        super().__init__(parent)
        self._load = load
        self._boards: dict[tuple[dt.date, dt.date, BoardFilter], tuple[float, MonthBoard]] = {}
        self._generation = 0  # bumped on every edit: a load started before it is thrown away
        self._runner = runner or runner_for(self)
        self._tasks: list[Task] = []

    def take(self, first: dt.date, last: dt.date, flt: BoardFilter) -> MonthBoard | None:
        """The prefetched board for this range and filter, if there is a fresh one."""
        entry = self._boards.pop((first, last, flt), None)
        if entry is None or time.monotonic() - entry[0] > MAX_AGE_S:
            return None
        return entry[1]

    def invalidate(self) -> list[MonthBoard]:
        """Something was edited: nothing read before now may be shown. Returns the boards it
        held, for the page to let go of once it has painted (freeing them takes a while)."""
        self._generation += 1
        dropped = [board for _, board in self._boards.values()]
        self._boards = {}
        return dropped

    def start(self, ranges: list[Range], flt: BoardFilter) -> None:
        """Read these ranges on a worker (those not already held), replacing what was held."""
        now = time.monotonic()
        kept = {key: entry for key, entry in self._boards.items()
                if (key[0], key[1]) in ranges and key[2] == flt and now - entry[0] <= MAX_AGE_S}
        self._boards = kept
        missing = [r for r in ranges if (r[0], r[1], flt) not in kept]
        if not missing:
            return
        load, generation = self._load, self._generation
        # A failed read-ahead costs the page nothing (the month is read when it is shown); its
        # fault, if it was one, has reached the person and the log through the runner. A newer
        # read-ahead (the person stepped on) supersedes this one: its months are dropped.
        task = self._runner.read(lambda _progress: [(r, load(r[0], r[1], flt)) for r in missing],
                                 key=("prefetch", id(self)), owner=self, action=faults.READ_CALENDAR,
                                 on_done=lambda boards: self._arrived(boards, flt, generation))
        self._tasks = [t for t in self._tasks if t.is_pending()] + [task]

    def _arrived(self, boards: list[tuple[Range, MonthBoard]], flt: BoardFilter, generation: int) -> None:
        if generation != self._generation:
            return
        now = time.monotonic()
        for (first, last), board in boards:
            self._boards[(first, last, flt)] = (now, board)

    def is_loading(self) -> bool:
        return any(task.is_running() for task in self._tasks)

    def wait(self, ms: int = 10000) -> None:
        for task in list(self._tasks):
            task.wait(ms)
