"""The desktop's early integrity check: started only for an SQLite file with something in it, and
its finding used by open_database exactly as a check made there."""

from __future__ import annotations

import pytest

from altdesk.db.database import EarlyQuickCheck, open_database
from altdesk.db.engine import DatabaseTarget
from altdesk.errors import DatabaseDamaged


def test_nothing_is_started_for_a_server_a_missing_file_or_an_empty_one(tmp_path):
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    for value in ("postgresql+psycopg://user@127.0.0.1/branch", str(tmp_path / "missing.sqlite3"), str(empty),
                  "not-a-scheme://::"):
        assert EarlyQuickCheck.start_for(value) is None


def test_a_damaged_file_found_early_is_refused_by_open_database(tmp_path, db_path):
    open_database(DatabaseTarget.parse(str(db_path))).close()  # a sound, migrated file
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(db_path.read_bytes()[:4096] + b"\x00garbage" * 2000)
    early = EarlyQuickCheck.start_for(str(damaged))
    assert early is not None and early.result().problems
    with pytest.raises(DatabaseDamaged):
        open_database(DatabaseTarget.parse(str(damaged)), early_check=early)
    sound = EarlyQuickCheck.start_for(str(db_path))
    assert sound is not None and sound.result().ok
    open_database(DatabaseTarget.parse(str(db_path)), early_check=sound).close()
