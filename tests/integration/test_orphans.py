"""No orphans and no leftovers after a kill.

- A SIGKILLed export takes its PDF worker processes with it (they would otherwise wait on
  the dead export's queue for ever); a child that calls die_with_parent() ends with its
  parent, through the Linux kernel's signal and through the portable watcher alone.
- Temporary `.partial` files a killed backup or export left are cleared when the program
  next opens the database (backups) or writes into the folder (exports); a `.partial` that
  a running ALTdesk is writing right now is kept.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import psutil
import pytest

from altdesk.db.backup import backups_dir_for
from altdesk.partials import clear_stale, partial_path
from tests.helpers import REPO, run_cli

MAIN = str(REPO / "main.py")
GONE_WITHIN_S = 5.0


def _alive(process: psutil.Process) -> bool:
    """Running, and not a zombie nobody has reaped yet (a container's first process may not)."""
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _wait_until(condition: Callable[[], bool], timeout: float, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


def _survivors(processes: list[psutil.Process]) -> list[psutil.Process]:
    _wait_until(lambda: not any(_alive(p) for p in processes), GONE_WITHIN_S)
    return [p for p in processes if _alive(p)]


@pytest.fixture
def tracked() -> Iterator[list[psutil.Process]]:
    """Processes a test starts; whatever is still running at the end is killed (by pid)."""
    processes: list[psutil.Process] = []
    yield processes
    for process in processes:
        if _alive(process):
            process.kill()


def _reaped_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _written_by(path: Path, pid: int) -> Path:
    """The temporary name process `pid` on this computer writes `path` under."""
    own = partial_path(path)
    return own.with_name(own.name.replace(f"-{os.getpid()}.partial", f"-{pid}.partial"))


def _aged(path: Path, hours: float) -> Path:
    past = time.time() - hours * 3600
    os.utime(path, (past, past))
    return path


@pytest.fixture(scope="module")
def branch_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("orphans") / "branch.sqlite3"
    result = run_cli("--db", str(path), "demo", "--size", "small", "--seed", "11")
    assert result.returncode == 0, result.stderr
    return path


# --- Processes ---------------------------------------------------------------------------------

def test_a_killed_export_takes_its_pdf_workers_with_it(branch_db, tmp_path, tracked):
    out = tmp_path / "out"
    export = subprocess.Popen(
        [sys.executable, MAIN, "--db", str(branch_db), "export", "pdf", "--report", "school-month",
         "--month", "2026-06", "--school", "all", "--out", str(out)],
        cwd=REPO, env={**os.environ, "ALTDESK_PDF_WORKERS": "2"},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    parent = psutil.Process(export.pid)
    tracked.append(parent)

    def workers() -> list[psutil.Process]:
        try:
            return [p for p in parent.children(recursive=True) if "spawn_main" in " ".join(p.cmdline())]
        except psutil.Error:
            return []

    # Killed while the workers write PDFs: a half-written file of theirs is in the folder.
    assert _wait_until(lambda: len(workers()) == 2 and any(out.glob("*.partial")), 60), \
        f"the export never ran two PDF workers (exit {export.poll()}): {export.stderr and export.stderr.read()}"
    descendants = parent.children(recursive=True)
    tracked.extend(descendants)
    export.send_signal(signal.SIGKILL)
    assert export.wait(timeout=10) == -signal.SIGKILL
    survivors = _survivors(descendants)
    assert not survivors, f"still running after the export was killed: {[p.cmdline() for p in survivors]}"

    # The next export into the folder clears what the killed workers were writing.
    again = run_cli("--db", str(branch_db), "export", "pdf", "--report", "school-month", "--month", "2026-06",
                    "--school", "S0001", "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert not list(out.glob("*.partial*"))


CHILD_SCRIPT = textwrap.dedent("""
    import multiprocessing, sys, threading, time

    from altdesk import processes


    def child(portable_only):
        if portable_only:  # the watcher alone, as on Windows and macOS
            threading.Thread(target=processes._exit_when_gone, args=(multiprocessing.parent_process(),),
                             daemon=True).start()
        else:
            processes.die_with_parent()
        time.sleep(120)


    if __name__ == "__main__":
        process = multiprocessing.get_context("spawn").Process(target=child, args=(sys.argv[1] == "portable",))
        process.start()
        print(process.pid, flush=True)
        time.sleep(120)
""")


@pytest.mark.parametrize("guard", ["all", "portable"])
def test_a_child_that_asks_to_die_with_its_parent_does(tmp_path, tracked, guard):
    script = tmp_path / "parent.py"
    script.write_text(CHILD_SCRIPT, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script), guard], cwd=REPO, stdout=subprocess.PIPE, text=True)
    tracked.append(psutil.Process(parent.pid))
    assert parent.stdout is not None
    child = psutil.Process(int(parent.stdout.readline()))
    tracked.append(child)
    time.sleep(0.5)  # the child is running its target (the watcher started)
    assert _alive(child)
    parent.send_signal(signal.SIGKILL)
    parent.wait(timeout=10)
    assert not _survivors([child]), "the child outlived its killed parent"


# --- Leftover files ----------------------------------------------------------------------------

def test_the_next_start_clears_what_killed_backups_left_and_keeps_one_being_written(branch_db, tmp_path):
    folder = backups_dir_for(branch_db)
    folder.mkdir(exist_ok=True)
    copy = folder / "branch-manual-20261203-061500-000000.sqlite3"
    killed = _written_by(copy, _reaped_pid())
    killed.write_bytes(b"SQLite format 3\0 half a copy")
    killed_journal = Path(f"{killed}-journal")
    killed_journal.write_bytes(b"journal")
    older_version = folder / "branch-auto-20261201-090000-000000.sqlite3.partial"  # an older ALTdesk's
    older_version.write_bytes(b"half")
    _aged(older_version, 3)
    being_written = _written_by(folder / "branch-manual-20261203-061501-000000.sqlite3", os.getpid())
    being_written.write_bytes(b"SQLite format 3\0 a copy in progress")
    just_started = folder / "branch-auto-20261203-061502-000000.sqlite3.partial"
    just_started.write_bytes(b"")
    killed_restore = _written_by(branch_db, _reaped_pid())  # a restore copies the backup in beside it
    killed_restore.write_bytes(b"SQLite format 3\0 half a restore")

    result = run_cli("--db", str(branch_db), "check", "--from", "2026-06-01", "--to", "2026-06-30")
    assert result.returncode in (0, 1, 2) and "Traceback" not in result.stderr, result.stderr

    left = {p.name for p in folder.iterdir()}
    assert killed.name not in left and killed_journal.name not in left and older_version.name not in left
    assert being_written.read_bytes() == b"SQLite format 3\0 a copy in progress"
    assert just_started.exists()
    assert not killed_restore.exists()


def _with_ballast(source: Path, destination: Path, megabytes: int) -> Path:
    """A copy of the branch made big enough that copying it takes a while."""
    with sqlite3.connect(source) as src, sqlite3.connect(destination) as dst:
        src.backup(dst)
    with sqlite3.connect(destination) as conn:
        conn.execute("CREATE TABLE ballast (b BLOB)")
        conn.executemany("INSERT INTO ballast VALUES (randomblob(1048576))", [()] * megabytes)
    return destination


def test_a_backup_killed_mid_copy_leaves_nothing_after_the_next_start(branch_db, tmp_path):
    db = _with_ballast(branch_db, tmp_path / "big.sqlite3", 40)
    folder = backups_dir_for(db)
    for _attempt in range(3):  # until the kill lands while the copy is being written
        backup = subprocess.Popen([sys.executable, MAIN, "--db", str(db), "backup"], cwd=REPO,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_until(lambda backup=backup: backup.poll() is not None or any(".partial" in p.name for p in _listing(folder)),
                    60, step=0.001)
        backup.send_signal(signal.SIGKILL)
        backup.wait(timeout=10)
        if any(".partial" in p.name for p in _listing(folder)):
            break
    else:
        pytest.fail("the backup was never caught copying")

    result = run_cli("--db", str(db), "check", "--from", "2026-06-01", "--to", "2026-06-30")
    assert "Traceback" not in result.stderr, result.stderr
    assert not [p.name for p in _listing(folder) if ".partial" in p.name]


def _listing(folder: Path) -> list[Path]:
    return list(folder.iterdir()) if folder.is_dir() else []


def test_the_next_export_into_a_folder_clears_what_a_killed_one_left(branch_db, tmp_path):
    out = tmp_path / "schedules"
    out.mkdir()
    target = out / "2026-06_S0002_old.pdf"
    killed = _written_by(target, _reaped_pid())
    killed.write_bytes(b"%PDF-1.4 half")
    being_written = _written_by(out / "2026-06_S0003_other.pdf", os.getpid())
    being_written.write_bytes(b"%PDF-1.4 in progress")
    someone_elses = out / "download.zip.partial"  # not ALTdesk's: never touched in a folder the person chose
    someone_elses.write_bytes(b"zip")
    _aged(someone_elses, 5)

    result = run_cli("--db", str(branch_db), "export", "pdf", "--report", "school-month", "--month", "2026-06",
                     "--school", "S0001", "--out", str(out))
    assert result.returncode == 0, result.stderr

    assert not killed.exists()
    assert being_written.read_bytes() == b"%PDF-1.4 in progress"
    assert someone_elses.exists()
    assert len(list(out.glob("2026-06_S0001_*.pdf"))) == 1


def test_a_partial_is_stale_when_its_writer_is_gone_or_it_has_been_quiet_for_long(tmp_path):
    def planted(name: str, hours: float = 0) -> Path:
        path = tmp_path / name
        path.write_bytes(b"x")
        return _aged(path, hours)

    ours_running = _written_by(tmp_path / "a.pdf", os.getppid())
    ours_running.write_bytes(b"x")
    reused_id = _written_by(tmp_path / "b.pdf", os.getppid())
    reused_id.write_bytes(b"x")
    _aged(reused_id, 2)  # a running process of that id has not written it for hours: not its writer
    other_pc_busy = planted("c.pdf.altdesk-OTHERPC-7.partial")
    other_pc_gone = planted("d.pdf.altdesk-OTHERPC-8.partial", 2)
    unnamed_old = planted("e.sqlite3.partial", 2)

    removed = clear_stale(tmp_path)
    assert set(removed) == {reused_id, other_pc_gone}
    assert ours_running.exists() and other_pc_busy.exists() and unnamed_old.exists()
    assert clear_stale(tmp_path, unnamed=True) == [unnamed_old]
