"""Putting a backup back in place of an SQLite database, keeping what it replaces.

The backup is checked first (full integrity check, an ALTdesk file, not from a newer
version). The current file is kept in the backups folder: a healthy one as a
`before-restore` copy, a damaged one moved aside byte for byte. A healthy file is
overwritten through SQLite's backup API, a transaction other connections see atomically;
a damaged or missing one is replaced by renaming a complete copy into place.
Callers hold the instance lock (altdesk.db.locking) while this runs.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from altdesk.db.backup import BEFORE_RESTORE, backup_sqlite, move_aside, timestamped_backup
from altdesk.db.checks import FileCheck, check_sqlite_file
from altdesk.db.migrate import known_revisions
from altdesk.errors import DatabaseDamaged, InvalidInput, NewerDatabase


@dataclass(frozen=True)
class RestoreOutcome:
    restored_from: Path
    kept: Path | None  # where the replaced file now is (None when there was no file)
    replaced_damaged: bool
    revision: str | None


def check_backup(path: Path) -> FileCheck:
    """Refuse a backup that is damaged, not an ALTdesk database, or from a newer ALTdesk."""
    if not path.is_file():
        raise InvalidInput(f"There is no backup file {path}.", f"バックアップファイル {path} がありません。",
                           field="path")
    check = check_sqlite_file(path, full=True, count=True)
    if not check.ok:
        raise DatabaseDamaged(
            f"The backup {path} is damaged ({check.problems[0]}); it was not restored. "
            "Choose another backup.",
            f"バックアップ {path} は破損しています（{check.problems[0]}）。復元しませんでした。"
            "別のバックアップを選んでください。",
        )
    if not check.is_altdesk or check.revision is None:
        raise InvalidInput(
            f"{path} is not an ALTdesk database; it was not restored.",
            f"{path} は ALTdesk のデータベースではありません。復元しませんでした。",
            field="path",
        )
    if check.revision not in known_revisions():
        raise NewerDatabase(
            f"The backup {path} was made by a newer version of ALTdesk (schema {check.revision}); "
            "it was not restored. Install the newer ALTdesk to use it.",
            f"バックアップ {path} は新しいバージョンの ALTdesk で作成されています（スキーマ {check.revision}）。"
            "復元しませんでした。新しい ALTdesk をインストールしてください。",
        )
    return check


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _copy_into_live(backup: Path, db_path: Path) -> None:
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(db_path, timeout=5.0)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def restore_sqlite(db_path: Path, backup: Path) -> RestoreOutcome:
    checked = check_backup(backup)
    if _same_file(db_path, backup):
        raise InvalidInput(
            f"{backup} is the database itself; choose a backup file.",
            f"{backup} はデータベースそのものです。バックアップファイルを選んでください。",
            field="path",
        )
    kept: Path | None = None
    damaged = False
    if db_path.exists():
        current = check_sqlite_file(db_path, full=False)
        if current.ok:
            kept = timestamped_backup(db_path, BEFORE_RESTORE)
            _copy_into_live(backup, db_path)
        else:
            damaged = True
            kept = move_aside(db_path)
    if not db_path.exists():
        # Nothing to merge with: write a complete copy and rename it into place.
        backup_sqlite(backup, db_path)
    after = check_sqlite_file(db_path, full=False)
    if not after.ok:  # never expected; the kept file is still there to go back to
        raise DatabaseDamaged(
            f"The restored database {db_path} failed its check ({after.problems[0]}). "
            f"The previous file is kept as {kept}.",
            f"復元したデータベース {db_path} の検査に失敗しました（{after.problems[0]}）。"
            f"以前のファイルは {kept} に保管されています。",
        )
    return RestoreOutcome(backup, kept, damaged, checked.revision)
