"""Record or edit an ALT's absence (paid leave, sick, training, compensatory day off).

Saving goes through the undo stack. When the absence leaves visits uncovered, the dialog
says how many and offers to find substitutes at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from altdesk.db.enums import AbsenceKind, AltStatus
from altdesk.errors import StaleEdit
from altdesk.services.absences import MAX_NOTE, AbsenceInput, AbsenceRow, get_absence
from altdesk.services.rosters import list_alts
from altdesk.services.scheduling import uncovered_for
from ui.app_context import AppContext
from ui.dialogs.absence_commands import create_absence_command, edit_absence_command
from ui.dialogs.closed_month import push_asking_reason
from ui.dialogs.form_errors import FormErrors
from ui.formatting import format_date_range, from_qdate, setup_date_edit, to_qdate
from ui.undo import OperationCommand


def absence_kind_label(kind: AbsenceKind) -> str:
    names = {
        AbsenceKind.PAID_LEAVE: QCoreApplication.translate("Absences", "Paid leave"),
        AbsenceKind.SICK: QCoreApplication.translate("Absences", "Sick"),
        AbsenceKind.TRAINING: QCoreApplication.translate("Absences", "Training"),
        AbsenceKind.COMPENSATORY: QCoreApplication.translate("Absences", "Compensatory day off"),
    }
    return names[AbsenceKind(kind)]


def fill_alt_combo(combo: QComboBox, ctx: AppContext, keep_id: int | None = None) -> None:
    """ALTs by code, searchable by any part of the code or name; those who left are omitted
    (unless it is the one already chosen)."""
    combo.clear()
    for alt in list_alts(ctx.ws):
        if alt.status == AltStatus.LEFT and alt.id != keep_id:
            continue
        combo.addItem(f"{alt.code} {alt.display_name}", alt.id)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = QCompleter(combo.model(), combo)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCompleter(completer)


def combo_alt_id(combo: QComboBox) -> int | None:
    """The chosen ALT, or None when the typed text names none."""
    index = combo.findText(combo.currentText().strip(), Qt.MatchFlag.MatchFixedString)
    return combo.itemData(index) if index >= 0 else None


class AbsenceDialog(QDialog):
    saved = Signal(int)  # the absence id
    find_substitutes = Signal(int)  # the absence id: open the substitute finder on it

    def __init__(self, ctx: AppContext, absence: AbsenceRow | None = None, alt_id: int | None = None,
                 day: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("absence_dialog")
        self.ctx = ctx
        self.absence = absence
        self.absence_id: int | None = absence.id if absence else None
        day = day or dt.date.today()

        self.alt_combo = QComboBox(self)
        self.alt_combo.setObjectName("absence_alt")
        fill_alt_combo(self.alt_combo, ctx, absence.alt_id if absence else alt_id)
        self.from_edit = QDateEdit(self)
        self.from_edit.setObjectName("absence_from")
        self.to_edit = QDateEdit(self)
        self.to_edit.setObjectName("absence_to")
        for edit in (self.from_edit, self.to_edit):
            setup_date_edit(edit)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("absence_kind")
        for kind in AbsenceKind:
            self.kind_combo.addItem(absence_kind_label(kind), kind)
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("absence_note")
        self.note_edit.setMaxLength(MAX_NOTE)
        self.preview = QLabel(self)
        self.preview.setObjectName("absence_preview")
        self.preview.setWordWrap(True)
        self.errors = FormErrors({"alt": self.alt_combo, "start_date": self.from_edit, "end_date": self.to_edit,
                                  "kind": self.kind_combo, "note": self.note_edit}, self)
        self.done_label = QLabel(self)
        self.done_label.setObjectName("absence_done")
        self.done_label.setWordWrap(True)
        self.done_label.hide()

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("absence_save")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.find_button = QPushButton(self)
        self.find_button.setObjectName("absence_find_substitutes")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("absence_close")
        self.buttons.addButton(self.find_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.find_button.hide()
        self.close_button.hide()
        self.save_button.setDefault(True)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.alt_label, self.from_label, self.to_label = QLabel(self), QLabel(self), QLabel(self)
        self.kind_label, self.note_label = QLabel(self), QLabel(self)
        for text_label, field in ((self.alt_label, self.alt_combo), (self.from_label, self.from_edit),
                                  (self.to_label, self.to_edit), (self.kind_label, self.kind_combo),
                                  (self.note_label, self.note_edit)):
            text_label.setBuddy(field)
            self.form.addRow(text_label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.preview)
        layout.addWidget(self.errors)
        layout.addWidget(self.done_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        if absence is not None:
            self._show_absence(absence)
        else:
            if alt_id is not None:
                self.alt_combo.setCurrentIndex(max(0, self.alt_combo.findData(alt_id)))
            self.from_edit.setDate(to_qdate(day))
            self.to_edit.setDate(to_qdate(day))
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(AbsenceKind.SICK))

        self.save_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.reject)
        self.find_button.clicked.connect(self._find_substitutes)
        self.from_edit.dateChanged.connect(self._from_changed)
        self.to_edit.dateChanged.connect(self._update_preview)
        self.alt_combo.currentIndexChanged.connect(self._update_preview)
        self.alt_combo.currentTextChanged.connect(self._update_preview)
        self.retranslate()
        self.resize(max(self.sizeHint().width(), 520), self.sizeHint().height())

    def _show_absence(self, absence: AbsenceRow) -> None:
        self.absence = absence
        self.alt_combo.setCurrentIndex(max(0, self.alt_combo.findData(absence.alt_id)))
        self.from_edit.setDate(to_qdate(absence.start_date))
        self.to_edit.setDate(to_qdate(absence.end_date))
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(absence.kind))
        self.note_edit.setText(absence.note)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        editing = self.absence is not None
        self.setWindowTitle(self.tr("Edit Absence") if editing else self.tr("Record Absence"))
        self.alt_label.setText(self.tr("&ALT:"))
        self.from_label.setText(self.tr("&First day:"))
        self.to_label.setText(self.tr("&Last day:"))
        self.kind_label.setText(self.tr("&Kind:"))
        self.note_label.setText(self.tr("&Note:"))
        for index in range(self.kind_combo.count()):
            self.kind_combo.setItemText(index, absence_kind_label(self.kind_combo.itemData(index)))
        self.alt_combo.setAccessibleName(self.tr("ALT who is absent"))
        self.from_edit.setAccessibleName(self.tr("First day of the absence"))
        self.to_edit.setAccessibleName(self.tr("Last day of the absence"))
        self.kind_combo.setAccessibleName(self.tr("Kind of absence"))
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setPlaceholderText(self.tr("e.g. called in at 7:30; doctor's note to follow"))
        self.save_button.setText(self.tr("&Save"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.find_button.setText(self.tr("&Find Substitutes…"))
        self.close_button.setText(self.tr("&Close"))
        self._update_preview()

    # --- Reading the form --------------------------------------------------------------------

    def value(self) -> AbsenceInput:
        return AbsenceInput(
            alt_id=combo_alt_id(self.alt_combo),
            start_date=from_qdate(self.from_edit.date()),
            end_date=from_qdate(self.to_edit.date()),
            kind=self.kind_combo.currentData(),
            note=self.note_edit.text(),
        )

    def _from_changed(self) -> None:
        # Moving the first day past the last one moves the last one along (one-day absences).
        if self.to_edit.date() < self.from_edit.date():
            self.to_edit.setDate(self.from_edit.date())
        self._update_preview()

    def _update_preview(self) -> None:
        data = self.value()
        if data.alt_id is None or data.start_date is None or data.end_date is None \
                or data.end_date < data.start_date:
            self.preview.clear()
            return
        days = (data.end_date - data.start_date).days + 1
        visits = len(uncovered_for(self.ctx.ws, data.alt_id, data.start_date, data.end_date))
        text = self.tr("%1 day(s): %2. Visits on these days without a substitute: %3.")
        self.preview.setText(text.replace("%1", str(days))
                             .replace("%2", format_date_range(data.start_date, data.end_date))
                             .replace("%3", str(visits)))

    # --- Saving ------------------------------------------------------------------------------

    def accept(self) -> None:
        """Save through the undo stack; a refusal is shown in the form, which stays open."""
        if self.done_label.isVisible():
            self._find_substitutes()
            return
        self.errors.clear()
        data = self.value()
        alt_label = self.alt_combo.currentText().strip()
        absence = self.absence

        def make(reason: str | None) -> OperationCommand:
            if absence is None:
                return create_absence_command(self.ctx, data, alt_label, reason)
            return edit_absence_command(self.ctx, absence, data, alt_label, reason)

        # A closed month's refusal asks the person why, as the board does; Cancel keeps the form open.
        command, error = push_asking_reason(self.ctx, self, make)
        if error is not None:
            self.errors.show_error(error)
            if isinstance(error, StaleEdit) and self.absence is not None:
                # Someone else saved first: show their version; the coordinator makes the change again.
                fresh = get_absence(self.ctx.ws, self.absence.id)
                if fresh is None:
                    self.save_button.setEnabled(False)
                else:
                    self._show_absence(fresh)
            return
        self.absence_id = command.result
        self.saved.emit(self.absence_id)
        saved = get_absence(self.ctx.ws, self.absence_id)
        if saved is None or saved.visits_uncovered == 0:
            super().accept()
            return
        self._offer_substitutes(saved)

    def _offer_substitutes(self, saved: AbsenceRow) -> None:
        """Saved: say how many visits need a substitute and offer to find them."""
        for widget in (self.alt_combo, self.from_edit, self.to_edit, self.kind_combo, self.note_edit):
            widget.setEnabled(False)
        self.preview.hide()
        self.done_label.setText(
            self.tr("Saved. %1 has %2 visit(s) on these days that need a substitute ALT.")
            .replace("%1", f"{saved.alt_code} {saved.alt_name}").replace("%2", str(saved.visits_uncovered)))
        self.done_label.show()
        self.save_button.hide()
        self.cancel_button.hide()
        self.find_button.show()
        self.close_button.show()
        self.find_button.setDefault(True)
        self.find_button.setFocus()

    def _find_substitutes(self) -> None:
        if self.absence_id is not None:
            self.find_substitutes.emit(self.absence_id)
        super().accept()


def open_absence_dialog(ctx: AppContext, parent: QWidget | None = None, absence: AbsenceRow | None = None,
                        alt_id: int | None = None, day: dt.date | None = None,
                        on_find: Callable[[int], object] | None = None) -> AbsenceDialog:
    """Show the dialog (window-modal, not blocking). "Find substitutes…" calls `on_find` with
    the absence id; by default it opens the substitute finder beside the window."""
    if on_find is None:
        from ui.dialogs.substitute_finder import open_substitute_finder

        def on_find(absence_id: int) -> object:
            return open_substitute_finder(ctx, parent, absence_id)

    dialog = AbsenceDialog(ctx, absence, alt_id, day, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.find_substitutes.connect(on_find)
    dialog.open()
    return dialog
