"""Opening the record editors and running their saves and deletes as undoable commands.

One RecordEditing per window (`RecordEditing.of(ctx)`), shared by the roster, placement and
calendar-layer pages. Each page gets an "actions" object (new / edit / delete) from it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from altdesk.db.enums import AltStatus, DayOffKind
from altdesk.errors import NotFound, UserError
from altdesk.services import records as svc
from ui.app_context import AppContext
from ui.controllers.record_commands import KINDS, RecordKind, delete_command, save_command
from ui.dialogs.alt_dialog import AltDialog
from ui.dialogs.board_dialog import BoardDialog
from ui.dialogs.day_off_dialog import DayOffDialog
from ui.dialogs.form_support import date_edit, from_qdate, message_of, to_qdate
from ui.dialogs.holiday_override_dialog import HolidayOverrideDialog
from ui.dialogs.placement_dialog import PlacementDialog
from ui.dialogs.school_dialog import SchoolDialog
from ui.formatting import format_date, format_date_range
from ui.settings import current_language
from ui.undo import push


class RecordActions(Protocol):
    """What a record table's New / Edit / Delete do. Each returns the id to select, or None."""

    def new(self, parent: QWidget) -> Any: ...
    def edit(self, parent: QWidget, row: Any) -> Any: ...
    def delete(self, parent: QWidget, row: Any) -> bool: ...


class _Actions:
    def __init__(self, new: Callable[[QWidget], Any], edit: Callable[[QWidget, Any], Any],
                 delete: Callable[[QWidget, Any], bool]) -> None:
        self.new, self.edit, self.delete = new, edit, delete


