"""The window's one runner (ui/runner.py): answers on the UI thread, stale answers dropped, cancel,
faults to the fault dialog, edits in order."""

from __future__ import annotations

import datetime as dt
import sys
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThread

from altdesk.errors import Cancelled, StaleEdit
from ui import faults
from ui.main_window import MainWindow
from ui.runner import EDIT, Runner, runner_for

JUNE_8 = dt.date(2026, 6, 8)


@pytest.fixture
def hooks(qapp) -> Iterator[None]:
    saved = sys.excepthook, threading.excepthook
    faults.install()
    yield
    sys.excepthook, threading.excepthook = saved
    dialog = faults.current_dialog()
    if dialog is not None:
        dialog.close()


@pytest.fixture
def runner(qapp) -> Iterator[Runner]:
    made = Runner()
    yield made
    made.stop(5000)
    made.settle(5000)


def test_answers_arrive_on_the_ui_thread_and_work_runs_off_it(runner, qtbot):
    threads = []
    answers = []
    runner.read(lambda _p: threads.append(threading.current_thread()) or 42,
                on_done=lambda value: answers.append((value, QThread.currentThread())))
    runner.settle()
    assert [value for value, _thread in answers] == [42]
    assert answers[0][1] is QThread.currentThread()  # delivered on the UI thread
    assert threads and threads[0] is not threading.main_thread()


def test_a_read_superseded_under_its_key_is_dropped(runner):
    gate = threading.Event()
    shown = []
    runner.read(lambda _p: gate.wait(5) and "June", key="month", on_done=shown.append)
    runner.read(lambda _p: "July", key="month", on_done=shown.append)
    gate.set()
    runner.settle()
    assert shown == ["July"]  # the month left behind never reaches the screen


def test_edits_run_one_at_a_time_in_the_order_asked(runner):
    order = []
    gate = threading.Event()
    runner.edit(lambda _p: gate.wait(5) and order.append("first"))
    runner.edit(lambda _p: order.append("second"))
    gate.set()
    runner.settle(kind=EDIT)
    assert order == ["first", "second"]


def test_a_cancelled_job_ends_as_cancelled_and_its_work_stops(runner, tmp_path):
    written = tmp_path / "export.txt"
    started = threading.Event()

    def export(progress):  # type: ignore[no-untyped-def]
        started.set()
        lines = []
        for n in range(10_000):
            if not progress(n, 10_000):
                return Cancelled()  # as the core's exporters do: nothing written
            lines.append(str(n))
            threading.Event().wait(0.001)
        written.write_text("\n".join(lines))
        return written

    results = []
    task = runner.job(export, on_done=results.append)
    assert started.wait(5)
    task.cancel()
    runner.settle()
    assert results == [Cancelled()] and not written.exists()


def test_a_cancelled_job_not_yet_started_never_runs(runner):
    ran = []
    gate = threading.Event()
    runner.edit(lambda _p: gate.wait(5))  # the edit lane is busy
    results = []
    task = runner.edit(lambda _p: ran.append(1), on_done=results.append)
    task.cancel()
    gate.set()
    runner.settle()
    assert ran == [] and results == [Cancelled()]


def test_a_fault_reaches_the_fault_dialog_and_the_error_callback(runner, hooks, qtbot):
    errors = []

    def broken(_p):  # type: ignore[no-untyped-def]
        raise KeyError("private detail")

    runner.read(broken, action=faults.READ_CALENDAR, on_error=errors.append)
    runner.settle()
    assert len(errors) == 1 and isinstance(errors[0], KeyError)
    qtbot.waitUntil(lambda: faults.current_dialog() is not None, timeout=5000)
    assert faults.READ_CALENDAR.en in faults.current_dialog().message.text()


def test_a_user_error_goes_to_the_page_not_the_fault_dialog(runner, hooks):
    errors = []

    def stale(_p):  # type: ignore[no-untyped-def]
        raise StaleEdit()

    runner.edit(stale, on_error=errors.append)
    runner.settle()
    assert isinstance(errors[0], StaleEdit) and faults.current_dialog() is None


def test_an_answer_for_an_owner_that_is_gone_is_dropped(runner, qtbot):
    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    gate = threading.Event()
    answers = []
    runner.read(lambda _p: gate.wait(5) and "late", owner=owner, on_done=answers.append)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=2000)
    gate.set()
    runner.settle()
    assert answers == []


def _alive(obj) -> bool:  # type: ignore[no-untyped-def]
    from shiboken6 import isValid

    return isValid(obj)


def test_the_window_has_one_runner_its_pages_share(qtbot, scheduled_ws):
    window = MainWindow(scheduled_ws, today=JUNE_8)
    qtbot.addWidget(window)
    page = window.calendar_page
    assert runner_for(window.ctx) is page.runner is page.loader.runner is runner_for(page)
    page.wait_for_background()


def test_a_month_read_for_a_month_left_behind_is_dropped(qtbot, scheduled_ws, monkeypatch):
    from ui.calendar import month_loader as module

    window = MainWindow(scheduled_ws, today=JUNE_8)
    qtbot.addWidget(window)
    window.show()
    window.show_section("calendar")
    page = window.calendar_page
    page.set_view("board")
    page.go_to(JUNE_8)
    page.wait_for_background()
    real = module.month_board
    gate = threading.Event()

    def slow_june(ws, first, last, flt):  # type: ignore[no-untyped-def]
        if first.month == 6 and threading.current_thread() is not threading.main_thread():
            gate.wait(10)
        return real(ws, first, last, flt)

    monkeypatch.setattr(module, "month_board", slow_june)
    page.reload_soon()  # June read again in the background (as after an edit)...
    page.step(1)  # ...and the person moves on to July before it arrives
    gate.set()
    page.wait_for_background()
    qtbot.wait(100)
    assert page.board_model.board.first == dt.date(2026, 7, 1)  # July stays on screen
    assert page.title.text().startswith("July") or "7" in page.title.text()
    page.wait_for_background()
