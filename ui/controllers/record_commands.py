"""Undoable record edits (ALTs, schools, boards, day offs, holiday overrides, placements).

Each save or delete is a ServiceCommand whose redo calls the core and whose undo puts the
record back as it was. Undoing a delete (or redoing a create) stores the record again under
a new id, so commands hold a shared Handle per record (entity, id, version) that every
command on that record updates; references between records (a placement's ALT and school,
a school's board) are held as handles too. Undo, undo, redo, redo still reaches the right rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any
from weakref import WeakKeyDictionary

from PySide6.QtCore import QCoreApplication

from altdesk.services import records as svc
from altdesk.services.workspace import Workspace
from ui.app_context import AppContext
from ui.formatting import format_date
from ui.settings import current_language
from ui.undo import ServiceCommand

translate = QCoreApplication.translate


@dataclass
class Handle:
    entity: str
    id: int
    version: int | None = None


class Handles:
    """The handles of one window's records, so every command on a record shares one."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, int], Handle] = {}

    def get(self, entity: str, record_id: int, version: int | None = None) -> Handle:
        found = self._by_key.get((entity, record_id))
        if found is None:
            found = self._by_key[(entity, record_id)] = Handle(entity, record_id, version)
        elif version is not None:
            found.version = version
        return found

    def moved(self, handle: Handle, new_id: int, new_version: int | None) -> None:
        """The record was stored again (an undone delete): point the handle at its new row."""
        self._by_key.pop((handle.entity, handle.id), None)
        handle.id, handle.version = new_id, new_version
        self._by_key[(handle.entity, new_id)] = handle

    def moved_id(self, entity: str, old_id: int, new_id: int, new_version: int | None) -> None:
        found = self._by_key.get((entity, old_id))
        if found is not None:
            self.moved(found, new_id, new_version)


_registry: WeakKeyDictionary[AppContext, Handles] = WeakKeyDictionary()


def handles_of(ctx: AppContext) -> Handles:
    found = _registry.get(ctx)
    if found is None:
        found = _registry[ctx] = Handles()
    return found


@dataclass(frozen=True)
class RecordKind:
    """How one kind of record is loaded, saved, deleted and put back."""

    entity: str
    changes: tuple[str, ...]  # what AppContext.changed announces
    load: Callable[[Workspace, int], Any]
    save: Callable[[Workspace, Any], Any]
    delete: Callable[[Workspace, int, int], Any]
    saved_form: Callable[[Any], Any] = lambda result: result  # noqa: E731 - the form inside a save's result
    removed_form: Callable[[Any], Any] = lambda removed: removed  # noqa: E731
    refs: dict[str, str] = field(default_factory=dict)  # form field -> entity it names
    restore_children: Callable[[Workspace, Any, int, Handles], None] | None = None
    for_replay: Callable[[Any], Any] = lambda form: form  # noqa: E731 - a form saved again by undo/redo
    describe: Callable[[Any], str] = lambda form: ""  # noqa: E731


def _board_replay(form: svc.BoardForm) -> svc.BoardForm:
    # The closures' rows may have been replaced since; an undo or redo sets the list's contents.
    return replace(form, closures=tuple(replace(c, id=None, version=None) for c in form.closures))


def _restore_school_days(ws: Workspace, removed: svc.RemovedSchool, school_id: int, handles: Handles) -> None:
    for day in removed.days_off:
        saved = svc.save_day_off(ws, replace(day, id=None, version=None, school_id=school_id))
        if day.id is not None:
            handles.moved_id("day_off", day.id, saved.id, saved.version)  # type: ignore[arg-type]


def _restore_board_closures(ws: Workspace, removed: svc.BoardForm, board_id: int, handles: Handles) -> None:
    saved = svc.load_board(ws, board_id)
    for old, new in zip(removed.closures, saved.closures, strict=False):
        if old.id is not None and new.id is not None:
            handles.moved_id("day_off", old.id, new.id, new.version)


def _placement_text(form: svc.PlacementForm) -> str:
    return svc.describe(form.pattern, current_language())


KINDS: dict[str, RecordKind] = {
    "alt": RecordKind("alt", ("alts",), svc.load_alt, svc.save_alt, svc.delete_alt,
                      describe=lambda f: f.code),
    "school": RecordKind("school", ("schools", "day_offs"), svc.load_school, svc.save_school, svc.delete_school,
                         removed_form=lambda r: r.school, refs={"board_id": "board"},
                         restore_children=_restore_school_days, describe=lambda f: f.code),
    "board": RecordKind("board", ("boards", "day_offs"), svc.load_board, svc.save_board, svc.delete_board,
                        restore_children=_restore_board_closures, for_replay=_board_replay,
                        describe=lambda f: f.code),
    "day_off": RecordKind("day_off", ("day_offs",), svc.load_day_off, svc.save_day_off, svc.delete_day_off,
                          refs={"board_id": "board", "school_id": "school"}, describe=lambda f: f.name_ja),
    "holiday_override": RecordKind("holiday_override", ("holidays",), svc.load_holiday_override,
                                   svc.save_holiday_override, svc.delete_holiday_override,
                                   describe=lambda f: format_date(f.date) if f.date else ""),
    "placement": RecordKind("placement", ("placements", "visits"), svc.load_placement, svc.save_placement,
                            svc.delete_placement, saved_form=lambda r: r.form,
                            refs={"alt_id": "alt", "school_id": "school"}, describe=_placement_text),
}


