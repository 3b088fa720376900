"""The audit log: who changed or exported what, and when; filterable, with the values
before and after of the selected entry."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from altdesk.db.enums import AuditAction
from altdesk.services.audit import AuditFilter, AuditRow, audit_choices, query_audit
from altdesk.services.workspace import Workspace
from ui import faults
from ui.formatting import format_date, setup_date_edit
from ui.models.audit_text import entity_text, field_text, summary_text
from ui.models.row_table import SORT_ROLE, Column, RowTableModel
from ui.settings import current_language
from ui.worker import Worker

PAGE_LIMIT = 2000
translate = QCoreApplication.translate



ACTION_LABELS = {
    "create": lambda: translate("AuditPage", "Created"),
    "update": lambda: translate("AuditPage", "Changed"),
    "delete": lambda: translate("AuditPage", "Deleted"),
    "export": lambda: translate("AuditPage", "Exported"),
    "import": lambda: translate("AuditPage", "Imported"),
}


def _value_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return translate("AuditPage", "yes") if value else translate("AuditPage", "no")
    if isinstance(value, list):
        return ", ".join(_value_text(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_value_text(v)}" for k, v in value.items())
    return str(value)


def _record(row: AuditRow) -> str:
    name = entity_text(row.entity) if current_language() == "ja" else row.entity
    return f"{name} #{row.entity_id}" if row.entity_id is not None else name


def _when(row: AuditRow) -> str:
    if current_language() == "ja":
        return f"{format_date(row.at.date())} {row.at:%H:%M:%S}"
    return row.at.strftime("%Y-%m-%d %H:%M:%S")


class AuditTableModel(RowTableModel[AuditRow]):
    """One line per audit entry; the sort role sorts by time, not by its display text."""

    WHEN, WHO, ACTION, RECORD, SUMMARY = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column("when", lambda: translate("AuditPage", "When"), _when,
                   sort=lambda r: r.at.timestamp()),
            Column("who", lambda: translate("AuditPage", "Who"), lambda r: r.actor),
            Column("action", lambda: translate("AuditPage", "Action"), lambda r: ACTION_LABELS.get(r.action, lambda: r.action)()),
            Column("record", lambda: translate("AuditPage", "Record"), _record,
                   sort=lambda r: (r.entity, r.entity_id if r.entity_id is not None else -1)),
            Column("summary", lambda: translate("AuditPage", "Summary"),
                   lambda r: summary_text(r.action, r.entity, r.summary)),
        ], parent)


class AuditPage(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_audit")
        self.ws = ws
        self._worker: Worker | None = None
        self._generation = 0  # answers to older queries are dropped
        self.model = AuditTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)

        self.who = QComboBox(self)
        self.who.setObjectName("audit_who")
        self.action = QComboBox(self)
        self.action.setObjectName("audit_action")
        self.entity = QComboBox(self)
        self.entity.setObjectName("audit_entity")
        self.use_from = QCheckBox(self)
        self.date_from = QDateEdit(self)
        self.use_to = QCheckBox(self)
        self.date_to = QDateEdit(self)
        for check, edit, name in ((self.use_from, self.date_from, "from"), (self.use_to, self.date_to, "to")):
            edit.setObjectName(f"audit_date_{name}")
            check.setObjectName(f"audit_use_{name}")
            setup_date_edit(edit)
            edit.setDate(QDate.currentDate())
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.refresh)
            edit.dateChanged.connect(self.refresh)
        self.text = QLineEdit(self)
        self.text.setObjectName("audit_text")
        self.text.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.refresh)
        self.text.textChanged.connect(self._debounce.start)
        for combo in (self.who, self.action, self.entity):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self.refresh)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("audit_count")

        self.table = QTableView(self)
        self.table.setObjectName("audit_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(AuditTableModel.WHEN, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)

        self.details = QTableWidget(0, 3, self)
        self.details.setObjectName("audit_details")
        self.details.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.details.verticalHeader().setVisible(False)
        self.details.horizontalHeader().setStretchLastSection(True)

        self.labels: list[QLabel] = [QLabel(self) for _ in range(4)]
        filters = QHBoxLayout()
        for label, widget in zip(self.labels, (self.who, self.action, self.entity, self.text), strict=True):
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget, 1 if widget is self.text else 0)
        dates = QHBoxLayout()  # a row of its own: one row is wider than an office laptop's screen
        dates.addWidget(self.use_from)
        dates.addWidget(self.date_from)
        dates.addWidget(self.use_to)
        dates.addWidget(self.date_to)
        dates.addWidget(self.count_label, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addWidget(splitter)
        self._filling = False
        self.retranslate()
        self.refresh()

    # --- filters ----------------------------------------------------------------------------

    def current_filter(self) -> AuditFilter:
        def qdate(edit: QDateEdit) -> dt.date:
            d = edit.date()
            return dt.date(d.year(), d.month(), d.day())

        return AuditFilter(
            actor=self.who.currentData() or None,
            action=self.action.currentData() or None,
            entity=self.entity.currentData() or None,
            date_from=qdate(self.date_from) if self.use_from.isChecked() else None,
            date_to=qdate(self.date_to) if self.use_to.isChecked() else None,
            text=self.text.text().strip() or None,
            limit=PAGE_LIMIT,
        )

    def _fill_combo(self, combo: QComboBox, everyone: str, items: list[tuple[str, str]]) -> None:
        chosen = combo.currentData()
        combo.clear()
        combo.addItem(everyone, "")
        for text, data in items:
            combo.addItem(text, data)
        index = combo.findData(chosen) if chosen else 0
        combo.setCurrentIndex(max(index, 0))

    def _fill_choices(self, actors: list[str], entities: list[str]) -> None:
        self._filling = True
        try:
            self._fill_combo(self.who, translate("AuditPage", "Everyone"), [(a, a) for a in actors])
            self._fill_combo(self.action, translate("AuditPage", "All actions"),
                             [(ACTION_LABELS[a.value](), a.value) for a in AuditAction])
            names = entity_text if current_language() == "ja" else str
            self._fill_combo(self.entity, translate("AuditPage", "All records"), [(names(e), e) for e in entities])
        finally:
            self._filling = False

    # --- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the entries matching the filters, on a worker thread."""
        if self._filling:
            return
        self._generation += 1
        generation = self._generation
        flt = self.current_filter()
        ws = self.ws

        def load(_progress: Any) -> tuple[list[AuditRow], list[str], list[str]]:
            actors, entities = audit_choices(ws)
            return query_audit(ws, flt), actors, entities

        worker = Worker(load, self, faults.READ_AUDIT)
        worker.done.connect(lambda result: self._loaded(generation, result))
        worker.error.connect(lambda exc: self.count_label.setText(faults.failure_text(exc, faults.READ_AUDIT)))
        self._worker = worker
        worker.start()

    def is_loading(self) -> bool:
        return self._worker is not None and self._worker.is_running()

    def _loaded(self, generation: int, result: tuple[list[AuditRow], list[str], list[str]]) -> None:
        if generation != self._generation:
            return
        rows, actors, entities = result
        self._fill_choices(actors, entities)
        self.model.set_rows(rows)
        for column in range(AuditTableModel.SUMMARY):
            self.table.resizeColumnToContents(column)
        self.details.setRowCount(0)
        shown = len(rows)
        text = translate("AuditPage", "%1 entries").replace("%1", str(shown))
        if shown >= PAGE_LIMIT:
            text = translate("AuditPage", "the newest %1 entries; narrow the filters to see older ones").replace("%1", str(shown))
        self.count_label.setText(text)
        self._worker = None

    def _show_details(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.details.setRowCount(0)
        if not current.isValid():
            return
        row = self.model.row_at(self.proxy.mapToSource(current).row())
        self.details.setRowCount(len(row.changes))
        for line, (field, before, after) in enumerate(row.changes):
            name = field_text(field) if current_language() == "ja" else field
            for column, text in enumerate((name, _value_text(before), _value_text(after))):
                self.details.setItem(line, column, QTableWidgetItem(text))

    def retranslate(self) -> None:
        for label, text in zip(self.labels, (translate("AuditPage", "Who:"), translate("AuditPage", "Action:"), translate("AuditPage", "Record:"), translate("AuditPage", "Search:")),
                               strict=True):
            label.setText(text)
        self.use_from.setText(translate("AuditPage", "From"))
        self.use_to.setText(translate("AuditPage", "To"))
        self.text.setPlaceholderText(translate("AuditPage", "name, code, value…"))
        self.details.setHorizontalHeaderLabels([translate("AuditPage", "Field"), translate("AuditPage", "Before"), translate("AuditPage", "After")])
        self.model.retranslate()
        if self.who.count():
            self._fill_choices([self.who.itemData(i) for i in range(1, self.who.count())],
                               [self.entity.itemData(i) for i in range(1, self.entity.count())])
