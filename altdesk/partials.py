"""Temporary `.partial` files (a file written under another name and renamed when complete),
and the clearing of those a killed process left behind.

A partial's name says who writes it: `<name>.altdesk-<host>-<pid>.partial`. One is stale,
safe to delete, when its writer on this computer is no longer running, or when nothing has
written to it for QUIET_LIMIT_S (a writer on another computer sharing the folder, or a
process id reused since). A file a running ALTdesk is writing is never taken. A `.partial`
without a writer's name (older versions) is cleared only in ALTdesk's own folders, by age,
since in a folder the person chose it may be someone else's file.
"""

from __future__ import annotations

import functools
import os
import re
import socket
import time
from pathlib import Path

from altdesk.processes import is_running

SUFFIX = ".partial"
QUIET_LIMIT_S = 3600.0
# SQLite keeps its journal beside a partial copy of a database while it writes one.
_NAMED = re.compile(r".+\.altdesk-(?P<host>[A-Za-z0-9]+)-(?P<pid>\d+)\.partial(-journal|-wal|-shm)?")
_UNNAMED = re.compile(r".+\.partial(-journal|-wal|-shm)?")


@functools.cache
def _host() -> str:
    # Letters and digits only, at most a Windows computer name's 15, so paths stay short.
    return re.sub(r"[^A-Za-z0-9]", "", socket.gethostname())[:15] or "host"


def partial_path(path: Path) -> Path:
    """The temporary name `path` is written under by this process."""
    return path.with_name(f"{path.name}.altdesk-{_host()}-{os.getpid()}{SUFFIX}")


def _is_stale(name: str, modified: float, unnamed: bool) -> bool:
    quiet = time.time() - modified > QUIET_LIMIT_S
    named = _NAMED.fullmatch(name)
    if named is None:
        return unnamed and quiet and _UNNAMED.fullmatch(name) is not None
    if quiet:
        return True
    pid = int(named.group("pid"))
    if named.group("host") != _host() or pid == os.getpid():
        return False
    return not is_running(pid)


def clear_stale(folder: Path, *, unnamed: bool = False) -> list[Path]:
    """Delete the stale partials in `folder` (with `unnamed`, also old ones without a writer's
    name); returns what was deleted. A file that cannot be deleted (still open on Windows) is
    left for the next time."""
    removed: list[Path] = []
    try:
        with os.scandir(folder) as scan:
            entries = [e for e in scan if SUFFIX in e.name]
    except OSError:  # no such folder yet, or not ours to read
        return removed
    for entry in entries:
        try:
            if entry.is_file() and _is_stale(entry.name, entry.stat().st_mtime, unnamed):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:  # gone meanwhile, or still open (Windows): the next time
            continue
    return removed
