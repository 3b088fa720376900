"""UI fixtures: the app's organisation name so QSettings land in the test sandbox, and garbage
collected only where Qt objects may safely die."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from ui.main_thread_gc import MainThreadGarbageCollector


def _collect_while_quiet(qapp) -> None:
    """Free a finished test's windows and their garbage now, with no job running and no event
    pending, rather than wherever the collector next happens to run (such as inside the next
    fixture's teardown once Python's own collector is back, where a worker was seen to crash)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qapp.processEvents()
    gc.collect()


@pytest.fixture(scope="module", autouse=True)
def _collect_on_the_ui_thread(qapp):
    """As the app does: no garbage collection on worker threads (it would destroy Qt objects there).
    Per module, so the tests outside tests/ui that run later get Python's own collector back."""
    collector = MainThreadGarbageCollector(qapp)
    yield collector
    _collect_while_quiet(qapp)
    collector.stop()


@pytest.fixture(autouse=True)
def _collect_after_each_test(qapp):
    """Set up before (so torn down after) the test's own fixtures: qtbot has closed its widgets."""
    yield
    _collect_while_quiet(qapp)


@pytest.fixture(autouse=True)
def _app_identity(qapp):
    qapp.setOrganizationName("ALTdesk-tests")
    qapp.setApplicationName("ALTdesk-tests")
    qapp.setStyle("Fusion")
    yield
