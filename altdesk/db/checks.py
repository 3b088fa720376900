"""Read-only checks of an SQLite file: integrity, schema revision, what it holds.

Every connection here is opened with mode=ro, so checking a file (the live database, a
backup on a USB stick, a damaged copy) never changes a byte of it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

COUNTED_TABLES = ("branch", "school", "alt", "placement", "visit", "audit_entry")


@dataclass(frozen=True)
class FileCheck:
    path: Path
    problems: list[str]  # empty when the integrity check passed
    revision: str | None  # the stamped Alembic revision; None when unstamped or unreadable
    is_altdesk: bool  # has ALTdesk's tables
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def _connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def check_sqlite_file(path: Path, *, full: bool = True, count: bool = False) -> FileCheck:
    """PRAGMA integrity_check (full) or quick_check, plus the revision and row counts."""
    if not path.exists():
        return FileCheck(path, [f"{path} does not exist"], None, False)
    if path.stat().st_size == 0:
        return FileCheck(path, [], None, False)
    problems: list[str] = []
    revision: str | None = None
    tables: set[str] = set()
    counts: dict[str, int] = {}
    try:
        conn = _connect_ro(path)
    except sqlite3.DatabaseError as exc:
        return FileCheck(path, [str(exc)], None, False)
    try:
        try:
            pragma = "integrity_check" if full else "quick_check"
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
            problems = [str(row[0]) for row in rows if row[0] != "ok"]
        except sqlite3.DatabaseError as exc:
            problems = [str(exc)]
        # The schema and the revision usually survive damage elsewhere in the file.
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        except sqlite3.DatabaseError:
            pass
        if count and not problems:
            for table in COUNTED_TABLES:
                if table in tables:
                    counts[table] = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    finally:
        conn.close()
    return FileCheck(path, problems, revision, "branch" in tables and "alembic_version" in tables, counts)
