"""Refusing an SQLite file on a network share.

SQLite's locking over SMB/NFS is unreliable: two PCs writing one file through a share
can corrupt it silently. Detected: UNC paths and mapped network drives on Windows
(GetDriveTypeW == DRIVE_REMOTE), and network file systems on Linux (the longest
matching mount point in /proc/mounts). The mount table and the drive-type lookup are
parameters so tests can exercise every case on any OS.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path, PurePosixPath, PureWindowsPath

from altdesk.errors import NetworkShareRefused

DRIVE_REMOTE = 4  # winbase.h

NETWORK_FILESYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb3", "smbfs", "ncpfs", "afs", "coda",
    "sshfs", "fuse.sshfs", "davfs", "fuse.davfs2", "fuse.rclone", "fuse.s3fs",
    "glusterfs", "fuse.glusterfs", "ceph", "fuse.ceph", "lustre", "beegfs",
})

MountTable = list[tuple[str, str]]  # (mount point, file system type)


def _unescape(field: str) -> str:
    """/proc/mounts writes space, tab, newline and backslash as octal escapes."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def parse_mounts(text: str) -> MountTable:
    table: MountTable = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            table.append((_unescape(parts[1]), parts[2]))
    return table


def read_mounts() -> MountTable:
    try:
        with open("/proc/mounts", encoding="utf-8", errors="replace") as handle:
            return parse_mounts(handle.read())
    except OSError:
        return []


def _existing_ancestor(path: Path) -> Path:
    """The path resolved through symlinks as far as it exists (a new file has no inode yet)."""
    probe = path
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    resolved = probe.resolve()
    return resolved / path.relative_to(probe) if probe != path else resolved


def linux_mount_of(path: str, mounts: MountTable) -> tuple[str, str] | None:
    """The mount holding `path`: the longest mount point that is a prefix of it."""
    target = PurePosixPath(path)
    best: tuple[str, str] | None = None
    for point, fstype in mounts:
        mount = PurePosixPath(point)
        if (target == mount or mount in target.parents) and (
            best is None or len(mount.parts) >= len(PurePosixPath(best[0]).parts)
        ):
            best = (point, fstype)
    return best


def _windows_drive_type(root: str) -> int:
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def network_share_reason(
    path: Path | str,
    *,
    platform: str | None = None,
    mounts: MountTable | None = None,
    drive_type: Callable[[str], int] | None = None,
) -> str | None:
    """Why `path` is on a network share ("UNC path", "network drive Z:", "nfs4 mount /x"), or None."""
    platform = platform or sys.platform
    if platform == "win32":
        text = str(path)
        win = PureWindowsPath(text)
        if text.startswith(("\\\\", "//")):
            lowered = text.replace("/", "\\").lower()
            if lowered.startswith(("\\\\?\\unc\\",)) or not lowered.startswith(("\\\\?\\", "\\\\.\\")):
                return "UNC path"
            win = PureWindowsPath(text[4:])  # \\?\C:\... is a local path written long
        if win.drive and len(win.drive) == 2 and win.drive[1] == ":":
            lookup = drive_type or _windows_drive_type
            if lookup(win.drive + "\\") == DRIVE_REMOTE:
                return f"network drive {win.drive.upper()}"
        return None
    if platform.startswith("linux"):
        table = read_mounts() if mounts is None else mounts
        resolved = str(_existing_ancestor(Path(path))) if mounts is None else os.path.normpath(str(path))
        found = linux_mount_of(resolved, table)
        if found and found[1].lower() in NETWORK_FILESYSTEMS:
            return f"{found[1]} mount {found[0]}"
    return None


def refuse_network_share(path: Path, **lookup: object) -> None:
    reason = network_share_reason(path, **lookup)  # type: ignore[arg-type]
    if reason is None:
        return
    raise NetworkShareRefused(
        f"The database {path} is on a network share ({reason}). An SQLite file shared over "
        "the network can be damaged when two PCs use it. Keep the file on this PC's own disk, "
        "or, for several coordinators, use the PostgreSQL mode: "
        "--db postgresql+psycopg://USER@SERVER/DATABASE (see README, \"Several coordinators\").",
        f"データベース {path} はネットワーク共有上にあります（{reason}）。ネットワーク共有上の SQLite "
        "ファイルは複数の PC から使うと破損するおそれがあります。この PC のディスクに置くか、"
        "複数の担当者で使う場合は PostgreSQL モードを使ってください："
        "--db postgresql+psycopg://USER@SERVER/DATABASE（README「複数の担当者」参照）。",
    )
