"""Schema migrations with Alembic, run from code at start-up (also when frozen).

Order matters for safety: the revision stamped in the file is read with a read-only
connection first, so a database written by a newer ALTdesk is refused before anything
(even switching on WAL) touches its bytes.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect

from altdesk.db.backup import timestamped_backup
from altdesk.db.engine import DatabaseTarget
from altdesk.errors import NewerDatabase
from altdesk.paths import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported only to upgrade (or for a server's stamp): importing it costs a tenth of the
# desktop's start-up, and a database at the newest schema does not need it. The revisions are read
# from the migration files' own `revision = ...` lines (tests check they match Alembic's view).
_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision\s*=\s*(?:['\"]([^'\"]+)['\"]|None)", re.MULTILINE)


@dataclass(frozen=True)
class MigrationOutcome:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


@cache
def _revision_graph() -> dict[str, str | None]:
    """Revision -> the revision it follows, from the files in migrations/versions."""
    graph: dict[str, str | None] = {}
    for script in sorted((migrations_dir() / "versions").glob("*.py")):
        text = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(text), _DOWN_REVISION.search(text)
        if revision is not None and down is not None:
            graph[revision.group(1)] = down.group(1)
    return graph


def head_revision() -> str:
    graph = _revision_graph()
    heads = set(graph) - set(graph.values())
    assert len(heads) == 1, f"the migrations must form one line, found heads {sorted(heads)}"
    return heads.pop()


def known_revisions() -> set[str]:
    return set(_revision_graph())


def _sqlite_revision_read_only(path: Path) -> str | None:
    """The stamped revision, read without writing a byte; None for a new or unstamped file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def _refuse_if_newer(revision: str | None, where: str) -> None:
    if revision is not None and revision not in known_revisions():
        raise NewerDatabase(
            f"The database {where} was written by a newer version of ALTdesk (schema {revision}). "
            "Install the newer ALTdesk to open it; this file has not been changed.",
            f"データベース {where} は新しいバージョンの ALTdesk で作成されています（スキーマ {revision}）。"
            "新しい ALTdesk をインストールして開いてください。ファイルは変更されていません。",
        )


def check_not_newer(target: DatabaseTarget, engine: Engine | None = None) -> str | None:
    """Raise NewerDatabase when the stamped revision is unknown to this build."""
    if target.sqlite_path is not None:
        revision = _sqlite_revision_read_only(target.sqlite_path)
    else:
        assert engine is not None
        from alembic.runtime.migration import MigrationContext

        with engine.connect() as conn:
            revision = MigrationContext.configure(conn).get_current_revision()
    _refuse_if_newer(revision, target.describe())
    return revision


def upgrade_to_head(target: DatabaseTarget, engine: Engine) -> MigrationOutcome:
    """Bring the database to the newest schema, backing up an SQLite file first."""
    current = check_not_newer(target, engine)
    head = head_revision()
    if current == head:
        return MigrationOutcome(current, head, None)
    backup = None
    if target.sqlite_path is not None and current is not None:
        backup = timestamped_backup(target.sqlite_path, f"before-migration-{current[:8]}")
    elif current is None and target.sqlite_path is not None and _has_user_tables(engine):
        # An unstamped file with tables is not ours (or predates migrations): keep a copy.
        backup = timestamped_backup(target.sqlite_path, "before-migration-unstamped")
    from alembic import command

    cfg = alembic_config()
    with engine.connect() as connection:
        sqlite = target.sqlite_path is not None
        if sqlite:
            # A revision that rebuilds a table on SQLite (batch mode) drops it and makes it again.
            # With foreign keys enforced that drop fails when rows point at the table (or would
            # cascade into them), so they are off while migrating, outside the transaction as
            # SQLite requires, and every reference is checked before the commit.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            with connection.begin():
                cfg.attributes["connection"] = connection
                command.upgrade(cfg, "head")
                if sqlite:
                    _refuse_broken_references(connection)
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()
    return MigrationOutcome(current, head, backup)


def _refuse_broken_references(connection: Connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        tables = sorted({row[0] for row in broken})
        raise RuntimeError(f"the upgrade left {len(broken)} rows pointing at missing records in "
                           f"{', '.join(tables)}; nothing was changed")


def _has_user_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())
