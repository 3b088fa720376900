"""One ALTdesk per file (and no stale lock after a crash), no SQLite on a network share,
and no lost update when several people or processes save the same record."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import select

from altdesk.db import network_share
from altdesk.db.database import open_database
from altdesk.db.engine import DatabaseTarget, transaction
from altdesk.db.locking import InstanceLock, lock_path_for
from altdesk.db.models import AuditEntry, School
from altdesk.db.network_share import network_share_reason, parse_mounts
from altdesk.errors import DatabaseLocked, NetworkShareRefused, StaleEdit
from altdesk.services.workspace import load_record, open_workspace, save_edit
from tests.helpers import REPO, file_digest, run_cli

HOLDER = textwrap.dedent("""
    import sys, time
    from altdesk.db.database import open_database
    from altdesk.db.engine import DatabaseTarget
    db = open_database(DatabaseTarget.parse(sys.argv[1]), exclusive=True)
    print("LOCKED", flush=True)
    time.sleep(600)
""")


def start_holder(path: Path) -> subprocess.Popen[str]:
    """Another ALTdesk holding the file, in its own process; returns once it holds the lock."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], cwd=REPO, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    line = proc.stdout.readline() if proc.stdout else ""
    assert line.strip() == "LOCKED", proc.stderr.read() if proc.stderr else ""
    return proc


# --- one instance per file --------------------------------------------------------------------

def test_second_instance_in_this_process_is_refused_then_allowed_after_close(db_path):
    first = open_database(DatabaseTarget.parse(str(db_path)), exclusive=True)
    try:
        with pytest.raises(DatabaseLocked) as caught:
            open_database(DatabaseTarget.parse(str(db_path)), exclusive=True)
        assert "already open in another ALTdesk" in caught.value.message_en
        assert "別の ALTdesk" in caught.value.message_ja
    finally:
        first.close()
    again = open_database(DatabaseTarget.parse(str(db_path)), exclusive=True)
    again.close()


def test_a_sigkilled_instance_leaves_no_stale_lock(db_path):
    open_database(DatabaseTarget.parse(str(db_path))).close()
    holder = start_holder(db_path)
    try:
        with pytest.raises(DatabaseLocked) as caught:
            open_database(DatabaseTarget.parse(str(db_path)), exclusive=True)
        assert "since" in caught.value.message_en  # says who holds it
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
    assert holder.returncode == -signal.SIGKILL
    assert lock_path_for(db_path).exists()  # the file stays; the OS lock died with the process
    recovered = open_database(DatabaseTarget.parse(str(db_path)), exclusive=True)
    recovered.close()


def test_restore_is_refused_while_an_instance_has_the_file_open(tmp_path):
    path = tmp_path / "b.sqlite3"
    assert run_cli("--db", str(path), "demo").returncode == 0
    backup = tmp_path / "copy.sqlite3"
    assert run_cli("--db", str(path), "backup", "--out", str(backup)).returncode == 0
    holder = start_holder(path)
    try:
        before = file_digest(path)
        result = run_cli("--db", str(path), "restore", str(backup))
        assert result.returncode == 2
        assert "already open in another ALTdesk" in result.stderr
        assert file_digest(path) == before
    finally:
        holder.kill()
        holder.wait(timeout=10)


def test_lock_object_is_a_context_manager(db_path):
    with InstanceLock(db_path) as held:
        assert held.is_held
        with pytest.raises(DatabaseLocked):
            InstanceLock(db_path).acquire()
    assert not held.is_held


# --- network shares --------------------------------------------------------------------------

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export /mnt/nfs nfs4 rw,vers=4.2 0 0
/dev/sdb1 /mnt/nfs/local ext4 rw 0 0
//nas/office /mnt/office\\040share cifs rw,vers=3.0 0 0
user@host:/home /home/me/remote fuse.sshfs rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


@pytest.mark.parametrize(("path", "expected"), [
    ("/mnt/nfs/branch.sqlite3", "nfs4 mount /mnt/nfs"),
    ("/mnt/nfs/local/branch.sqlite3", None),  # the longest mount point wins
    ("/mnt/office share/b.sqlite3", "cifs mount /mnt/office share"),
    ("/home/me/remote/b.sqlite3", "fuse.sshfs mount /home/me/remote"),
    ("/home/me/b.sqlite3", None),
    ("/mnt/nfsx/b.sqlite3", None),  # a prefix of the name is not a parent folder
])
def test_linux_network_mounts(path, expected):
    assert network_share_reason(path, platform="linux", mounts=parse_mounts(MOUNTS)) == expected


@pytest.mark.parametrize(("path", "remote_drives", "expected"), [
    (r"\\server\share\branch.sqlite3", "", "UNC path"),
    ("//server/share/branch.sqlite3", "", "UNC path"),
    (r"\\?\UNC\server\share\branch.sqlite3", "", "UNC path"),
    (r"\\?\C:\Users\me\branch.sqlite3", "", None),
    (r"Z:\altdesk\branch.sqlite3", "Z", "network drive Z:"),
    (r"C:\Users\me\branch.sqlite3", "Z", None),
])
def test_windows_unc_and_mapped_drives(path, remote_drives, expected):
    def drive_type(root: str) -> int:
        return network_share.DRIVE_REMOTE if root[0] in remote_drives else 3  # 3: DRIVE_FIXED

    assert network_share_reason(path, platform="win32", drive_type=drive_type) == expected


