"""Send next month: a wizard in three steps over altdesk.services.month_end.

1. Check: what blocks sending the month (errors, uncovered visits, lunch to review), each with a
   jump to the day on the board or to its section; warnings shown, not blocking; whether the
   month was sent before and has changed since.
2. What goes out: per school its schedule and lunch order sheet, new or re-issue with its
   変更箇所; per ALT their month and calendar; the folder to write into.
3. Send: every file at once on a worker with progress and Cancel, then the month is marked sent.

Layout and behaviour only: the checks, the files and the sent record are the core's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from altdesk.errors import Cancelled, UserError
from altdesk.labels import day_label
from altdesk.services.month_end import (
    CATEGORY_LABELS,
    ERROR,
    LUNCH_REVIEW,
    UNCOVERED,
    MonthProblem,
    SendPlan,
    SendResult,
    folder_for,
    prepare_send,
    send_month,
)
from altdesk.services.reporting import default_month
from ui import faults
from ui.app_context import AppContext
from ui.dialogs.export_dialog import default_folder
from ui.settings import current_language
from ui.worker import Worker, run_with_progress

SEND = faults.Action("Sending the month failed.", "月の送付に失敗しました。")
PREPARE = faults.Action("Checking the month failed.", "月の確認に失敗しました。")
SECTION_OF = {ERROR: "conflicts", UNCOVERED: "absences", LUNCH_REVIEW: "alts"}


def _item(text: str, data: object = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def _table(parent: QWidget, name: str, columns: int) -> QTableWidget:
    table = QTableWidget(parent)
    table.setObjectName(name)
    table.setColumnCount(columns)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class CheckPage(QWizardPage):
    """Step 1: what blocks sending the month."""

    def __init__(self, wizard: SendWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.month_label = QLabel(self)
        self.month_edit = QDateEdit(self)
        self.month_edit.setObjectName("send_month")
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setCalendarPopup(True)
        self.month_edit.dateChanged.connect(lambda _d: self.w.load())
        self.recheck_button = QPushButton(self)
        self.recheck_button.setObjectName("send_recheck")
        self.recheck_button.clicked.connect(self.w.load)
        top = QHBoxLayout()
        top.addWidget(self.month_label)
        top.addWidget(self.month_edit)
        top.addWidget(self.recheck_button)
        top.addStretch(1)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("send_state")
        self.state_label.setWordWrap(True)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("send_blockers_summary")
        self.summary_label.setWordWrap(True)
        self.table = _table(self, "send_problems", 3)
        self.table.doubleClicked.connect(lambda _i: self.show_day())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.day_button = QPushButton(self)
        self.day_button.setObjectName("send_show_day")
        self.day_button.clicked.connect(self.show_day)
        self.section_button = QPushButton(self)
        self.section_button.setObjectName("send_open_section")
        self.section_button.clicked.connect(self.open_section)
        buttons = QHBoxLayout()
        buttons.addWidget(self.day_button)
        buttons.addWidget(self.section_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.state_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Step 1 of 3: check the month"))
        self.setSubTitle(self.tr("Errors, visits of an absent ALT without a substitute and diets to review block "
                                 "sending; warnings do not. Fix them, then check again."))
        self.month_label.setText(self.tr("Month:"))
        self.recheck_button.setText(self.tr("Check again"))
        self.day_button.setText(self.tr("Show the day on the board"))
        self.section_button.setText(self.tr("Open the list"))
        self.table.setHorizontalHeaderLabels([self.tr("What"), self.tr("Date"), self.tr("Problem")])

    def isComplete(self) -> bool:
        plan = self.w.plan
        return plan is not None and not plan.blocked and not self.w.busy

    def selected(self) -> MonthProblem | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or self.w.plan is None:
            return None
        index = self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return self.w.plan.problems[index]

    def _update_buttons(self) -> None:
        problem = self.selected()
        self.day_button.setEnabled(problem is not None and problem.date is not None)
        self.section_button.setEnabled(problem is not None and self.w.show_section is not None)

    def show_day(self) -> None:
        problem = self.selected()
        if problem is not None and problem.date is not None:
            self.w.ctx.show_day.emit(problem.date, problem.alt_id)

    def open_section(self) -> None:
        problem = self.selected()
        if problem is not None and self.w.show_section is not None:
            self.w.show_section(SECTION_OF.get(problem.category, "conflicts"))

    def show_plan(self, plan: SendPlan | None, lang: str) -> None:
        self.table.setRowCount(0)
        if plan is None:
            self.state_label.setText("")
            self.summary_label.setText("")
            self._update_buttons()
            self.completeChanged.emit()
            return
        self.state_label.setText(plan.state.describe(lang))
        self.state_label.setProperty("changed", plan.state.changed_since_sent)
        if plan.blocked:
            self.summary_label.setText(
                self.tr("%1 problem(s) block sending this month; %2 warning(s).")
                .replace("%1", str(len(plan.blockers))).replace("%2", str(len(plan.warnings))))
        elif plan.warnings:
            self.summary_label.setText(self.tr("Nothing blocks sending this month; %1 warning(s) below.")
                                       .replace("%1", str(len(plan.warnings))))
        else:
            self.summary_label.setText(self.tr("Nothing blocks sending this month."))
        self.table.setRowCount(len(plan.problems))
        for row, problem in enumerate(plan.problems):
            label = CATEGORY_LABELS[problem.category][1 if lang == "ja" else 0]
            self.table.setItem(row, 0, _item(label, row))
            self.table.setItem(row, 1, _item(day_label(problem.date, lang) if problem.date else ""))
            self.table.setItem(row, 2, _item(problem.message(lang)))
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        if plan.problems:
            self.table.selectRow(0)
        self._update_buttons()
        self.completeChanged.emit()


class ContentsPage(QWizardPage):
    """Step 2: what will go out, and where."""

    def __init__(self, wizard: SendWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("send_contents_summary")
        self.summary_label.setWordWrap(True)
        self.schools = _table(self, "send_schools", 4)
        self.alts = _table(self, "send_alts", 3)
        self.alts.setMaximumHeight(150)
        self.folder_label = QLabel(self)
        self.folder_edit = QLineEdit(str(default_folder()), self)
        self.folder_edit.setObjectName("send_folder")
        self.folder_edit.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.browse_button = QPushButton(self)
        self.browse_button.clicked.connect(self._browse)
        folder = QHBoxLayout()
        folder.addWidget(self.folder_label)
        folder.addWidget(self.folder_edit, 1)
        folder.addWidget(self.browse_button)
        self.alts_label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.schools, 3)
        layout.addWidget(self.alts_label)
        layout.addWidget(self.alts, 1)
        layout.addLayout(folder)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Step 2 of 3: what will go out"))
        self.setSubTitle(self.tr("Each school gets its visit schedule (訪問予定表) and lunch order sheet (給食注文票); "
                                 "a re-issue lists its changes (変更箇所). Each ALT gets their month and a calendar."))
        self.schools.setHorizontalHeaderLabels([self.tr("School"), self.tr("Board of education"),
                                                self.tr("Schedule and order sheet"), self.tr("Changes (変更箇所)")])
        self.alts.setHorizontalHeaderLabels([self.tr("ALT"), self.tr("Visits"), self.tr("Files")])
        self.alts_label.setText(self.tr("ALTs:"))
        self.folder_label.setText(self.tr("Save in:"))
        self.browse_button.setText(self.tr("Choose…"))

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Save the month in"), self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(chosen)

    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip() or default_folder()).expanduser()

    def isComplete(self) -> bool:
        return self.w.plan is not None and bool(self.folder_edit.text().strip())

    def show_plan(self, plan: SendPlan | None, lang: str) -> None:
        self.schools.setRowCount(0)
        self.alts.setRowCount(0)
        if plan is None:
            return
        reissues = sum(1 for s in plan.schools if s.reissue)
        self.summary_label.setText(
            self.tr("%1 school(s) (%2 re-issued), %3 ALT(s); %4 print file(s), one per board of education, "
                    "in school order; %5 file(s) in all.")
            .replace("%1", str(len(plan.schools))).replace("%2", str(reissues)).replace("%3", str(len(plan.alts)))
            .replace("%4", str(len(plan.boards))).replace("%5", str(len(plan.files))))
        self.schools.setRowCount(len(plan.schools))
        for row, school in enumerate(plan.schools):
            changes = "; ".join((*school.schedule_changes, *school.order_changes))
            self.schools.setItem(row, 0, _item(f"{school.code} {school.name_ja}"))
            self.schools.setItem(row, 1, _item(school.board))
            self.schools.setItem(row, 2, _item(school.status(lang)))
            self.schools.setItem(row, 3, _item(changes))
        self.alts.setRowCount(len(plan.alts))
        for row, alt in enumerate(plan.alts):
            self.alts.setItem(row, 0, _item(f"{alt.code} {alt.name}"))
            self.alts.setItem(row, 1, _item(str(alt.visits)))
            self.alts.setItem(row, 2, _item("PDF, .ics"))
        for table in (self.schools, self.alts):
            table.resizeColumnsToContents()
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.completeChanged.emit()


class SendPage(QWizardPage):
    """Step 3: send everything at once."""

    def __init__(self, wizard: SendWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.where_label = QLabel(self)
        self.where_label.setObjectName("send_where")
        self.where_label.setWordWrap(True)
        self.send_button = QPushButton(self)
        self.send_button.setObjectName("send_now")
        self.send_button.clicked.connect(self.w.start_send)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("send_result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("send_open_folder")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open_folder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where_label)
        layout.addLayout(buttons)
        layout.addWidget(self.result_label)
        layout.addStretch(1)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Step 3 of 3: send"))
        self.setSubTitle(self.tr("Writes every file at once and marks the month sent. If anything fails or you "
                                 "cancel, nothing is written and the month is not marked sent."))
        self.send_button.setText(self.tr("Send the month"))
        self.open_button.setText(self.tr("Open folder"))
        self.initializePage()

    def initializePage(self) -> None:
        plan = self.w.plan
        if plan is None:
            return
        folder = folder_for(self.w.contents_page.folder(), plan.month)
        self.where_label.setText(
            self.tr("%1 file(s) will be written to %2: boards/ (one print file per board of education), "
                    "schools/ (one file per school, to e-mail or share) and alts/ (each ALT's month and .ics).")
            .replace("%1", str(len(plan.files))).replace("%2", str(folder)))

    def isComplete(self) -> bool:
        return self.w.result is not None

    def _open_folder(self) -> None:
        if self.w.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.w.result.folder)))


class SendWizard(QWizard):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, month: str | None = None,
                 show_section: Callable[[str], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("send_wizard")
        self.ctx = ctx
        self.ws = ctx.ws
        self.show_section = show_section
        self.lang = current_language()
        self.plan: SendPlan | None = None
        self.result: SendResult | None = None
        self.last_error = ""
        self.busy = False
        self.worker: Worker | None = None
        self.show_messages = True
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.check_page = CheckPage(self)
        self.contents_page = ContentsPage(self)
        self.send_page = SendPage(self)
        for page in (self.check_page, self.contents_page, self.send_page):
            self.addPage(page)
        self.resize(1000, 640)
        self.retranslate()
        first = dt.date.fromisoformat(f"{month or default_month(self.ws)}-01")
        self.check_page.month_edit.blockSignals(True)
        self.check_page.month_edit.setDate(QDate(first.year, first.month, 1))
        self.check_page.month_edit.blockSignals(False)
        self.load()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Send next month"))
        for page in (self.check_page, self.contents_page, self.send_page):
            page.retranslate()

    def month(self) -> str:
        return self.check_page.month_edit.date().toString("yyyy-MM")

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.check_page.recheck_button.setEnabled(not busy)
        self.check_page.month_edit.setEnabled(not busy)
        self.send_page.send_button.setEnabled(not busy and self.result is None)
        self.button(QWizard.WizardButton.BackButton).setEnabled(not busy and self.result is None)
        self.button(QWizard.WizardButton.CancelButton).setEnabled(not busy)
        self.check_page.completeChanged.emit()

    # --- step 1 and 2: read the month ---------------------------------------------------------
    def load(self) -> None:
        """Check the month again (after a fix, or another month chosen) on a worker."""
        month = self.month()
        self.plan = None
        self.result = None
        self.check_page.show_plan(None, self.lang)
        self.check_page.summary_label.setText(self.tr("Checking %1…").replace("%1", month))
        self._set_busy(True)
        ws = self.ws
        worker = Worker(lambda _progress: prepare_send(ws, month), self, PREPARE)
        worker.done.connect(self._loaded)
        worker.error.connect(self._load_failed)
        self.worker = worker
        worker.start()

    def _loaded(self, plan: object) -> None:
        self._set_busy(False)
        if isinstance(plan, Cancelled) or not isinstance(plan, SendPlan) or plan.month != self.month():
            return
        self.plan = plan
        self.check_page.show_plan(plan, self.lang)
        self.contents_page.show_plan(plan, self.lang)
        self._set_busy(False)

    def _load_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.last_error = faults.failure_text(exc, PREPARE, self.lang)
        self.check_page.summary_label.setText(self.last_error)

    # --- step 3: send ---------------------------------------------------------------------------
    def start_send(self) -> None:
        if self.plan is None or self.busy:
            return
        out = self.contents_page.folder()
        month = self.plan.month
        ws = self.ws
        self.last_error = ""
        self.send_page.result_label.setText(self.tr("Sending…"))
        self._set_busy(True)
        self.worker = run_with_progress(
            self, self.tr("Send next month"), self.tr("Writing the month's files…"),
            lambda progress: send_month(ws, month, out, progress), self._sent, self._send_failed, SEND)

    def _sent(self, result: object) -> None:
        if isinstance(result, Cancelled):
            self._set_busy(False)
            self.send_page.result_label.setText(result.message(self.lang))
            return
        assert isinstance(result, SendResult)
        self.result = result
        self._set_busy(False)
        self.send_page.result_label.setText(result.summary(self.lang))
        self.send_page.open_button.setEnabled(True)
        self.send_page.completeChanged.emit()
        self.ctx.changed("issues")

    def _send_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.last_error = faults.failure_text(exc, SEND, self.lang)
        self.send_page.result_label.setText(self.last_error)
        if isinstance(exc, UserError) and exc.__class__.__name__ == "MonthBlocked":
            # Something changed since step 1: check again.
            self.restart()
            self.load()
