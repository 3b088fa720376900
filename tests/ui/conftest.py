"""UI fixtures: the app's organisation name so QSettings land in the test sandbox, and garbage
collected only where Qt objects may safely die."""

from __future__ import annotations

import gc
import weakref

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from shiboken6 import isValid

from tests.ui.editing import EDITORS_TODAY
from ui.app_context import AppContext
from ui.main_thread_gc import MainThreadGarbageCollector

# Every AppContext a test makes, to empty its undo stack before the collector frees it (see
# _empty_undo_stacks). The window's own context is emptied as the window closes.
_contexts: list[weakref.ref[AppContext]] = []
_made_by_app = AppContext.__init__


def _tracked_init(self: AppContext, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
    _made_by_app(self, *args, **kwargs)
    _contexts.append(weakref.ref(self))


AppContext.__init__ = _tracked_init  # type: ignore[method-assign]


def _empty_undo_stacks() -> None:
    """A context made without a window dies in a reference cycle, so Python's collector frees it,
    and may free the wrappers of the undo commands its stack owns first: Qt's stack then deletes
    those commands a second time as it goes (a segfault in QUndoStack::clear, seen in teardown).
    Emptied here, the commands are deleted once, in order, before the collector runs."""
    for ref in _contexts:
        ctx = ref()
        if ctx is not None and isValid(ctx) and isValid(ctx.undo_stack):
            ctx.undo_stack.clear()
    _contexts[:] = [ref for ref in _contexts if ref() is not None]  # a context kept for more tests stays watched


def _collect_while_quiet(qapp) -> None:
    """Free a finished test's windows and their garbage now, with no job running and no event
    pending, rather than wherever the collector next happens to run (such as inside the next
    fixture's teardown once Python's own collector is back, where a worker was seen to crash)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qapp.processEvents()
    _empty_undo_stacks()
    gc.collect()


@pytest.fixture(scope="module", autouse=True)
def _collect_on_the_ui_thread(qapp):
    """As the app does: no garbage collection on worker threads (it would destroy Qt objects there).
    Per module, so the tests outside tests/ui that run later get Python's own collector back."""
    collector = MainThreadGarbageCollector(qapp)
    # What is alive now (modules, the app, earlier files' fixtures) outlives this file's tests:
    # frozen, the collection after each test walks only what the test made. Unfrozen, a worker's
    # heap grew with every file and the collections took half of the UI tests' time (156 s of 298).
    _collect_while_quiet(qapp)
    gc.freeze()
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


@pytest.fixture
def ctx(ws):  # type: ignore[no-untyped-def]
    """A window's context with its record editors, on EDITORS_TODAY (a file may define its own)."""
    from ui.controllers.record_editing import RecordEditing

    context = AppContext(ws)
    RecordEditing(context, today=lambda: EDITORS_TODAY)
    return context