def test_opening_a_file_on_a_network_share_is_refused_untouched(tmp_path, monkeypatch):
    share = tmp_path / "share"
    share.mkdir()
    monkeypatch.setattr(network_share, "read_mounts", lambda: [("/", "ext4"), (str(share.resolve()), "cifs")])
    with pytest.raises(NetworkShareRefused) as caught:
        open_database(DatabaseTarget.parse(str(share / "b.sqlite3")))
    assert "PostgreSQL" in caught.value.message_en and "postgresql+psycopg://" in caught.value.message_en
    assert "PostgreSQL" in caught.value.message_ja
    assert list(share.iterdir()) == []  # not even a lock file
    local = open_database(DatabaseTarget.parse(str(tmp_path / "local.sqlite3")))
    local.close()


def test_this_machines_mount_table_is_read():
    if not sys.platform.startswith("linux"):
        pytest.skip("/proc/mounts is Linux's")
    table = network_share.read_mounts()
    assert "/" in [point for point, _ in table]
    # This test machine's own folders are local, so nothing here is refused.
    assert network_share_reason(REPO) is None


# --- optimistic locking -----------------------------------------------------------------------

def test_second_save_of_the_same_version_is_refused_and_reloaded(demo_ws):
    mine = load_record(demo_ws, School, 1)
    theirs = load_record(demo_ws, School, 1)
    saved = save_edit(demo_ws, School, 1, mine["version"], {"phone": "011-111-1111"})
    assert saved["version"] == mine["version"] + 1
    with pytest.raises(StaleEdit) as caught:
        save_edit(demo_ws, School, 1, theirs["version"], {"phone": "022-222-2222"})
    assert "changed by someone else" in caught.value.message_en
    assert caught.value.current["phone"] == "011-111-1111"  # reloaded for the form
    assert load_record(demo_ws, School, 1)["phone"] == "011-111-1111"
    again = save_edit(demo_ws, School, 1, caught.value.current["version"], {"phone": "022-222-2222"})
    assert again["phone"] == "022-222-2222"


def test_saving_a_record_someone_deleted_is_refused(demo_ws):
    from altdesk.db.models import DayOff

    with demo_ws.db.sessions() as s:
        day_off_id = s.scalars(select(DayOff.id)).first()
    loaded = load_record(demo_ws, DayOff, day_off_id)
    with transaction(demo_ws.db.sessions) as s:
        s.delete(s.get(DayOff, day_off_id))
    with pytest.raises(StaleEdit) as caught:
        save_edit(demo_ws, DayOff, day_off_id, loaded["version"], {"name_en": "x"})
    assert caught.value.current is None


def test_a_closer_race_inside_the_session_is_a_stale_edit_too(demo_ws):
    """Both loaded before either saved: SQLAlchemy's StaleDataError reaches the user as StaleEdit."""
    with demo_ws.db.sessions() as early:
        theirs = early.get(School, 2)
        save_edit(demo_ws, School, 2, theirs.version, {"phone": "first"})
        with pytest.raises(StaleEdit), transaction(demo_ws.db.sessions) as late:
            stale = late.merge(theirs, load=False)
            stale.phone = "second"
    assert load_record(demo_ws, School, 2)["phone"] == "first"


# --- several writers at once ------------------------------------------------------------------

def increment_worker(url: str, record_id: int, times: int, actor: str, go, results) -> None:  # type: ignore[no-untyped-def]
    """One coordinator's PC: add 1 to a counter `times` times, re-reading after a refusal."""
    db = open_database(DatabaseTarget.parse(url))
    ws = open_workspace(db, actor=actor)
    refused = 0
    go.wait()
    try:
        for _ in range(times):
            while True:
                record = load_record(ws, School, record_id)
                try:
                    save_edit(ws, School, record_id, record["version"],
                              {"contracted_days": (record["contracted_days"] or 0) + 1})
                    break
                except StaleEdit:
                    refused += 1
    finally:
        db.close()
    results.put((actor, refused))


def run_concurrent_writers(url: str, record_id: int, writers: int = 4, times: int = 25) -> list[tuple[str, int]]:
    context = multiprocessing.get_context("spawn")
    go = context.Event()
    results = context.Queue()
    procs = [context.Process(target=increment_worker, args=(url, record_id, times, f"coordinator-{i}", go, results))
             for i in range(writers)]
    for proc in procs:
        proc.start()
    go.set()
    outcome = [results.get(timeout=300) for _ in procs]
    for proc in procs:
        proc.join(timeout=60)
        assert proc.exitcode == 0
    return outcome


def check_no_update_lost(ws, record_id: int, start: int, outcome, writers: int, times: int) -> None:  # type: ignore[no-untyped-def]
    with ws.db.sessions() as s:
        assert s.get(School, record_id).contracted_days == start + writers * times
        updates = s.scalars(select(AuditEntry).where(AuditEntry.entity == "school",
                                                     AuditEntry.entity_id == record_id,
                                                     AuditEntry.action == "update")).all()
    assert len(updates) == writers * times  # every save is in the log, by its coordinator
    assert {e.actor for e in updates} == {f"coordinator-{i}" for i in range(writers)}
    assert sorted(a for a, _ in outcome) == sorted({e.actor for e in updates})


def test_no_update_is_lost_with_concurrent_writer_processes_on_sqlite(demo_ws):
    start = load_record(demo_ws, School, 3)["contracted_days"] or 0
    url = str(demo_ws.db.target.sqlite_path)
    outcome = run_concurrent_writers(url, 3, writers=4, times=25)
    check_no_update_lost(demo_ws, 3, start, outcome, 4, 25)
    assert os.path.exists(url)
