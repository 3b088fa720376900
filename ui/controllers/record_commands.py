"""Undoable record edits (ALTs, schools, boards, day offs, holiday overrides, placements).

Each save or delete is one core operation (ui.undo.OperationCommand): pushing it performs the
service call through altdesk.operations, and undo and redo replay it from the journal, as
`altdesk undo` and `altdesk redo` do. A deleted record comes back under its own id with what
went with it (a school's days off, a board's closures), so commands hold plain ids.

The journal keeps each edit's text in English and Japanese whatever the window shows, so the
texts are written here in both; the window shows the one of its language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from altdesk.services import records as svc
from altdesk.services.workspace import Workspace
from ui.app_context import AppContext
from ui.formatting import format_date
from ui.settings import current_language
from ui.undo import OperationCommand


@dataclass(frozen=True)
class RecordKind:
    """How one kind of record is loaded, saved and deleted, and named in an edit's text."""

    entity: str
    changes: tuple[str, ...]  # what to refresh when a refused undo leaves no change record
    load: Callable[[Workspace, int], Any]
    save: Callable[[Workspace, Any], Any]
    delete: Callable[[Workspace, int, int], Any]
    saved_form: Callable[[Any], Any] = lambda result: result  # noqa: E731 - the form inside a save's result
    describe: Callable[[Any, str], str] = lambda form, lang: ""  # noqa: E731 - the record's name in a language


def _placement_text(form: svc.PlacementForm, lang: str) -> str:
    return svc.describe(form.pattern, lang)


KINDS: dict[str, RecordKind] = {
    "alt": RecordKind("alt", ("alts",), svc.load_alt, svc.save_alt, svc.delete_alt,
                      describe=lambda f, lang: f.code),
    "school": RecordKind("school", ("schools", "day_offs"), svc.load_school, svc.save_school, svc.delete_school,
                         describe=lambda f, lang: f.code),
    "board": RecordKind("board", ("boards", "day_offs"), svc.load_board, svc.save_board, svc.delete_board,
                        describe=lambda f, lang: f.code),
    "day_off": RecordKind("day_off", ("day_offs",), svc.load_day_off, svc.save_day_off, svc.delete_day_off,
                          describe=lambda f, lang: f.name_ja),
    "holiday_override": RecordKind("holiday_override", ("holidays",), svc.load_holiday_override,
                                   svc.save_holiday_override, svc.delete_holiday_override,
                                   describe=lambda f, lang: format_date(f.date, lang) if f.date else ""),
    "placement": RecordKind("placement", ("placements", "visits"), svc.load_placement, svc.save_placement,
                            svc.delete_placement, saved_form=lambda r: r.form, describe=_placement_text),
}

_NAMES = {"alt": ("ALT", "ALT"), "school": ("school", "学校"), "board": ("board of education", "教育委員会"),
          "day_off": ("day off", "休日"), "holiday_override": ("holiday override", "祝日の変更"),
          "placement": ("placement", "配置")}
_VERBS = {"add": ("Add %1 %2", "%1 %2 を追加"), "edit": ("Edit %1 %2", "%1 %2 を編集"),
          "delete": ("Delete %1 %2", "%1 %2 を削除"), "left": ("Mark %1 %2 as left", "%1 %2 を退職にする"),
          "end": ("End %1 %2", "%1 %2 を終了")}


def undo_texts(action: str, kind: str, what_en: str, what_ja: str | None = None) -> tuple[str, str]:
    """E.g. ("Add ALT A100", "ALT A100 を追加"): what the Edit menu's Undo/Redo and `altdesk history` say."""
    texts = []
    for verb, name, what in zip(_VERBS[action], _NAMES[kind], (what_en, what_en if what_ja is None else what_ja),
                                strict=True):
        texts.append(" ".join(verb.replace("%1", name).replace("%2", what).split()))
    return texts[0], texts[1]


def undo_text(action: str, kind: str, what: str) -> str:
    """The edit's text in the window's language."""
    en, ja = undo_texts(action, kind, what)
    return ja if current_language() == "ja" else en


def save_command(ctx: AppContext, kind: RecordKind, after: Any, action: str | None = None) -> OperationCommand:
    """Create (after.id is None) or update a record, as one operation. `action` names it in the
    edit's text ("add" or "edit" by default; "left", "end")."""
    ws = ctx.ws
    action = action or ("add" if after.id is None else "edit")
    text_en, text_ja = undo_texts(action, kind.entity, kind.describe(after, "en"), kind.describe(after, "ja"))
    return OperationCommand(ctx, text_en, text_ja, lambda: kind.save(ws, after), kind.changes)


def delete_command(ctx: AppContext, kind: RecordKind, record_id: int, version: int, subject: str | tuple[str, str],
                   delete: Callable[[Workspace, int, int], Any] | None = None) -> OperationCommand:
    """Delete a record (and what goes with it), as one operation; undo brings it back under its id.
    `subject` names the record, or is its name in English and Japanese."""
    ws = ctx.ws
    run_delete = delete or kind.delete
    what_en, what_ja = subject if isinstance(subject, tuple) else (subject, subject)
    text_en, text_ja = undo_texts("delete", kind.entity, what_en, what_ja)
    return OperationCommand(ctx, text_en, text_ja, lambda: run_delete(ws, record_id, version), kind.changes)
