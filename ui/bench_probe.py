"""The desktop side of `altdesk bench`: open the real main window offscreen and time it.

Run as its own process (`python -m ui.bench_probe --db PATH --month 2026-06`); prints one
JSON object: when the window became usable (the board painted), the longest UI-thread stall
in the seconds after start-up, board populate and month switch times, the longest stall
while a generate runs on the worker and the window takes in its result (a 10 ms heartbeat
on the UI thread), and the peak memory. `--bare` times an empty PySide6 window the same
way, as the yardstick.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

STARTED = time.perf_counter()  # as early as this module runs: before Qt or the core is imported
PAINT_TIMEOUT_S = 30.0
GENERATE_TIMEOUT_MS = 600_000
# The UI thread is watched this long after start-up and after a generate: the pages' reloads
# and background loads they trigger land in the window on the UI thread within it.
STARTUP_WATCH_MS = 3000
SETTLE_MS = 3000
SETTLE_START_MS = 250  # the board starts its conflict check 150 ms after a load


def _peak_rss_mb() -> float:
    # Linux: VmHWM is this program's own peak. ru_maxrss is not: it carries over from the process
    # that started this one (the bench, which holds the whole demo branch) across fork and exec.
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 1024 if sys.platform != "darwin" else peak / (1024 * 1024)
    except ImportError:  # Windows
        import psutil

        return psutil.Process().memory_info().peak_wset / (1024 * 1024)


class PaintWatch:
    """Counts paint events on a widget, so a step is timed until its pixels are drawn."""

    def __init__(self, widget: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        class _Filter(QObject):
            def __init__(self, watch: PaintWatch) -> None:
                super().__init__()
                self.watch = watch

            def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802 - Qt's name
                if event.type() == QEvent.Type.Paint:
                    self.watch.paints += 1
                return False

        self.paints = 0
        self._filter = _Filter(self)
        widget.installEventFilter(self._filter)

    def timed(self, step: Callable[[], object]) -> float:
        """Seconds from the start of `step` to the next paint of the widget."""
        from PySide6.QtWidgets import QApplication

        before = self.paints
        started = time.perf_counter()
        step()
        while self.paints == before:
            QApplication.processEvents()
            if time.perf_counter() - started > PAINT_TIMEOUT_S:
                raise TimeoutError("the widget was never painted")
        return time.perf_counter() - started


def _spin(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _make_app() -> Any:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.application import make_application

    return make_application()


def run_bare() -> dict[str, Any]:
    """The yardstick: Qt started and an empty table window shown, nothing else."""
    _make_app()
    from PySide6.QtWidgets import QMainWindow, QTableView

    window = QMainWindow()
    table = QTableView(window)
    window.setCentralWidget(table)
    window.resize(1366, 768)
    PaintWatch(table.viewport()).timed(window.show)
    return {"usable_at": time.time(), "open_in_process_s": time.perf_counter() - STARTED,
            "open_cpu_s": time.process_time(), "peak_rss_mb": _peak_rss_mb()}


class Heartbeat:
    """A 10 ms timer on the UI thread; the largest gap between its ticks is the longest stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.longest = 0.0
        self.ticks = 0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now
        self.ticks += 1

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self._tick()  # a stall at the very end counts too


def _background_running(page: Any) -> bool:
    return bool(page.background_busy())


