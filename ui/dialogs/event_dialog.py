"""Record or edit a school event (Sports Day on a Saturday): school, day, names, times, the
ALTs who attend and their compensatory day off (振替), which defaults to the school's next
school day and can be changed. Saving goes through the undo stack."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from altdesk.db.enums import AltStatus
from altdesk.errors import StaleEdit, UserError
from altdesk.services.rosters import list_alts, list_schools
from altdesk.services.school_events import (
    MAX_NAME,
    Attendance,
    EventInput,
    EventRow,
    alts_placed_at,
    get_event,
    suggest_compensatory_day,
)
from ui.app_context import AppContext
from ui.dialogs.absence_commands import create_event_command, edit_event_command
from ui.dialogs.closed_month import push_asking_reason
from ui.dialogs.form_errors import FormErrors
from ui.formatting import format_date, from_qdate, setup_date_edit, to_qdate
from ui.level_icons import level_icon
from ui.settings import current_language
from ui.undo import OperationCommand


def next_saturday(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=(5 - day.weekday()) % 7 or 7)


def _qtime(value: dt.time) -> QTime:
    return QTime(value.hour, value.minute)


def _time(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())


class EventDialog(QDialog):
    saved = Signal(int)  # the event id

    def __init__(self, ctx: AppContext, event: EventRow | None = None, school_id: int | None = None,
                 day: dt.date | None = None, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("event_dialog")
        self.ctx = ctx
        self.school_event = event
        self.event_id: int | None = event.id if event else None
        self._placed: set[int] = set()
        self._comp_touched = False
        self._loaded_comp: dt.date | None = event.compensatory_day if event else None

        self.school_combo = QComboBox(self)
        self.school_combo.setObjectName("event_school")
        self.school_combo.setEditable(True)
        self.school_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.school_combo.setMinimumContentsLength(28)
        lang = current_language()
        for school in list_schools(ctx.ws):
            name = school.name_ja if lang == "ja" else (school.name_en or school.name_ja)
            self.school_combo.addItem(level_icon(school.level), f"{school.code} {name}", school.id)
        completer = QCompleter(self.school_combo.model(), self.school_combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.school_combo.setCompleter(completer)
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("event_date")
        self.name_ja_edit = QLineEdit(self)
        self.name_ja_edit.setObjectName("event_name_ja")
        self.name_en_edit = QLineEdit(self)
        self.name_en_edit.setObjectName("event_name_en")
        for edit in (self.name_ja_edit, self.name_en_edit):
            edit.setMaxLength(MAX_NAME)
        self.start_edit = QTimeEdit(self)
        self.start_edit.setObjectName("event_start")
        self.end_edit = QTimeEdit(self)
        self.end_edit.setObjectName("event_end")
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("HH:mm")
        self.to_label = QLabel(self)
        times = QHBoxLayout()
        times.addWidget(self.start_edit)
        times.addWidget(self.to_label)
        times.addWidget(self.end_edit)
        times.addStretch(1)
        self.comp_edit = QDateEdit(self)
        self.comp_edit.setObjectName("event_compensatory")
        self.comp_reset = QPushButton(self)
        self.comp_reset.setObjectName("event_compensatory_reset")
        self.comp_reset.setAutoDefault(False)
        comp_row = QHBoxLayout()
        comp_row.addWidget(self.comp_edit, 1)
        comp_row.addWidget(self.comp_reset)
        self.comp_hint = QLabel(self)
        self.comp_hint.setObjectName("event_compensatory_hint")
        self.comp_hint.setWordWrap(True)
        self.comp_hint.setEnabled(False)
        for edit in (self.date_edit, self.comp_edit):
            setup_date_edit(edit)
        self.attendee_filter = QLineEdit(self)
        self.attendee_filter.setObjectName("event_attendee_filter")
        self.attendee_filter.setClearButtonEnabled(True)
        self.attendee_list = QListWidget(self)
        self.attendee_list.setObjectName("event_attendees")
        self.attendee_list.setMinimumHeight(150)
        self.attendee_count = QLabel(self)
        self.errors = FormErrors({"school": self.school_combo, "date": self.date_edit, "name_ja": self.name_ja_edit,
                                  "name_en": self.name_en_edit, "end_time": self.end_edit,
                                  "compensatory_day": self.comp_edit, "attendees": self.attendee_list}, self)

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("event_save")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.setDefault(True)

        self.labels = {key: QLabel(self) for key in ("school", "date", "name_ja", "name_en", "time", "comp",
                                                     "attendees")}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        attendees = QVBoxLayout()
        attendees.addWidget(self.attendee_filter)
        attendees.addWidget(self.attendee_list, 1)
        attendees.addWidget(self.attendee_count)
        for key, field in (("school", self.school_combo), ("date", self.date_edit), ("name_ja", self.name_ja_edit),
                           ("name_en", self.name_en_edit), ("time", times), ("comp", comp_row),
                           ("attendees", attendees)):
            form.addRow(self.labels[key], field)
            if key == "comp":
                form.addRow("", self.comp_hint)
        for key, buddy in (("school", self.school_combo), ("date", self.date_edit), ("name_ja", self.name_ja_edit),
                           ("name_en", self.name_en_edit), ("time", self.start_edit), ("comp", self.comp_edit),
                           ("attendees", self.attendee_filter)):
            self.labels[key].setBuddy(buddy)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)

        # Values
        if event is not None:
            self._show_event(event)
        else:
            if school_id is not None:
                self.school_combo.setCurrentIndex(max(0, self.school_combo.findData(school_id)))
            self.date_edit.setDate(to_qdate(day or next_saturday(today or dt.date.today())))
            self.start_edit.setTime(QTime(8, 30))
            self.end_edit.setTime(QTime(15, 30))
            self._fill_attendees(set())
            self._suggest_comp()

        self.save_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        self.school_combo.currentIndexChanged.connect(self._school_changed)
        self.date_edit.dateChanged.connect(self._suggest_comp)
        self.comp_edit.dateChanged.connect(self._comp_edited)
        self.comp_reset.clicked.connect(self._reset_comp)
        self.attendee_filter.textChanged.connect(self._filter_attendees)
        self.attendee_list.itemChanged.connect(self._update_count)
        self.retranslate()
        self.resize(max(self.sizeHint().width(), 600), max(self.sizeHint().height(), 560))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit School Event") if self.school_event else self.tr("Record School Event"))
        texts = {"school": self.tr("&School:"), "date": self.tr("&Day:"), "name_ja": self.tr("Name (&Japanese):"),
                 "name_en": self.tr("Name (&English):"), "time": self.tr("&Time:"),
                 "comp": self.tr("&Compensatory day off:"), "attendees": self.tr("&Attending ALTs:")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.to_label.setText(self.tr("to"))
        self.school_combo.setAccessibleName(self.tr("School holding the event"))
        self.date_edit.setAccessibleName(self.tr("Day of the event"))
        self.name_ja_edit.setAccessibleName(self.tr("Event name in Japanese"))
        self.name_ja_edit.setPlaceholderText("運動会")
        self.name_en_edit.setAccessibleName(self.tr("Event name in English"))
        self.name_en_edit.setPlaceholderText(self.tr("Sports Day"))
        self.start_edit.setAccessibleName(self.tr("Start time"))
        self.end_edit.setAccessibleName(self.tr("End time"))
        self.comp_edit.setAccessibleName(self.tr("Compensatory day off of the attending ALTs"))
        self.comp_reset.setText(self.tr("Next School &Day"))
        self.comp_reset.setToolTip(self.tr("Use the school's next school day after the event"))
        self.attendee_filter.setPlaceholderText(self.tr("Filter by code or name…"))
        self.attendee_filter.setAccessibleName(self.tr("Filter the ALTs"))
        self.attendee_list.setAccessibleName(self.tr("Attending ALTs"))
        self.save_button.setText(self.tr("&Save"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._relabel_attendees()
        self._update_comp_hint()
        self._update_count()

    def _show_event(self, event: EventRow) -> None:
        self.school_event = event
        self._loaded_comp = event.compensatory_day
        self.school_combo.blockSignals(True)
        self.school_combo.setCurrentIndex(max(0, self.school_combo.findData(event.school_id)))
        self.school_combo.blockSignals(False)
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(to_qdate(event.date))
        self.date_edit.blockSignals(False)
        self.name_ja_edit.setText(event.name_ja)
        self.name_en_edit.setText(event.name_en)
        self.start_edit.setTime(_qtime(event.start_time))
        self.end_edit.setTime(_qtime(event.end_time))
        self.attendee_list.clear()
        self._fill_attendees({a.alt_id for a in event.attendees})
        if event.compensatory_day is not None:
            self._set_comp(event.compensatory_day)
        self._comp_touched = event.compensatory_day is not None
        self._update_comp_hint()

    # --- Attendees ---------------------------------------------------------------------------

    def _fill_attendees(self, checked: set[int]) -> None:
        school_id = self.school_combo.currentData()
        self._placed = alts_placed_at(self.ctx.ws, school_id) if school_id is not None else set()
        previous = self.checked_alt_ids() | checked
        self.attendee_list.blockSignals(True)
        self.attendee_list.clear()
        alts = [a for a in list_alts(self.ctx.ws) if a.status != AltStatus.LEFT or a.id in previous]
        alts.sort(key=lambda a: (a.id not in self._placed, a.code))  # placed at the school first
        for alt in alts:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, alt.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, f"{alt.code} {alt.display_name}")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if alt.id in previous else Qt.CheckState.Unchecked)
            self.attendee_list.addItem(item)
        self.attendee_list.blockSignals(False)
        self._relabel_attendees()
        self._filter_attendees()
        self._update_count()

    def _relabel_attendees(self) -> None:
        for row in range(self.attendee_list.count()):
            item = self.attendee_list.item(row)
            text = item.data(Qt.ItemDataRole.UserRole + 1)
            if item.data(Qt.ItemDataRole.UserRole) in self._placed:
                text += "  " + self.tr("(placed at this school)")
            item.setText(text)

    def _filter_attendees(self) -> None:
        words = self.attendee_filter.text().casefold().split()
        for row in range(self.attendee_list.count()):
            item = self.attendee_list.item(row)
            text = item.text().casefold()
            item.setHidden(bool(words) and not all(w in text for w in words))

    def checked_alt_ids(self) -> set[int]:
        return {self.attendee_list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.attendee_list.count())
                if self.attendee_list.item(r).checkState() == Qt.CheckState.Checked}

    def set_attending(self, alt_ids: set[int]) -> None:
        for row in range(self.attendee_list.count()):
            item = self.attendee_list.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in alt_ids
                               else Qt.CheckState.Unchecked)

    def _update_count(self) -> None:
        self.attendee_count.setText(self.tr("Attending: %1").replace("%1", str(len(self.checked_alt_ids()))))

    # --- Compensatory day --------------------------------------------------------------------

    def _school_changed(self) -> None:
        self._fill_attendees(set())
        self._suggest_comp()

    def _suggestion(self) -> dt.date | None:
        school_id = self.school_combo.currentData()
        if school_id is None:
            return None
        return suggest_compensatory_day(self.ctx.ws, school_id, from_qdate(self.date_edit.date()), self.event_id)

    def _suggest_comp(self) -> None:
        """Follow the school's next school day until the coordinator picks another day."""
        if not self._comp_touched:
            suggestion = self._suggestion()
            if suggestion is not None:
                self._set_comp(suggestion)
        self._update_comp_hint()

    def _reset_comp(self) -> None:
        self._comp_touched = False
        self._suggest_comp()

    def _set_comp(self, day: dt.date) -> None:
        self.comp_edit.blockSignals(True)
        self.comp_edit.setDate(to_qdate(day))
        self.comp_edit.blockSignals(False)

    def _comp_edited(self) -> None:
        self._comp_touched = True
        self._update_comp_hint()

    def _update_comp_hint(self) -> None:
        suggestion = self._suggestion()
        if suggestion is None:
            self.comp_hint.clear()
            return
        self.comp_hint.setText(self.tr("The school's next school day after the event: %1")
                               .replace("%1", format_date(suggestion)))

    # --- Saving ------------------------------------------------------------------------------

    def value(self) -> EventInput:
        comp = from_qdate(self.comp_edit.date())
        keep_individual = self.school_event is not None and comp == self._loaded_comp
        individual = {a.alt_id: a.compensatory_day for a in self.school_event.attendees} if self.school_event else {}
        attendees = tuple(
            Attendance(alt_id, individual.get(alt_id) if keep_individual else None)
            for alt_id in sorted(self.checked_alt_ids())
        )
        school_index = self.school_combo.findText(self.school_combo.currentText().strip(),
                                                  Qt.MatchFlag.MatchFixedString)
        return EventInput(
            school_id=self.school_combo.itemData(school_index) if school_index >= 0 else None,
            date=from_qdate(self.date_edit.date()),
            name_ja=self.name_ja_edit.text(),
            name_en=self.name_en_edit.text(),
            start_time=_time(self.start_edit.time()),
            end_time=_time(self.end_edit.time()),
            compensatory_day=comp,
            attendees=attendees,
        )

    def accept(self) -> None:
        self.errors.clear()
        data = self.value()
        school_event = self.school_event

        def make(reason: str | None) -> OperationCommand:
            if school_event is None:
                return create_event_command(self.ctx, data, reason)
            return edit_event_command(self.ctx, school_event, data, reason)

        # A closed month's refusal asks the person why, as the board does; Cancel keeps the form open.
        command, error = push_asking_reason(self.ctx, self, make)
        if error is not None:
            self._refused(error)
            return
        self.event_id = command.result
        self.saved.emit(self.event_id)
        super().accept()

    def _refused(self, error: UserError) -> None:
        self.errors.show_error(error)
        if isinstance(error, StaleEdit) and self.school_event is not None:
            # Someone else saved first: show their version; the coordinator makes the change again.
            fresh = get_event(self.ctx.ws, self.school_event.id)
            if fresh is None:
                self.save_button.setEnabled(False)
            else:
                self._show_event(fresh)


def open_event_dialog(ctx: AppContext, parent: QWidget | None = None, event: EventRow | None = None,
                      school_id: int | None = None, day: dt.date | None = None) -> EventDialog:
    dialog = EventDialog(ctx, event, school_id, day, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
