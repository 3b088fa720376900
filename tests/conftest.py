"""Shared fixtures: every test gets its own temporary database and data folder."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Qt must run without a display, and before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Nothing may touch the user's real data folder or settings.
_SANDBOX = Path(tempfile.mkdtemp(prefix="altdesk-tests-"))
os.environ["ALTDESK_DATA_DIR"] = str(_SANDBOX / "data")
os.environ["XDG_CONFIG_HOME"] = str(_SANDBOX / "config")
os.environ.pop("ALTDESK_DB", None)

import pytest  # noqa: E402

from altdesk.db.database import Database, open_database  # noqa: E402
from altdesk.db.engine import DatabaseTarget  # noqa: E402
from altdesk.services.workspace import Workspace, open_workspace  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "branch.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(DatabaseTarget.parse(str(db_path)))
    yield database
    database.close()


@pytest.fixture
def ws(db: Database) -> Workspace:
    return open_workspace(db, actor="tester")


@pytest.fixture
def demo_ws(ws: Workspace) -> Workspace:
    from altdesk.demo import create_demo_branch

    create_demo_branch(ws, "small", 2026, seed=7)
    return ws


@pytest.fixture(scope="session")
def _scheduled_demo_template(tmp_path_factory) -> Path:
    """The small demo branch with its fiscal year scheduled, built once and copied per test."""
    from altdesk.demo import create_demo_branch
    from altdesk.demo_schedule import schedule_demo_branch

    path = tmp_path_factory.mktemp("templates") / "scheduled-demo.sqlite3"
    database = open_database(DatabaseTarget.parse(str(path)))
    try:
        ws = open_workspace(database, actor="tester")
        create_demo_branch(ws, "small", 2026, seed=7)
        schedule_demo_branch(ws, 2026, seed=7)
    finally:
        database.close()
    return path


@pytest.fixture
def scheduled_ws(_scheduled_demo_template: Path, tmp_path: Path) -> Iterator[Workspace]:
    """A fresh copy of the small demo branch with FY2026 generated (events, absences included)."""
    import sqlite3

    path = tmp_path / "scheduled.sqlite3"
    source = sqlite3.connect(_scheduled_demo_template)
    target = sqlite3.connect(path)
    source.backup(target)  # consistent copy, WAL contents included
    source.close()
    target.close()
    database = open_database(DatabaseTarget.parse(str(path)))
    yield open_workspace(database, actor="tester")
    database.close()