def run_window(db_arg: str, month: str, repeat: int) -> dict[str, Any]:
    # Started through main.py (`main.py --bench-probe`), which has built the command line (and
    # with it loaded the core) first, as for every start; then Qt.
    from altdesk.db.database import EarlyQuickCheck
    from altdesk.db.engine import DatabaseTarget

    early_check = EarlyQuickCheck.start_for(db_arg)  # as the app does
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer

    from altdesk.db.database import open_database
    from altdesk.scheduling.generate import fiscal_year_bounds, fiscal_year_of
    from altdesk.services.workspace import open_workspace
    from ui.application import start_desktop
    from ui.main_thread_gc import freeze_startup_objects
    from ui.main_window import MainWindow

    start_desktop(None)
    year, number = (int(part) for part in month.split("-"))
    first_day = dt.date(year, number, 1)

    # As the app starts: the database (one-instance lock, checks, migrations), then the window.
    db = open_database(DatabaseTarget.parse(db_arg), exclusive=True, early_check=early_check)
    ws = open_workspace(db, None, "bench")
    window = MainWindow(ws, today=first_day)
    window.resize(1366, 768)
    page = window.calendar_page
    if window.current_section() != "calendar" or page.view != "board":  # the probe's settings are fresh
        window.show_section("calendar")
        page.set_view("board")
    board = PaintWatch(page.board_view.viewport())
    board.timed(window.show)
    usable_at = time.time()
    open_in_process = time.perf_counter() - STARTED
    open_cpu = time.process_time()
    QTimer.singleShot(0, freeze_startup_objects)

    # Just after start-up, as the app does: the day's backup beside the window, and whatever the
    # pages load in the background. The window must stay responsive meanwhile.
    startup = Heartbeat()
    startup.start()
    backup = threading.Thread(target=db.backup_if_due, name="altdesk-auto-backup")
    backup.start()
    _spin(STARTUP_WATCH_MS)
    startup.stop()
    backup.join()

    def settle() -> None:
        """Let what a load starts in the background finish and land (not timed): the conflict
        check (started 150 ms after the paint), then the neighbour months it is followed by."""
        deadline = time.perf_counter() + PAINT_TIMEOUT_S
        _spin(SETTLE_START_MS)
        while time.perf_counter() < deadline:
            while _background_running(page) and time.perf_counter() < deadline:
                _spin(5)
            _spin(50)  # a finished job's result starts the next one
            if not _background_running(page):
                break

    settle()
    populate, switch = [], []
    for _ in range(repeat):
        populate.append(board.timed(page.reload) * 1000)
        settle()
    for _ in range(repeat):
        switch.append(board.timed(lambda: page.step(1)) * 1000)
        settle()
        switch.append(board.timed(lambda: page.step(-1)) * 1000)
        settle()
    shown_rows = page.board_model.rowCount()
    shown_visits = page.board_model.board.visit_count() if page.board_model.board else 0
    overview_ms = _open_overview(window)
    window.show_section("calendar")
    settle()

    # Generate the fiscal year on the worker while a heartbeat runs on the UI thread.
    heartbeat = Heartbeat()
    finished: list[object] = []
    loop = QEventLoop()
    heartbeat.start()
    started = time.perf_counter()
    worker = window.start_generate(*fiscal_year_bounds(fiscal_year_of(first_day)))
    for signal in (worker.done, worker.error):  # type: ignore[attr-defined]
        signal.connect(finished.append)
        signal.connect(loop.quit)
    QTimer.singleShot(GENERATE_TIMEOUT_MS, loop.quit)
    loop.exec()  # the app's own event loop runs while the worker generates
    generate_s = time.perf_counter() - started
    if not finished:
        raise TimeoutError("generate did not finish")
    _spin(SETTLE_MS)
    heartbeat.stop()
    settle()
    outcome = finished[0]
    if isinstance(outcome, BaseException):
        raise RuntimeError(f"generate failed in the window: {outcome}")
    result = {
        "usable_at": usable_at,
        "open_in_process_s": open_in_process,
        "open_cpu_s": open_cpu,
        "startup_stall_ms": startup.longest * 1000,
        "board_populate_ms": populate,
        "overview_open_ms": overview_ms,
        "month_switch_ms": switch,
        "ui_stall_ms": heartbeat.longest * 1000,
        "heartbeats": heartbeat.ticks,
        "generate_s": generate_s,
        "rows": shown_rows,
        "visits": shown_visits,
        "peak_rss_mb": _peak_rss_mb(),
    }
    window.close()
    db.close()
    return result


def _open_overview(window: Any) -> float:
    """From a click on the Overview section to its charts drawn, the first time (the page and
    QtCharts are loaded then too). Waited for in an event loop, as the app waits: a loop that
    wakes every millisecond would take Python's lock from the reading thread each time."""
    from PySide6.QtCore import QEventLoop, QTimer

    from ui.runner import runner_for

    runner_for(window.ctx).settle(int(PAINT_TIMEOUT_S * 1000))  # the sidebar's counts, read after start-up
    started = time.perf_counter()
    window.show_section("overview")
    overview = window.page("overview")
    if overview.is_reading():
        loop = QEventLoop()
        overview.loaded.connect(loop.quit)
        QTimer.singleShot(int(PAINT_TIMEOUT_S * 1000), loop.quit)
        loop.exec()
    if overview.is_reading() or overview.last_error is not None:
        raise RuntimeError(f"the overview did not open: {overview.last_error}")
    overview.repaint()  # drawn, not only built
    return (time.perf_counter() - started) * 1000


MOVE_TIMEOUT_S = 60.0


