"""The Conflicts panel: every problem in a period, checked on a worker thread, filterable;
double-click (or Enter) on a row shows that day in the calendar."""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from altdesk.labels import label
from altdesk.scheduling.conflicts import KIND_LABELS, ConflictKind, Severity
from altdesk.scheduling.generate import fiscal_year_bounds, fiscal_year_of
from altdesk.services.conflict_list import ConflictFilter, ConflictRow, conflict_rows, severity_counts
from altdesk.services.workspace import Workspace
from ui import faults
from ui.app_context import AppContext
from ui.calendar.move_confirm import readable_text
from ui.formatting import (
    ElideRightDelegate,
    fiscal_year_label,
    format_date,
    format_date_range,
    from_qdate,
    setup_date_edit,
    to_qdate,
)
from ui.level_icons import level_icon
from ui.models.row_table import OBJECT_ROLE, SORT_ROLE, Column, RowTableModel
from ui.settings import current_language
from ui.severity_icons import severity_icon
from ui.worker import Worker

# Workers still running after their page went away: kept alive until they finish.
_RUNNING: set[Worker] = set()

def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _check(ws: Workspace, first: dt.date, last: dt.date, _progress: object) -> list[ConflictRow]:
    return conflict_rows(ws, first, last)


def month_start(day: dt.date, months_ahead: int = 0) -> dt.date:
    index = day.year * 12 + day.month - 1 + months_ahead
    return dt.date(index // 12, index % 12 + 1, 1)


def month_end(day: dt.date, months_ahead: int = 0) -> dt.date:
    return month_start(day, months_ahead + 1) - dt.timedelta(days=1)


PRESETS = ("this_and_next", "this_month", "next_month", "fiscal_year", "custom")


def preset_period(preset: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    if preset == "this_and_next":
        return month_start(today), month_end(today, 1)
    if preset == "this_month":
        return month_start(today), month_end(today)
    if preset == "next_month":
        return month_start(today, 1), month_end(today, 1)
    if preset == "fiscal_year":
        return fiscal_year_bounds(fiscal_year_of(today))
    return None


class ConflictProxy(QSortFilterProxyModel):
    """Filters rows with a ConflictFilter (the same rules the core and CLI use)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filter = ConflictFilter()
        self.setSortRole(SORT_ROLE)

    def set_filter(self, where: ConflictFilter) -> None:
        if where == self._filter:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+
            self.beginFilterChange()
            self._filter = where
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._filter = where
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        row = model.data(model.index(source_row, 0, source_parent), OBJECT_ROLE)
        return row is not None and self._filter.matches(row)


class ConflictsPage(QWidget):
    loaded = Signal()  # a check finished and the table shows it

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_conflicts")
        self.ctx = ctx
        self._today = today or dt.date.today()
        self._worker: Worker | None = None
        self._rerun = False
        self._stale = True
        self._checked: tuple[dt.date, dt.date] | None = None
        self._rows: list[ConflictRow] = []

        # Period
        self.period_label = QLabel(self)
        self.range_combo = QComboBox(self)
        self.range_combo.setObjectName("conflicts_range")
        for key in PRESETS:
            self.range_combo.addItem("", key)
        self.from_label = QLabel(self)
        self.from_edit = QDateEdit(self)
        self.from_edit.setObjectName("conflicts_from")
        self.to_label = QLabel(self)
        self.to_edit = QDateEdit(self)
        self.to_edit.setObjectName("conflicts_to")
        for edit in (self.from_edit, self.to_edit):
            setup_date_edit(edit)
        self.from_label.setBuddy(self.from_edit)
        self.to_label.setBuddy(self.to_edit)
        self.period_label.setBuddy(self.range_combo)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("conflicts_refresh")
        self.busy_label = QLabel(self)
        self.busy_label.setObjectName("conflicts_busy")

        # Filters
        self.severity_label = QLabel(self)
        self.severity_combo = QComboBox(self)
        self.severity_combo.setObjectName("filter_severity")
        self.severity_combo.addItem("", None)
        for severity in Severity:
            self.severity_combo.addItem(severity_icon(severity), "", severity)
        self.kind_label = QLabel(self)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("filter_kind")
        self.kind_combo.addItem("", None)
        for kind in ConflictKind:
            self.kind_combo.addItem("", kind)
        self.alt_label = QLabel(self)
        self.alt_combo = QComboBox(self)
        self.alt_combo.setObjectName("filter_alt")
        self.alt_combo.addItem("", None)
        self.school_label = QLabel(self)
        self.school_combo = QComboBox(self)
        self.school_combo.setObjectName("filter_school")
        self.school_combo.addItem("", None)
        for combo in (self.alt_combo, self.school_combo):
            combo.setMinimumContentsLength(14)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for text_label, combo in ((self.severity_label, self.severity_combo), (self.kind_label, self.kind_combo),
                                  (self.alt_label, self.alt_combo), (self.school_label, self.school_combo)):
            text_label.setBuddy(combo)
        self.search = QLineEdit(self)
        self.search.setObjectName("filter_text")
        self.search.setClearButtonEnabled(True)
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName("filter_clear")

        # Legend and summary
        self.legend_error_icon = QLabel(self)
        self.legend_error_icon.setPixmap(severity_icon(Severity.ERROR).pixmap(16, 16))
        self.legend_error = QLabel(self)
        self.legend_warning_icon = QLabel(self)
        self.legend_warning_icon.setPixmap(severity_icon(Severity.WARNING).pixmap(16, 16))
        self.legend_warning = QLabel(self)
        self.legend_hint = QLabel(self)
        self.legend_hint.setEnabled(False)
        self.legend_hint.setWordWrap(True)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("conflicts_summary")
        self.details = QLabel(self)
        self.details.setObjectName("conflict_details")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(self.fontMetrics().height() * 2 + 4)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("conflict_open_day")
        self.open_button.setEnabled(False)

        # Table
        self.model: RowTableModel[ConflictRow] = RowTableModel(self._columns(), self)
        self.proxy = ConflictProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("conflicts_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # errors first, then by date
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self._message_delegate = ElideRightDelegate(self.table)
        self.table.setItemDelegateForColumn(self.model.column_keys().index("message"), self._message_delegate)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((96, 132, 150, 170, 220)):
            header.resizeSection(column, width)

        # Layout
        period_row = QHBoxLayout()
        period_row.addWidget(self.period_label)
        period_row.addWidget(self.range_combo)
        period_row.addSpacing(8)
        period_row.addWidget(self.from_label)
        period_row.addWidget(self.from_edit)
        period_row.addWidget(self.to_label)
        period_row.addWidget(self.to_edit)
        period_row.addWidget(self.refresh_button)
        period_row.addWidget(self.busy_label, 1)
        filter_row = QHBoxLayout()
        for widget in (self.severity_label, self.severity_combo, self.kind_label, self.kind_combo,
                       self.alt_label, self.alt_combo, self.school_label, self.school_combo):
            filter_row.addWidget(widget)
        filter_row.addWidget(self.search, 1)
        filter_row.addWidget(self.clear_button)
        legend_row = QHBoxLayout()
        legend_row.addWidget(self.legend_error_icon)
        legend_row.addWidget(self.legend_error)
        legend_row.addSpacing(12)
        legend_row.addWidget(self.legend_warning_icon)
        legend_row.addWidget(self.legend_warning)
        legend_row.addSpacing(12)
        legend_row.addWidget(self.legend_hint, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(period_row)
        layout.addLayout(filter_row)
        layout.addWidget(self.table, 1)
        details_row = QHBoxLayout()
        details_row.addWidget(self.details, 1)
        details_row.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(details_row)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary_label, 1)
        layout.addLayout(summary_row)
        layout.addLayout(legend_row)

        # Behaviour
        self._range_timer = QTimer(self)
        self._range_timer.setSingleShot(True)
        self._range_timer.setInterval(400)  # typing a date: check once it is complete
        self._range_timer.timeout.connect(self.refresh)
        self._changed_timer = QTimer(self)
        self._changed_timer.setSingleShot(True)
        self._changed_timer.setInterval(0)  # several changes in one event loop pass: one check
        self._changed_timer.timeout.connect(self.refresh)
        self.range_combo.currentIndexChanged.connect(self._preset_chosen)
        self.from_edit.dateChanged.connect(self._dates_edited)
        self.to_edit.dateChanged.connect(self._dates_edited)
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for combo in (self.severity_combo, self.kind_combo, self.alt_combo, self.school_combo):
            combo.currentIndexChanged.connect(self._apply_filter)
        self.search.textChanged.connect(self._apply_filter)
        self.clear_button.clicked.connect(self.clear_filters)
        self.table.activated.connect(self._open_row)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.open_button.clicked.connect(lambda: self._open_row(self.table.currentIndex()))
        self.proxy.modelReset.connect(self._update_summary)
        self.proxy.layoutChanged.connect(self._update_summary)
        self.proxy.rowsInserted.connect(self._update_summary)
        self.proxy.rowsRemoved.connect(self._update_summary)
        ctx.data_changed.connect(self._on_data_changed)

        self._set_period(*preset_period("this_and_next", self._today))  # type: ignore[misc]
        self.retranslate()

    # --- Columns -----------------------------------------------------------------------------

    def _columns(self) -> list[Column[ConflictRow]]:
        def date_text(row: ConflictRow) -> str:
            if row.date is None:
                return ""
            if row.kind == ConflictKind.CONTRACT_DAYS:  # counted per fiscal year
                return fiscal_year_label(fiscal_year_of(row.date))
            return format_date(row.date)

        def alt_text(row: ConflictRow) -> str:
            return f"{row.alt_code} {row.alt_name}".strip()

        def school_text(row: ConflictRow) -> str:
            if current_language() == "ja":
                return row.school_name_ja or row.school_code
            return row.school_name_en or row.school_name_ja or row.school_code

        def school_tip(row: ConflictRow) -> str:
            return "\n".join(p for p in (row.school_code, row.school_name_ja, row.school_name_en) if p)

        return [
            Column("severity", lambda: self.tr("Severity"), lambda r: self._severity_text(r.severity),
                   sort=lambda r: f"{list(Severity).index(r.severity)} {_iso(r.date)}",
                   decoration=lambda r: severity_icon(r.severity)),
            Column("date", lambda: self.tr("Date"), date_text,
                   sort=lambda r: f"{_iso(r.date)} {list(Severity).index(r.severity)} {r.alt_code}"),
            Column("kind", lambda: self.tr("Kind"), lambda r: label(KIND_LABELS[r.kind], current_language())),
            Column("alt", lambda: self.tr("ALT"), alt_text, sort=lambda r: r.alt_code),
            Column("school", lambda: self.tr("School"), school_text, sort=lambda r: r.school_code,
                   tooltip=school_tip,
                   decoration=lambda r: level_icon(r.school_level) if r.school_level is not None else None),
            Column("message", lambda: self.tr("What is wrong"),
                   lambda r: readable_text(r.message(current_language()), None, current_language())),
        ]

    def _severity_text(self, severity: Severity) -> str:
        return self.tr("Error") if severity == Severity.ERROR else self.tr("Warning")

    # --- Period ------------------------------------------------------------------------------

    def period(self) -> tuple[dt.date, dt.date]:
        first, last = from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date())
        return (first, last) if first <= last else (last, first)

    def set_period(self, first: dt.date, last: dt.date) -> None:
        """Check another period (the range selector switches to Custom)."""
        self._set_period(first, last)
        self.range_combo.blockSignals(True)
        self.range_combo.setCurrentIndex(PRESETS.index("custom"))
        self.range_combo.blockSignals(False)
        self.refresh()

    def _set_period(self, first: dt.date, last: dt.date) -> None:
        for edit, day in ((self.from_edit, first), (self.to_edit, last)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(day))
            edit.blockSignals(False)

    def _preset_chosen(self) -> None:
        period = preset_period(self.range_combo.currentData(), self._today)
        if period is not None:
            self._set_period(*period)
            self.refresh()

    def _dates_edited(self) -> None:
        self.range_combo.blockSignals(True)
        self.range_combo.setCurrentIndex(PRESETS.index("custom"))
        self.range_combo.blockSignals(False)
        self._range_timer.start()

    # --- Checking on a worker ----------------------------------------------------------------

    def refresh(self) -> None:
        """Check the period again on a worker; the table keeps the last result meanwhile."""
        self._range_timer.stop()
        self._changed_timer.stop()
        self._stale = False
        if self._worker is not None:  # one check at a time; run again when this one ends
            self._rerun = True
            return
        self._start(self.period())

    def is_checking(self) -> bool:
        return self._worker is not None

    def _start(self, period: tuple[dt.date, dt.date]) -> None:
        self._rerun = False
        self._running_period = period
        worker = Worker(partial(_check, self.ctx.ws, *period), action=faults.CHECK_CONFLICTS)
        _RUNNING.add(worker)
        worker.done.connect(self._on_done)
        worker.error.connect(self._on_error)
        for signal in (worker.done, worker.error):
            signal.connect(lambda _result, w=worker: QTimer.singleShot(0, lambda: _RUNNING.discard(w)))
        self._worker = worker
        self.busy_label.setText(self.tr("Checking…"))
        worker.start()

    def _on_done(self, rows: list[ConflictRow]) -> None:
        self._worker = None
        if self._rerun:
            self._start(self.period())
            return
        self.busy_label.clear()
        self._show(rows, self._running_period)
        self.loaded.emit()

    def _on_error(self, exc: BaseException) -> None:
        self._worker = None
        if self._rerun:
            self._start(self.period())
            return
        # A fault is in its dialog and the log already: the label says only what failed.
        self.busy_label.setText(faults.failure_text(exc, faults.CHECK_CONFLICTS))
        self.loaded.emit()

    def _on_data_changed(self, _kinds: set) -> None:
        if not self.ctx.touches(*self.period()):
            return  # an edit of days outside the checked period
        if self.isVisible():
            self._changed_timer.start()
        else:
            self._stale = True  # checked when the page is shown

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self.refresh()

    def _show(self, rows: list[ConflictRow], period: tuple[dt.date, dt.date]) -> None:
        selected = self.selected_row()
        self._rows = rows
        self._checked = period
        self._fill_combo(self.alt_combo, {(r.alt_id, f"{r.alt_code} {r.alt_name}") for r in rows if r.alt_id})
        lang = current_language()
        self._fill_combo(self.school_combo, {
            (r.school_id, f"{r.school_code} {r.school_name_ja if lang == 'ja' else r.school_name_en or r.school_name_ja}")
            for r in rows if r.school_id})
        self.model.set_rows(rows)
        if selected is not None and selected in rows:
            source = self.model.index(rows.index(selected), 0)
            self.table.selectRow(self.proxy.mapFromSource(source).row())
        self._update_summary()
        self._show_details()

    def _fill_combo(self, combo: QComboBox, items: set[tuple[int | None, str]]) -> None:
        """Offer what occurs in the result, keeping the current choice even if it no longer does."""
        current, current_text = combo.currentData(), combo.currentText()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        entries = sorted(items, key=lambda item: item[1])
        if current is not None and current not in {key for key, _ in entries}:
            entries.insert(0, (current, current_text))
        for key, text in entries:
            combo.addItem(text, key)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
        combo.blockSignals(False)

    # --- Filtering ---------------------------------------------------------------------------

    def current_filter(self) -> ConflictFilter:
        return ConflictFilter(
            severity=self.severity_combo.currentData(),
            kind=self.kind_combo.currentData(),
            alt_id=self.alt_combo.currentData(),
            school_id=self.school_combo.currentData(),
            text=self.search.text(),
        )

    def _apply_filter(self) -> None:
        self.proxy.set_filter(self.current_filter())
        self._update_summary()

    def clear_filters(self) -> None:
        for combo in (self.severity_combo, self.kind_combo, self.alt_combo, self.school_combo):
            combo.setCurrentIndex(0)
        self.search.clear()

    def _update_summary(self) -> None:
        if self._checked is None:
            self.summary_label.setText(self.tr("Not checked yet."))
            return
        shown = [self.proxy.index(r, 0).data(OBJECT_ROLE) for r in range(self.proxy.rowCount())]
        counts = severity_counts(shown)
        period = format_date_range(*self._checked)
        if not self._rows:
            text = self.tr("No conflicts from %1.").replace("%1", period)
        else:
            text = (self.tr("%1 of %2 conflicts shown (errors: %3, warnings: %4), %5.")
                    .replace("%1", str(len(shown))).replace("%2", str(len(self._rows)))
                    .replace("%3", str(counts[Severity.ERROR])).replace("%4", str(counts[Severity.WARNING]))
                    .replace("%5", period))
        self.summary_label.setText(text)

    # --- Opening a day -----------------------------------------------------------------------

    def selected_row(self) -> ConflictRow | None:
        index = self.table.currentIndex()
        return index.data(OBJECT_ROLE) if index.isValid() else None

    def _show_details(self) -> None:
        row = self.selected_row()
        self.open_button.setEnabled(row is not None and row.date is not None)
        lang = current_language()
        self.details.setText(readable_text(row.message(lang), None, lang) if row is not None else "")

    def _open_row(self, index: QModelIndex) -> None:
        row = index.data(OBJECT_ROLE)
        if row is not None and row.date is not None:
            self.ctx.show_day.emit(row.date, row.alt_id)

    # --- Language ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.period_label.setText(self.tr("&Period:"))
        for index, text in enumerate((self.tr("This month and next"), self.tr("This month"), self.tr("Next month"),
                                      self.tr("This fiscal year"), self.tr("Custom"))):
            self.range_combo.setItemText(index, text)
        self.from_label.setText(self.tr("&From:"))
        self.to_label.setText(self.tr("&To:"))
        for edit in (self.from_edit, self.to_edit):
            setup_date_edit(edit)
        self.from_edit.setAccessibleName(self.tr("First day to check"))
        self.to_edit.setAccessibleName(self.tr("Last day to check"))
        self.range_combo.setAccessibleName(self.tr("Period to check"))
        self.refresh_button.setText(self.tr("Check &again"))
        self.refresh_button.setToolTip(self.tr("Check the period again (F5)"))
        self.severity_label.setText(self.tr("&Severity:"))
        self.severity_combo.setItemText(0, self.tr("All"))
        for index, severity in enumerate(Severity, start=1):
            self.severity_combo.setItemText(index, self._severity_text(severity))
        self.severity_combo.setAccessibleName(self.tr("Filter by severity"))
        self.kind_label.setText(self.tr("&Kind:"))
        self.kind_combo.setItemText(0, self.tr("All kinds"))
        for index, kind in enumerate(ConflictKind, start=1):
            self.kind_combo.setItemText(index, label(KIND_LABELS[kind], current_language()))
        self.kind_combo.setAccessibleName(self.tr("Filter by kind"))
        self.alt_label.setText(self.tr("A&LT:"))
        self.alt_combo.setItemText(0, self.tr("All ALTs"))
        self.alt_combo.setAccessibleName(self.tr("Filter by ALT"))
        self.school_label.setText(self.tr("Sc&hool:"))
        self.school_combo.setItemText(0, self.tr("All schools"))
        self.school_combo.setAccessibleName(self.tr("Filter by school"))
        self.search.setPlaceholderText(self.tr("Search in the messages, codes and names…"))
        self.search.setAccessibleName(self.tr("Search conflicts"))
        self.clear_button.setText(self.tr("Show all"))
        self.clear_button.setAccessibleName(self.tr("Clear the filters"))
        self.legend_error.setText(self.tr("Error: must be fixed before the schedule goes out"))
        self.legend_warning.setText(self.tr("Warning: check it; it may be intended"))
        self.legend_hint.setText(self.tr("Double-click a row or press Enter to open that day."))
        self.legend_error_icon.setAccessibleName(self.tr("Error"))
        self.legend_warning_icon.setAccessibleName(self.tr("Warning"))
        self.table.setAccessibleName(self.tr("Conflicts"))
        self.details.setAccessibleName(self.tr("The selected conflict"))
        self.open_button.setText(self.tr("&Open day"))
        self.open_button.setToolTip(self.tr("Show this day in the calendar"))
        self.model.retranslate()
        if self._rows:
            self.model.set_rows(self._rows)  # messages and names in the new language
        self._update_summary()
