"""Garbage made on a worker thread is collected on the UI thread, where Qt objects may die."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject

from ui.main_thread_gc import MainThreadGarbageCollector


class _Cycle:
    """A reference cycle that notes the thread that finally frees it."""

    freed_in: list[str] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _Cycle.freed_in.append(threading.current_thread().name)


def test_cycles_made_on_a_worker_are_freed_on_the_ui_thread(qtbot, _collect_on_the_ui_thread) -> None:
    assert not gc.isenabled(), "automatic collection would run on whichever thread allocates"
    gc.collect()
    _Cycle.freed_in.clear()

    def churn() -> None:
        # Far past the youngest generation's threshold: the automatic collector would run here.
        for _ in range(20 * gc.get_threshold()[0]):
            _Cycle()

    worker = threading.Thread(target=churn, name="worker")
    worker.start()
    worker.join()
    assert _Cycle.freed_in == [], "nothing may be collected on the worker"
    qtbot.waitUntil(lambda: len(_Cycle.freed_in) > 0, timeout=5000)
    assert set(_Cycle.freed_in) == {threading.main_thread().name}


def test_stopping_hands_collection_back_to_python(qapp) -> None:
    parent = QObject()
    was = gc.isenabled()
    gc.enable()
    try:
        collector = MainThreadGarbageCollector(parent)
        assert not gc.isenabled()
        collector.stop()
        assert gc.isenabled()
    finally:
        gc.enable() if was else gc.disable()


def test_a_hold_skips_the_checks_until_it_ends(qapp, monkeypatch) -> None:
    """A view that has just read a month holds collection off until it has painted it."""
    import ui.main_thread_gc as module

    collected: list[int] = []
    monkeypatch.setattr(module.gc, "collect", lambda generation=2: collected.append(generation) or 0)
    monkeypatch.setattr(module.gc, "get_count", lambda: (10_000, 0, 0))
    parent = QObject()
    collector = MainThreadGarbageCollector(parent)
    collector.timer.stop()
    now = [1000.0]
    monkeypatch.setattr(module, "_held_until", 0.0)  # no hold left by a page in an earlier test
    monkeypatch.setattr(module.time, "monotonic", lambda: now[0])
    module.hold_collection(0.3)
    collector.check()
    assert collected == []
    now[0] += 0.31
    collector.check()
    assert collected == [0]
    collector.stop()
