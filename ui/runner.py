"""The window's one runner for work off its thread: reads, edits, exports, imports, long jobs.

Every piece of background work in the window goes through a `Runner` (one per window: a child
of its AppContext, found with `runner_for(ctx)`), with one API:

    task = runner.read(fn, on_done=..., on_error=..., key="calendar-month", owner=page)
    task = runner.edit(fn, ...)          # edits: one at a time, in the order asked for
    task = runner.job(fn, ...)           # exports, imports: a thread each, progress and cancel
    task = runner.job_in_process(spec)   # generate, rollover: a child process, followed here
    result = runner.call(fn)             # an edit waited for (an undo step) without holding the window

`fn(progress)` runs on a worker thread; `progress(done, total)` returns False once the person
cancelled. Its result (or `Cancelled`) reaches `on_done`, and a user error or a fault reaches
`on_error`, on the UI thread. A fault has reached the person and the log through ui.faults
before `on_error` is called (the page only tidies up). A result nobody wants any more is dropped
without a word: a newer task under the same `key` superseded it (a read of a month the person
has left), or its `owner` (a page, a dialog) is gone. Each task is also a QObject handle with
`done`, `error` and `progressed` signals, `cancel()`, `is_running()` and `wait()`.

Lanes: reads share two threads; edits have one, so they run in order and the second of two
quick moves sees the first; every job has its own thread, so a long export never holds up the
board. Worker threads are plain Python threads that never touch a Qt object: the work, its
result and its error stay referenced from the UI thread, so nothing Qt is created or destroyed
off it (and, with ui.main_thread_gc, no garbage collection runs there either).
"""

from __future__ import annotations

import collections
import itertools
import logging
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from shiboken6 import isValid

from altdesk.errors import Cancelled, UserError
from ui import faults

log = logging.getLogger("altdesk.ui")

Progress = Callable[[int, int], bool]
Work = Callable[[Progress], Any]

READ, EDIT, JOB = "read", "edit", "job"
LANE_THREADS = {READ: 2, EDIT: 1, JOB: 64}
STOP_WAIT_MS = 60_000  # a cancelled job stops at its next progress step; a backup runs to its end
WAIT_CURSOR_MS = 200  # an edit waited for (Runner.call) this long shows the busy cursor
_ids = itertools.count(1)


class _Bridge(QObject):
    """Carries word from the worker threads to the UI thread. One for the program, made on the UI
    thread and never deleted before it ends, so a thread may always emit on it."""

    finished = Signal(int)
    progressed = Signal(int, int, int)


_bridge: _Bridge | None = None
_runners: dict[int, Runner] = {}  # task id -> the runner that started it (UI thread only)
_live_runners: weakref.WeakSet[Runner] = weakref.WeakSet()


def _the_bridge() -> _Bridge:
    global _bridge
    if _bridge is None or not isValid(_bridge):
        app = QCoreApplication.instance()
        _bridge = _Bridge(app)
        _bridge.finished.connect(_deliver, Qt.ConnectionType.QueuedConnection)
        _bridge.progressed.connect(_progress, Qt.ConnectionType.QueuedConnection)
    return _bridge


def _deliver(task_id: int) -> None:
    runner = _runners.pop(task_id, None)
    if runner is not None and isValid(runner):
        runner._deliver(task_id)


def _progress(task_id: int, done: int, total: int) -> None:
    runner = _runners.get(task_id)
    if runner is not None and isValid(runner):
        runner._progressed(task_id, done, total)


@dataclass(eq=False)
class _Work:
    """What a worker thread sees of a task: plain Python, no Qt object."""

    task_id: int
    fn: Work | None
    cancel: threading.Event = field(default_factory=threading.Event)
    ended: threading.Event = field(default_factory=threading.Event)
    started: bool = False
    result: Any = None
    exc: BaseException | None = None

    def run(self) -> None:
        """On a worker thread. `fn` stays referenced from the task (the UI thread lets go of it)."""
        self.started = True
        fn, bridge, task_id, cancel = self.fn, _bridge, self.task_id, self.cancel
        assert bridge is not None

        def progress(done: int, total: int) -> bool:
            bridge.progressed.emit(task_id, done, total)
            return not cancel.is_set()

        if cancel.is_set():
            self.result = Cancelled()
        else:
            try:
                assert fn is not None
                self.result = fn(progress)
            except BaseException as exc:  # noqa: BLE001 - handed to the UI thread, shown there
                self.exc = exc
        del fn


class _Lane:
    """Tasks of one kind, run by up to `threads` worker threads made as needed (a thread ends
    when its lane is empty: no idle thread outlives the work)."""

    def __init__(self, name: str, threads: int) -> None:
        self.name = name
        self.threads = threads
        self.queue: collections.deque[_Work] = collections.deque()
        self.running = 0
        self.lock = threading.Lock()

    def put(self, work: _Work) -> None:
        with self.lock:
            self.queue.append(work)
            if self.running >= self.threads:
                return
            self.running += 1
        threading.Thread(target=self._loop, name=f"altdesk-{self.name}", daemon=True).start()

    def drop(self, work: _Work) -> bool:
        """Take a task out before it started; False when a thread already has it."""
        with self.lock:
            try:
                self.queue.remove(work)
            except ValueError:
                return False
            return True

    def _loop(self) -> None:
        bridge = _bridge
        assert bridge is not None
        while True:
            with self.lock:
                if not self.queue:
                    self.running -= 1
                    return
                work = self.queue.popleft()
            work.run()
            task_id, ended = work.task_id, work.ended
            del work  # the UI thread holds the task: its result and closure are freed there
            bridge.finished.emit(task_id)  # posted before `ended` is set: a waiter then sees it
            ended.set()


