"""A searchable, sortable table of records with New / Edit / Delete.

Keyboard: Insert adds (the window's Ctrl+N may call `new_record` of the page in view), Enter
or a double-click edits, Delete deletes (after the controller's confirmation). After any change
the same record stays selected. Strings use the literal context "RecordPanel" (subclasses have their own).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.app_context import AppContext
from ui.controllers.record_editing import RecordActions
from ui.models.row_table import OBJECT_ROLE, SORT_ROLE, RowTableModel

translate = QCoreApplication.translate

MAX_COLUMN_WIDTH = 320


class RecordTable(QTableView):
    """A read-only table where Enter edits the current row and Delete deletes it."""

    edit_requested = Signal()
    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.setTabKeyNavigation(False)  # Tab moves to the buttons; arrows move in the table
        self.setTextElideMode(Qt.TextElideMode.ElideRight)  # a name keeps its start; the tooltip gives it whole
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setResizeContentsPrecision(100)  # fitting columns reads 100 rows, not all 800
        self.doubleClicked.connect(lambda _index: self.edit_requested.emit())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.stretch_last_if_room()

    def stretch_last_if_room(self) -> None:
        """The last column fills the table's width, unless that would cut its title: then it keeps
        its own width and the table scrolls sideways to it."""
        header = self.horizontalHeader()
        if header.count() == 0:
            return
        last = header.logicalIndex(header.count() - 1)
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != last and not header.isSectionHidden(c))
        needed = header.sectionSizeHint(last)
        room = self.viewport().width() - others >= needed
        if room != header.stretchLastSection():
            header.setStretchLastSection(room)
            if not room:
                header.resizeSection(last, max(needed, header.sectionSize(last)))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.edit_requested.emit()
            return
        if event.key() == Qt.Key.Key_Delete and self.currentIndex().isValid():
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)


class RecordPanel(QWidget):
    """`loader` returns the rows (from a service); `actions` does New / Edit / Delete (None: read-only)."""

    def __init__(self, model: RowTableModel, object_name: str, parent: QWidget | None = None, *,
                 actions: RecordActions | None = None, loader: Callable[[], Sequence[Any]] | None = None,
                 row_id: Callable[[Any], Any] = lambda row: row.id, search: bool = True,
                 proxy: QSortFilterProxyModel | None = None,
                 button_texts: Callable[[], tuple[str, str, str]] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.model = model
        self.actions = actions
        self.loader = loader
        self.row_id = row_id
        self._button_texts = button_texts
        self._watched: frozenset[str] = frozenset()
        self.proxy = proxy or QSortFilterProxyModel(self)  # a page may bring its own extra filter
        self.proxy.setParent(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)  # search every column

        self.search = QLineEdit(self)
        self.search.setObjectName(f"{object_name}_search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.search.setVisible(search)
        self.count_label = QLabel(self)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("new_button")
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("edit_button")
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("delete_button")
        for button in (self.new_button, self.edit_button, self.delete_button):
            button.setVisible(actions is not None)
            button.setAutoDefault(False)

        self.table = RecordTable(self)
        self.table.setObjectName(f"{object_name}_table")
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

        self.toolbar = QHBoxLayout()
        if search:
            self.toolbar.addWidget(self.search, 1)
        else:
            self.toolbar.addStretch(1)  # buttons keep their size, on the right
        self.filters = QHBoxLayout()  # pages add their own filters here
        self.toolbar.addLayout(self.filters)
        self.toolbar.addWidget(self.count_label)
        self.toolbar.addSpacing(12)
        for button in (self.new_button, self.edit_button, self.delete_button):
            self.toolbar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.table)

        self.new_action = QAction(self)
        self.new_action.setShortcut(QKeySequence(Qt.Key.Key_Insert))
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_action.setEnabled(actions is not None)
        self.addAction(self.new_action)
        self.new_button.clicked.connect(self.new_record)
        self.new_action.triggered.connect(self.new_record)
        self.edit_button.clicked.connect(self.edit_record)
        self.delete_button.clicked.connect(self.delete_record)
        self.table.edit_requested.connect(self.edit_record)
        self.table.delete_requested.connect(self.delete_record)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):
            signal.connect(self._update_count)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(translate("RecordPanel", "Search…"))
        self.search.setAccessibleName(translate("RecordPanel", "Search"))
        self.table.setAccessibleName(translate("RecordPanel", "Table"))
        self.new_button.setText(translate("RecordPanel", "&New…"))
        self.new_button.setToolTip(translate("RecordPanel", "Add a record (Insert)"))
        self.edit_button.setText(translate("RecordPanel", "&Edit…"))
        self.edit_button.setToolTip(translate("RecordPanel", "Edit the selected record (Enter or double-click)"))
        self.delete_button.setText(translate("RecordPanel", "&Delete"))
        self.delete_button.setToolTip(translate("RecordPanel", "Delete the selected record (Delete)"))
        if self._button_texts is not None:  # e.g. "Override…" and "Remove override" for holidays
            new, edit, delete = self._button_texts()
            self.new_button.setText(new)
            self.edit_button.setText(edit)
            self.delete_button.setText(delete)
        self.new_action.setText(translate("RecordPanel", "New"))
        self.model.retranslate()
        self._update_count()

    # --- data ---------------------------------------------------------------------------

    def watch(self, ctx: AppContext, kinds: set[str]) -> None:
        """Refresh when the window says one of `kinds` changed (e.g. {"alts", "placements"})."""
        self._watched = frozenset(kinds)
        ctx.data_changed.connect(self._on_data_changed)

    def _on_data_changed(self, kinds: set[str]) -> None:
        if self._watched & set(kinds):
            self.refresh()

    def refresh(self) -> None:
        if self.loader is not None:
            self.set_rows(self.loader())

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace the rows, keeping the selected record selected."""
        selected = self.selected_row()
        keep = self.row_id(selected) if selected is not None else None
        self.model.set_rows(rows)
        if keep is not None:
            self.select_id(keep)
        self._update_buttons()

    def selected_row(self) -> Any:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), index.parent()):
            return None
        return index.data(OBJECT_ROLE)

    def select_id(self, record_id: Any) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.row_id(index.data(OBJECT_ROLE)) == record_id:
                self.table.selectRow(row)
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
                return True
        return False

    def fit_columns(self) -> None:
        self.table.horizontalHeader().setResizeContentsPrecision(60)  # measure a sample, not every row
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        last = header.count() - 1 if header.stretchLastSection() else header.count()
        for column in range(last):  # the last one stretches to the edge
            header.resizeSection(column, min(header.sectionSize(column), MAX_COLUMN_WIDTH))
        self.table.stretch_last_if_room()

    # --- actions ------------------------------------------------------------------------

    def new_record(self) -> None:
        if self.actions is None:
            return
        new_id = self.actions.new(self)
        self._after_action(new_id)

    def edit_record(self) -> None:
        row = self.selected_row()
        if self.actions is None or row is None:
            return
        self._after_action(self.actions.edit(self, row) or self.row_id(row))

    def delete_record(self) -> None:
        row = self.selected_row()
        if self.actions is None or row is None:
            return
        position = self.table.currentIndex().row()
        if self.actions.delete(self, row):
            self.refresh()
            if not self.select_id(self.row_id(row)) and self.proxy.rowCount():  # deleted: select its neighbour
                self.table.selectRow(min(position, self.proxy.rowCount() - 1))
        self.table.setFocus()

    def _after_action(self, record_id: Any) -> None:
        if record_id is not None:
            self.refresh()
            if not self.select_id(record_id) and self.search.text():
                self.search.clear()  # the filter hides the record just saved: show it
                self.select_id(record_id)
        self.table.setFocus()

    def _update_buttons(self) -> None:
        selected = self.selected_row() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(translate("RecordPanel", "%1 of %2").replace("%1", str(shown)).replace("%2", str(total)))
