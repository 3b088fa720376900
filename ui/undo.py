"""Undoable edits: a QUndoCommand that runs a service call and its inverse.

`redo` is called by QUndoStack.push, so pushing performs the edit. A service error on that first
run is remembered and the command makes itself obsolete so the stack drops it; the caller shows
`command.error` (a fault is raised again by `push`, once the stack has dropped the command).

Later the core may refuse an undo or a redo: someone else saved or deleted the record meanwhile
(StaleEdit, NotFound), or the record is now in use (InUse). The stack must then still say how
things are, and the person is told why:
- a refused undo leaves the change in effect. It can no longer be undone, so its command leaves
  the stack (Qt drops an obsolete command after undo()); the changes before it stay undoable and
  those undone after it stay redoable, as they were made on top of it and it still holds.
- a refused redo leaves the change undone. Its command leaves the stack, and with it every
  command above it on the redo side: they were made on top of a change that is not there.
A fault (a bug, a lost connection) leaves the stack the same way, since its transaction wrote
nothing, and goes on to the window's fault report.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from altdesk.errors import UserError
from ui.app_context import AppContext
from ui.settings import current_language


@dataclass(frozen=True)
class Refusal:
    """An undo or redo the core refused: which, of what change, and the core's reason."""

    action: str  # "undo" or "redo"
    text: str  # the command's text, e.g. "Edit ALT A100"
    error: Exception  # the core's UserError, or a fault

    def message(self) -> str:
        translate = QCoreApplication.translate
        if self.action == "undo":
            head = translate("Undo", "“%1” was not undone.")
            tail = translate("Undo", "The change is still in effect and can no longer be undone.")
        else:
            head = translate("Undo", "“%1” was not redone.")
            tail = translate("Undo", "The change stays undone and can no longer be redone, nor can the changes made after it.")
        lang = current_language()
        if hasattr(self.error, "reason"):  # a journal's refusal: the head names the edit already
            reason = self.error.reason(lang)
        else:
            reason = self.error.message(lang) if isinstance(self.error, UserError) else str(self.error)
        return f"{head.replace('%1', self.text)}\n\n{reason}\n\n{tail}"

    def title(self) -> str:
        if self.action == "undo":
            return QCoreApplication.translate("Undo", "Undo not done")
        return QCoreApplication.translate("Undo", "Redo not done")


class StackKeeper(QObject):
    """Puts one window's undo stack right after a refusal, then tells the person why."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.setObjectName("undo_stack_keeper")
        self._ctx = ctx
        self._stack: QUndoStack = ctx.undo_stack
        self._pending: list[Refusal] = []
        self.redo_refused = False  # until settled: later redos in the same sweep must not run
        self._settling = False
        # Commands waiting for the database inside the stack's own undo/redo/push: a board edit
        # answered meanwhile is pushed after them (see push), not into the middle of their step.
        self.running = 0
        # The stack has finished its own bookkeeping when it announces the new index.
        self._stack.indexChanged.connect(self._settle)

    def refused(self, refusal: Refusal) -> None:
        self._pending.append(refusal)
        if refusal.action == "redo":
            self.redo_refused = True

    @Slot(int)  # a declared slot: PySide finds it on the class, not on a wrapper that may be gone
    def _settle(self, _index: int = 0) -> None:
        # The stack also announces its index while the window's context is being torn down, when
        # this object may be a bare wrapper without its state: nothing to settle then.
        if getattr(self, "_settling", True) or not getattr(self, "_pending", None):
            return
        self._settling = True
        try:
            if self.redo_refused:
                self._drop_refused_redos()
        finally:
            self._settling = False
            self.redo_refused = False
        refusals, self._pending = self._pending, []
        QTimer.singleShot(0, self, lambda: self._tell(refusals))

    def _drop_refused_redos(self) -> None:
        stack = self._stack
        # The stack counted the refused redo (and any after it in one sweep) as done: undoing each
        # is a no-op that makes it obsolete, so Qt removes it without touching the database.
        while stack.index() > 0:
            top = stack.command(stack.index() - 1)
            if not (isinstance(top, ServiceCommand) and top.skipped):
                break
            stack.undo()
        # Whatever is left on the redo side was made on top of the refused change.
        truncate = QUndoCommand()
        truncate.setObsolete(True)  # pushed obsolete: it is not run and not kept
        stack.push(truncate)
        announce(stack)

    def _tell(self, refusals: list[Refusal]) -> None:
        for refusal in refusals:
            if not isinstance(refusal.error, UserError):
                sys.excepthook(type(refusal.error), refusal.error, refusal.error.__traceback__)
                continue
            self._ctx.status_message.emit(refusal.title())
            box = QMessageBox(QMessageBox.Icon.Warning, refusal.title(), refusal.message(),
                              QMessageBox.StandardButton.Ok, _window(self._ctx))
            box.setObjectName("undo_refused")
            box.exec()


def keeper(ctx: AppContext) -> StackKeeper:
    """The window's one StackKeeper (a child of its context)."""
    found = ctx.findChild(StackKeeper, "undo_stack_keeper")
    return found if isinstance(found, StackKeeper) else StackKeeper(ctx)


