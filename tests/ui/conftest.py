"""UI fixtures: the app's organisation name so QSettings land in the test sandbox."""

from __future__ import annotations

import pytest

from ui.main_thread_gc import MainThreadGarbageCollector


@pytest.fixture(scope="module", autouse=True)
def _collect_on_the_ui_thread(qapp):
    """As the app does: no garbage collection on worker threads (it would destroy Qt objects there).
    Per module, so the tests outside tests/ui that run later get Python's own collector back."""
    collector = MainThreadGarbageCollector(qapp)
    yield collector
    collector.stop()


@pytest.fixture(autouse=True)
def _app_identity(qapp):
    qapp.setOrganizationName("ALTdesk-tests")
    qapp.setApplicationName("ALTdesk-tests")
    qapp.setStyle("Fusion")
    yield