def _ref_handles(kind: RecordKind, form: Any, handles: Handles) -> dict[str, Handle]:
    return {name: handles.get(entity, getattr(form, name))
            for name, entity in kind.refs.items() if getattr(form, name) is not None}


def _bind(form: Any, refs: dict[str, Handle]) -> Any:
    """The form with its references pointing at the records' current rows."""
    return replace(form, **{name: handle.id for name, handle in refs.items()}) if refs else form


def save_command(ctx: AppContext, kind: RecordKind, after: Any, text: str) -> ServiceCommand:
    """Create (after.id is None) or update a record; undo deletes it or restores what it was."""
    handles = handles_of(ctx)
    ws = ctx.ws
    refs = _ref_handles(kind, after, handles)
    if after.id is None:
        record: list[Handle] = []

        def create() -> Any:
            form = _bind(after if not record else kind.for_replay(after), refs)
            result = kind.save(ws, replace(form, id=None, version=None))
            saved = kind.saved_form(result)
            if record:
                handles.moved(record[0], saved.id, saved.version)
            else:
                record.append(handles.get(kind.entity, saved.id, saved.version))
            return result

        def uncreate(_result: Any) -> None:
            kind.delete(ws, record[0].id, record[0].version)  # type: ignore[arg-type]

        return ServiceCommand(ctx, text, create, uncreate, kind.changes)

    before = kind.load(ws, after.id)  # what undo puts back (a stale form fails on save anyway)
    handle = handles.get(kind.entity, after.id, after.version)
    before_refs = _ref_handles(kind, before, handles)
    first = [True]

    def apply() -> Any:
        form = after if first[0] else kind.for_replay(after)
        first[0] = False
        result = kind.save(ws, replace(_bind(form, refs), id=handle.id, version=handle.version))
        handle.version = kind.saved_form(result).version
        return result

    def revert(_result: Any) -> None:
        form = kind.for_replay(before)
        if hasattr(form, "apply_from"):  # a placement: undo from the same day the change applied from
            form = replace(form, apply_from=after.apply_from)
        result = kind.save(ws, replace(_bind(form, before_refs), id=handle.id, version=handle.version))
        handle.version = kind.saved_form(result).version

    return ServiceCommand(ctx, text, apply, revert, kind.changes)


def delete_command(ctx: AppContext, kind: RecordKind, record_id: int, version: int, text: str,
                   delete: Callable[[Workspace, int, int], Any] | None = None) -> ServiceCommand:
    """Delete a record; undo stores it again (and what was deleted with it) under a new id."""
    handles = handles_of(ctx)
    ws = ctx.ws
    handle = handles.get(kind.entity, record_id, version)
    removed_refs: dict[str, Handle] = {}
    run_delete = delete or kind.delete

    def do() -> Any:
        removed = run_delete(ws, handle.id, handle.version)  # type: ignore[arg-type]
        removed_refs.clear()
        removed_refs.update(_ref_handles(kind, kind.removed_form(removed), handles))
        return removed

    def undo(removed: Any) -> None:
        form = kind.for_replay(kind.removed_form(removed))
        result = kind.save(ws, replace(_bind(form, removed_refs), id=None, version=None))
        saved = kind.saved_form(result)
        handles.moved(handle, saved.id, saved.version)
        if kind.restore_children is not None:
            kind.restore_children(ws, removed, saved.id, handles)

    return ServiceCommand(ctx, text, do, undo, kind.changes)


def undo_text(action: str, kind: str, what: str) -> str:
    """E.g. "Add ALT A100": the Edit menu's Undo/Redo say what they will undo."""
    names = {"alt": translate("RecordCommands", "ALT"), "school": translate("RecordCommands", "school"), "board": translate("RecordCommands", "board of education"),
             "day_off": translate("RecordCommands", "day off"), "holiday_override": translate("RecordCommands", "holiday override"), "placement": translate("RecordCommands", "placement")}
    verbs = {"add": translate("RecordCommands", "Add %1 %2"), "edit": translate("RecordCommands", "Edit %1 %2"), "delete": translate("RecordCommands", "Delete %1 %2"),
             "left": translate("RecordCommands", "Mark %1 %2 as left"), "end": translate("RecordCommands", "End %1 %2")}
    return verbs[action].replace("%1", names[kind]).replace("%2", what).strip()
