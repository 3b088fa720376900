"""One ALTdesk per SQLite file: an OS file lock in a lock file beside the database.

The lock is the operating system's (flock on Linux and macOS, LockFileEx on Windows),
so it is released by the kernel when the holding process dies, even by SIGKILL or a
power cut of that process: a crashed ALTdesk never leaves a stale lock behind. The lock
file's text (who, which PC, since when) is only a courtesy for the message; the lock
itself is what counts.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout

from altdesk.errors import DatabaseLocked, DatabaseUnavailable


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _holder_text() -> bytes:
    from altdesk.db.audit import os_user

    info = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "user": os_user(),
        "since": dt.datetime.now().isoformat(timespec="seconds"),
    }
    return json.dumps(info).encode("utf-8")


def _write_holder(fd: int) -> None:
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, _holder_text())
    except OSError:  # the text is a courtesy; the lock already holds
        pass


def read_holder(db_path: Path) -> dict[str, object]:
    """Who holds the lock, as far as the lock file says (best effort, may be empty)."""
    try:
        data = json.loads(lock_path_for(db_path).read_text(encoding="utf-8") or "{}")
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


class InstanceLock:
    """Held for as long as an ALTdesk works with the file; `acquire` never waits."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path = lock_path_for(db_path)
        self._lock = FileLock(
            str(self.path), timeout=0, thread_local=False, fallback_to_soft=False, on_acquired=_write_holder
        )

    @property
    def is_held(self) -> bool:
        return self._lock.is_locked

    def acquire(self) -> InstanceLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            raise self._locked_error() from None
        except OSError as exc:  # no rights on the folder, or a file system without locks
            raise DatabaseUnavailable(
                f"Cannot lock the database {self.db_path} ({exc.strerror or exc}).",
                f"データベース {self.db_path} をロックできません（{exc.strerror or exc}）。",
            ) from exc
        return self

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release(force=True)

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()

    def _locked_error(self) -> DatabaseLocked:
        holder = read_holder(self.db_path)
        who_en = who_ja = ""
        if holder.get("host") or holder.get("user"):
            who_en = f" (by {holder.get('user', '?')} on {holder.get('host', '?')} since {holder.get('since', '?')})"
            who_ja = f"（{holder.get('host', '?')} の {holder.get('user', '?')}、{holder.get('since', '?')} から）"
        return DatabaseLocked(
            f"The database {self.db_path} is already open in another ALTdesk{who_en}. "
            "Close that ALTdesk first, or switch to it. Several coordinators working at once "
            "need the PostgreSQL mode (--db postgresql+psycopg://...).",
            f"データベース {self.db_path} は別の ALTdesk で開かれています{who_ja}。"
            "そちらを閉じるか、そちらをお使いください。複数の担当者が同時に作業する場合は "
            "PostgreSQL モード（--db postgresql+psycopg://...）を使ってください。",
        )
