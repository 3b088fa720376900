"""Long jobs on the window's runner (ui/runner.py) with progress and cancel; results come back on
the UI thread. `Worker` is the runner's task in the shape the pages have long used.

The job gets a `progress(done, total) -> bool` callback; returning False asks it to stop
(every core function that takes a progress callback honours that and writes nothing).

A job's fault reaches the person and the log through ui.faults (the worker reports it, then
emits `error` so its page can tidy up); a user error is the page's to show. A job the person
cancelled ends through `done`, with `Cancelled` where it did not return a result of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui import faults
from ui.runner import JOB, Runner, Task, app_runner, runner_for, stop_all

_RUNNING: set[tuple[QThread, QObject]] = set()


def keep_until_finished(thread: QThread, job: QObject) -> None:
    """Hold a thread and its job until the thread has finished (call before thread.start())."""
    entry = (thread, job)
    _RUNNING.add(entry)
    thread.finished.connect(lambda: _RUNNING.discard(entry))


STOP_WAIT_MS = 60_000  # a cancelled job stops at its next progress step; a backup runs to its end


def stop_all_jobs(ms: int = STOP_WAIT_MS) -> None:
    """As the program ends: every job still running is asked to stop at its next step (one that
    cannot, such as a backup, runs to its end) and waited for, as Qt aborts the program when a
    thread is still running at exit."""
    stop_all(ms)
    running = [(thread, job) for thread, job in list(_RUNNING) if thread.isRunning()]
    for _thread, job in running:
        cancel = getattr(job, "cancel", None)
        if callable(cancel):
            cancel()
    for thread, _job in running:
        thread.wait(ms)


class Worker(QObject):
    """Runs `fn(progress)` on the window's runner (ui/runner.py). Connect `done`/`error` before
    `start()`. `kind` is the runner's lane (a job by default: a thread of its own).

    `action` says what failed should the job fault ("Checking conflicts failed.")."""

    done = Signal(object)  # the job's result, or Cancelled
    error = Signal(object)  # a UserError, or a fault already reported to the person
    progressed = Signal(int, int)  # on the UI thread

    def __init__(self, fn: Callable[[Callable[[int, int], bool]], Any], parent: QObject | None = None,
                 action: faults.Action = faults.BACKGROUND, kind: str = JOB,
                 runner: Runner | None = None, key: object | None = None) -> None:
        super().__init__(parent)
        self.action = action
        self._fn = fn
        self._kind = kind
        self._runner = runner
        self._key = key
        self.task: Task | None = None
        self.cancelled = False

    def start(self) -> None:
        runner = self._runner or (runner_for(self.parent()) if self.parent() is not None else app_runner())
        self.task = runner.run(self._fn, self._kind, action=self.action, on_done=self.done.emit,
                               on_error=self.error.emit, on_progress=self.progressed.emit, key=self._key,
                               owner=self)
        self._fn = None  # type: ignore[assignment]  # held by the task until it is answered
        if self.cancelled:
            self.task.cancel()

    def cancel(self) -> None:
        self.cancelled = True
        if self.task is not None:
            self.task.cancel()

    def is_running(self) -> bool:
        return self.task is not None and self.task.is_running()

    def wait(self, ms: int = 30000) -> bool:
        return self.task is None or self.task.wait(ms)


class WorkerSet:
    """The background reads a page has started and not yet seen end: to tell whether it is busy,
    and to wait for them (tests, screenshots, closing)."""

    def __init__(self) -> None:
        self._workers: list[Worker] = []

    def start(self, worker: Worker) -> None:
        self._workers = [w for w in self._workers if w.is_running()] + [worker]
        worker.start()

    def busy(self) -> bool:
        return any(w.is_running() for w in self._workers)

    def wait(self, ms: int = 10000) -> None:
        for worker in list(self._workers):
            worker.wait(ms)


def run_with_progress(parent: QWidget, title: str, label: str,
                      fn: Callable[[Callable[[int, int], bool]], Any],
                      on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
                      action: faults.Action = faults.BACKGROUND, runner: Runner | None = None) -> Worker:
    """Start `fn` on a worker with a progress dialog whose Cancel stops it. `on_done` gets the
    result (or Cancelled); `on_error` a user error, or a fault the person has been told of."""
    dialog = QProgressDialog(label, QCoreApplication.translate("Worker", "Cancel"), 0, 100, parent)
    dialog.setWindowTitle(title)
    # Not modal: a modal QProgressDialog runs the event loop inside setValue(), and a result
    # delivered there would close the dialog from inside its own call.
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    worker = Worker(fn, parent, action, runner=runner)
    dialog.canceled.connect(worker.cancel)

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)

    def close_dialog() -> None:
        worker.progressed.disconnect(progressed)
        dialog.close()
        dialog.deleteLater()

    def finished(result: object) -> None:
        close_dialog()
        on_done(result)

    def failed(exc: BaseException) -> None:
        close_dialog()
        on_error(exc)

    worker.progressed.connect(progressed)
    worker.done.connect(finished)
    worker.error.connect(failed)
    worker.start()
    return worker

