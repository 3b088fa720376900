"""Undoable edits of absences, school events and substitutes, each one core operation
(ui.undo.OperationCommand): pushing it performs the service call through altdesk.operations, and
undo and redo replay it from the journal, as `altdesk undo` and `altdesk redo` do. A deleted
record comes back under its own id, so commands hold plain ids.

The journal keeps each edit's text in English and Japanese whatever the window shows, so the
texts are written here in both; the window shows the one of its language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from altdesk.services import absences as absence_service
from altdesk.services import school_events as event_service
from altdesk.services.absences import AbsenceInput, AbsenceRow
from altdesk.services.scheduling import apply_substitute
from altdesk.services.school_events import EventInput, EventRow
from ui.app_context import AppContext
from ui.undo import OperationCommand

ABSENCE_KINDS = ("absences",)
EVENT_KINDS = ("events", "absences", "visits")
VISIT_KINDS = ("visits",)

TEXTS: dict[str, tuple[str, str]] = {
    "record_absence": ("Record absence of %1", "%1 の不在を登録"),
    "edit_absence": ("Edit absence of %1", "%1 の不在を編集"),
    "delete_absence": ("Delete absence of %1", "%1 の不在を削除"),
    "record_event": ("Record school event %1", "学校行事「%1」を登録"),
    "edit_event": ("Edit school event %1", "学校行事「%1」を編集"),
    "delete_event": ("Delete school event %1", "学校行事「%1」を削除"),
    "assign_substitute": ("Assign substitute: %1", "代替ALTを割り当て：%1"),
    "remove_substitute": ("Remove substitute: %1", "代替ALTを解除：%1"),
}


def _command(ctx: AppContext, text: str, what: str | tuple[str, str], fn: Callable[[], Any],
             kinds: tuple[str, ...], closed_reason: str | None = None) -> OperationCommand:
    en, ja = TEXTS[text]
    what_en, what_ja = what if isinstance(what, tuple) else (what, what)
    return OperationCommand(ctx, en.replace("%1", what_en), ja.replace("%1", what_ja), fn, kinds,
                            closed_reason=closed_reason)


# --- Absences ----------------------------------------------------------------------------------

def create_absence_command(ctx: AppContext, data: AbsenceInput, alt_label: str,
                           closed_reason: str | None = None) -> OperationCommand:
    """Record an absence; the command's result is its id. `closed_reason` (here and below): why a
    closed month changes, once the person was asked (ui.dialogs.closed_month.push_asking_reason)."""
    ws = ctx.ws
    return _command(ctx, "record_absence", alt_label, lambda: absence_service.create_absence(ws, data).id,
                    ABSENCE_KINDS, closed_reason)


def edit_absence_command(ctx: AppContext, row: AbsenceRow, data: AbsenceInput, alt_label: str,
                         closed_reason: str | None = None) -> OperationCommand:
    ws = ctx.ws
    return _command(ctx, "edit_absence", alt_label,
                    lambda: absence_service.update_absence(ws, row.id, row.version, data).id, ABSENCE_KINDS,
                    closed_reason)


def delete_absence_command(ctx: AppContext, row: AbsenceRow, closed_reason: str | None = None) -> OperationCommand:
    ws = ctx.ws
    return _command(ctx, "delete_absence", f"{row.alt_code} {row.alt_name}",
                    lambda: absence_service.delete_absence(ws, row.id, row.version), ABSENCE_KINDS, closed_reason)


# --- School events -----------------------------------------------------------------------------

def create_event_command(ctx: AppContext, data: EventInput, closed_reason: str | None = None) -> OperationCommand:
    """Record a school event (its event visits and compensatory days off with it); result: its id."""
    ws = ctx.ws
    return _command(ctx, "record_event", data.name_ja, lambda: event_service.create_event(ws, data).id, EVENT_KINDS,
                    closed_reason)


def edit_event_command(ctx: AppContext, row: EventRow, data: EventInput,
                       closed_reason: str | None = None) -> OperationCommand:
    ws = ctx.ws
    return _command(ctx, "edit_event", data.name_ja,
                    lambda: event_service.update_event(ws, row.id, row.version, data).id, EVENT_KINDS,
                    closed_reason)


def delete_event_command(ctx: AppContext, row: EventRow, closed_reason: str | None = None) -> OperationCommand:
    ws = ctx.ws
    return _command(ctx, "delete_event", row.name_ja, lambda: event_service.delete_event(ws, row.id, row.version),
                    EVENT_KINDS, closed_reason)


# --- Substitutes -------------------------------------------------------------------------------

def assign_substitute_command(ctx: AppContext, visit_id: int, alt_id: int,
                              description: str | tuple[str, str]) -> OperationCommand:
    """Cover a visit with a substitute ALT; undo gives the visit back to its ALT. `description`
    says which (in English and Japanese when it names a school or a date)."""
    ws = ctx.ws
    return _command(ctx, "assign_substitute", description, lambda: apply_substitute(ws, visit_id, alt_id),
                    VISIT_KINDS)


def remove_substitute_command(ctx: AppContext, visit_id: int, description: str | tuple[str, str]) -> OperationCommand:
    """Give a covered visit back to its ALT; undo makes the same substitute cover it again."""
    ws = ctx.ws
    return _command(ctx, "remove_substitute", description,
                    lambda: absence_service.remove_substitute(ws, visit_id), VISIT_KINDS)
