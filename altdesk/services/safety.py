"""Backups, restores and checks: the use cases behind `backup`, `restore`, `verify`
and the File menu's Backup / Restore / Verify.

SQLite files are copied with SQLite's backup API. On PostgreSQL the server's own tools
do the work: `backup` runs pg_dump (custom format); restoring a server database is
pg_restore's job, done by whoever runs the server while nobody is working, so
`restore` explains the command instead of doing it.
"""

from __future__ import annotations

import datetime as dt
import glob
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from altdesk.db.audit import record_event
from altdesk.db.backup import (
    MANUAL,
    BackupFile,
    backup_name,
    backup_sqlite,
    backups_dir_for,
    list_backups,
    server_backups_dir,
)
from altdesk.db.branch_settings import load_branch_settings, save_branch_settings
from altdesk.db.checks import COUNTED_TABLES, check_sqlite_file
from altdesk.db.database import Database, open_database
from altdesk.db.engine import DatabaseTarget, make_engine, transaction
from altdesk.db.enums import AuditAction
from altdesk.db.locking import InstanceLock
from altdesk.db.migrate import head_revision, known_revisions, upgrade_to_head
from altdesk.db.models import Base, Branch
from altdesk.db.network_share import refuse_network_share
from altdesk.db.restore import RestoreOutcome, check_backup, restore_sqlite
from altdesk.db.rotation import BackupPolicy
from altdesk.errors import DatabaseUnavailable, InvalidInput, UserError
from altdesk.partials import clear_stale, partial_path
from altdesk.services.workspace import Workspace


class UseServerTools(UserError):
    """A PostgreSQL database is backed up and restored with the server's own tools."""


# --- Backup ----------------------------------------------------------------------------------

def _refuse_database_itself(db_path: Path, out: Path) -> None:
    names = {db_path, Path(str(db_path) + "-wal"), Path(str(db_path) + "-shm")}
    if out.resolve() in {p.resolve() for p in names}:
        raise InvalidInput(
            f"--out {out} is the database itself; choose another file or a folder.",
            f"--out {out} はデータベースそのものです。別のファイルかフォルダーを指定してください。",
            field="out",
        )


def backup_destination(db_path: Path, out: Path | None, now: dt.datetime | None = None) -> Path:
    """Where a manual backup goes: the given file, a new file in the given folder, or the backups folder."""
    if out is None:
        return backups_dir_for(db_path) / backup_name(db_path, MANUAL, now)
    out = out.expanduser()
    if out.is_dir() or str(out).endswith(("/", os.sep)):
        return out / backup_name(db_path, MANUAL, now)
    _refuse_database_itself(db_path, out)
    return out


def make_backup(ws: Workspace, out: Path | None = None) -> Path:
    """Back up the workspace's database now; recorded in the audit log as an export."""
    target = ws.db.target
    if target.sqlite_path is None:
        made = pg_dump_backup(target, out)
    else:
        made = backup_sqlite(target.sqlite_path, backup_destination(target.sqlite_path, out))
    with transaction(ws.db.sessions) as session:
        record_event(session, AuditAction.EXPORT, "database", f"backup written to {made}",
                     after={"file": str(made)}, branch_id=ws.branch_id)
    return made


def find_server_tool(name: str) -> str | None:
    """pg_dump / pg_restore on PATH, else in the usual install folders."""
    found = shutil.which(name)
    if found:
        return found
    patterns = (
        [rf"C:\Program Files\PostgreSQL\*\bin\{name}.exe"] if sys.platform == "win32"
        else [f"/usr/lib/postgresql/*/bin/{name}", f"/usr/pgsql-*/bin/{name}",
              f"/opt/homebrew/opt/postgresql*/bin/{name}", f"/Applications/Postgres.app/Contents/Versions/*/bin/{name}"]
    )
    candidates = sorted((c for p in patterns for c in glob.glob(p)), reverse=True)
    return candidates[0] if candidates else None


