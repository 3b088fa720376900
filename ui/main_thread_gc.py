"""Garbage collection on the UI thread only.

Python's cycle collector runs in whichever thread happens to allocate when a threshold is
crossed. When that is a worker (a generate, a conflict check, an export) and the garbage
holds Qt objects (a closed dialog caught in a reference cycle), their C++ destructors run off
the UI thread and Qt crashes. So the automatic collector is switched off and a UI-thread timer
makes the same threshold checks the collector would (Anki and pyqtgraph do the same).
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS = 500
HOLD_S = 0.3
_held_until = 0.0


def hold_collection(seconds: float = HOLD_S) -> None:
    """Skip the checks for a moment: a view that has just read a month is about to paint it, and
    the young generation, full of what it read, is long to walk."""
    global _held_until
    _held_until = max(_held_until, time.monotonic() + seconds)


class MainThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = CHECK_INTERVAL_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds, youngest first."""
        if time.monotonic() < _held_until:
            return  # a view is about to paint what it has just read; the next check collects
        young, middle, old = gc.get_count()
        if young > self.thresholds[0]:
            gc.collect(0)
            if middle > self.thresholds[1]:
                gc.collect(1)
                if old > self.thresholds[2]:
                    gc.collect(2)

    def stop(self) -> None:
        """Hand collection back to Python (at shutdown, once no worker runs)."""
        self.timer.stop()
        if self._was_enabled:
            gc.enable()


def freeze_startup_objects() -> None:
    """Move what start-up built (modules, mappers, translations) out of the collector's sight:
    it lives as long as the program, and full collections no longer walk it. No collection
    first: walking the whole start-up heap held the just-shown window for over 100 ms, and
    the few cycles start-up leaves are not worth that."""
    gc.freeze()
