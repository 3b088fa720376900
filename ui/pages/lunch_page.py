"""The Lunch section: a month's school meals per school and per ALT, the notice deadlines
coming up, the changes schools have not been told yet, and issuing the order sheets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from dateutil.relativedelta import relativedelta
from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from altdesk import clock
from altdesk.errors import Cancelled
from altdesk.io.export_request import ExportRequest, ExportResult
from altdesk.labels import LUNCH_POLICY_LABELS, WEEKDAYS_EN, WEEKDAYS_JA, label
from altdesk.lunch.ledger import (
    AltLedgerRow,
    MonthLedger,
    PendingChange,
    SchoolLedgerRow,
    UpcomingDeadline,
)
from altdesk.lunch.month_data import ITEM_LABELS
from altdesk.lunch.notice import JST
from altdesk.services.exports import run_export
from altdesk.services.lunch import month_ledger
from altdesk.services.workspace import Workspace
from ui import faults
from ui.formatting import format_date, format_short_date, format_timestamp
from ui.level_icons import level_icon
from ui.models.row_table import OBJECT_ROLE, SORT_ROLE, Column, RowTableModel
from ui.settings import current_language
from ui.worker import Worker

# What changes make the page stale (AppContext.data_changed kinds).
RELEVANT = frozenset({"visits", "alts", "schools", "placements", "boards", "branch", "lunch"})
# Workers still running after their page went away: kept alive until they finish.
_RUNNING: set[Worker] = set()


def _keep_running(worker: Worker) -> Worker:
    """Workers have no parent, so closing the page never destroys a running thread; this set
    holds them until they finish (released on the next turn of the event loop)."""
    _RUNNING.add(worker)
    for signal in (worker.done, worker.error):
        signal.connect(lambda _result, w=worker: QTimer.singleShot(0, lambda: _RUNNING.discard(w)))
    return worker


def _yen(amount: int | None) -> str:
    return "—" if amount is None else f"¥{amount:,}"


def _days(dates: tuple[dt.date, ...] | list[dt.date]) -> str:
    if current_language() == "ja":
        return "、".join(f"{d.day}({WEEKDAYS_JA[d.weekday()]})" for d in dates)
    return ", ".join(f"{WEEKDAYS_EN[d.weekday()]} {d.day}" for d in dates)


def _day(day: dt.date) -> str:
    return format_short_date(day, current_language())


def _moment(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    local = value.astimezone(JST)  # written as every other date of the UI: 2026年6月1日(月) 17:00
    return f"{format_date(local.date(), current_language())} {local:%H:%M}"


def _issued(value: dt.datetime | None) -> str:
    return format_timestamp(value.astimezone(JST), current_language()) if value is not None else ""


def _iso(value: dt.datetime | dt.date | None) -> str:
    return value.isoformat() if value is not None else ""


class LunchPage(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_lunch")
        self.ws = ws
        # Whether the change being announced can alter the days first..last: the window's
        # AppContext.touches (a page on its own reloads on every change it cares about).
        self.touches: Callable[[dt.date | None, dt.date | None], bool] = lambda first, last: True
        self.ledger: MonthLedger | None = None
        self._worker: Worker | None = None
        self._loader: Worker | None = None
        self._reload = False
        self.last_result: ExportResult | Cancelled | None = None
        self.last_error: BaseException | None = None  # of loading the month
        self.issue_error: BaseException | None = None  # of the last issue run

        # It opens on next month: the one whose order sheets are being prepared and sent.
        coming = (today or clock.now(JST).date()).replace(day=1) + relativedelta(months=1)
        self.month_edit = QDateEdit(self)
        self.month_edit.setObjectName("lunch_month")
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setDate(QDate(coming.year, coming.month, 1))
        self.month_edit.dateChanged.connect(self.refresh)
        self.previous_button = QPushButton(self)
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button = QPushButton(self)
        self.next_button.clicked.connect(lambda: self._step(1))
        self.month_label = QLabel(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("lunch_summary")
        self.summary.setWordWrap(True)  # a busy month's summary is long: it wraps rather than widen the window
        self.problems = QLabel(self)
        self.problems.setObjectName("lunch_problems")
        self.problems.setWordWrap(True)
        self.issue_button = QPushButton(self)
        self.issue_button.setObjectName("issue_order_sheets")
        self.issue_button.clicked.connect(self._issue_clicked)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancel_issue")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self._cancel_issue)
        self.status = QLabel(self)
        self.status.setObjectName("lunch_status")
        self.status.setWordWrap(True)

        self.school_model: RowTableModel[SchoolLedgerRow] = RowTableModel(self._school_columns(), self)
        self.alt_model: RowTableModel[AltLedgerRow] = RowTableModel(self._alt_columns(), self)
        self.deadline_model: RowTableModel[UpcomingDeadline] = RowTableModel(self._deadline_columns(), self)
        self.change_model: RowTableModel[PendingChange] = RowTableModel(self._change_columns(), self)
        self.tabs = QTabWidget(self)
        self.views: dict[str, QTableView] = {}
        self.proxies: dict[str, QSortFilterProxyModel] = {}
        for key, model in (("schools", self.school_model), ("alts", self.alt_model),
                           ("deadlines", self.deadline_model), ("changes", self.change_model)):
            self.tabs.addTab(self._table(key, model), "")

        top = QHBoxLayout()
        top.addWidget(self.month_label)
        top.addWidget(self.previous_button)
        top.addWidget(self.month_edit)
        top.addWidget(self.next_button)
        top.addSpacing(12)
        top.addStretch(1)
        top.addWidget(self.issue_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        # On a row of its own: a wrapped label beside buttons is given one line's height.
        layout.addWidget(self.summary)
        layout.addWidget(self.problems)
        layout.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.cancel_button)
        layout.addLayout(bottom)
        self.retranslate()
        self.refresh()

    # --- tables -----------------------------------------------------------------------------

    def _table(self, key: str, model: RowTableModel) -> QTableView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        view = QTableView(self)
        view.setObjectName(f"lunch_{key}")
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.views[key] = view
        self.proxies[key] = proxy
        return view

    def _school_columns(self) -> list[Column[SchoolLedgerRow]]:
        return [
            Column("code", lambda: self.tr("Code"), lambda r: r.code),
            Column("name", lambda: self.tr("School"), lambda r: r.name_ja if current_language() == "ja" else
                   (r.name_en or r.name_ja), tooltip=lambda r: f"{r.name_ja}\n{r.name_en}",
                   decoration=lambda r: level_icon(r.level)),
            Column("policy", lambda: self.tr("Serves"), lambda r: label(LUNCH_POLICY_LABELS[r.policy],
                                                                        current_language())),
            Column("price", lambda: self.tr("Unit price"), lambda r: _yen(r.unit_price),
                   sort=lambda r: r.unit_price or 0, align_right=True),
            Column("alts", lambda: self.tr("ALTs"), lambda r: str(r.alt_count), sort=lambda r: r.alt_count,
                   align_right=True),
            Column("meals", lambda: self.tr("Meals"), lambda r: str(r.meals), sort=lambda r: r.meals,
                   align_right=True),
            Column("total", lambda: self.tr("Total"), lambda r: _yen(r.total_yen) + (" *" if r.unpriced else ""),
                   sort=lambda r: r.total_yen, align_right=True),
            Column("dates", lambda: self.tr("Lunch days"), lambda r: _days(r.dates), sort=lambda r: len(r.dates)),
            Column("issued", lambda: self.tr("Last sheet"),
                   lambda r: (self.tr("No. %1, %2").replace("%1", str(r.issue_number))
                              .replace("%2", _issued(r.last_issued_at))) if r.issue_number else self.tr("Not issued"),
                   sort=lambda r: _iso(r.last_issued_at)),
            Column("send_by", lambda: self.tr("Send by"), lambda r: _moment(r.send_by),
                   sort=lambda r: _iso(r.send_by),
                   tooltip=lambda r: self.tr("The month's order sheet must reach the school by then: the notice "
                                             "deadline of its first lunch day.") if r.send_by else ""),
            Column("pending", lambda: self.tr("Not notified"), lambda r: str(r.pending) if r.pending else "",
                   sort=lambda r: r.pending, align_right=True),
            Column("rule", lambda: self.tr("Notice rule"),
                   lambda r: r.rule_ja if current_language() == "ja" else r.rule_en),
        ]

    def _alt_columns(self) -> list[Column[AltLedgerRow]]:
        return [
            Column("code", lambda: self.tr("Code"), lambda r: r.code),
            Column("name", lambda: self.tr("Name"), lambda r: r.name),
            Column("diet", lambda: self.tr("Diet"), self._diet_text, sort=lambda r: not r.to_review,
                   tooltip=lambda r: self.tr("The diet notes or other allergens are free text the lunch rules cannot "
                                             "read: own lunch until a coordinator reviews them in the ALT editor.")
                   if r.to_review else ""),
            Column("schools", lambda: self.tr("Schools"), lambda r: ", ".join(r.school_codes),
                   sort=lambda r: len(r.school_codes)),
            Column("meals", lambda: self.tr("Meals"), lambda r: str(r.meals), sort=lambda r: r.meals,
                   align_right=True),
            Column("total", lambda: self.tr("Fees"), lambda r: _yen(r.total_yen) + (" *" if r.unpriced else ""),
                   sort=lambda r: r.total_yen, align_right=True),
            Column("dates", lambda: self.tr("Lunch days"), lambda r: _days(r.dates), sort=lambda r: len(r.dates)),
        ]

    def _diet_text(self, row: AltLedgerRow) -> str:
        return self.tr("To review (own lunch)") if row.to_review else ""

    def _deadline_columns(self) -> list[Column[UpcomingDeadline]]:
        return [
            Column("deadline", lambda: self.tr("Deadline"), lambda r: _moment(r.deadline),
                   sort=lambda r: _iso(r.deadline)),
            Column("status", lambda: self.tr("Status"), self._deadline_status,
                   sort=lambda r: (not r.passed, not r.needs_action)),
            Column("school", lambda: self.tr("School"), lambda r: f"{r.school_code} {r.school_name_ja}"),
            Column("dates", lambda: self.tr("For lunch on"), lambda r: _days(r.dates), sort=lambda r: r.dates[0]),
            Column("pending", lambda: self.tr("Changes to send"), lambda r: str(r.pending) if r.pending else "",
                   sort=lambda r: r.pending, align_right=True),
        ]

    def _deadline_status(self, row: UpcomingDeadline) -> str:
        if row.passed:
            return self.tr("Missed: tell the school")
        return self.tr("Send the changes") if row.needs_action else self.tr("Told")

    def _change_columns(self) -> list[Column[PendingChange]]:
        return [
            Column("date", lambda: self.tr("Date"), lambda r: _day(r.date), sort=lambda r: r.date.isoformat()),
            Column("change", lambda: self.tr("Change"),
                   lambda r: self.tr("Added") if r.change == "added" else self.tr("Cancelled")),
            Column("school", lambda: self.tr("School"), lambda r: f"{r.school_code} {r.school_name_ja}"),
            Column("alt", lambda: self.tr("ALT"), lambda r: f"{r.alt_code} {r.alt_name}"),
            Column("item", lambda: self.tr("Meal"), lambda r: label(ITEM_LABELS[r.item], current_language())),
            Column("deadline", lambda: self.tr("Deadline"), lambda r: _moment(r.deadline),
                   sort=lambda r: _iso(r.deadline)),
            Column("late", lambda: self.tr("Status"),
                   lambda r: self.tr("Late") if r.overdue else self.tr("In time"), sort=lambda r: not r.overdue),
        ]

    # --- month ------------------------------------------------------------------------------

    def month(self) -> str:
        date = self.month_edit.date()
        return f"{date.year():04d}-{date.month():02d}"

    def set_month(self, month: str) -> None:
        year, number = (int(x) for x in month.split("-"))
        self.month_edit.setDate(QDate(year, number, 1))

    def _step(self, months: int) -> None:
        self.month_edit.setDate(self.month_edit.date().addMonths(months))

    # --- data -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the month on a worker thread (a large branch takes longer than a frame)."""
        if self._loader is not None:
            self._reload = True  # the month or the data changed while loading: load again after
            return
        self._reload = False
        month = self.month()
        ws = self.ws
        worker = _keep_running(Worker(lambda _progress: month_ledger(ws, month), action=faults.READ_LUNCH))
        worker.done.connect(self._loaded)
        worker.error.connect(self._load_failed)
        self._loader = worker
        worker.start()

    @property
    def busy(self) -> bool:
        return self._loader is not None or (self._worker is not None and self._worker.is_running())

    def _finished_loading(self) -> bool:
        self._loader = None
        if self._reload:
            self.refresh()
            return False
        return True

    def _loaded(self, ledger: object) -> None:
        if not self._finished_loading():
            return
        assert isinstance(ledger, MonthLedger)
        self.last_error = None
        self.ledger = ledger
        self.school_model.set_rows(ledger.schools)
        self.alt_model.set_rows(ledger.alts)
        self.deadline_model.set_rows(ledger.deadlines)
        self.change_model.set_rows(ledger.changes)
        for view in self.views.values():
            view.horizontalHeader().setResizeContentsPrecision(60)  # measure a sample, not every row
            view.resizeColumnsToContents()
            header = view.horizontalHeader()
            for column in range(header.count()):
                header.resizeSection(column, min(header.sectionSize(column), 360))
        self._show_summary()

    def _load_failed(self, exc: object) -> None:
        if not self._finished_loading():
            return
        self.last_error = exc if isinstance(exc, BaseException) else RuntimeError("the month could not be read")
        self.summary.setText(faults.failure_text(self.last_error, faults.READ_LUNCH))

    def on_data_changed(self, kinds: set[str]) -> None:
        if not kinds & RELEVANT:
            return
        year, number = (int(x) for x in self.month().split("-"))
        first = dt.date(year, number, 1)
        if self.touches(first, first):
            self.refresh()

    def _show_summary(self) -> None:
        ledger = self.ledger
        if ledger is None:
            return
        waiting = len(ledger.changes)
        late = sum(1 for c in ledger.changes if c.overdue)
        text = (self.tr("%1 meals, %2, at %3 schools").replace("%1", str(ledger.meals))
                .replace("%2", _yen(ledger.total_yen)).replace("%3", str(len(ledger.schools))))
        if waiting:
            text += " · " + self.tr("%1 changes not yet notified").replace("%1", str(waiting))
        if late:
            text += " · " + self.tr("%1 past the deadline").replace("%1", str(late))
        self.summary.setText(text)
        ja = current_language() == "ja"
        self.problems.setText("\n".join(ja_text if ja else en for en, ja_text in ledger.problems))
        self.problems.setVisible(bool(ledger.problems))
        self.tabs.setTabText(3, self.tr("Changes not notified (%1)").replace("%1", str(waiting)))

    # --- issuing ----------------------------------------------------------------------------

    def selected_school_codes(self) -> list[str]:
        view, proxy = self.views["schools"], self.proxies["schools"]
        rows = view.selectionModel().selectedRows() if view.selectionModel() else []
        return sorted({proxy.data(index, OBJECT_ROLE).code for index in rows})

    def _issue_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the order sheets"))
        if folder:
            self.issue_to(Path(folder), self.selected_school_codes() or None)

    def issue_to(self, folder: Path, codes: list[str] | None = None) -> Worker:
        """Write the month's order sheets (PDF, one per school) into `folder` on a worker thread
        and record them as issued; the page refreshes when done."""
        folder.mkdir(parents=True, exist_ok=True)  # --out is a folder here, even for one school
        request = ExportRequest("pdf", "lunch-orders", folder, month=self.month(),
                                school=",".join(codes) if codes else "all")
        ws = self.ws
        worker = _keep_running(Worker(lambda progress: run_export(ws, request, progress),
                                      action=faults.ISSUE_ORDER_SHEETS))
        # Bound methods of this widget: Qt queues the calls to the UI thread.
        worker.progressed.connect(self._issue_progress)
        worker.done.connect(self._issued)
        worker.error.connect(self._issue_failed)
        self._worker = worker
        self.issue_button.setEnabled(False)
        self.cancel_button.setVisible(True)
        self.last_result = self.issue_error = None
        self.status.setText(self.tr("Writing the order sheets…"))
        worker.start()
        return worker

    def _issue_progress(self, done: int, total: int) -> None:
        self.status.setText(self.tr("Writing the order sheets… %1 of %2").replace("%1", str(done))
                            .replace("%2", str(total)))

    def _cancel_issue(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def _issue_ended(self) -> None:
        self._worker = None
        self.issue_button.setEnabled(True)
        self.cancel_button.setVisible(False)

    def _issued(self, result: object) -> None:
        self._issue_ended()
        assert isinstance(result, ExportResult | Cancelled)
        self.last_result = result
        if isinstance(result, Cancelled):  # the sheets written before the cancel are kept
            self.status.setText(result.message(current_language()))
        else:
            self.status.setText(result.summary_ja if current_language() == "ja" else result.summary_en)
        self.refresh()

    def _issue_failed(self, exc: object) -> None:
        self._issue_ended()
        error = exc if isinstance(exc, BaseException) else RuntimeError("the order sheets were not written")
        self.issue_error = error
        # A fault is in its dialog and the log already: the status says only what failed.
        self.status.setText(faults.failure_text(error, faults.ISSUE_ORDER_SHEETS))
        self.refresh()  # a run stopped part way keeps the sheets already written, and their issue records

    # --- language ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.month_label.setText(self.tr("Month"))
        self.month_edit.setDisplayFormat("yyyy年M月" if current_language() == "ja" else "yyyy-MM")
        self.month_edit.setAccessibleName(self.tr("Month"))
        self.previous_button.setText(self.tr("◀ Previous"))
        self.previous_button.setAccessibleName(self.tr("Previous month"))
        self.next_button.setText(self.tr("Next ▶"))
        self.next_button.setAccessibleName(self.tr("Next month"))
        self.issue_button.setText(self.tr("Issue order sheets…"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.issue_button.setToolTip(self.tr("Write the month's lunch order sheets (PDF) for the selected schools, "
                                             "or for every school when none is selected, and record them as sent."))
        titles = (self.tr("By school"), self.tr("By ALT"), self.tr("Deadlines coming up"),
                  self.tr("Changes not notified"))
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)
        for key, view in self.views.items():
            view.setAccessibleName({"schools": titles[0], "alts": titles[1], "deadlines": titles[2],
                                    "changes": titles[3]}[key])
        for model in (self.school_model, self.alt_model, self.deadline_model, self.change_model):
            model.retranslate()
            if model.rowCount():
                model.dataChanged.emit(model.index(0, 0),
                                       model.index(model.rowCount() - 1, model.columnCount() - 1))
        self._show_summary()
