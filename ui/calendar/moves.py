"""What a move of a visit on the board carries while the runner saves it (see CalendarPage.request_move)."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from dataclasses import dataclass
from typing import Any

from altdesk.errors import UserError
from altdesk.scheduling.conflicts import Conflict
from altdesk.services.visits import get_visit
from ui import faults
from ui.undo import OperationCommand

MOVE_VISIT = faults.Action("Moving the visit failed.", "訪問の移動に失敗しました。")
SAVE_VISIT = faults.Action("Saving the visit failed.", "訪問の保存に失敗しました。")


@dataclass(frozen=True)
class MoveRequest:
    visit_id: int
    version: int  # as the person saw it on the board
    day: dt.date
    alt_id: int
    token: int | None  # the board's pending move, None when the visit was not on the board
    closed_reason: str | None = None  # why a closed month changes (asked when it refused the move)


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


class MoveCommand(OperationCommand):
    """A board move's undo step (OperationCommand.already_done): undo and redo replay the journal,
    then note the version they left in the page's VersionBook (on the edit lane, before the next
    move there reads it), so a quick move after them expects it."""

    _book: VersionBook | None = None
    _visit_id = 0

    def note_versions(self, book: VersionBook, visit_id: int) -> None:
        self._book, self._visit_id = book, visit_id

    def _replayed(self, record: Any) -> Any:
        """On the edit lane, right after the journal's undo or redo: the version it left."""
        if self._book is not None:
            with contextlib.suppress(UserError):  # gone: nothing to expect
                self._book.record(self._visit_id, get_visit(self._ctx.ws, self._visit_id).version)
        return record