def run_moves(db_arg: str, month: str, repeat: int) -> dict[str, Any]:
    """Move visits on the board as Ctrl+Shift+Right does, with a 10 ms heartbeat on the UI thread:
    how long until the move is painted, until the core confirmed it (the runner's answer), until
    the board shows it read from the core, and the longest stall of the UI thread meanwhile. The
    bench runs this with the database behind its latency proxy."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from altdesk.db.database import open_database
    from altdesk.db.engine import DatabaseTarget
    from altdesk.services.workspace import open_workspace
    from ui.application import start_desktop
    from ui.calendar.board_model import VISITS_ROLE
    from ui.main_window import MainWindow

    start_desktop(None)
    year, number = (int(part) for part in month.split("-"))
    first_day = dt.date(year, number, 1)
    db = open_database(DatabaseTarget.parse(db_arg), exclusive=True)
    ws = open_workspace(db, None, "bench")
    window = MainWindow(ws, today=first_day)
    window.resize(1366, 768)
    page = window.calendar_page
    if window.current_section() != "calendar" or page.view != "board":
        window.show_section("calendar")
        page.set_view("board")
    board = PaintWatch(page.board_view.viewport())
    board.timed(window.show)
    page.confirm_conflicts = lambda conflicts: True  # a person's answer is not the window's time

    def settle() -> None:
        deadline = time.perf_counter() + PAINT_TIMEOUT_S * 4
        _spin(SETTLE_START_MS)
        while time.perf_counter() < deadline and (page.background_busy() or page.edits_busy()):
            _spin(20)
        _spin(200)

    def candidates() -> list[tuple[int, int]]:
        """(row, column) of single visits on a weekday whose next day is a weekday with none."""
        model = page.board_model
        found = []
        for row in range(model.rowCount()):
            for column in range(model.columnCount() - 2):
                day, after = model.day_at(column), model.day_at(column + 1)
                if (day and after and not day.weekend and not after.weekend and not day.label_ja
                        and not after.label_ja and len(model.index(row, column).data(VISITS_ROLE)) == 1
                        and not model.index(row, column + 1).data(VISITS_ROLE)):
                    found.append((row, column))
                    break
        return found

    settle()
    shown_ms, confirmed_ms, refreshed_ms, stalls_ms = [], [], [], []
    places = candidates()
    if not places:
        raise RuntimeError("no visit on the board with a free next day to move to")
    for attempt in range(repeat):
        row, column = places[(attempt * 7) % len(places)]
        page.board_view.setFocus()
        page.board_view.setCurrentIndex(page.board_model.index(row, column))
        saved_before = page.moves_saved
        heartbeat = Heartbeat()
        heartbeat.start()
        started = time.perf_counter()
        shown_ms.append(board.timed(lambda: page.move_selected(days=1)) * 1000)
        deadline = started + MOVE_TIMEOUT_S
        while page.moves_saved == saved_before and time.perf_counter() < deadline:
            _spin(1)
        if page.moves_saved == saved_before:
            raise TimeoutError("the move was not confirmed")
        confirmed_ms.append((time.perf_counter() - started) * 1000)
        while page.board_model.moves and time.perf_counter() < deadline:
            _spin(1)
        refreshed_ms.append((time.perf_counter() - started) * 1000)
        settle()  # the conflict check and read-ahead the new board starts: the window's work too
        heartbeat.stop()
        stalls_ms.append(heartbeat.longest * 1000)
    result = {"move_shown_ms": shown_ms, "move_confirmed_ms": confirmed_ms, "move_refreshed_ms": refreshed_ms,
              "move_stall_ms": stalls_ms, "moves": repeat}
    window.close()
    db.close()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="main.py --bench-probe", description=__doc__)
    parser.add_argument("--db", default=os.environ.get("ALTDESK_DB"),
                        help="the bench's database, file or URL (default: $ALTDESK_DB)")
    parser.add_argument("--month", default="2026-06", help="YYYY-MM shown on the board")
    parser.add_argument("--repeat", type=int, default=3, help="board populates and month switches to time")
    parser.add_argument("--bare", action="store_true", help="time an empty PySide6 window instead")
    parser.add_argument("--moves", action="store_true", help="time visits moved on the board instead")
    args = parser.parse_args(argv)
    gc.disable()  # as main.py does while the app starts (ui.main_thread_gc takes over)
    if not args.bare and not args.db:
        parser.error("give the database with --db or $ALTDESK_DB")
    if args.bare:
        result = run_bare()
    elif args.moves:
        result = run_moves(args.db, args.month, max(1, args.repeat))
    else:
        result = run_window(args.db, args.month, max(1, args.repeat))
    print(json.dumps(result), flush=True)
    sys.stderr.flush()
    # Leave without the interpreter's teardown: tearing down Qt objects from Python's final
    # garbage collection can crash PySide6, and the figures are already printed.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
