"""Copies of an SQLite database made with SQLite's online backup API."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path


def backups_dir_for(db_path: Path) -> Path:
    """Backups sit beside the database in a folder named after it."""
    return db_path.parent / f"{db_path.stem}-backups"


def backup_sqlite(source: Path, destination: Path) -> Path:
    """Copy `source` to `destination` consistently, even while it is in use."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(destination)  # atomic: a crash never leaves a half backup under the real name
    return destination


def timestamped_backup(db_path: Path, reason: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return backup_sqlite(db_path, backups_dir_for(db_path) / f"{db_path.stem}-{reason}-{stamp}.sqlite3")
