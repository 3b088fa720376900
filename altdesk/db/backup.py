"""Copies of an SQLite database made with SQLite's online backup API, and their rotation.

Backups sit beside the database in `<name>-backups/`, named
`<name>-<reason>-<YYYYmmdd-HHMMSS-ffffff>.sqlite3`. Reasons: `auto` (rotated by the
policy), `manual`, `before-migration-…`, `before-restore` (the file a restore
replaced) and `damaged` (a damaged file moved aside, with its -wal/-shm). Only `auto`
backups are ever deleted by rotation. A copy is written under a `.partial` name
(altdesk.partials) and renamed when complete; what a killed copy left is cleared when the
database is next opened and before the next copy into the same folder.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from altdesk.db.rotation import BackupPolicy, is_due, stamps_to_keep
from altdesk.partials import clear_stale, partial_path
from altdesk.paths import user_data_dir

STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
AUTO = "auto"
MANUAL = "manual"
BEFORE_RESTORE = "before-restore"
DAMAGED = "damaged"
_STAMP_RE = re.compile(r"-(\d{8}-\d{6}-\d{6})\.sqlite3$")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    reason: str
    taken: dt.datetime

    @property
    def automatic(self) -> bool:
        return self.reason == AUTO

    @property
    def restorable(self) -> bool:
        """A damaged file kept for evidence is never offered as a backup."""
        return self.reason != DAMAGED


def backups_dir_for(db_path: Path) -> Path:
    """Backups sit beside the database in a folder named after it."""
    return db_path.parent / f"{db_path.stem}-backups"


def server_backups_dir() -> Path:
    """Where a PostgreSQL database's pg_dump backups go unless told otherwise."""
    return user_data_dir() / "backups"


def clear_backup_leftovers(db_path: Path | None) -> list[Path]:
    """Delete the temporary files killed copies left in the database's backups folder (the
    server's one for PostgreSQL) and beside the database (a restore's copy); a copy another
    ALTdesk is writing now is kept."""
    if db_path is None:
        try:
            return clear_stale(server_backups_dir(), unnamed=True)
        except OSError:  # no data folder to make: nothing was left there either
            return []
    return clear_stale(backups_dir_for(db_path), unnamed=True) + clear_stale(db_path.parent)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_sqlite(source: Path, destination: Path) -> Path:
    """Copy `source` to `destination` consistently, even while it is in use.

    The copy is a self-contained file (rollback journal, not WAL) written under
    `.partial` and renamed only when complete and flushed to disk.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    clear_stale(destination.parent)
    partial = partial_path(destination)
    partial.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")  # no -wal/-shm needed beside a copy
            finally:
                dst.close()
        finally:
            src.close()
        _fsync_file(partial)
        partial.replace(destination)  # atomic: a crash never leaves a half backup under the real name
        _fsync_dir(destination.parent)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return destination


def backup_name(db_path: Path, reason: str, when: dt.datetime | None = None) -> str:
    stamp = (when or dt.datetime.now()).strftime(STAMP_FORMAT)
    return f"{db_path.stem}-{reason}-{stamp}.sqlite3"


def timestamped_backup(db_path: Path, reason: str, when: dt.datetime | None = None) -> Path:
    return backup_sqlite(db_path, backups_dir_for(db_path) / backup_name(db_path, reason, when))


def parse_backup_name(db_path: Path, path: Path) -> BackupFile | None:
    prefix = f"{db_path.stem}-"
    match = _STAMP_RE.search(path.name)
    if not match or not path.name.startswith(prefix):
        return None
    reason = path.name[len(prefix):match.start()]
    try:
        taken = dt.datetime.strptime(match.group(1), STAMP_FORMAT)
    except ValueError:
        return None
    return BackupFile(path, reason, taken) if reason else None


def list_backups(db_path: Path) -> list[BackupFile]:
    """Every backup of this database, newest first."""
    folder = backups_dir_for(db_path)
    if not folder.is_dir():
        return []
    found = [parse_backup_name(db_path, p) for p in folder.iterdir() if p.is_file()]
    return sorted((b for b in found if b is not None), key=lambda b: b.taken, reverse=True)


def rotate_backups(db_path: Path, policy: BackupPolicy) -> list[Path]:
    """Delete the automatic backups the policy no longer keeps; returns what was deleted."""
    automatic = [b for b in list_backups(db_path) if b.automatic]
    keep = stamps_to_keep([b.taken for b in automatic], policy)
    deleted = []
    for backup in automatic:
        if backup.taken not in keep:
            backup.path.unlink(missing_ok=True)
            deleted.append(backup.path)
    return deleted


def auto_backup_if_due(db_path: Path, policy: BackupPolicy, now: dt.datetime | None = None) -> Path | None:
    """Make an automatic backup when the newest one is older than the policy's interval."""
    now = now or dt.datetime.now()
    if not policy.enabled or not db_path.exists():
        return None
    newest = next((b.taken for b in list_backups(db_path) if b.automatic), None)
    if not is_due(newest, policy, now):
        return None
    made = timestamped_backup(db_path, AUTO, now)
    rotate_backups(db_path, policy)
    return made


def move_aside(db_path: Path, reason: str = DAMAGED) -> Path:
    """Move a file (and its -wal/-shm) into the backups folder untouched; returns the new path."""
    destination = backups_dir_for(db_path) / backup_name(db_path, reason)
    destination.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("-wal", "-shm"):
        side = Path(str(db_path) + suffix)
        if side.exists():
            os.replace(side, Path(str(destination) + suffix))
    os.replace(db_path, destination)
    _fsync_dir(destination.parent)
    return destination