def announce(stack: QUndoStack) -> None:
    """Tell the Undo/Redo actions what the stack holds now. Qt signals these only when the index
    moves, not when it drops commands without moving (a push or a redo that ends obsolete)."""
    stack.canUndoChanged.emit(stack.canUndo())
    stack.undoTextChanged.emit(stack.undoText())
    stack.canRedoChanged.emit(stack.canRedo())
    stack.redoTextChanged.emit(stack.redoText())


def _window(ctx: AppContext) -> QWidget | None:
    parent = ctx.parent()
    return (QApplication.activeModalWidget() or QApplication.activeWindow()
            or (parent if isinstance(parent, QWidget) else None))


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
        self._keeper = keeper(ctx)
        self._pushed = False
        self.skipped = False  # a refused redo: counted as done by the stack until the keeper drops it
        self.result: Any = None
        self.error: UserError | None = None
        self.fault: Exception | None = None  # an unexpected error on the first run, for push to raise

    def redo(self) -> None:
        first, self._pushed = not self._pushed, True
        if not first and self._keeper.redo_refused:
            self.skipped = True  # a sweep of redos goes on past a refused one: this one waits too
            return
        try:
            self.result = self._do()
            self.error = None
        except Exception as exc:  # noqa: BLE001 - a fault is raised again by push or reported by the keeper
            if first:
                self.setObsolete(True)
                if isinstance(exc, UserError):
                    self.error = exc
                else:
                    self.fault = exc
                return
            self.skipped = True
            self._refused("redo", exc)
            return
        self._announce()

    def undo(self) -> None:
        if self.skipped:
            self.setObsolete(True)
            return
        try:
            self._undo(self.result)
        except Exception as exc:  # noqa: BLE001 - reported by the keeper
            self.setObsolete(True)
            self._refused("undo", exc)
            return
        self._announce()

    def _announce(self) -> None:
        self._ctx.changed(*self._kinds)

    def _refused(self, action: str, exc: Exception) -> None:
        if isinstance(exc, UserError):
            self.error = exc
        self._keeper.refused(Refusal(action, self.text(), exc))
        self._ctx.changed(*self._kinds)  # show the records as they are now


