"""The school's demand (what it asks for) editor: a small table, one row per demand.

Each row: ALT days, per week or per fortnight, the weekdays it takes the ALT (none ticked:
any weekday), classes per day, from and until (— : open), a note. The core checks the rows
(days that fit the weekdays, 0-8 classes, dates in order); the offending cell is shown.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QWidget,
)

from altdesk.services.records import DemandForm
from ui.dialogs.form_support import date_edit, from_qdate, rows_editor, select_data, to_qdate

DAYS, PER, WEEKDAYS, CLASSES, START, END, NOTE = range(7)
FIELD_COLUMNS = {"days": DAYS, "period_weeks": PER, "weekdays": WEEKDAYS, "classes_per_day": CLASSES,
                 "start_date": START, "end_date": END, "note": NOTE}
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR")
MAX_ROWS = 20


class WeekdayPicker(QWidget):
    """Five small check boxes, Monday to Friday; none ticked means any weekday."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.setSpacing(2)
        self.checks: dict[str, QCheckBox] = {}
        for code in WEEKDAY_CODES:
            check = QCheckBox(self)
            check.setObjectName(f"weekday_{code}")
            self.checks[code] = check
            layout.addWidget(check)
        self.retranslate()

    def retranslate(self) -> None:
        names = {"MO": self.tr("Mon"), "TU": self.tr("Tue"), "WE": self.tr("Wed"), "TH": self.tr("Thu"),
                 "FR": self.tr("Fri")}
        for code, check in self.checks.items():
            check.setText(names[code])
            check.setAccessibleName(names[code])
        self.setToolTip(self.tr("The weekdays the school takes the ALT; none ticked: any weekday."))

    def set_days(self, days: tuple[str, ...]) -> None:
        for code, check in self.checks.items():
            check.setChecked(code in days)

    def days(self) -> tuple[str, ...]:
        return tuple(code for code, check in self.checks.items() if check.isChecked())