class RecordEditing(QObject):
    """Behaviour behind the editors. `today` is a function so tests can fix the date."""

    def __init__(self, ctx: AppContext, today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(ctx)
        self.setObjectName("record_editing")
        self.ctx = ctx
        self.today = today
        # Message boxes go through these two, so a test can answer them.
        self.ask: Callable[[QWidget, str, str, str], bool] = self._ask
        self.tell: Callable[[QWidget, str, str], None] = self._tell

    @classmethod
    def of(cls, ctx: AppContext) -> RecordEditing:
        """The window's one RecordEditing, shared by every page."""
        found = ctx.findChild(RecordEditing, "record_editing")
        return found if isinstance(found, RecordEditing) else cls(ctx, today=ctx.today)

    # --- plumbing -----------------------------------------------------------------------

    def _run(self, kind: RecordKind, after: Any, action: str) -> Any:
        """Push the save as one undoable operation; a refusal is raised for the dialog to show."""
        command = save_command(self.ctx, kind, after, action)
        error = push(self.ctx, command)
        if error is not None:
            raise error
        return command.result

    def _saver(self, entity: str) -> Callable[[Any], Any]:
        kind = KINDS[entity]
        return lambda form: self._run(kind, form, "add" if form.id is None else "edit")

    def _reloader(self, entity: str, record_id: int | None) -> Callable[[], Any] | None:
        if record_id is None:
            return None
        kind = KINDS[entity]
        return lambda: kind.load(self.ctx.ws, record_id)

    def _load(self, parent: QWidget, entity: str, record_id: int) -> Any:
        try:
            return KINDS[entity].load(self.ctx.ws, record_id)
        except NotFound as gone:
            self.tell(parent, self.tr("Not found"), message_of(gone))
            self.ctx.changed(*KINDS[entity].changes)  # the list still shows it: refresh
            return None

    def _open(self, dialog: QDialog, entity: str) -> int | None:
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.saved is None:  # type: ignore[attr-defined]
            return None
        saved = KINDS[entity].saved_form(dialog.saved)  # type: ignore[attr-defined]
        return saved.id

    def _delete(self, parent: QWidget, entity: str, record_id: int, version: int, subject: str | tuple[str, str],
                question: str, delete: Callable[[Any, int, int], Any] | None = None) -> bool | UserError:
        """Ask, then delete as one undoable operation. `subject` names the record (in English and
        Japanese when its name depends on the language)."""
        shown = subject if isinstance(subject, str) else subject[1 if current_language() == "ja" else 0]
        if not self.ask(parent, self.tr("Delete"), question.replace("%1", shown), self.tr("Delete")):
            return False
        command = delete_command(self.ctx, KINDS[entity], record_id, version, subject, delete)
        error = push(self.ctx, command)
        return error if error is not None else True

    def _ask(self, parent: QWidget, title: str, text: str, yes_text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent)
        yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter on a delete question does no harm
        box.exec()
        return box.clickedButton() is yes

    def _tell(self, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def _refused(self, parent: QWidget, error: UserError) -> None:
        self.tell(parent, self.tr("Not deleted"), message_of(error))

    # --- ALTs ---------------------------------------------------------------------------

    def new_alt(self, parent: QWidget) -> int | None:
        dialog = AltDialog(svc.AltForm(), self._saver("alt"), parent=parent)
        return self._open(dialog, "alt")

    def edit_alt(self, parent: QWidget, alt_id: int) -> int | None:
        form = self._load(parent, "alt", alt_id)
        if form is None:
            return None
        dialog = AltDialog(form, self._saver("alt"), self._reloader("alt", alt_id), parent=parent)
        return self._open(dialog, "alt")

    def delete_alt(self, parent: QWidget, alt_id: int) -> bool:
        form: svc.AltForm | None = self._load(parent, "alt", alt_id)
        if form is None:
            return False
        counts = svc.alt_dependents(self.ctx.ws, alt_id)
        if any(counts.values()):
            return self._offer_left(parent, form, counts)
        result = self._delete(parent, "alt", alt_id, form.version or 0, f"{form.code} {form.display_name}",
                              self.tr("Delete the ALT %1?"))
        if isinstance(result, UserError):
            self._refused(parent, result)
            return False
        return result

    def _offer_left(self, parent: QWidget, form: svc.AltForm, counts: dict[str, int]) -> bool:
        text = self.tr("%1 has placements or visits, so deleting would lose the history. "
                       "Mark the ALT as having left instead? No new visits are planned for an ALT who has left.")
        text = text.replace("%1", f"{form.code} {form.display_name}")
        if form.status == AltStatus.LEFT:
            self.tell(parent, self.tr("Not deleted"), text.split(". ")[0] + ".")
            return False
        if not self.ask(parent, self.tr("Keep the history"), text, self.tr("Mark as left")):
            return False
        try:
            self._run(KINDS["alt"], replace(form, status=AltStatus.LEFT), "left")
        except UserError as error:
            self._refused(parent, error)
            return False
        return True

    # --- Schools --------------------------------------------------------------------------

    def new_school(self, parent: QWidget) -> int | None:
        dialog = SchoolDialog(svc.SchoolForm(), svc.board_choices(self.ctx.ws), self._saver("school"), parent=parent)
        return self._open(dialog, "school")

    def edit_school(self, parent: QWidget, school_id: int) -> int | None:
        form = self._load(parent, "school", school_id)
        if form is None:
            return None
        dialog = SchoolDialog(form, svc.board_choices(self.ctx.ws), self._saver("school"),
                              self._reloader("school", school_id), parent=parent)
        return self._open(dialog, "school")

    def delete_school(self, parent: QWidget, school_id: int) -> bool:
        form: svc.SchoolForm | None = self._load(parent, "school", school_id)
        if form is None:
            return False
        refusal = svc.school_delete_refusal(self.ctx.ws, school_id)
        if refusal is not None:
            self._refused(parent, refusal)
            return False
        result = self._delete(parent, "school", school_id, form.version or 0, f"{form.code} {form.name_ja}",
                              self.tr("Delete the school %1? Its bell schedule and its own days off go with it."))
        if isinstance(result, UserError):
            self._refused(parent, result)
            return False
        return result

    # --- Boards -----------------------------------------------------------------------------

    def new_board(self, parent: QWidget) -> int | None:
        return self._open(BoardDialog(svc.BoardForm(), self._saver("board"), parent=parent), "board")

    def edit_board(self, parent: QWidget, board_id: int) -> int | None:
        form = self._load(parent, "board", board_id)
        if form is None:
            return None
        dialog = BoardDialog(form, self._saver("board"), self._reloader("board", board_id), parent=parent)
        return self._open(dialog, "board")

    def delete_board(self, parent: QWidget, board_id: int) -> bool:
        form: svc.BoardForm | None = self._load(parent, "board", board_id)
        if form is None:
            return False
        result = self._delete(parent, "board", board_id, form.version or 0, f"{form.code} {form.name_ja}",
                              self.tr("Delete the board of education %1? Its breaks and closure days go with it."))
        if isinstance(result, UserError):
            self._refused(parent, result)
            return False
        return result

    # --- Day offs -----------------------------------------------------------------------------

    def new_day_off(self, parent: QWidget, kind: DayOffKind, board_id: int | None = None,
                    start: dt.date | None = None) -> int | None:
        kinds = (DayOffKind.BREAK, DayOffKind.CLOSURE) if kind in (DayOffKind.BREAK, DayOffKind.CLOSURE) else (kind,)
        form = svc.DayOffForm(kind=kind, board_id=board_id, start_date=start)
        dialog = DayOffDialog(form, self._saver("day_off"), kinds=kinds, boards=svc.board_choices(self.ctx.ws),
                              schools=svc.school_choices(self.ctx.ws), fixed_board=board_id is not None,
                              today=self.today(), parent=parent)
        return self._open(dialog, "day_off")

    def edit_day_off(self, parent: QWidget, day_off_id: int) -> int | None:
        form: svc.DayOffForm | None = self._load(parent, "day_off", day_off_id)
        if form is None:
            return None
        board_kinds = (DayOffKind.BREAK, DayOffKind.CLOSURE)
        kinds = board_kinds if form.kind in board_kinds else (form.kind,)
        dialog = DayOffDialog(form, self._saver("day_off"), kinds=kinds, boards=svc.board_choices(self.ctx.ws),
                              schools=svc.school_choices(self.ctx.ws), reload=self._reloader("day_off", day_off_id),
                              today=self.today(), parent=parent)
        return self._open(dialog, "day_off")

    def delete_day_off(self, parent: QWidget, day_off_id: int) -> bool:
        form: svc.DayOffForm | None = self._load(parent, "day_off", day_off_id)
        if form is None:
            return False
        spans = [format_date_range(form.start_date, form.end_date, lang) for lang in ("en", "ja")]  # type: ignore[arg-type]
        result = self._delete(parent, "day_off", day_off_id, form.version or 0,
                              (f"{form.name_ja} ({spans[0]})", f"{form.name_ja} ({spans[1]})"),
                              self.tr("Delete the day off %1?"))
        if isinstance(result, UserError):
            self._refused(parent, result)
            return False
        return result

    # --- Holiday overrides ------------------------------------------------------------------

    def override_holiday(self, parent: QWidget, row: svc.HolidayRow | None, day: dt.date | None = None) -> Any:
        """Open the override of a national-holiday row (a new one, or the row's existing one)."""
        if row is not None and row.override_id is not None:
            form = self._load(parent, "holiday_override", row.override_id)
            if form is None:
                return None
        elif row is not None:  # a national holiday the branch works: the usual override
            form = svc.HolidayOverrideForm(date=row.date, is_holiday=False)
        else:
            form = svc.HolidayOverrideForm(date=day, is_holiday=True)
        dialog = HolidayOverrideDialog(form, self._saver("holiday_override"), svc.national_holiday,
                                       self._reloader("holiday_override", form.id), today=self.today(),
                                       parent=parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.saved is None:
            return None
        return dialog.saved.date

    def remove_override(self, parent: QWidget, row: svc.HolidayRow) -> bool:
        if row.override_id is None:
            return False
        result = self._delete(parent, "holiday_override", row.override_id, row.override_version or 0,
                              (format_date(row.date, "en"), format_date(row.date, "ja")),
                              self.tr("Remove the override of %1? The national holiday calendar applies again."))
        if isinstance(result, UserError):
            self._refused(parent, result)
            return False
        return result

    # --- Placements -----------------------------------------------------------------------

    def _placement_dialog(self, parent: QWidget, form: svc.PlacementForm) -> int | None:
        ws = self.ctx.ws
        kind = KINDS["placement"]
        today = self.today()

        def save(f: svc.PlacementForm) -> Any:
            return self._run(replace(kind, save=lambda w, g: svc.save_placement(w, g, today=today)), f,
                             "add" if f.id is None else "edit")

        dialog = PlacementDialog(form, svc.alt_choices(ws), svc.school_choices(ws), save,
                                 lambda f, after: svc.preview_placement(ws, f, after),
                                 self._reloader("placement", form.id), today=today, parent=parent)
        result = self._open(dialog, "placement")
        if result is not None and dialog.saved is not None:
            generated = dialog.saved.generated
            self.ctx.status_message.emit(
                self.tr("Placement saved: %1 visits added, %2 changed, %3 removed.")
                .replace("%1", str(generated.created)).replace("%2", str(generated.updated))
                .replace("%3", str(generated.deleted)))
        return result

    def new_placement(self, parent: QWidget, alt_id: int | None = None, school_id: int | None = None) -> int | None:
        today = self.today()
        fiscal_end = dt.date(today.year + (1 if today.month >= 4 else 0), 3, 31)
        form = svc.PlacementForm(alt_id=alt_id, school_id=school_id, start_date=today, end_date=fiscal_end,
                                 pattern=svc.Pattern(svc.PatternKind.WEEKLY, (0,)))
        return self._placement_dialog(parent, form)

    def edit_placement(self, parent: QWidget, placement_id: int) -> int | None:
        form = self._load(parent, "placement", placement_id)
        return None if form is None else self._placement_dialog(parent, form)

    def delete_placement(self, parent: QWidget, placement_id: int) -> bool:
        form: svc.PlacementForm | None = self._load(parent, "placement", placement_id)
        if form is None:
            return False
        today = self.today()
        if svc.placement_history(self.ctx.ws, placement_id, today):
            return self._offer_end(parent, form)
        result = self._delete(parent, "placement", placement_id, form.version or 0,
                              (svc.describe(form.pattern, "en"), svc.describe(form.pattern, "ja")),
                              self.tr("Delete the placement %1? Its planned visits are removed; visits made by "
                                      "hand stay."),
                              delete=lambda ws, i, v: svc.delete_placement(ws, i, v, today=today))
        if isinstance(result, UserError):
            self._refused(parent, result)
            return False
        return result

    def _offer_end(self, parent: QWidget, form: svc.PlacementForm) -> bool:
        last_day = EndPlacementDialog.ask(parent, form, self.today() - dt.timedelta(days=1))
        if last_day is None:
            return False
        try:
            self._run(KINDS["placement"], replace(form, end_date=last_day,
                                                  apply_from=last_day + dt.timedelta(days=1)), "end")
        except UserError as error:
            self._refused(parent, error)
            return False
        return True

    # --- actions for the pages ------------------------------------------------------------

    def alt_actions(self) -> RecordActions:
        return _Actions(self.new_alt, lambda p, row: self.edit_alt(p, row.id), lambda p, row: self.delete_alt(p, row.id))

    def school_actions(self) -> RecordActions:
        return _Actions(self.new_school, lambda p, row: self.edit_school(p, row.id),
                        lambda p, row: self.delete_school(p, row.id))

    def placement_actions(self) -> RecordActions:
        return _Actions(self.new_placement, lambda p, row: self.edit_placement(p, row.id),
                        lambda p, row: self.delete_placement(p, row.id))

    def board_actions(self) -> RecordActions:
        return _Actions(self.new_board, lambda p, row: self.edit_board(p, row.id),
                        lambda p, row: self.delete_board(p, row.id))

    def day_off_actions(self, kind: DayOffKind, board_id: Callable[[], int | None] | None = None) -> RecordActions:
        return _Actions(lambda p: self.new_day_off(p, kind, board_id() if board_id else None),
                        lambda p, row: self.edit_day_off(p, row.id), lambda p, row: self.delete_day_off(p, row.id))

    def holiday_actions(self) -> RecordActions:
        return _Actions(lambda p: self.override_holiday(p, None), self.override_holiday, self.remove_override)


class EndPlacementDialog(QDialog):
    """Ending a placement that has history: the last day it runs (its later visits are removed)."""

    def __init__(self, form: svc.PlacementForm, suggested: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("end_placement_dialog")
        self.setWindowTitle(self.tr("End the placement"))
        text = QLabel(self.tr("This placement already has visits, which stay as the record of what happened. "
                              "End it instead: choose its last day. Its planned visits after that day are removed."),
                      self)
        text.setWordWrap(True)
        self.last_day = date_edit(self)
        self.last_day.setObjectName("last_day")
        self.last_day.setMinimumDate(to_qdate(form.start_date))
        self.last_day.setDate(to_qdate(max(suggested, form.start_date)))  # type: ignore[type-var]
        self.last_day.setAccessibleName(self.tr("Last day"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("End placement"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        label = QLabel(self.tr("&Last day:"), self)
        label.setBuddy(self.last_day)
        form.addRow(label, self.last_day)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    @classmethod
    def ask(cls, parent: QWidget, form: svc.PlacementForm, suggested: dt.date) -> dt.date | None:
        dialog = cls(form, suggested, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return from_qdate(dialog.last_day.date())
