"""Absences and school events: two lists with New, Edit and Delete (all undoable), and the
way into the substitute finder for the selected absence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from altdesk.scheduling.generate import fiscal_year_bounds, fiscal_year_of
from altdesk.services.absences import AbsenceRow, list_absences
from altdesk.services.school_events import EventRow, list_events
from ui.app_context import AppContext
from ui.dialogs.absence_commands import delete_absence_command, delete_event_command
from ui.dialogs.absence_dialog import AbsenceDialog, absence_kind_label, open_absence_dialog
from ui.dialogs.closed_month import push_asking_reason
from ui.dialogs.event_dialog import EventDialog, next_saturday, open_event_dialog
from ui.dialogs.form_errors import FormErrors
from ui.dialogs.substitute_finder import SubstituteFinder, open_substitute_finder
from ui.formatting import ElideRightDelegate, format_date, format_time_range
from ui.level_icons import level_icon
from ui.models.row_table import OBJECT_ROLE, SORT_ROLE, Column, RowTableModel
from ui.settings import current_language
from ui.undo import OperationCommand

REFRESH_ON = {"absences", "events", "visits", "alts", "schools"}
SCOPES = ("from_today", "fiscal_year", "all")


def _scope_bounds(scope: str, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    if scope == "from_today":
        return today, None
    if scope == "fiscal_year":
        return fiscal_year_bounds(fiscal_year_of(today))
    return None, None


class _SearchProxy(QSortFilterProxyModel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)


def _table(parent: QWidget, name: str, proxy: QSortFilterProxyModel) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.setTabKeyNavigation(False)
    return table


class AbsencesPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_absences")
        self.ctx = ctx
        self._today = today or dt.date.today()
        self._stale = True
        # The last dialog or finder opened from here (tests and the window may reach them).
        self.dialog: AbsenceDialog | EventDialog | None = None
        self.finder: SubstituteFinder | None = None

        self.scope_label = QLabel(self)
        self.scope_combo = QComboBox(self)
        self.scope_combo.setObjectName("absences_scope")
        for key in SCOPES:
            self.scope_combo.addItem("", key)
        self.scope_combo.setCurrentIndex(SCOPES.index("fiscal_year"))
        self.scope_label.setBuddy(self.scope_combo)
        self.search = QLineEdit(self)
        self.search.setObjectName("absences_search")
        self.search.setClearButtonEnabled(True)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("absences_tabs")
        self.errors = FormErrors({}, self)

        # Absences
        self.absence_model: RowTableModel[AbsenceRow] = RowTableModel(self._absence_columns(), self)
        self.absence_proxy = _SearchProxy(self)
        self.absence_proxy.setSourceModel(self.absence_model)
        self.absence_table = _table(self, "absences_table", self.absence_proxy)
        self.absence_table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.new_absence_button = QPushButton(self)
        self.new_absence_button.setObjectName("absence_new")
        self.edit_absence_button = QPushButton(self)
        self.edit_absence_button.setObjectName("absence_edit")
        self.delete_absence_button = QPushButton(self)
        self.delete_absence_button.setObjectName("absence_delete")
        self.find_button = QPushButton(self)
        self.find_button.setObjectName("absence_find")
        absence_tab = QWidget(self)
        absence_layout = QVBoxLayout(absence_tab)
        absence_layout.addWidget(self.absence_table, 1)
        absence_buttons = QHBoxLayout()
        for button in (self.new_absence_button, self.edit_absence_button, self.delete_absence_button):
            absence_buttons.addWidget(button)
        absence_buttons.addStretch(1)
        absence_buttons.addWidget(self.find_button)
        absence_layout.addLayout(absence_buttons)

        # School events
        self.event_model: RowTableModel[EventRow] = RowTableModel(self._event_columns(), self)
        self.event_proxy = _SearchProxy(self)
        self.event_proxy.setSourceModel(self.event_model)
        self.event_table = _table(self, "events_table", self.event_proxy)
        self.event_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.new_event_button = QPushButton(self)
        self.new_event_button.setObjectName("event_new")
        self.edit_event_button = QPushButton(self)
        self.edit_event_button.setObjectName("event_edit")
        self.delete_event_button = QPushButton(self)
        self.delete_event_button.setObjectName("event_delete")
        event_tab = QWidget(self)
        event_layout = QVBoxLayout(event_tab)
        event_layout.addWidget(self.event_table, 1)
        event_buttons = QHBoxLayout()
        for button in (self.new_event_button, self.edit_event_button, self.delete_event_button):
            event_buttons.addWidget(button)
        event_buttons.addStretch(1)
        event_layout.addLayout(event_buttons)
        self.tabs.addTab(absence_tab, "")
        self.tabs.addTab(event_tab, "")

        for table, column_key, model in ((self.absence_table, "note", self.absence_model),
                                         (self.event_table, "attendees", self.event_model)):
            table.setItemDelegateForColumn(model.column_keys().index(column_key), ElideRightDelegate(table))

        top = QHBoxLayout()
        top.addWidget(self.scope_label)
        top.addWidget(self.scope_combo)
        top.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.errors)

        self.scope_combo.currentIndexChanged.connect(self.refresh)
        self.search.textChanged.connect(self.absence_proxy.setFilterFixedString)
        self.search.textChanged.connect(self.event_proxy.setFilterFixedString)
        self.new_absence_button.clicked.connect(self.new_absence)
        self.edit_absence_button.clicked.connect(self.edit_absence)
        self.delete_absence_button.clicked.connect(self.delete_absence)
        self.find_button.clicked.connect(lambda: self.find_substitutes())
        self.absence_table.activated.connect(lambda _index: self.edit_absence())
        self.new_event_button.clicked.connect(self.new_event)
        self.edit_event_button.clicked.connect(self.edit_event)
        self.delete_event_button.clicked.connect(self.delete_event)
        self.event_table.activated.connect(lambda _index: self.edit_event())
        for table in (self.absence_table, self.event_table):
            table.selectionModel().selectionChanged.connect(self._update_buttons)
            table.installEventFilter(self)  # Delete deletes the selected row, Insert adds one
        self.tabs.currentChanged.connect(self._update_buttons)
        ctx.data_changed.connect(self._on_data_changed)
        self.retranslate()

    # --- Columns -----------------------------------------------------------------------------

    def _absence_columns(self) -> list[Column[AbsenceRow]]:
        def kind_text(row: AbsenceRow) -> str:
            text = absence_kind_label(row.kind)
            if row.event_id is not None:
                name = row.event_name_ja if current_language() == "ja" else (row.event_name_en or row.event_name_ja)
                text += f" ({name})"
            return text

        return [
            Column("alt", lambda: self.tr("ALT"), lambda r: f"{r.alt_code} {r.alt_name}", sort=lambda r: r.alt_code),
            Column("first", lambda: self.tr("First day"), lambda r: format_date(r.start_date),
                   sort=lambda r: f"{r.start_date.isoformat()} {r.alt_code}"),
            Column("last", lambda: self.tr("Last day"), lambda r: format_date(r.end_date),
                   sort=lambda r: r.end_date.isoformat()),
            Column("days", lambda: self.tr("Days"), lambda r: str(r.days), sort=lambda r: r.days, align_right=True),
            Column("kind", lambda: self.tr("Kind"), kind_text),
            Column("uncovered", lambda: self.tr("To cover"), lambda r: str(r.visits_uncovered),
                   sort=lambda r: r.visits_uncovered, align_right=True,
                   tooltip=lambda r: self.tr("Visits on these days without a substitute")),
            Column("covered", lambda: self.tr("Covered"), lambda r: str(r.visits_covered),
                   sort=lambda r: r.visits_covered, align_right=True,
                   tooltip=lambda r: self.tr("Visits a substitute ALT covers")),
            Column("note", lambda: self.tr("Note"), lambda r: r.note),
        ]

    def _event_columns(self) -> list[Column[EventRow]]:
        def name(row: EventRow) -> str:
            return row.name_ja if current_language() == "ja" else (row.name_en or row.name_ja)

        def school(row: EventRow) -> str:
            return row.school_name_ja if current_language() == "ja" else (row.school_name_en or row.school_name_ja)

        def comp_days(row: EventRow) -> str:
            days = sorted({a.compensatory_day for a in row.attendees if a.compensatory_day} or
                          ({row.compensatory_day} if row.compensatory_day else set()))
            return ", ".join(format_date(d) for d in days)

        return [
            Column("date", lambda: self.tr("Day"), lambda r: format_date(r.date),
                   sort=lambda r: f"{r.date.isoformat()} {r.school_code}"),
            Column("school", lambda: self.tr("School"), school, sort=lambda r: r.school_code,
                   decoration=lambda r: level_icon(r.school_level),
                   tooltip=lambda r: f"{r.school_code}\n{r.school_name_ja}\n{r.school_name_en}"),
            Column("name", lambda: self.tr("Event"), name),
            Column("time", lambda: self.tr("Time"), lambda r: format_time_range(r.start_time, r.end_time)),
            Column("comp", lambda: self.tr("Compensatory day off"), comp_days,
                   sort=lambda r: r.compensatory_day.isoformat() if r.compensatory_day else ""),
            Column("reschedule", lambda: self.tr("To move"),
                   lambda r: str(sum(a.visits_to_reschedule for a in r.attendees)),
                   sort=lambda r: sum(a.visits_to_reschedule for a in r.attendees), align_right=True,
                   tooltip=lambda r: self.tr("Visits on the compensatory day still to move or cancel")),
            Column("attendees", lambda: self.tr("Attending ALTs"),
                   lambda r: ", ".join(f"{a.alt_code} {a.alt_name}" for a in r.attendees)),
        ]

    # --- Loading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self._stale = False
        first, last = _scope_bounds(self.scope_combo.currentData(), self._today)
        self._reload(self.absence_table, self.absence_model,
                     list_absences(self.ctx.ws, first, last))
        self._reload(self.event_table, self.event_model, list_events(self.ctx.ws, first, last))
        self._update_buttons()

    def _reload(self, table: QTableView, model: RowTableModel, rows: list) -> None:
        """Replace the rows, keeping the selected record selected (by id)."""
        current = table.currentIndex().data(OBJECT_ROLE)
        model.set_rows(rows)
        if current is not None:
            self._select(table, model, current.id)
        for column in range(model.columnCount() - 1):
            table.resizeColumnToContents(column)
            header = table.horizontalHeader()
            header.resizeSection(column, min(header.sectionSize(column), 300))

    def _select(self, table: QTableView, model: RowTableModel, record_id: int) -> None:
        proxy = table.model()
        for row in range(model.rowCount()):
            if model.row_at(row).id == record_id:
                table.selectRow(proxy.mapFromSource(model.index(row, 0)).row())
                return

    def _on_data_changed(self, kinds: set) -> None:
        if not kinds & REFRESH_ON:
            return
        if not self.ctx.touches(*_scope_bounds(self.scope_combo.currentData(), self._today)):
            return  # an edit of days outside the listed period
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self.refresh()

    # --- Selection ---------------------------------------------------------------------------

    def selected_absence(self) -> AbsenceRow | None:
        index = self.absence_table.currentIndex()
        return index.data(OBJECT_ROLE) if index.isValid() and self.absence_table.selectionModel().hasSelection() \
            else None

    def selected_event(self) -> EventRow | None:
        index = self.event_table.currentIndex()
        return index.data(OBJECT_ROLE) if index.isValid() and self.event_table.selectionModel().hasSelection() \
            else None

    def select_absence(self, absence_id: int) -> None:
        self.tabs.setCurrentIndex(0)
        self._select(self.absence_table, self.absence_model, absence_id)

    def select_event(self, event_id: int) -> None:
        self.tabs.setCurrentIndex(1)
        self._select(self.event_table, self.event_model, event_id)

    def _update_buttons(self) -> None:
        absence = self.selected_absence()
        from_event = absence is not None and absence.event_id is not None
        self.edit_absence_button.setEnabled(absence is not None and not from_event)
        self.delete_absence_button.setEnabled(absence is not None and not from_event)
        tip = self.tr("This compensatory day comes with a school event: change it in the event.") if from_event \
            else ""
        self.edit_absence_button.setToolTip(tip)
        self.delete_absence_button.setToolTip(tip)
        self.find_button.setEnabled(absence is not None)
        event = self.selected_event()
        self.edit_event_button.setEnabled(event is not None)
        self.delete_event_button.setEnabled(event is not None)

    # --- Actions -----------------------------------------------------------------------------

    def new_absence(self, alt_id: int | None = None, day: dt.date | None = None) -> AbsenceDialog:
        self.errors.clear()
        self.dialog = open_absence_dialog(self.ctx, self, None, alt_id, day or self._today,
                                          on_find=self.find_substitutes)
        self.dialog.saved.connect(self._absence_saved)
        return self.dialog

    def edit_absence(self) -> AbsenceDialog | None:
        absence = self.selected_absence()
        if absence is None:
            return None
        if absence.event_id is not None:  # a 振替 of an event: edited with the event
            self._open_event_of(absence)
            return None
        self.errors.clear()
        self.dialog = open_absence_dialog(self.ctx, self, absence, on_find=self.find_substitutes)
        self.dialog.saved.connect(self._absence_saved)
        return self.dialog

    def _absence_saved(self, absence_id: int) -> None:
        self.refresh()
        self.select_absence(absence_id)

    def _open_event_of(self, absence: AbsenceRow) -> None:
        for row in range(self.event_model.rowCount()):
            if self.event_model.row_at(row).id == absence.event_id:
                self.select_event(absence.event_id)
                self.edit_event()
                return

    def delete_absence(self) -> None:
        absence = self.selected_absence()
        if absence is not None:
            self._push(lambda reason: delete_absence_command(self.ctx, absence, reason),
                       self.tr("Deleted the absence of %1. Undo with Ctrl+Z.")
                       .replace("%1", f"{absence.alt_code} {absence.alt_name}"))

    def find_substitutes(self, absence_id: int | None = None) -> SubstituteFinder | None:
        if absence_id is None:
            absence = self.selected_absence()
            absence_id = absence.id if absence is not None else None
        if absence_id is None:
            return None
        self.finder = open_substitute_finder(self.ctx, self, absence_id)
        return self.finder

    def new_event(self, school_id: int | None = None, day: dt.date | None = None) -> EventDialog:
        self.errors.clear()
        self.dialog = open_event_dialog(self.ctx, self, None, school_id, day or next_saturday(self._today))
        self.dialog.saved.connect(self._event_saved)
        return self.dialog

    def edit_event(self) -> EventDialog | None:
        event = self.selected_event()
        if event is None:
            return None
        self.errors.clear()
        self.dialog = open_event_dialog(self.ctx, self, event)
        self.dialog.saved.connect(self._event_saved)
        return self.dialog

    def _event_saved(self, event_id: int) -> None:
        self.refresh()
        self.select_event(event_id)

    def delete_event(self) -> None:
        event = self.selected_event()
        if event is not None:
            name = event.name_ja if current_language() == "ja" else (event.name_en or event.name_ja)
            self._push(lambda reason: delete_event_command(self.ctx, event, reason),
                       self.tr("Deleted %1 at %2 with its visits and compensatory days. Undo with Ctrl+Z.")
                       .replace("%1", name).replace("%2", event.school_code))

    def new_record(self) -> AbsenceDialog | EventDialog:
        """New absence or new school event, by the tab in view (the window's Ctrl+N, or Insert)."""
        return self.new_absence() if self.tabs.currentIndex() == 0 else self.new_event()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (event.type() == QEvent.Type.KeyPress and watched in (self.absence_table, self.event_table)
                and isinstance(event, QKeyEvent)):
            if event.matches(QKeySequence.StandardKey.Delete):
                self._delete_current()
                return True
            if event.key() == Qt.Key.Key_Insert:
                self.new_record()
                return True
        return super().eventFilter(watched, event)

    def _delete_current(self) -> None:
        if self.tabs.currentIndex() == 0:
            if self.delete_absence_button.isEnabled():
                self.delete_absence()
        elif self.delete_event_button.isEnabled():
            self.delete_event()

    def _push(self, make: Callable[[str | None], OperationCommand], done: str) -> None:
        """Push the edit `make(None)`; a closed month's refusal asks why and pushes `make(reason)`."""
        self.errors.clear()
        _command, error = push_asking_reason(self.ctx, self, make)
        if error is not None:
            self.errors.show_error(error)
            self.refresh()
            return
        self.ctx.status_message.emit(done)

    # --- Language ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.scope_label.setText(self.tr("&Show:"))
        for index, text in enumerate((self.tr("From today on"), self.tr("This fiscal year"), self.tr("All"))):
            self.scope_combo.setItemText(index, text)
        self.scope_combo.setAccessibleName(self.tr("Which period to list"))
        self.search.setPlaceholderText(self.tr("Search by ALT, school, kind or note…"))
        self.search.setAccessibleName(self.tr("Search absences and events"))
        self.tabs.setTabText(0, self.tr("Absences"))
        self.tabs.setTabText(1, self.tr("School events"))
        self.absence_table.setAccessibleName(self.tr("Absences"))
        self.event_table.setAccessibleName(self.tr("School events"))
        self.new_absence_button.setText(self.tr("&New Absence…"))
        self.edit_absence_button.setText(self.tr("&Edit…"))
        self.delete_absence_button.setText(self.tr("&Delete"))
        self.find_button.setText(self.tr("&Find Substitutes…"))
        self.new_event_button.setText(self.tr("New &School Event…"))
        self.edit_event_button.setText(self.tr("&Edit…"))
        self.delete_event_button.setText(self.tr("&Delete"))
        for model in (self.absence_model, self.event_model):
            model.retranslate()
        if not self._stale:
            self.refresh()
        self._update_buttons()