def _libpq(target: DatabaseTarget) -> tuple[str, dict[str, str]]:
    """A libpq URI without the password (which goes through PGPASSWORD, not the command line)."""
    url = make_url(target.url)
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def pg_dump_backup(target: DatabaseTarget, out: Path | None) -> Path:
    exe = find_server_tool("pg_dump")
    if exe is None:
        raise UseServerTools(
            "Backing up a PostgreSQL database uses the server's tool pg_dump, which was not found. "
            "Install the PostgreSQL client tools, or ask the server's administrator for a pg_dump backup.",
            "PostgreSQL データベースのバックアップにはサーバーのツール pg_dump を使いますが、見つかりません。"
            "PostgreSQL クライアントツールをインストールするか、サーバー管理者に pg_dump でのバックアップを依頼してください。",
        )
    name = make_url(target.url).database or "altdesk"
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    default_name = f"{name}-manual-{stamp}.dump"
    if out is None:
        destination = server_backups_dir() / default_name
    elif out.is_dir():
        destination = out / default_name
    else:
        destination = out
    destination.parent.mkdir(parents=True, exist_ok=True)
    clear_stale(destination.parent)
    partial = partial_path(destination)
    conninfo, env = _libpq(target)
    result = subprocess.run(
        [exe, "--format=custom", "--no-owner", f"--file={partial}", f"--dbname={conninfo}"],
        capture_output=True, text=True, env=env, check=False,
    )
    if result.returncode != 0:
        partial.unlink(missing_ok=True)
        detail = (result.stderr.strip().splitlines() or ["no message"])[-1]
        raise DatabaseUnavailable(f"pg_dump failed: {detail}", f"pg_dump が失敗しました：{detail}")
    partial.replace(destination)
    return destination


# --- Verify ----------------------------------------------------------------------------------

@dataclass
class VerifyReport:
    where: str
    problems: list[str]
    revision: str | None
    head: str
    counts: dict[str, int] = field(default_factory=dict)
    backups: list[BackupFile] = field(default_factory=list)
    is_altdesk: bool = True
    is_server: bool = False  # PostgreSQL: page integrity is the server's job (pg_amcheck)

    @property
    def damaged(self) -> bool:
        return bool(self.problems)

    @property
    def schema_state(self) -> str:
        """current, older (will be upgraded on opening), newer (refused), or none."""
        if self.revision is None:
            return "none"
        if self.revision == self.head:
            return "current"
        return "older" if self.revision in known_revisions() else "newer"

    @property
    def ok(self) -> bool:
        return not self.damaged and self.schema_state in ("current", "older") and self.is_altdesk


def verify_file(path: Path, *, full: bool = True) -> VerifyReport:
    """Check any SQLite file (the database, a backup) without changing it."""
    check = check_sqlite_file(path, full=full, count=True)
    return VerifyReport(str(path), check.problems, check.revision, head_revision(), check.counts,
                        is_altdesk=check.is_altdesk or bool(check.problems))


def verify_target(target: DatabaseTarget, *, full: bool = True) -> VerifyReport:
    if target.sqlite_path is not None:
        report = verify_file(target.sqlite_path, full=full)
        report.backups = list_backups(target.sqlite_path)
        return report
    return _verify_server(target)


def _verify_server(target: DatabaseTarget) -> VerifyReport:
    from alembic.runtime.migration import MigrationContext

    engine = make_engine(target)
    try:
        with engine.connect() as conn:
            revision = MigrationContext.configure(conn).get_current_revision()
            counts = {}
            if revision is not None:
                for table in COUNTED_TABLES:
                    counts[table] = conn.execute(select(func.count()).select_from(Base.metadata.tables[table])).scalar_one()
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", exc) or exc).strip().splitlines()[0]
        raise DatabaseUnavailable(f"Cannot open the database {target.describe()}: {reason}",
                                  f"データベース {target.describe()} を開けません：{reason}") from exc
    finally:
        engine.dispose()
    return VerifyReport(target.describe(), [], revision, head_revision(), counts,
                        is_altdesk=revision is not None, is_server=True)


