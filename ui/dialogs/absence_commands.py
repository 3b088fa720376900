"""Undoable edits of absences, school events and substitutes (ServiceCommand builders).

Undoing a delete records the item again under a new id, so commands do not hold ids: they
hold a shared Handle per record (id and version), which every command on that record
updates. Undo, undo, redo, redo then still reaches the right record. Substitutes are
found by the covered visit, whose id never changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from PySide6.QtCore import QCoreApplication

from altdesk.services import absences as absence_service
from altdesk.services import school_events as event_service
from altdesk.services.absences import AbsenceInput, AbsenceRow, Saved
from altdesk.services.scheduling import apply_substitute
from altdesk.services.school_events import EventInput, EventRow
from ui.app_context import AppContext
from ui.undo import ServiceCommand

ABSENCE_KINDS = ("absences",)
EVENT_KINDS = ("events", "absences", "visits")
VISIT_KINDS = ("visits",)


@dataclass
class Handle:
    entity: str
    id: int
    version: int


_handles: WeakKeyDictionary[AppContext, dict[tuple[str, int], Handle]] = WeakKeyDictionary()


def handle(ctx: AppContext, entity: str, record_id: int, version: int) -> Handle:
    """The shared handle of a record as loaded now (its version is the one just read)."""
    registry = _handles.setdefault(ctx, {})
    found = registry.get((entity, record_id))
    if found is None:
        found = registry[(entity, record_id)] = Handle(entity, record_id, version)
    else:
        found.version = version
    return found


def _moved(ctx: AppContext, record: Handle, saved: Saved) -> None:
    registry = _handles.setdefault(ctx, {})
    registry.pop((record.entity, record.id), None)
    record.id, record.version = saved.id, saved.version
    registry[(record.entity, record.id)] = record


def _create(ctx: AppContext, entity: str, text: str, create: Callable[[], Saved],
            delete: Callable[[int, int], Any], kinds: tuple[str, ...]) -> ServiceCommand:
    record: list[Handle] = []

    def do() -> int:
        saved = create()
        if record:
            _moved(ctx, record[0], saved)
        else:
            record.append(handle(ctx, entity, saved.id, saved.version))
        return saved.id

    def undo(_result: Any) -> None:
        delete(record[0].id, record[0].version)

    return ServiceCommand(ctx, text, do, undo, kinds)


def _edit(ctx: AppContext, text: str, record: Handle, update: Callable[[int, int, Any], Saved],
          old: Any, new: Any, kinds: tuple[str, ...]) -> ServiceCommand:
    def save(values: Any) -> int:
        saved = update(record.id, record.version, values)
        record.version = saved.version
        return saved.id

    return ServiceCommand(ctx, text, lambda: save(new), lambda _result: save(old), kinds)


def _delete(ctx: AppContext, text: str, record: Handle, delete: Callable[[int, int], Any],
            create: Callable[[Any], Saved], kinds: tuple[str, ...]) -> ServiceCommand:
    def do() -> Any:
        return delete(record.id, record.version)

    def undo(deleted: Any) -> None:
        _moved(ctx, record, create(deleted))

    return ServiceCommand(ctx, text, do, undo, kinds)


# --- Absences ----------------------------------------------------------------------------------

def create_absence_command(ctx: AppContext, data: AbsenceInput, alt_label: str) -> ServiceCommand:
    ws = ctx.ws
    text = QCoreApplication.translate("AbsenceCommands", "Record absence of %1").replace("%1", alt_label)
    return _create(ctx, "absence", text,
                   lambda: absence_service.create_absence(ws, data),
                   lambda record_id, version: absence_service.delete_absence(ws, record_id, version),
                   ABSENCE_KINDS)


def edit_absence_command(ctx: AppContext, row: AbsenceRow, data: AbsenceInput, alt_label: str) -> ServiceCommand:
    ws = ctx.ws
    text = QCoreApplication.translate("AbsenceCommands", "Edit absence of %1").replace("%1", alt_label)
    return _edit(ctx, text,
                 handle(ctx, "absence", row.id, row.version),
                 lambda record_id, version, values: absence_service.update_absence(ws, record_id, version, values),
                 row.as_input(), data, ABSENCE_KINDS)


def delete_absence_command(ctx: AppContext, row: AbsenceRow) -> ServiceCommand:
    ws = ctx.ws
    alt_label = f"{row.alt_code} {row.alt_name}"
    text = QCoreApplication.translate("AbsenceCommands", "Delete absence of %1").replace("%1", alt_label)
    return _delete(ctx, text,
                   handle(ctx, "absence", row.id, row.version),
                   lambda record_id, version: absence_service.delete_absence(ws, record_id, version),
                   lambda deleted: absence_service.create_absence(ws, deleted), ABSENCE_KINDS)


# --- School events -----------------------------------------------------------------------------

def create_event_command(ctx: AppContext, data: EventInput) -> ServiceCommand:
    ws = ctx.ws
    text = QCoreApplication.translate("AbsenceCommands", "Record school event %1").replace("%1", data.name_ja)
    return _create(ctx, "event", text,
                   lambda: event_service.create_event(ws, data),
                   lambda record_id, version: event_service.delete_event(ws, record_id, version),
                   EVENT_KINDS)


def edit_event_command(ctx: AppContext, row: EventRow, data: EventInput) -> ServiceCommand:
    ws = ctx.ws
    text = QCoreApplication.translate("AbsenceCommands", "Edit school event %1").replace("%1", data.name_ja)
    return _edit(ctx, text,
                 handle(ctx, "event", row.id, row.version),
                 lambda record_id, version, values: event_service.update_event(ws, record_id, version, values),
                 row.as_input(), data, EVENT_KINDS)


def delete_event_command(ctx: AppContext, row: EventRow) -> ServiceCommand:
    ws = ctx.ws
    text = QCoreApplication.translate("AbsenceCommands", "Delete school event %1").replace("%1", row.name_ja)
    return _delete(ctx, text,
                   handle(ctx, "event", row.id, row.version),
                   lambda record_id, version: event_service.delete_event(ws, record_id, version),
                   lambda deleted: event_service.create_event(ws, deleted), EVENT_KINDS)


# --- Substitutes -------------------------------------------------------------------------------

def assign_substitute_command(ctx: AppContext, visit_id: int, alt_id: int, description: str) -> ServiceCommand:
    """Cover a visit with a substitute ALT; undo gives the visit back to its ALT."""
    ws = ctx.ws
    text = QCoreApplication.translate("AbsenceCommands", "Assign substitute: %1").replace("%1", description)
    return ServiceCommand(ctx, text,
                          lambda: apply_substitute(ws, visit_id, alt_id),
                          lambda _cover_id: absence_service.remove_substitute(ws, visit_id), VISIT_KINDS)


def remove_substitute_command(ctx: AppContext, visit_id: int, description: str) -> ServiceCommand:
    """Give a covered visit back to its ALT; undo makes the same substitute cover it again."""
    ws = ctx.ws
    text = QCoreApplication.translate("AbsenceCommands", "Remove substitute: %1").replace("%1", description)
    return ServiceCommand(ctx, text,
                          lambda: absence_service.remove_substitute(ws, visit_id),
                          lambda substitute_alt_id: apply_substitute(ws, visit_id, substitute_alt_id), VISIT_KINDS)
