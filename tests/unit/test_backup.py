"""Backups, rotation, restore and verify: what a coordinator relies on when a PC fails."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from altdesk.db import backup as backup_module
from altdesk.db.backup import (
    AUTO,
    backup_sqlite,
    backups_dir_for,
    list_backups,
    rotate_backups,
    timestamped_backup,
)
from altdesk.db.database import open_database
from altdesk.db.engine import DatabaseTarget, transaction
from altdesk.db.models import School
from altdesk.db.rotation import BackupPolicy, is_due, stamps_to_keep
from altdesk.errors import InvalidInput
from altdesk.services.audit import AuditFilter, query_audit
from altdesk.services.safety import make_backup, newest_good_backup, verify_file
from altdesk.services.workspace import load_record, open_workspace, save_edit
from tests.helpers import file_digest, run_cli, table_dump


def damage(path: Path) -> None:
    """Fold the WAL into the file, then overwrite two pages in its middle with garbage."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    pages = path.stat().st_size // 4096
    with open(path, "r+b") as handle:
        handle.seek((pages // 2) * 4096)
        handle.write(b"\xff" * 8192)


def stamp_newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()


def phone_of(path: Path, code: str) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT phone FROM school WHERE code = ?", (code,)).fetchone()[0]
    finally:
        conn.close()


def set_phone(ws, code: str, phone: str) -> None:
    with ws.db.sessions() as s:
        school_id = s.scalar(select(School.id).where(School.code == code))
    record = load_record(ws, School, school_id)
    save_edit(ws, School, school_id, record["version"], {"phone": phone})


class Ran:
    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


@pytest.fixture
def cli(capsys):
    """The CLI in this process (the subprocess contract is tested once, below): fast."""
    from altdesk.cli import main

    def run(*args: str) -> Ran:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return Ran(code, out, err)

    return run


def without_audit(dump: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    return {t: rows for t, rows in dump.items() if t != "audit_entry"}


@pytest.fixture
def demo_file(tmp_path: Path, cli) -> Path:
    path = tmp_path / "branch.sqlite3"
    result = cli("--db", str(path), "demo", "--size", "small", "--seed", "3")
    assert result.returncode == 0, result.stderr
    return path


# --- the copy itself ------------------------------------------------------------------------

def test_backup_holds_committed_data_only_and_stands_alone(demo_ws, tmp_path):
    db_path = demo_ws.db.target.sqlite_path
    set_phone(demo_ws, "S0001", "committed-1")
    writer = sqlite3.connect(db_path)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE school SET phone = 'uncommitted' WHERE code = 'S0002'")
    try:
        made = backup_sqlite(db_path, tmp_path / "copies" / "copy.sqlite3")
    finally:
        writer.rollback()
        writer.close()
    # The copy needs no -wal beside it: move it alone and read it read-only.
    alone = tmp_path / "usb" / "copy.sqlite3"
    alone.parent.mkdir()
    made.replace(alone)
    assert phone_of(alone, "S0001") == "committed-1"
    assert phone_of(alone, "S0002") != "uncommitted"
    assert not list(alone.parent.glob("*-wal"))
    assert not list((tmp_path / "copies").iterdir())  # no .partial left behind


def test_a_failed_backup_leaves_nothing_under_the_real_name(demo_ws, tmp_path, monkeypatch):
    db_path = demo_ws.db.target.sqlite_path
    destination = tmp_path / "out" / "b.sqlite3"

    def disk_full(_path):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup_module, "_fsync_file", disk_full)
    with pytest.raises(OSError):
        backup_sqlite(db_path, destination)
    assert not destination.exists()
    assert list(destination.parent.iterdir()) == []


def test_backup_out_refuses_the_database_itself(demo_ws):
    db_path = demo_ws.db.target.sqlite_path
    before = file_digest(db_path)
    with pytest.raises(InvalidInput):
        make_backup(demo_ws, db_path)
    assert file_digest(db_path) == before


def test_backup_command_writes_to_a_folder_and_lists_it(demo_file, tmp_path, cli):
    usb = tmp_path / "usb"
    usb.mkdir()
    first = cli("--db", str(demo_file), "backup")
    to_usb = cli("--db", str(demo_file), "backup", "--out", str(usb))
    assert first.returncode == 0 and to_usb.returncode == 0, first.stderr + to_usb.stderr
    copies = list(usb.glob("branch-manual-*.sqlite3"))
    assert len(copies) == 1
    assert without_audit(table_dump(copies[0])) == without_audit(table_dump(demo_file))
    listed = cli("--db", str(demo_file), "backup", "--list")
    assert "manual" in listed.stdout and str(backups_dir_for(demo_file)) in listed.stdout
    with _open(demo_file) as db:
        exports = query_audit(open_workspace(db), AuditFilter(action="export", entity="database"))
    assert len(exports) == 2 and str(copies[0]) in exports[0].summary + exports[1].summary


class _open:
    """Open a database for a `with` block."""

    def __init__(self, path: Path) -> None:
        self.db = open_database(DatabaseTarget.parse(str(path)))

    def __enter__(self):
        return self.db

    def __exit__(self, *_exc) -> None:
        self.db.close()


# --- rotation -------------------------------------------------------------------------------

def test_rotation_keeps_7_daily_4_weekly_12_monthly():
    now = dt.datetime(2026, 5, 20, 9, 0)
    daily = [now - dt.timedelta(days=d) for d in range(500)]
    kept = sorted(stamps_to_keep(daily, BackupPolicy()), reverse=True)
    assert kept[:7] == daily[:7]  # the last seven days, one each
    assert all(now - k < dt.timedelta(days=366) for k in kept)
    months = {(k.year, k.month) for k in kept}
    assert len(months) == 12
    weeks = {k.isocalendar()[:2] for k in kept if now - k < dt.timedelta(days=28)}
    assert len(weeks) >= 4
    # Nothing is kept twice over and nothing beyond the policy: at most 7 + 4 + 12.
    assert len(kept) <= 7 + 4 + 12
    assert len(kept) >= 12 + 4  # monthly and weekly copies beyond the daily ones


def test_rotation_counts_existing_backups_not_calendar_days():
    # A PC that was off for months keeps its last copies instead of pruning them all.
    old = [dt.datetime(2025, 1, d, 12) for d in range(1, 11)]
    kept = stamps_to_keep(old, BackupPolicy(daily=3, weekly=0, monthly=0))
    assert kept == set(old[-3:])


def test_due_once_per_day_and_never_when_disabled():
    now = dt.datetime(2026, 5, 20, 9, 0)
    assert is_due(None, BackupPolicy(), now)
    assert is_due(dt.datetime(2026, 5, 19, 23, 59), BackupPolicy(), now)
    assert not is_due(dt.datetime(2026, 5, 20, 0, 1), BackupPolicy(), now)
    assert not is_due(dt.datetime(2026, 5, 14), BackupPolicy(daily=0, weekly=2, monthly=0), now)
    assert is_due(dt.datetime(2026, 5, 13), BackupPolicy(daily=0, weekly=2, monthly=0), now)
    assert not is_due(None, BackupPolicy(0, 0, 0), now)


def test_rotation_deletes_only_automatic_backups(demo_ws):
    db_path = demo_ws.db.target.sqlite_path
    start = dt.datetime(2026, 1, 1, 8)
    for day in range(10):
        timestamped_backup(db_path, AUTO, start + dt.timedelta(days=day))
    manual = timestamped_backup(db_path, "manual", start)
    migration = timestamped_backup(db_path, "before-migration-0001", start)
    deleted = rotate_backups(db_path, BackupPolicy(daily=2, weekly=0, monthly=0))
    assert len(deleted) == 8
    left = list_backups(db_path)
    assert [b.taken.day for b in left if b.reason == AUTO] == [10, 9]
    assert manual.exists() and migration.exists()


def test_policy_is_set_from_the_cli_and_applied(demo_file, cli):
    result = cli("--db", str(demo_file), "backup", "--policy", "2,0,0")
    assert result.returncode == 0, result.stderr
    bad = cli("--db", str(demo_file), "backup", "--policy", "many")
    assert bad.returncode == 2 and "7,4,12" in bad.stderr
    # Changing the policy was the day's first write: a copy of the state before it was made.
    today = [b for b in list_backups(demo_file) if b.automatic]
    assert len(today) == 1
    with _open(demo_file) as db:
        assert db.backup_policy() == BackupPolicy(2, 0, 0)
        for day in range(1, 6):
            timestamped_backup(demo_file, AUTO, dt.datetime(2026, 1, day, 8))
        rotate_backups(demo_file, db.backup_policy())
    autos = [b for b in list_backups(demo_file) if b.automatic]
    assert [b.path for b in autos] == [today[0].path, autos[1].path]
    assert autos[1].taken == dt.datetime(2026, 1, 5, 8)


# --- automatic backups ------------------------------------------------------------------------

def test_first_write_of_the_day_backs_up_the_state_before_it(demo_file):
    original = phone_of(demo_file, "S0001")
    with _open(demo_file) as db:
        ws = open_workspace(db, actor="tester")
        assert not [b for b in list_backups(demo_file) if b.automatic]  # opening alone writes nothing
        set_phone(ws, "S0001", "first-edit")
        set_phone(ws, "S0001", "second-edit")
    autos = [b for b in list_backups(demo_file) if b.automatic]
    assert len(autos) == 1
    assert phone_of(autos[0].path, "S0001") == original
    # Another start the same day makes no second copy.
    with _open(demo_file) as db:
        set_phone(open_workspace(db), "S0001", "third-edit")
    assert len([b for b in list_backups(demo_file) if b.automatic]) == 1


def test_a_new_file_is_not_backed_up_while_it_is_being_filled(tmp_path, cli):
    path = tmp_path / "new.sqlite3"
    assert cli("--db", str(path), "demo").returncode == 0
    assert list_backups(path) == []


# --- verify -----------------------------------------------------------------------------------

def test_verify_ok_and_damaged_exit_codes_and_never_writes(demo_file, cli):
    ok = cli("--db", str(demo_file), "verify")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "Integrity: ok" in ok.stdout and "(current)" in ok.stdout
    damage(demo_file)
    before = file_digest(demo_file)
    bad = run_cli("--db", str(demo_file), "verify")  # a real process: exit code, no traceback
    assert bad.returncode == 2
    assert "DAMAGED" in bad.stdout and "Traceback" not in bad.stderr
    quick = cli("--db", str(demo_file), "verify", "--quick")
    assert quick.returncode == 2
    assert file_digest(demo_file) == before
    assert not Path(str(demo_file) + "-wal").exists()
    ja = cli("--lang", "ja", "--db", str(demo_file), "verify")
    assert "破損" in ja.stdout


def test_verify_a_backup_file_and_a_newer_one(demo_file, tmp_path, cli):
    made = cli("--db", str(demo_file), "backup", "--out", str(tmp_path / "b.sqlite3"))
    assert made.returncode == 0
    assert cli("verify", str(tmp_path / "b.sqlite3")).returncode == 0
    stamp_newer(tmp_path / "b.sqlite3")
    newer = cli("verify", str(tmp_path / "b.sqlite3"))
    assert newer.returncode == 2 and "newer ALTdesk" in newer.stdout
    report = verify_file(tmp_path / "b.sqlite3")
    assert report.schema_state == "newer" and not report.damaged


# --- restore ----------------------------------------------------------------------------------

def test_restore_puts_the_backup_back_and_keeps_the_replaced_file(demo_file, tmp_path, cli):
    saved = tmp_path / "saved.sqlite3"
    assert cli("--db", str(demo_file), "backup", "--out", str(saved)).returncode == 0
    with _open(demo_file) as db:
        set_phone(open_workspace(db), "S0001", "after-the-backup")
    replaced = without_audit(table_dump(demo_file))
    result = run_cli("--db", str(demo_file), "restore", str(saved))  # a real process
    assert result.returncode == 0, result.stderr
    assert phone_of(demo_file, "S0001") != "after-the-backup"
    assert without_audit(table_dump(demo_file)) == without_audit(table_dump(saved))
    kept = [b for b in list_backups(demo_file) if b.reason == "before-restore"]
    assert len(kept) == 1 and str(kept[0].path) in result.stdout
    assert without_audit(table_dump(kept[0].path)) == replaced
    with _open(demo_file) as db:
        restores = query_audit(open_workspace(db), AuditFilter(text="restored from"))
    assert len(restores) == 1 and restores[0].actor


@pytest.mark.parametrize("spoil", ["damaged", "newer", "not_altdesk", "missing"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(demo_file, tmp_path, spoil, cli):
    bad = tmp_path / "bad.sqlite3"
    assert cli("--db", str(demo_file), "backup", "--out", str(bad)).returncode == 0
    if spoil == "damaged":
        damage(bad)
    elif spoil == "newer":
        stamp_newer(bad)
    elif spoil == "not_altdesk":
        bad.unlink()
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE notes (t TEXT)")
        conn.commit()
        conn.close()
    else:
        bad.unlink()
    backups_before = list_backups(demo_file)
    before = table_dump(demo_file)
    result = cli("--db", str(demo_file), "restore", str(bad))
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    expected = {"damaged": "damaged", "newer": "newer version", "not_altdesk": "not an ALTdesk",
                "missing": "no backup file"}[spoil]
    assert expected in result.stderr
    assert table_dump(demo_file) == before
    assert list_backups(demo_file) == backups_before


def test_restore_over_a_damaged_file_keeps_the_damaged_bytes(demo_file, tmp_path, cli):
    saved = tmp_path / "saved.sqlite3"
    assert cli("--db", str(demo_file), "backup", "--out", str(saved)).returncode == 0
    damage(demo_file)
    damaged_digest = file_digest(demo_file)
    refused = cli("--db", str(demo_file), "demo", "--force")
    assert refused.returncode == 2 and "restore --newest" in refused.stderr
    assert file_digest(demo_file) == damaged_digest  # never written over
    result = cli("--db", str(demo_file), "restore", str(saved))
    assert result.returncode == 0, result.stderr
    aside = [b for b in list_backups(demo_file) if b.reason == "damaged"]
    assert len(aside) == 1 and file_digest(aside[0].path) == damaged_digest
    assert verify_file(demo_file).ok
    assert without_audit(table_dump(demo_file)) == without_audit(table_dump(saved))
    # The damaged copy is evidence, never offered as a backup.
    assert newest_good_backup(demo_file) is None


def test_restore_newest_picks_the_newest_good_backup(demo_file, cli):
    with _open(demo_file) as db:
        ws = open_workspace(db)
        set_phone(ws, "S0001", "older")
        good = make_backup(ws)
        set_phone(ws, "S0001", "newer")
        spoiled = make_backup(ws)
    damage(spoiled)
    result = cli("--db", str(demo_file), "restore", "--newest")
    assert result.returncode == 0, result.stderr
    assert str(good) in result.stdout
    assert phone_of(demo_file, "S0001") == "older"


def test_restore_drill_every_newest_backup_gives_back_every_table(demo_file, cli):
    """Backups taken at several moments each restore to exactly what they hold."""
    taken: list[Path] = []
    with _open(demo_file) as db:
        ws = open_workspace(db, actor="drill")
        for step in range(3):
            set_phone(ws, f"S000{step + 1}", f"drill-{step}")
            with transaction(ws.db.sessions) as session:
                session.get(School, step + 1).contact_teacher = f"先生{step}"
            taken.append(make_backup(ws))
        db.backup_if_due()
    automatic = [b.path for b in list_backups(demo_file) if b.automatic]
    for backup in reversed([*taken, *automatic]):
        expected = table_dump(backup)
        result = cli("--db", str(demo_file), "restore", str(backup))
        assert result.returncode == 0, result.stderr
        restored = table_dump(demo_file)
        assert without_audit(restored) == without_audit(expected)
        # The log is the backup's, plus one line saying it was restored.
        added = set(restored["audit_entry"]) - set(expected["audit_entry"])
        assert set(expected["audit_entry"]) <= set(restored["audit_entry"])
        assert len(added) == 1 and "restored from backup" in str(added)