class DemandEditor(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("demand_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.table.horizontalHeader()
        for column in range(7):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("0") * 6)
        self.table.setTabKeyNavigation(False)
        self.add_button, self.remove_button = rows_editor(self, self.table, "demand", self.add_row,
                                                          self.remove_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.default_start: dt.date | None = None
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([
            self.tr("ALT days"), self.tr("Per"), self.tr("Weekdays"), self.tr("Classes"), self.tr("From"),
            self.tr("Until"), self.tr("Note")])
        self.table.setAccessibleName(self.tr("School demand"))
        self.add_button.setText(self.tr("Add demand ro&w"))
        self.remove_button.setText(self.tr("Remove demand row"))
        self.add_button.setAccessibleName(self.tr("Add demand"))
        self.remove_button.setAccessibleName(self.tr("Remove demand"))
        for row in range(self.table.rowCount()):
            self._retranslate_row(row)

    def _retranslate_row(self, row: int) -> None:
        per = self.table.cellWidget(row, PER)
        if isinstance(per, QComboBox):
            per.setItemText(0, self.tr("week"))
            per.setItemText(1, self.tr("fortnight"))
        picker = self.table.cellWidget(row, WEEKDAYS)
        if isinstance(picker, WeekdayPicker):
            picker.retranslate()
        classes = self.table.cellWidget(row, CLASSES)
        if isinstance(classes, QSpinBox):
            classes.setAccessibleName(self.tr("Classes per day"))
        days = self.table.cellWidget(row, DAYS)
        if isinstance(days, QSpinBox):
            days.setAccessibleName(self.tr("ALT days"))

    def _put_row(self, row: int, demand: DemandForm) -> None:
        self.table.insertRow(row)
        days = QSpinBox(self.table)
        days.setObjectName(f"demand_days_{row}")
        days.setRange(0, 10)
        days.setValue(demand.days)
        per = QComboBox(self.table)
        per.setObjectName(f"demand_per_{row}")
        per.addItem("", 1)
        per.addItem("", 2)
        select_data(per, demand.period_weeks)
        picker = WeekdayPicker(self.table)
        picker.setObjectName(f"demand_weekdays_{row}")
        picker.set_days(demand.weekdays)
        classes = QSpinBox(self.table)
        classes.setObjectName(f"demand_classes_{row}")
        classes.setRange(0, 12)
        classes.setValue(demand.classes_per_day)
        start = _compact(date_edit(self.table, optional=True))
        start.setObjectName(f"demand_start_{row}")
        start.setDate(to_qdate(demand.start_date))
        end = _compact(date_edit(self.table, optional=True))
        end.setObjectName(f"demand_end_{row}")
        end.setDate(to_qdate(demand.end_date))
        note = QLineEdit(self.table)
        note.setObjectName(f"demand_note_{row}")
        note.setText(demand.note)
        for column, widget in ((DAYS, days), (PER, per), (WEEKDAYS, picker), (CLASSES, classes), (START, start),
                               (END, end), (NOTE, note)):
            self.table.setCellWidget(row, column, widget)
        self._retranslate_row(row)

    def set_demands(self, demands: tuple[DemandForm, ...]) -> None:
        self.table.setRowCount(0)
        for row, demand in enumerate(demands):
            self._put_row(row, demand)
        self._update_buttons()

    def demands(self) -> tuple[DemandForm, ...]:
        rows = []
        for row in range(self.table.rowCount()):
            cell = self.table.cellWidget
            rows.append(DemandForm(
                days=cell(row, DAYS).value(), period_weeks=cell(row, PER).currentData(),  # type: ignore[attr-defined]
                weekdays=cell(row, WEEKDAYS).days(), classes_per_day=cell(row, CLASSES).value(),  # type: ignore[attr-defined]
                start_date=from_qdate(cell(row, START).date()),  # type: ignore[attr-defined]
                end_date=from_qdate(cell(row, END).date()), note=cell(row, NOTE).text(),  # type: ignore[attr-defined]
            ))
        return tuple(rows)

    def add_row(self) -> None:
        """A new row like the last one (or one day a week from the start of the school year)."""
        rows = self.demands()
        template = rows[-1] if rows else DemandForm(start_date=self.default_start or _fiscal_start())
        row = self.table.rowCount()
        self._put_row(row, DemandForm(template.days, template.period_weeks, (), template.classes_per_day,
                                      template.start_date, template.end_date, ""))
        self.table.selectRow(row)
        self.table.cellWidget(row, DAYS).setFocus()
        self._update_buttons()
        self.edited.emit()

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else self.table.currentRow()
        if 0 <= row < self.table.rowCount():
            self.table.removeRow(row)
            self._rename_rows()
            self._update_buttons()
            self.edited.emit()

    def _rename_rows(self) -> None:
        prefixes = {DAYS: "demand_days", PER: "demand_per", WEEKDAYS: "demand_weekdays", CLASSES: "demand_classes",
                    START: "demand_start", END: "demand_end", NOTE: "demand_note"}
        for row in range(self.table.rowCount()):
            for column, prefix in prefixes.items():
                self.table.cellWidget(row, column).setObjectName(f"{prefix}_{row}")

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.table.rowCount() < MAX_ROWS)
        self.remove_button.setEnabled(self.table.rowCount() > 0 and (
            bool(self.table.selectionModel().selectedRows()) or self.table.currentRow() >= 0))

    def show_error(self, field: str) -> QWidget | None:
        """For fields like "demands.1.days": select that row and give back the cell's widget to mark."""
        parts = field.split(".")
        if len(parts) != 3 or not parts[1].isdigit() or self.table.rowCount() == 0:
            return None
        row = min(int(parts[1]), self.table.rowCount() - 1)
        column = FIELD_COLUMNS.get(parts[2], DAYS)
        self.table.selectRow(row)
        self.table.scrollToItem(self.table.item(row, column)) if self.table.item(row, column) else None
        widget = self.table.cellWidget(row, column)
        if isinstance(widget, WeekdayPicker):
            return widget.checks["MO"]
        return widget


def _compact(edit: QDateEdit) -> QDateEdit:
    """2026-04-01: the table has seven columns to show side by side."""
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("2026-04-01") + 44)  # text and the pop-up arrow
    return edit


def _fiscal_start() -> dt.date:
    today = QDate.currentDate()
    year = today.year() if today.month() >= 4 else today.year() - 1
    return dt.date(year, 4, 1)
