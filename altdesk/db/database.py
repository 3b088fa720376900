"""Opening a database: refuse newer schemas, check integrity, migrate, hand out sessions."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from altdesk.db.engine import DatabaseTarget, make_engine, make_session_factory
from altdesk.db.migrate import MigrationOutcome, check_not_newer, upgrade_to_head
from altdesk.errors import DatabaseDamaged, DatabaseUnavailable


@dataclass
class Database:
    target: DatabaseTarget
    engine: Engine
    sessions: sessionmaker[Session]
    migration: MigrationOutcome | None = field(default=None)

    def close(self) -> None:
        self.engine.dispose()


def quick_check_sqlite(path: Path) -> None:
    """Run PRAGMA quick_check read-only; a damaged file is reported, never rewritten."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        rows = [(str(exc),)]
    problems = [row[0] for row in rows if row[0] != "ok"]
    if problems:
        raise DatabaseDamaged(
            f"The database {path} is damaged ({problems[0]}). It has not been changed. "
            "Restore the newest good backup (altdesk restore PATH).",
            f"データベース {path} が破損しています（{problems[0]}）。ファイルは変更されていません。"
            "最新の正常なバックアップから復元してください（altdesk restore PATH）。",
        )


def open_database(target: DatabaseTarget, *, migrate: bool = True) -> Database:
    """Open (and by default upgrade) the database. Raises NewerDatabase or DatabaseDamaged."""
    if target.sqlite_path is not None:
        check_not_newer(target)  # read-only: must come before anything writes
        quick_check_sqlite(target.sqlite_path)
    engine = make_engine(target)
    try:
        if target.sqlite_path is None:
            check_not_newer(target, engine)
        outcome = upgrade_to_head(target, engine) if migrate else None
    except OperationalError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
        raise DatabaseUnavailable(
            f"Cannot open the database {target.describe()}: {reason}",
            f"データベース {target.describe()} を開けません：{reason}",
        ) from exc
    except BaseException:
        engine.dispose()
        raise
    return Database(target, engine, make_session_factory(engine), outcome)
