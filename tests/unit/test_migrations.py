"""Migrations: new files at head, old files backed up and upgraded, newer files refused untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from altdesk.db.database import open_database
from altdesk.db.engine import DatabaseTarget, make_engine
from altdesk.db.migrate import alembic_config, head_revision
from altdesk.db.models import Base
from altdesk.errors import NewerDatabase
from tests.helpers import file_digest, run_cli

FIRST_REVISION = "0001_initial"


def _revision(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def test_a_new_file_is_created_at_head(db_path):
    database = open_database(DatabaseTarget.parse(str(db_path)))
    database.close()
    assert _revision(db_path) == head_revision()
    assert database.migration is not None and database.migration.backup is None


def test_migrated_schema_equals_the_models(db):
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []


def test_a_file_at_the_first_revision_is_backed_up_and_upgraded(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = make_engine(DatabaseTarget.parse(str(path)))
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, FIRST_REVISION)
        conn.execute(text("INSERT INTO branch (code, name, name_en, address, phone, settings, version)"
                          " VALUES ('OLD', '旧支店', 'Old', '', '', '{}', 1)"))
    engine.dispose()
    database = open_database(DatabaseTarget.parse(str(path)))
    try:
        with database.engine.connect() as conn:
            assert conn.execute(text("SELECT name FROM branch")).scalar() == "旧支店"
        assert _revision(path) == head_revision()
        if head_revision() != FIRST_REVISION:
            backup = database.migration.backup
            assert backup is not None and backup.exists()
            assert _revision(backup) == FIRST_REVISION
    finally:
        database.close()
    # A second start is a no-op.
    again = open_database(DatabaseTarget.parse(str(path)))
    again.close()
    assert again.migration.from_revision == again.migration.to_revision


def _stamp_newer(path: Path) -> None:
    database = open_database(DatabaseTarget.parse(str(path)))
    database.close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def test_a_newer_database_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "newer.sqlite3"
    _stamp_newer(path)
    before = file_digest(path)
    with pytest.raises(NewerDatabase) as caught:
        open_database(DatabaseTarget.parse(str(path)))
    assert "newer version of ALTdesk" in caught.value.message_en
    assert "新しいバージョン" in caught.value.message_ja
    assert file_digest(path) == before
    assert not Path(str(path) + "-wal").exists()


@pytest.mark.parametrize("args", [["demo", "--size", "small"], ["--screenshot", "{shot}"]])
def test_every_face_exits_2_on_a_newer_database(tmp_path, args):
    path = tmp_path / "newer.sqlite3"
    _stamp_newer(path)
    before = file_digest(path)
    shot = tmp_path / "shot.png"
    result = run_cli("--db", str(path), *[a.format(shot=shot) for a in args])
    assert result.returncode == 2, result.stderr
    assert "newer version of ALTdesk" in result.stderr
    assert "Traceback" not in result.stderr
    assert file_digest(path) == before
    assert not shot.exists()


def test_no_drift_check_catches_a_model_change(db):
    """The drift test above would fail if a model changed without a migration."""
    engine = create_engine("sqlite://")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE branch (id INTEGER PRIMARY KEY)"))
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff  # tables and columns missing are reported


def test_revisions_read_from_the_files_match_alembic():
    from alembic.script import ScriptDirectory

    from altdesk.db.migrate import known_revisions

    scripts = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == scripts.get_current_head()
    assert known_revisions() == {rev.revision for rev in scripts.walk_revisions()}


def test_opening_a_database_at_the_newest_schema_does_not_load_alembic(db_path):
    """Alembic costs a tenth of the start-up: it is loaded only when there is something to upgrade."""
    import subprocess
    import sys

    open_database(DatabaseTarget.parse(str(db_path))).close()  # created and upgraded: Alembic used
    code = ("import sys; from altdesk.db.database import open_database; from altdesk.db.engine import "
            f"DatabaseTarget; open_database(DatabaseTarget.parse({str(db_path)!r})).close(); "
            "print('alembic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_planning_data_migrates_up_and_down_keeping_rows(tmp_path):
    """0007: an older file gains the planner's columns with defaults (travel by car, no cap, not
    pinned) and its two tables; going down drops them and keeps the rows."""
    path = tmp_path / "before-planning.sqlite3"
    engine = make_engine(DatabaseTarget.parse(str(path)))
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0006_operation_journal")
        conn.execute(text("INSERT INTO branch (id, code, name, name_en, address, phone, settings, version)"
                          " VALUES (1, 'B', '支店', 'Branch', '', '', '{}', 1)"))
        conn.execute(text(
            "INSERT INTO alt (id, branch_id, code, family_name, given_name, kana, nationality, status, email, phone,"
            " levels, allergens, other_allergens, vegetarian, vegan, halal, gluten_free, diet_notes,"
            " share_diet_consent, weekly_class_limit, version) VALUES (7, 1, 'A1', 'Smith', 'Emily', '', '',"
            " 'active', '', '', '[\"elementary\"]', '[]', '', 0, 0, 0, 0, '', 0, 25, 1)"))
        command.upgrade(cfg, "0007_planning_data")
        row = conn.execute(text("SELECT travel_mode, preferred_levels, max_schools, home_latitude, end_date"
                                " FROM alt WHERE id = 7")).one()
        assert row[0] == "car" and row[1] in ("[]", []) and row[2] is None and row[3] is None and row[4] is None
        conn.execute(text("INSERT INTO travel_time (branch_id, from_code, to_code, minutes) VALUES (1, 'A1', 'S1', 20)"))
        command.downgrade(cfg, "0006_operation_journal")
        columns = {r[1] for r in conn.execute(text("PRAGMA table_info(alt)"))}
        assert "travel_mode" not in columns and "family_name" in columns
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))}
        assert "school_demand" not in tables and "travel_time" not in tables
        assert conn.execute(text("SELECT code FROM alt WHERE id = 7")).scalar() == "A1"
        command.upgrade(cfg, "head")
    engine.dispose()


def test_a_branch_in_use_is_upgraded_with_every_row_kept(tmp_path):
    """A real branch's file, with placements and visits pointing at its ALTs and schools, is
    upgraded over the revisions that rebuild those tables on SQLite (a rebuilt table is dropped
    and made again; with foreign keys enforced that drop failed, or would have emptied the
    tables that point at it)."""
    from altdesk.demo import create_demo_branch
    from altdesk.demo_schedule import schedule_demo_branch
    from altdesk.services.workspace import open_workspace

    path = tmp_path / "in-use.sqlite3"
    database = open_database(DatabaseTarget.parse(str(path)))
    ws = open_workspace(database, actor="tester")
    create_demo_branch(ws, "small", 2026, seed=7)
    schedule_demo_branch(ws, 2026, seed=7)
    tables = ("alt", "school", "board", "placement", "visit", "absence", "day_off")
    with database.engine.connect() as conn:
        counts = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in tables}
    database.close()
    assert counts["visit"] > 1000 and counts["placement"] > 10
    # Back to the journal's revision, as a file made before the planner's data would be.
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")  # outside a transaction, or SQLite ignores it
        conn.commit()
        with conn.begin():
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0006_operation_journal")
    engine.dispose()
    assert _revision(path) == "0006_operation_journal"

    upgraded = open_database(DatabaseTarget.parse(str(path)))
    try:
        assert _revision(path) == head_revision()
        with upgraded.engine.connect() as conn:
            assert {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in tables} == counts
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # enforced again after
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        upgraded.close()
