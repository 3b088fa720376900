"""Schema migrations with Alembic, run from code at start-up (also when frozen).

Order matters for safety: the revision stamped in the file is read with a read-only
connection first, so a database written by a newer ALTdesk is refused before anything
(even switching on WAL) touches its bytes.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from altdesk.db.backup import timestamped_backup
from altdesk.db.engine import DatabaseTarget
from altdesk.errors import NewerDatabase
from altdesk.paths import migrations_dir


@dataclass(frozen=True)
class MigrationOutcome:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "migrations folder has no revisions"
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


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
    cfg = alembic_config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")
    return MigrationOutcome(current, head, backup)


def _has_user_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())