# --- Restore ---------------------------------------------------------------------------------

def newest_good_backup(db_path: Path) -> BackupFile | None:
    """The newest backup that passes the quick check and this version can open."""
    for backup in list_backups(db_path):
        if not backup.restorable:
            continue
        check = check_sqlite_file(backup.path, full=False)
        if check.ok and check.is_altdesk and check.revision in known_revisions():
            return backup
    return None


def _refuse_on_server(target: DatabaseTarget, backup: Path | None = None) -> None:
    safe = make_url(target.url).set(drivername="postgresql").render_as_string(hide_password=True)
    file = str(backup) if backup else "BACKUP.dump"
    raise UseServerTools(
        "A PostgreSQL database is restored with the server's tool pg_restore, while no coordinator is "
        f"working: pg_restore --clean --if-exists --no-owner --dbname={safe} {file} "
        "(then start ALTdesk once so it checks the schema). ALTdesk does not do this itself.",
        "PostgreSQL データベースの復元は、担当者が作業していない時間にサーバーのツール pg_restore で行います："
        f"pg_restore --clean --if-exists --no-owner --dbname={safe} {file}"
        "（その後 ALTdesk を一度起動してスキーマを確認させてください）。ALTdesk 自身は復元しません。",
    )


def _record_restore(database: Database, outcome: RestoreOutcome) -> None:
    kept = f"; the replaced file is kept as {outcome.kept}" if outcome.kept else ""
    with transaction(database.sessions) as session:
        branch_id = session.scalar(select(Branch.id).order_by(Branch.id).limit(1))
        record_event(session, AuditAction.IMPORT, "database", f"restored from backup {outcome.restored_from}{kept}",
                     before={"kept": str(outcome.kept) if outcome.kept else None, "damaged": outcome.replaced_damaged},
                     after={"file": str(outcome.restored_from), "revision": outcome.revision},
                     branch_id=branch_id)


def restore_backup(target: DatabaseTarget, backup: Path, actor: str | None = None) -> RestoreOutcome:
    """Restore `backup` over the database (no ALTdesk may have it open), then upgrade it if older.

    Also the recovery of a damaged file: the damaged file is moved aside, never overwritten.
    """
    if target.sqlite_path is None:
        _refuse_on_server(target, backup)
    db_path = target.sqlite_path
    assert db_path is not None
    refuse_network_share(db_path)
    backup = backup.expanduser().resolve()
    check_backup(backup)  # before taking the lock: a bad choice is reported first
    with InstanceLock(db_path):
        outcome = restore_sqlite(db_path, backup)
        database = open_database(target)  # upgrades an older backup (with its own backup first)
        try:
            if actor:
                database.set_actor(actor)
            _record_restore(database, outcome)
        finally:
            database.close()
    return outcome


def restore_into_open(database: Database, backup: Path) -> RestoreOutcome:
    """Restore while this process has the database open (the desktop app, holding the lock)."""
    if database.target.sqlite_path is None:
        _refuse_on_server(database.target, backup)
    db_path = database.target.sqlite_path
    assert db_path is not None
    backup = backup.expanduser().resolve()
    check_backup(backup)
    database.engine.dispose()  # no pooled connection keeps pages of the old file
    outcome = restore_sqlite(db_path, backup)
    upgrade_to_head(database.target, database.engine)
    _record_restore(database, outcome)
    return outcome


# --- Policy ----------------------------------------------------------------------------------

def backup_policy(ws: Workspace) -> BackupPolicy:
    """The file's policy: kept in the settings of its first branch (an SQLite file holds one)."""
    return ws.db.backup_policy()


def set_backup_policy(ws: Workspace, policy: BackupPolicy) -> None:
    with transaction(ws.db.sessions) as session:
        branch_id = session.scalar(select(Branch.id).order_by(Branch.id).limit(1))
        assert branch_id is not None
        save_branch_settings(session, branch_id, load_branch_settings(session, branch_id).changed(backup=policy))
