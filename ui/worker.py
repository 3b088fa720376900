"""Long jobs on a worker thread with progress and cancel; results come back on the UI thread.

The job gets a `progress(done, total) -> bool` callback; returning False asks it to stop
(every core function that takes a progress callback honours that and writes nothing).

A job's fault reaches the person and the log through ui.faults (the worker reports it, then
emits `error` so its page can tidy up); a user error is the page's to show. A job the person
cancelled ends through `done`, with `Cancelled` where it did not return a result of its own.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from altdesk.errors import Cancelled, UserError
from ui import faults

log = logging.getLogger("altdesk.ui")
_RUNNING: set[tuple[QThread, QObject]] = set()


def keep_until_finished(thread: QThread, job: QObject) -> None:
    """Hold a thread and its job until the thread has finished (call before thread.start())."""
    entry = (thread, job)
    _RUNNING.add(entry)
    thread.finished.connect(lambda: _RUNNING.discard(entry))


STOP_WAIT_MS = 60_000  # a cancelled job stops at its next progress step; a backup runs to its end


def stop_all_jobs(ms: int = STOP_WAIT_MS) -> None:
    """As the program ends: every job still running is asked to stop at its next step (one that
    cannot, such as a backup, runs to its end) and its thread waited for, as Qt aborts the
    program when a thread is still running at exit."""
    running = [(thread, job) for thread, job in list(_RUNNING) if thread.isRunning()]
    for _thread, job in running:
        cancel = getattr(job, "cancel", None)
        if callable(cancel):
            cancel()
    for thread, _job in running:
        thread.wait(ms)


class _Job(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable[[Callable[[int, int], bool]], Any]) -> None:
        super().__init__()
        self._fn = fn
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(self._progress)
        except Exception as exc:  # delivered to the UI thread, shown there
            self.failed.emit(exc)
        else:
            self.finished.emit(result)
        finally:
            # The thread ends itself: it must not depend on the UI side (which may be gone) to stop.
            QThread.currentThread().quit()


class Worker(QObject):
    """Runs `fn(progress)` on its own thread. Connect `done`/`error` before `start()`.

    `action` says what failed should the job fault ("Checking conflicts failed.")."""

    done = Signal(object)  # the job's result, or Cancelled
    error = Signal(object)  # a UserError, or a fault already reported to the person
    progressed = Signal(int, int)  # re-emitted on the UI thread

    def __init__(self, fn: Callable[[Callable[[int, int], bool]], Any], parent: QObject | None = None,
                 action: faults.Action = faults.BACKGROUND) -> None:
        super().__init__(parent)
        self.action = action
        self._thread = QThread()
        self._job = _Job(fn)
        self._job.moveToThread(self._thread)
        self._thread.started.connect(self._job.run)
        self._job.finished.connect(self._on_finished)
        self._job.failed.connect(self._on_failed)
        # Through a slot of this object (which lives on the UI thread), so listeners run there.
        self._job.progressed.connect(self._on_progress)
        self.cancelled = False

    def start(self) -> None:
        # Hold the thread and its job until the thread has finished, whatever happens to the
        # widget that started it: Qt aborts when a running QThread is garbage-collected.
        keep_until_finished(self._thread, self._job)
        self._thread.start()

    def cancel(self) -> None:
        self.cancelled = True
        self._job.cancel()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, ms: int = 30000) -> bool:
        return self._thread.wait(ms)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    def _stop_thread(self) -> None:
        self._thread.quit()
        self._thread.wait()

    def _on_finished(self, result: object) -> None:
        self._stop_thread()
        self.done.emit(result)

    def _on_failed(self, exc: object) -> None:
        self._stop_thread()
        error = exc if isinstance(exc, BaseException) else RuntimeError("a job failed")
        if self.cancelled:  # whatever a cancelled job ended with, the person asked for its end
            log.info("%s Cancelled by the person; it ended with %s", self.action.en, type(error).__qualname__)
            self.done.emit(Cancelled(error if isinstance(error, UserError) else None))
            return
        if not isinstance(error, UserError):
            faults.report_fault(error, self.action)
        self.error.emit(error)


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
                      action: faults.Action = faults.BACKGROUND) -> Worker:
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
    worker = Worker(fn, parent, action)
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

