"""UI fixtures: the app's organisation name so QSettings land in the test sandbox."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _app_identity(qapp):
    qapp.setOrganizationName("ALTdesk-tests")
    qapp.setApplicationName("ALTdesk-tests")
    qapp.setStyle("Fusion")
    yield
