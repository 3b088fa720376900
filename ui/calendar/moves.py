"""What a move of a visit on the board carries while the runner saves it (see CalendarPage.request_move)."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass

from altdesk.scheduling.conflicts import Conflict
from ui import faults

MOVE_VISIT = faults.Action("Moving the visit failed.", "訪問の移動に失敗しました。")


@dataclass(frozen=True)
class MoveRequest:
    visit_id: int
    version: int  # as the person saw it on the board
    day: dt.date
    alt_id: int
    token: int | None  # the board's pending move, None when the visit was not on the board


@dataclass(frozen=True)
class AskFirst:
    """The preview found conflicts: the person is asked before the move is saved."""

    conflicts: list[Conflict]


UNMOVED = object()  # the visit is already there: nothing saved


class VersionBook:
    """The version this window's own edits left each visit at. A move asked for before the board
    was read again after the last one (two quick moves) expects that version, not the board's
    older copy; another coordinator's edit meanwhile still makes it stale. Read and written on the
    runner's edit lane and by undo/redo on the UI thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._versions: dict[int, int] = {}

    def record(self, visit_id: int, version: int) -> None:
        with self._lock:
            self._versions[visit_id] = version

    def expected(self, visit_id: int, seen: int) -> int:
        with self._lock:
            return max(seen, self._versions.get(visit_id, seen))
