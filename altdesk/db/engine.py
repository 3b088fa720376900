"""Engine and session factory. SQLite gets WAL, foreign keys and a busy timeout."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from altdesk.paths import default_database_path

BUSY_TIMEOUT_MS = 5000


@dataclass(frozen=True)
class DatabaseTarget:
    """Where the data lives: an SQLite file (the default) or a server URL."""

    url: str
    sqlite_path: Path | None  # set for file-based SQLite

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

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


def make_engine(target: DatabaseTarget) -> Engine:
    if target.is_sqlite:
        if target.sqlite_path is not None:
            target.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(target.url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(target.url, pool_pre_ping=True)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error."""
    with factory() as session, session.begin():
        yield session