class OperationCommand(ServiceCommand):
    """One edit as a core operation (altdesk.operations): `OperationCommand(ctx, text_en, text_ja, fn)`.

    Its first redo (the push) runs `perform(ws, text_en, text_ja, fn)`, where `fn` is one service
    call; undo asks the core to undo that operation from the journal, and later redos to redo it,
    so the window and `altdesk undo` replay the same thing and ids never change. The core refuses
    an undo or redo whose records moved on since (StaleEdit): the StackKeeper then puts the stack
    right, as for any ServiceCommand. Each run announces its ChangeRecord (ctx.records_changed and
    ctx.data_changed); `kinds` is only what to refresh when a refusal leaves no record.
    `result` is fn's result; `operation_id` the journal's id of the edit."""

    def __init__(self, ctx: AppContext, text_en: str, text_ja: str, fn: Callable[[], Any],
                 kinds: tuple[str, ...] = ("visits",), text: str | None = None,
                 closed_reason: str | None = None) -> None:
        self.operation_id: int | None = None
        self.record: Any = None
        self._performed = False
        self._text_en, self._text_ja, self._fn = text_en, text_ja or text_en, fn
        # Why a closed month changes: given when the person was asked after a refusal
        # (ui.dialogs.closed_month.push_asking_reason); it goes with the first perform only.
        self.closed_reason = closed_reason
        shown = text if text is not None else (self._text_ja if current_language() == "ja" else text_en)
        super().__init__(ctx, shown, self._run_do, self._run_undo, kinds)

    @classmethod
    def already_done(cls, ctx: AppContext, text: str, record: Any, kinds: tuple[str, ...] = ("visits",),
                     result: Any = None) -> OperationCommand:
        """The undo step of an operation already performed (off the window's thread, say): its
        first redo (the push) only announces `record`; undo and redo replay it from the journal.
        `text` is what the stack shows; `result` what the operation returned."""
        command = cls(ctx, record.text_en, record.text_ja, _not_again, kinds, text)
        command.record, command.operation_id, command.result = record, record.operation_id, result
        command._performed = True
        return command

    def _run_do(self) -> Any:
        from altdesk.operations import redo

        ws = self._ctx.ws
        if self._performed:  # pushed after the work was done: the push only records it
            self._performed = False
            return self.result
        if self.operation_id is None and self._fn is _not_again:
            return self.result  # performed elsewhere and it wrote nothing: nothing to redo
        if self.operation_id is None:
            fn, text_en, text_ja, reason = self._fn, self._text_en, self._text_ja, self.closed_reason
            result, self.record = self._off_thread(lambda: perform_with_reason(ws, text_en, text_ja, fn, reason))
            self.operation_id = self.record.operation_id
            return result
        operation_id = self.operation_id
        self.record = self._off_thread(lambda: self._replayed(redo(ws, operation_id)))
        return self.result

    def _run_undo(self, _result: Any) -> None:
        from altdesk.operations import undo

        if self.operation_id is None:
            return  # the edit wrote nothing: nothing to take back
        ws, operation_id = self._ctx.ws, self.operation_id
        self.record = self._off_thread(lambda: self._replayed(undo(ws, operation_id)))

    def _replayed(self, record: Any) -> Any:
        """After an undo or redo, on the runner's thread: what a subclass reads of the result."""
        return record

    def _off_thread(self, fn: Callable[[], Any]) -> Any:
        """The database work of this step on the window's edit lane (after the board's edits asked
        for before it), waited for while the window goes on painting (ui.runner.Runner.call)."""
        from ui.runner import runner_for

        self._keeper.running += 1
        try:
            return runner_for(self._ctx).call(fn)
        finally:
            self._keeper.running -= 1

    def _announce(self) -> None:
        if self.record is None:
            super()._announce()
            return
        self._ctx.operation_done(self.record, self._kinds)


def perform_with_reason(ws: Any, text_en: str, text_ja: str, fn: Callable[[], Any],
                        closed_reason: str | None) -> tuple[Any, Any]:
    """`perform(ws, text_en, text_ja, fn)` inside `edit_reason(closed_reason)`: an edit a closed month
    refused, made again with the person's reason (without one, as ever). Called on the thread that
    does the work: the reason is a ContextVar, which the runner's lanes do not inherit."""
    from altdesk.operations import perform
    from altdesk.services.month_close import edit_reason

    with edit_reason(closed_reason or ""):
        return perform(ws, text_en, text_ja, fn)


def _not_again() -> Any:
    raise RuntimeError("an operation already performed is not performed again")


DEFER_PUSH_MS = 20  # how often a deferred undo step looks again (not 0: the wait's own loop would spin)


def push(ctx: AppContext, command: ServiceCommand) -> UserError | None:
    """Push (and so perform) an edit; returns the user error if it was refused. The undo step of
    an edit already performed (a board move answered) that arrives while another step waits for
    the database is pushed right after that step ends."""
    if isinstance(command, OperationCommand) and command._performed and keeper(ctx).running:
        QTimer.singleShot(DEFER_PUSH_MS, keeper(ctx), lambda: push(ctx, command))
        return None
    ctx.undo_stack.push(command)
    if command.error is not None or command.fault is not None:
        announce(ctx.undo_stack)  # a refused push still dropped the redo side
    if command.fault is not None:
        raise command.fault
    return command.error