class Task(QObject):
    """The UI thread's handle on one piece of background work."""

    done = Signal(object)  # the result, or Cancelled
    error = Signal(object)  # a UserError, or a fault already reported to the person
    progressed = Signal(int, int)

    def __init__(self, runner: Runner, kind: str, action: faults.Action, key: object | None,
                 owner: QObject | None) -> None:
        super().__init__()  # no parent: held by the runner until answered, then by whoever kept it
        self.task_id = next(_ids)
        self.kind = kind
        self.action = action
        self.key = key
        self.owner = owner
        self.cancelled = False  # the person asked it to stop
        self.superseded = False  # a newer task under the same key: its answer is dropped
        self.delivered = False
        self.report = True  # faults to ui.faults, a cancelled job's exception as Cancelled
        self._work = _Work(self.task_id, None)

    def cancel(self) -> None:
        self.cancelled = True
        self._work.cancel.set()

    def is_running(self) -> bool:
        """Queued or running on its thread (its answer may still be on its way to the UI thread)."""
        return not self._work.ended.is_set() and not self.delivered

    def is_pending(self) -> bool:
        """Not yet answered on the UI thread."""
        return not self.delivered

    def wait(self, ms: int = 30000) -> bool:
        """Block until the work has ended on its thread (its answer lands with the next events)."""
        return self.delivered or self._work.ended.wait(ms / 1000)

    def start(self) -> None:  # the runner starts a task when asked for it; kept for old callers
        return None


