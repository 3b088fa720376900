"""A short list of dates with a date field, Add and Remove (a placement's added or removed dates)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from ui.dialogs.form_support import date_edit, from_qdate, to_qdate
from ui.formatting_dates import long_date


class _DateList(QListWidget):
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class DateListEditor(QWidget):
    changed = Signal()

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.list = _DateList(self)
        self.list.setObjectName(f"{object_name}_list")
        self.list.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        self.date = date_edit(self)
        self.date.setObjectName(f"{object_name}_date")
        self.add_button = QPushButton(self)
        self.add_button.setObjectName(f"{object_name}_add")
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName(f"{object_name}_remove")
        row = QHBoxLayout()
        row.addWidget(self.date, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.list.delete_pressed.connect(self._remove)
        self.list.currentRowChanged.connect(self._update_buttons)
        self._dates: list[dt.date] = []
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add"))
        self.remove_button.setText(self.tr("Remove"))
        self.date.setAccessibleName(self.tr("Date to add"))
        self.add_button.setAccessibleName(self.tr("Add the date"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected date"))
        self._refill()

    def set_dates(self, dates: tuple[dt.date, ...] | list[dt.date]) -> None:
        self._dates = sorted(set(dates))
        self._refill()

    def dates(self) -> tuple[dt.date, ...]:
        return tuple(self._dates)

    def add_date(self, day: dt.date) -> None:
        if day not in self._dates:
            self._dates = sorted([*self._dates, day])
            self._refill()
            self.changed.emit()

    def set_default_date(self, day: dt.date) -> None:
        self.date.setDate(to_qdate(day))

    def _refill(self) -> None:
        self.list.clear()
        for day in self._dates:
            item = QListWidgetItem(long_date(day), self.list)
            item.setData(Qt.ItemDataRole.UserRole, day)
        self._update_buttons()

    def _add(self) -> None:
        day = from_qdate(self.date.date())
        if day is not None:
            self.add_date(day)

    def _remove(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self._dates.remove(item.data(Qt.ItemDataRole.UserRole))
        self._refill()
        self.changed.emit()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.list.currentItem() is not None)
