"""Writing a file under a temporary name and renaming it when complete, so a cancelled or
failed write never leaves a half-written file under the real name.

A killed process cannot remove its temporary file; the first write into a folder in each
process clears the stale ones there (altdesk.partials: never a live writer's)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path

from altdesk.partials import clear_stale, partial_path

_cleared: set[Path] = set()  # folders this process has already cleared
_cleared_lock = threading.Lock()


def clear_stale_once(folder: Path) -> None:
    """Clear the folder's stale partials, once per process (an export writes hundreds of files)."""
    with _cleared_lock:
        if folder in _cleared:
            return
        _cleared.add(folder)
    clear_stale(folder)


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yields a temporary path beside `path`; renamed to `path` only when the block succeeds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    clear_stale_once(path.parent)
    partial = partial_path(path)
    try:
        yield partial
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
