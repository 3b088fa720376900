"""Undoable edits: a QUndoCommand that runs a service call and its inverse.

`redo` is called by QUndoStack.push, so pushing performs the edit. A service error in redo
(e.g. StaleEdit) is remembered and the command makes itself obsolete so the stack drops it;
the caller shows `command.error`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from altdesk.errors import UserError
from ui.app_context import AppContext
from ui.settings import current_language


class ServiceCommand(QUndoCommand):
    def __init__(
        self,
        ctx: AppContext,
        text: str,
        do: Callable[[], Any],
        undo: Callable[[Any], Any],
        kinds: tuple[str, ...] = ("visits",),
    ) -> None:
        super().__init__(text)
        self._ctx = ctx
        self._do = do
        self._undo = undo
        self._kinds = kinds
        self.result: Any = None
        self.error: UserError | None = None

    def redo(self) -> None:
        try:
            self.result = self._do()
            self.error = None
        except UserError as exc:
            self.error = exc
            self.setObsolete(True)
            return
        self._ctx.changed(*self._kinds)

    def undo(self) -> None:
        try:
            self._undo(self.result)
        except UserError as exc:
            self.error = exc
            self._ctx.status_message.emit(exc.message(current_language()))
            return
        self._ctx.changed(*self._kinds)


def push(ctx: AppContext, command: ServiceCommand) -> UserError | None:
    """Push (and so perform) an edit; returns the user error if it was refused."""
    ctx.undo_stack.push(command)
    return command.error
