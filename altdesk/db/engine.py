"""Engine and session factory. SQLite gets WAL, foreign keys and a busy timeout.

On SQLite, `transaction()` begins with BEGIN IMMEDIATE: the write lock is taken up
front (waiting up to the busy timeout), so two writers queue instead of one failing
half-way with "database is locked", and everything the unit reads stays consistent
with what it writes. Other sessions keep the sqlite3 module's behaviour (a transaction
starts at the first write), which is what lets a stale save surface as StaleDataError
rather than as a lock error.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from altdesk.db.audit import install_audit
from altdesk.db.closing import install_closing
from altdesk.db.optimistic import stale_guard
from altdesk.paths import default_database_path

BUSY_TIMEOUT_MS = 5000
WRITE_OPTION = "altdesk_write"  # execution option: begin this transaction for writing


@dataclass(frozen=True)
class DatabaseTarget:
    """Where the data lives: an SQLite file (the default) or a server URL."""

    url: str
    sqlite_path: Path | None  # set for file-based SQLite

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    @property
    def is_postgresql(self) -> bool:
        return self.url.startswith("postgresql")

    def describe(self) -> str:
        """A human label that never shows a password."""
        if self.sqlite_path is not None:
            return str(self.sqlite_path)
        return make_url(self.url).render_as_string(hide_password=True)

    @classmethod
    def parse(cls, value: str | None) -> DatabaseTarget:
        """Accepts a file path, an SQLAlchemy URL, or None for the default file."""
        if not value:
            path = default_database_path()
            return cls(f"sqlite:///{path}", path)
        if "://" in value:
            url = make_url(value)
            if url.get_backend_name() == "sqlite":
                database = url.database
                if database and database != ":memory:":
                    path = Path(database).expanduser().resolve()
                    return cls(f"sqlite:///{path}", path)
                return cls(value, None)
            return cls(value, None)
        path = Path(value).expanduser().resolve()
        return cls(f"sqlite:///{path}", path)


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL: a crash loses no committed data
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    if conn.get_execution_options().get(WRITE_OPTION, False):
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(target: DatabaseTarget) -> Engine:
    # hide_parameters: a failed statement's message (which may reach the log) never
    # carries the values, i.e. names or diet notes.
    if target.is_sqlite:
        if target.sqlite_path is not None:
            target.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            target.url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, hide_parameters=True
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    connect_args: dict[str, Any] = {}
    if target.is_postgresql:
        connect_args["application_name"] = "ALTdesk"
    return create_engine(target.url, pool_pre_ping=True, hide_parameters=True, connect_args=connect_args)


def make_session_factory(engine: Engine, info: dict[str, Any] | None = None) -> sessionmaker[Session]:
    """Sessions that record every change in the audit log (see altdesk.db.audit)."""
    factory = sessionmaker(engine, expire_on_commit=False, info=dict(info or {}))
    install_closing(factory)  # first: a refused edit to a closed month runs nothing
    install_audit(factory)
    return factory


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error.

    On SQLite the write lock is taken when the unit begins (BEGIN IMMEDIATE), so a
    concurrent writer waits its turn instead of failing mid-way. A save based on a
    version someone else has replaced raises StaleEdit (optimistic locking).
    """
    with stale_guard(), factory() as session, session.begin():
        session.connection(execution_options={WRITE_OPTION: True})
        yield session
