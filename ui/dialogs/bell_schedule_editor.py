"""The bell schedule (校時) editor: a table of periods with start and end times.

Periods are numbered by their row; Add continues after the last one (a 10-minute break,
then a period as long as the last), Remove takes the selected one out. The core checks the
times (increasing, no overlap, each ending after it starts); the offending cell is shown.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTimeEdit,
    QWidget,
)

from altdesk.services.records import BellPeriodForm
from ui.dialogs.form_support import from_qtime, rows_editor, time_edit, to_qtime

Index = QModelIndex | QPersistentModelIndex
NUMBER, START, END = range(3)
FIELD_COLUMNS = {"number": NUMBER, "start_time": START, "end_time": END}
DEFAULT_FIRST = (dt.time(8, 45), dt.time(9, 30))
MAX_PERIODS = 12


def _minutes(value: dt.time) -> int:
    return value.hour * 60 + value.minute


def _time(minutes: int) -> dt.time:
    minutes = max(0, min(minutes, 23 * 60 + 59))
    return dt.time(minutes // 60, minutes % 60)


class BellScheduleModel(QAbstractTableModel):
    edited = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[list[dt.time]] = []  # [start, end] per period, in order
        self.error_cell: tuple[int, int] | None = None

    def set_periods(self, periods: tuple[BellPeriodForm, ...]) -> None:
        self.beginResetModel()
        self._rows = [[p.start_time, p.end_time] for p in sorted(periods, key=lambda p: p.number)]
        self.error_cell = None
        self.endResetModel()

    def periods(self) -> tuple[BellPeriodForm, ...]:
        return tuple(BellPeriodForm(i + 1, start, end) for i, (start, end) in enumerate(self._rows))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() != NUMBER else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NUMBER:
                return str(row + 1)
            return self._rows[row][column - 1].strftime("%H:%M")
        if role == Qt.ItemDataRole.EditRole:
            return row + 1 if column == NUMBER else to_qtime(self._rows[row][column - 1])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self.error_cell == (row, column):
            return QColor("#D55E00").lighter(170)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == NUMBER:
            return False
        if not isinstance(value, QTime) or not value.isValid():
            return False
        self._rows[index.row()][index.column() - 1] = from_qtime(value)
        if self.error_cell == (index.row(), index.column()):
            self.error_cell = None
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (self.tr("Period"), self.tr("Starts"), self.tr("Ends"))
        return titles[section] if 0 <= section < 3 else None

    def append_period(self) -> int:
        """A period after the last: 10 minutes' break, as long as the last one (45 minutes at first)."""
        if self._rows:
            start, end = self._rows[-1]
            length = max(_minutes(end) - _minutes(start), 5)
            new_start = _minutes(end) + 10
            period = [_time(new_start), _time(new_start + length)]
        else:
            period = list(DEFAULT_FIRST)
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(period)
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove_period(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self.error_cell = None
        if self._rows:  # the numbers after it change
            self.dataChanged.emit(self.index(row if row < len(self._rows) else 0, NUMBER),
                                  self.index(len(self._rows) - 1, NUMBER))
        self.edited.emit()

    def mark_error(self, row: int, column: int) -> None:
        self.error_cell = (row, column)
        index = self.index(row, column)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.BackgroundRole])


class TimeDelegate(QStyledItemDelegate):
    """Times as HH:mm whatever the locale, typed or stepped with the arrow keys.

    Enter finishes the cell only: without this the key would reach the dialog and save it
    before the typed time is committed.
    """

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        editor = time_edit(parent)
        editor.setFrame(False)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 - Qt's name
        super().setEditorData(editor, index)
        if isinstance(editor, QTimeEdit):  # typing 0920 then replaces the whole time
            editor.setSelectedSection(QTimeEdit.Section.HourSection)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(editor, QWidget)):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            return True
        return super().eventFilter(editor, event)


class BellScheduleEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = BellScheduleModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("bell_schedule")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(START, TimeDelegate(self.table))
        self.table.setItemDelegateForColumn(END, TimeDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        self.add_button, self.remove_button = rows_editor(self, self.table, "period", self.add_period,
                                                          self.remove_selected)
        self.model.rowsInserted.connect(self._update_buttons)
        self.model.rowsRemoved.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add peri&od"))
        self.remove_button.setText(self.tr("Re&move period"))
        self.table.setAccessibleName(self.tr("Bell schedule"))
        self.add_button.setAccessibleName(self.tr("Add period"))
        self.remove_button.setAccessibleName(self.tr("Remove period"))

    def add_period(self) -> None:
        row = self.model.append_period()
        self.table.setCurrentIndex(self.model.index(row, START))
        self.table.setFocus()

    def remove_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.model.remove_period(index.row())

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.model.rowCount() < MAX_PERIODS)
        self.remove_button.setEnabled(self.table.currentIndex().isValid() and self.model.rowCount() > 0)

    def show_error(self, field: str) -> None:
        """For fields like "periods.2.end_time": select that cell and tint it."""
        parts = field.split(".")
        if len(parts) != 3 or not parts[1].isdigit():
            return
        row = min(int(parts[1]), self.model.rowCount() - 1)
        if row < 0:
            return
        column = FIELD_COLUMNS.get(parts[2], START)
        self.model.mark_error(row, column)
        self.table.setCurrentIndex(self.model.index(row, column))
        self.table.scrollTo(self.model.index(row, column))
        self.table.setFocus()
