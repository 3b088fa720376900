"""Opening a database: refuse network shares and newer schemas, check integrity, lock,
migrate, hand out sessions, and keep automatic backups going."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from altdesk.db.audit import ACTOR, BEFORE_WRITE, BRANCH_ID, os_user
from altdesk.db.backup import auto_backup_if_due, clear_backup_leftovers
from altdesk.db.branch_settings import BranchSettings
from altdesk.db.checks import FileCheck, check_sqlite_file
from altdesk.db.engine import DatabaseTarget, make_engine, make_session_factory
from altdesk.db.locking import InstanceLock
from altdesk.db.migrate import MigrationOutcome, check_not_newer, upgrade_to_head
from altdesk.db.models import Branch
from altdesk.db.network_share import refuse_network_share
from altdesk.db.rotation import BackupPolicy
from altdesk.errors import DatabaseDamaged, DatabaseUnavailable

log = logging.getLogger(__name__)


@dataclass
class Database:
    target: DatabaseTarget
    engine: Engine
    sessions: sessionmaker[Session]
    migration: MigrationOutcome | None = field(default=None)
    lock: InstanceLock | None = field(default=None, repr=False)
    created: bool = False  # the file was made by this opening (nothing to back up yet)
    _backup_checked: bool = field(default=False, repr=False)
    _backup_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()

    def set_actor(self, actor: str, branch_id: int | None = None) -> None:
        """Who the audit log names for changes made through this database's sessions."""
        info = dict(self.sessions.kw.get("info") or {})
        info[ACTOR] = actor
        if branch_id is not None:
            info[BRANCH_ID] = branch_id
        self.sessions.configure(info=info)

    @property
    def actor(self) -> str:
        return str((self.sessions.kw.get("info") or {}).get(ACTOR) or os_user())

    def backup_policy(self) -> BackupPolicy:
        """The policy in the (first) branch's settings: {"backup": {"daily": 7, ...}}."""
        try:
            with self.engine.connect() as conn:
                settings = conn.execute(select(Branch.settings).order_by(Branch.id).limit(1)).scalar()
        except SQLAlchemyError:
            settings = None
        return BranchSettings.from_stored(settings)[0].backup

    def backup_if_due(self, now: dt.datetime | None = None) -> Path | None:
        """Once per opening: an automatic backup when the newest is older than the policy allows.

        Called when the app opens the file and before a command's first write. A failure
        is logged and never stops the work: the data itself is intact.
        """
        with self._backup_lock:  # the app's start-up thread and a first write may meet here
            if self._backup_checked or self.created or self.target.sqlite_path is None:
                return None
            self._backup_checked = True
            try:
                return auto_backup_if_due(self.target.sqlite_path, self.backup_policy(), now)
            except (OSError, sqlite3.Error) as exc:
                log.warning("automatic backup failed: %s", exc)
                return None


class EarlyQuickCheck:
    """PRAGMA quick_check of an SQLite file on a thread of its own, started before the app loads
    its window: SQLite lets go of Python's interpreter lock while it reads, so the check runs
    on the second core beside the imports instead of after them.
    `open_database` takes its result where it would otherwise run the check itself."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._check: FileCheck | None = None
        self._thread = threading.Thread(target=self._run, name="altdesk-quick-check", daemon=True)
        self._thread.start()

    @classmethod
    def start_for(cls, db: str | None) -> EarlyQuickCheck | None:
        """Started for the `--db` value when it names an SQLite file with something in it; a bad
        value is left to `open_database`, which reports it."""
        try:
            path = DatabaseTarget.parse(db).sqlite_path
            if path is None or not path.is_file() or path.stat().st_size == 0:
                return None
        except Exception:  # a bad URL, an unreadable folder
            return None
        return cls(path)

    def _run(self) -> None:
        self._check = check_sqlite_file(self.path, full=False)

    def result(self) -> FileCheck:
        self._thread.join()
        # A check that could not finish (the thread raised) is made again where it is needed.
        return self._check if self._check is not None else check_sqlite_file(self.path, full=False)


def quick_check_sqlite(path: Path, early: EarlyQuickCheck | None = None) -> None:
    """Run PRAGMA quick_check read-only; a damaged file is reported, never rewritten."""
    if not path.exists() or path.stat().st_size == 0:
        return
    check = early.result() if early is not None and early.path == path else check_sqlite_file(path, full=False)
    if check.problems:
        raise DatabaseDamaged(
            f"The database {path} is damaged ({check.problems[0]}). It has not been changed. "
            "Restore the newest good backup (altdesk restore --newest).",
            f"データベース {path} が破損しています（{check.problems[0]}）。ファイルは変更されていません。"
            "最新の正常なバックアップから復元してください（altdesk restore --newest）。",
        )


def open_database(target: DatabaseTarget, *, migrate: bool = True, exclusive: bool = False,
                  early_check: EarlyQuickCheck | None = None) -> Database:
    """Open (and by default upgrade) the database.

    `exclusive` takes the one-instance lock (the desktop app holds it while open).
    `early_check`: the file's quick check, already started (the app starts it before its imports).
    Raises NetworkShareRefused, DatabaseLocked, NewerDatabase, DatabaseDamaged or
    DatabaseUnavailable; in each case the file is left exactly as it was.
    """
    lock: InstanceLock | None = None
    created = False
    path = target.sqlite_path
    if path is not None:
        refuse_network_share(path)
        if exclusive:
            lock = InstanceLock(path).acquire()
        created = not path.exists() or path.stat().st_size == 0
    engine: Engine | None = None
    try:
        if path is not None:
            # Both read-only, before anything writes. Damage first: a damaged file can fail the
            # read of its schema revision with SQLite's own error instead of a message.
            quick_check_sqlite(path, early_check)
            check_not_newer(target)
        engine = make_engine(target)
        if path is None:
            check_not_newer(target, engine)
        outcome = upgrade_to_head(target, engine) if migrate else None
    except OperationalError as exc:
        if engine is not None:
            engine.dispose()
        if lock is not None:
            lock.release()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
        raise DatabaseUnavailable(
            f"Cannot open the database {target.describe()}: {reason}",
            f"データベース {target.describe()} を開けません：{reason}",
        ) from exc
    except BaseException:
        if engine is not None:
            engine.dispose()
        if lock is not None:
            lock.release()
        raise
    clear_backup_leftovers(path)  # what a killed backup left; a copy being written now is kept
    database = Database(target, engine, make_session_factory(engine), outcome, lock, created)
    database.sessions.configure(info={ACTOR: os_user(), BEFORE_WRITE: database.backup_if_due})
    return database