class Runner(QObject):
    """One window's background work (see the module's docstring)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("background_runner")
        _the_bridge()
        self._lanes = {kind: _Lane(kind, threads) for kind, threads in LANE_THREADS.items()}
        self._tasks: dict[int, tuple[Task, _Work]] = {}
        self._latest: dict[object, Task] = {}  # key -> the newest task under it
        _live_runners.add(self)

    # --- starting ------------------------------------------------------------------------------
    def run(self, fn: Work, kind: str = READ, *, action: faults.Action = faults.BACKGROUND,
            on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            on_progress: Callable[[int, int], None] | None = None,
            key: object | None = None, owner: QObject | None = None, report: bool = True) -> Task:
        """Start `fn(progress)` on the lane of `kind`; see the module's docstring. With `report`
        False the caller reports faults itself: every exception reaches `on_error` as it was."""
        task = Task(self, kind, action, key, owner)
        task.report = report
        if on_done is not None:
            task.done.connect(on_done)
        if on_error is not None:
            task.error.connect(on_error)
        if on_progress is not None:
            task.progressed.connect(on_progress)
        if key is not None:
            older = self._latest.get(key)
            if older is not None and older.is_pending():
                older.superseded = True
                older._work.cancel.set()  # a read honouring progress stops early
                if self._lanes[older.kind].drop(older._work):
                    older._work.ended.set()  # never started: answered now, with nothing
                    self._finish(older.task_id)
            self._latest[key] = task
        work = task._work
        work.fn = fn
        self._tasks[task.task_id] = (task, work)
        _runners[task.task_id] = self
        self._lanes[kind].put(work)
        return task

    def read(self, fn: Work, **kwargs: Any) -> Task:
        return self.run(fn, READ, **kwargs)

    def edit(self, fn: Work, **kwargs: Any) -> Task:
        return self.run(fn, EDIT, **kwargs)

    def job(self, fn: Work, **kwargs: Any) -> Task:
        return self.run(fn, JOB, **kwargs)

    def call(self, fn: Callable[[], Any], kind: str = EDIT) -> Any:
        """Run `fn()` on a lane and return its result (or raise its exception, as it was), for an
        edit that must finish before its caller goes on (an undo step, a dialog's Save). The window
        is not held meanwhile: a local event loop paints, runs timers and takes other answers; only
        the person's clicks and keys wait, and are delivered once the edit has ended. After
        `WAIT_CURSOR_MS` the cursor says the program is busy."""
        answer: dict[str, Any] = {}
        loop = QEventLoop()

        def finished(key: str, value: Any) -> None:
            answer[key] = value
            loop.quit()

        cursor = QTimer()
        cursor.setSingleShot(True)
        cursor.timeout.connect(lambda: QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor))
        self.run(lambda _progress: fn(), kind, on_done=lambda result: finished("result", result),
                 on_error=lambda exc: finished("error", exc), report=False)
        if not answer:
            cursor.start(WAIT_CURSOR_MS)
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            if not cursor.isActive():
                QGuiApplication.restoreOverrideCursor()
            cursor.stop()
        if "error" in answer:
            raise answer["error"]
        return answer["result"]

    def job_in_process(self, spec: Any, **kwargs: Any) -> Task:
        """A long job in a child process (altdesk/services/job_process.py), followed from a job
        thread: its progress and cancel pass through, its answer comes back like any task's."""
        from altdesk.services.job_process import run_in_process

        return self.run(lambda progress: run_in_process(spec, progress), JOB, **kwargs)

    # --- answers (UI thread) -------------------------------------------------------------------
    def _progressed(self, task_id: int, done: int, total: int) -> None:
        entry = self._tasks.get(task_id)
        if entry is not None and not entry[0].superseded:
            entry[0].progressed.emit(done, total)

    def _deliver(self, task_id: int) -> None:
        self._finish(task_id)

    def _finish(self, task_id: int) -> None:
        entry = self._tasks.pop(task_id, None)
        _runners.pop(task_id, None)
        if entry is None:
            return
        task, work = entry
        task.delivered = True
        result, exc = work.result, work.exc
        work.result = work.exc = work.fn = None
        if task.key is not None and self._latest.get(task.key) is task:
            del self._latest[task.key]
        try:
            if task.kind == READ and task.cancelled:
                return  # a read stopped as its window closes: nobody waits for its answer
            if task.superseded or (task.owner is not None and not isValid(task.owner)):
                if exc is not None and not isinstance(exc, UserError) and not task.superseded:
                    faults.log_fault(exc, task.action)
                return  # nobody wants this answer any more
            if exc is None:
                task.done.emit(result)
            elif not task.report:
                task.error.emit(exc)
            elif task.cancelled:  # whatever a cancelled job ended with, the person asked for its end
                log.info("%s Cancelled by the person; it ended with %s", task.action.en, type(exc).__qualname__)
                task.done.emit(Cancelled(exc if isinstance(exc, UserError) else None))
            elif isinstance(exc, Exception):
                if not isinstance(exc, UserError):
                    faults.report_fault(exc, task.action)
                task.error.emit(exc)
            else:  # KeyboardInterrupt, SystemExit: not the work's own answer
                faults.report_fault(RuntimeError(type(exc).__qualname__), task.action)
                task.error.emit(exc)
        finally:
            task.owner = None

    # --- waiting (tests, screenshots, closing) --------------------------------------------------
    def tasks(self, kind: str | None = None) -> list[Task]:
        return [task for task, _work in self._tasks.values() if kind is None or task.kind == kind]

    def busy(self, kind: str | None = None) -> bool:
        return any(task.is_running() for task in self.tasks(kind))

    def wait(self, ms: int = 10000, kind: str | None = None) -> bool:
        """Let the work of this kind (all of it) end on its threads; its answers land with the
        next events. True when all of it ended in time."""
        deadline = time.monotonic() + ms / 1000
        for _task, work in list(self._tasks.values()):
            if (kind is None or _task.kind == kind) and not work.ended.wait(
                    max(0.0, deadline - time.monotonic())):
                return False
        return True

    def settle(self, ms: int = 10000, kind: str | None = None) -> bool:
        """Wait for the work of this kind and deliver its answers (and the work those answers start),
        until none is left or time is up. For tests and screenshots, never for the window's own use."""
        deadline = time.monotonic() + ms / 1000
        while True:
            QCoreApplication.processEvents()
            if not self.tasks(kind):
                return True
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            self.wait(int(min(left, 0.05) * 1000), kind)

    def stop(self, ms: int = STOP_WAIT_MS) -> None:
        """As the program or window ends: every task is asked to stop at its next step (one that
        cannot, such as a backup, runs to its end) and waited for."""
        for task, _work in list(self._tasks.values()):
            task.cancel()
        self.wait(ms)


def runner_for(owner: QObject) -> Runner:
    """The runner of the window `owner` belongs to: a child of the window's AppContext (found up
    the parents, or as the owner's `ctx`), made on first use; else the program's own runner."""
    node: QObject | None = owner
    while node is not None:
        if hasattr(node, "undo_stack"):  # the window's AppContext
            found = node.findChild(Runner, "background_runner", Qt.FindChildOption.FindDirectChildrenOnly)
            return found if isinstance(found, Runner) else Runner(node)
        ctx = getattr(node, "ctx", None)
        if isinstance(ctx, QObject) and hasattr(ctx, "undo_stack"):
            node = ctx
            continue
        node = node.parent()
    return app_runner()


_fallback: Runner | None = None


def app_runner() -> Runner:
    """For work started where no window is at hand (a dialog opened on its own, a test): the
    program's runner, a child of the application."""
    global _fallback
    if _fallback is None or not isValid(_fallback):
        _fallback = Runner(QCoreApplication.instance())
    return _fallback


def stop_all(ms: int = STOP_WAIT_MS) -> None:
    """As the program ends: every runner's work asked to stop and waited for."""
    runners = [runner for runner in list(_live_runners) if isValid(runner)]
    for runner in runners:
        for task in runner.tasks():
            task.cancel()
    deadline = time.monotonic() + ms / 1000
    for runner in runners:
        runner.wait(max(0, int((deadline - time.monotonic()) * 1000)))
