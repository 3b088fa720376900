"""Child processes that end with the program that started them, and whether a process runs.

A spawned worker (the PDF writer's pool, the long-job child) blocks on its parent's queue;
if the parent is killed (SIGKILL, Task Manager's End task) nothing would tell it to stop,
and it would run on as an orphan. `die_with_parent()`, called first in the child, ends it
with its parent:

- on Linux the kernel sends the child SIGKILL when the parent dies (prctl PR_SET_PDEATHSIG);
- everywhere (Windows, macOS, and Linux as a second guard) a daemon thread waits on
  multiprocessing's parent sentinel (a handle to the parent process on Windows, the end of
  a pipe only the parent holds on POSIX), which is ready as soon as the parent is gone.

Linux delivers the signal when the *thread* that started the child ends, so the thread that
starts a child must outlive it (a pool used inside a `with` block, a job waited for).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from pathlib import Path

ORPHANED_EXIT = 70  # the child's exit code when it ends because its parent is gone
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_parent() -> None:
    """End this (multiprocessing) child process when its parent ends; a no-op in a main process.

    Usable as a ProcessPoolExecutor initializer or as the first line of a Process target.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    if sys.platform.startswith("linux"):
        _kill_on_parent_death()
        if parent.pid is not None and os.getppid() != parent.pid:  # it died before the prctl
            os._exit(ORPHANED_EXIT)
    threading.Thread(target=_exit_when_gone, args=(parent,), name="altdesk-parent-watch", daemon=True).start()


def _kill_on_parent_death() -> None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no prctl: the watcher thread still guards
        pass


def _exit_when_gone(parent: multiprocessing.process.BaseProcess) -> None:
    parent.join()  # returns when the parent's sentinel is ready: the parent has ended
    os._exit(ORPHANED_EXIT)  # no clean-up that could wait on the dead parent's queues


def is_running(pid: int) -> bool:
    """Whether a process with this id exists on this computer (an id can be reused later)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_is_running(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, owned by someone else
        return True
    return not _is_zombie(pid)


def _is_zombie(pid: int) -> bool:
    """Linux: the process has ended and only waits to be reaped (which not every system's
    first process does)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    fields = stat.rpartition(")")[2].split()
    return bool(fields) and fields[0] == "Z"


def _windows_is_running(pid: int) -> bool:
    # os.kill on Windows would terminate the process; ask for its exit code instead.
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.OpenProcess.restype = wintypes.HANDLE
    query_limited_information = 0x1000
    still_active = 259
    access_denied = 5
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return ctypes.get_last_error() == access_denied  # exists, but not ours to ask
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
