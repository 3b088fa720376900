"""The list behind one of the Overview's charts: every row the chart counts, sortable, copyable."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.models.row_table import OBJECT_ROLE, SORT_ROLE, Column, RowTableModel


class ChartListDialog(QDialog):
    """`on_open(row)`, when given, runs on a double-click (e.g. show the ALT's week)."""

    def __init__(self, title: str, note: str, columns: Sequence[Column[Any]], rows: Sequence[Any],
                 parent: QWidget | None = None, on_open: Callable[[Any], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overview_list")
        self.setWindowTitle(title)
        self.model: RowTableModel[Any] = RowTableModel(columns, self)
        self.model.set_rows(rows)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SORT_ROLE)
        self.view = QTableView(self)
        self.view.setObjectName("overview_list_table")
        self.view.setModel(proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # as the chart gave them: most urgent first
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        if on_open is not None:
            self.view.doubleClicked.connect(lambda index: on_open(index.data(OBJECT_ROLE)))
        note_label = QLabel(note, self)
        note_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        copy = QPushButton(self.tr("&Copy the list"), self)
        copy.setObjectName("copy_list")
        copy.clicked.connect(self.copy_all)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        QShortcut(QKeySequence.StandardKey.Copy, self.view, self.copy_all)
        layout = QVBoxLayout(self)
        layout.addWidget(note_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(820, 520)

    def as_text(self) -> str:
        """The list as tab-separated lines, in the order shown: pasted into Excel, it is a table."""
        proxy = self.view.model()
        lines = ["\t".join(str(proxy.headerData(c, Qt.Orientation.Horizontal)) for c in range(proxy.columnCount()))]
        for row in range(proxy.rowCount()):
            lines.append("\t".join(str(proxy.index(row, c).data() or "") for c in range(proxy.columnCount())))
        return "\n".join(lines)

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.as_text())
