"""The import wizard: choose files, preview them with every problem shown where it is,
confirm, import (on a worker thread, with progress and cancel), and see what changed.

All reading, checking and writing is done by altdesk.services.importing; this module only
shows it. The preview and the import run on the window's runner so the window stays responsive.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from altdesk.errors import UserError
from altdesk.io.export_request import ExportRequest
from altdesk.io.importing import KINDS, Problem
from altdesk.services import importing
from altdesk.services.exports import run_export
from altdesk.services.importing import ImportOutcome, ImportPreview
from altdesk.services.workspace import Workspace
from ui import faults
from ui.dialogs.import_wizard_models import (
    ChangeModel,
    ProblemModel,
    SheetPreviewModel,
    counts_text,
    kind_title,
)
from ui.runner import Task, runner_for
from ui.settings import current_language

# --- Running a job off the UI thread -------------------------------------------------------

class JobRunner(QObject):
    """Runs one `fn(progress)` at a time on the runner; results arrive on the UI thread.

    Like ui.worker.Worker, but reusable and able to cancel-and-join from the UI thread, which
    closing the wizard in the middle of a preview or an import needs (the job then ends at
    its next progress call and the import rolls back)."""

    progressed = Signal(int, int)
    done = Signal(object)
    error = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._task: Task | None = None

    def start(self, fn: Callable[[Callable[[int, int], bool]], Any]) -> None:
        self.wait()
        # On the window's runner (ui/runner.py), as a job; the wizard reports a fault itself.
        self._task = runner_for(self).job(fn, owner=self, report=False, on_done=self.done.emit,
                                          on_error=self.error.emit, on_progress=self.progressed.emit)

    def is_running(self) -> bool:
        return self._task is not None and self._task.is_running()

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def wait(self) -> None:
        """Let a running job end (after cancel it ends at its next progress call)."""
        if self._task is not None:
            self._task.wait()
            self._task = None


IMPORT_FAILED = faults.Action("Importing the files failed. Nothing was changed.",
                              "ファイルの取り込みに失敗しました。何も変更されていません。")


def _error_text(exc: object) -> str:
    """A user error's own message; a fault goes to the log and the fault dialog, and the page
    says only what failed (never the exception's text)."""
    if isinstance(exc, UserError):
        return exc.message(current_language())
    error = exc if isinstance(exc, BaseException) else RuntimeError(str(exc))
    faults.report_fault(error, IMPORT_FAILED)
    return faults.failure_text(error, IMPORT_FAILED)


def _table(parent: QWidget, model: QAbstractTableModel, name: str) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setWordWrap(False)
    return table


# --- Pages ---------------------------------------------------------------------------------

class FilesPage(QWizardPage):
    """Choose the files (or drop them here) and, if the headers cannot tell, what they hold."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setObjectName("import_files_page")
        self.setAcceptDrops(True)
        self.files = QListWidget(self)
        self.files.setObjectName("import_files")
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self._choose)
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self._remove)
        self.template_button = QPushButton(self)
        self.template_button.clicked.connect(self._save_template)
        self.kind = QComboBox(self)
        self.kind.setObjectName("import_kind")
        self.kind.addItem("", None)
        for kind in KINDS:
            self.kind.addItem("", kind)
        self.template_status = QLabel(self)
        self.template_status.setWordWrap(True)
        self.template_runner = JobRunner(self)
        self.template_runner.done.connect(self._template_saved)
        self.template_runner.error.connect(lambda exc: self.template_status.setText(_error_text(exc)))

        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.template_button)
        row = QHBoxLayout()
        row.addWidget(self.files, 1)
        row.addLayout(buttons)
        form = QFormLayout()
        self.kind_label = QLabel(self)
        form.addRow(self.kind_label, self.kind)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addLayout(form)
        layout.addWidget(self.template_status)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Choose the files to import"))
        self.setSubTitle(self.tr("Excel workbooks (.xlsx) or CSV files with sheets of schools, ALTs, placements, "
                                 "closures or events. You can also drop files here."))
        self.add_button.setText(self.tr("&Add files…"))
        self.remove_button.setText(self.tr("&Remove"))
        self.template_button.setText(self.tr("Save an empty &template…"))
        self.template_button.setToolTip(self.tr("A workbook with the right sheets and headers, and explanations."))
        self.kind_label.setText(self.tr("The files hold:"))
        titles = [self.tr("Found from sheet names and headers")] + [kind_title(k) for k in KINDS]
        for index, title in enumerate(titles):
            self.kind.setItemText(index, title)
        self.files.setAccessibleName(self.tr("Files to import"))

    def paths(self) -> list[str]:
        return [self.files.item(i).text() for i in range(self.files.count())]

    def chosen_kind(self) -> str | None:
        return self.kind.currentData()

    def add_paths(self, paths: Sequence[str | Path]) -> None:
        present = set(self.paths())
        for path in paths:
            text = str(path)
            if text and text not in present:
                self.files.addItem(text)
                present.add(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.files.count() > 0

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.add_paths([url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()])
        event.acceptProposedAction()

    def _choose(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Files to import"), "",
            self.tr("Spreadsheets (*.xlsx *.xlsm *.csv *.txt *.tsv);;All files (*)"))
        self.add_paths(paths)

    def _remove(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))
        self.completeChanged.emit()

    def _save_template(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the import template"),
                                                    "ALTdesk-import-template.xlsx", self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.save_template(Path(path))

    def save_template(self, path: Path) -> None:
        if not path.suffix:
            path = path.with_suffix(".xlsx")
        ws = self._wizard.ws
        # In the window's language: a Japanese window saves the template with Japanese sheets and headers.
        request = ExportRequest(format="template", report=None, out=path, options={"lang": current_language()})
        self.template_status.setText(self.tr("Writing the template…"))
        self.template_runner.start(lambda progress: run_export(ws, request, progress))

    def _template_saved(self, result: object) -> None:
        files = getattr(result, "files", [])
        self.template_status.setText(self.tr("Template saved: %1").replace("%1", str(files[0]) if files else ""))


class PreviewPage(QWizardPage):
    """The rows as read, problem cells highlighted, the problem list, and what would change."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setObjectName("import_preview_page")
        self.preview: ImportPreview | None = None
        self.file_error: str | None = None
        self.runner = JobRunner(self)
        self.runner.progressed.connect(self._progressed)
        self.runner.done.connect(self._loaded)
        self.runner.error.connect(self._failed)

        self.summary = QLabel(self)
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.recheck_button = QPushButton(self)
        self.recheck_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("import_preview_cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.sheet_choice = QComboBox(self)
        self.sheet_choice.setObjectName("import_sheet_choice")
        self.sheet_choice.currentIndexChanged.connect(self._show_sheet)
        self.sheet_model = SheetPreviewModel(self)
        self.sheet_table = _table(self, self.sheet_model, "import_sheet_table")
        self.sheet_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.sheet_table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.problem_model = ProblemModel(self)
        self.problem_table = _table(self, self.problem_model, "import_problem_table")
        self.problem_table.clicked.connect(self._go_to_problem)
        self.problem_table.activated.connect(self._go_to_problem)

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.cancel_button)
        top.addWidget(self.recheck_button)
        sheet_row = QHBoxLayout()
        self.sheet_label = QLabel(self)
        sheet_row.addWidget(self.sheet_label)
        sheet_row.addWidget(self.sheet_choice, 1)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(sheet_row)
        upper_layout.addWidget(self.sheet_table)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.problems_label = QLabel(self)
        lower_layout.addWidget(self.problems_label)
        lower_layout.addWidget(self.problem_table)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setSizes([300, 160])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.busy)
        layout.addWidget(splitter, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Check the files"))
        self.setSubTitle(self.tr("Cells with a problem are marked; point at one to read what is wrong. "
                                 "Fix them in the file, save it, and check again."))
        self.recheck_button.setText(self.tr("Check &again"))
        self.cancel_button.setText(self.tr("Stop reading"))
        self.sheet_label.setText(self.tr("Sheet:"))
        self.problems_label.setText(self.tr("Problems:"))
        self.sheet_table.setAccessibleName(self.tr("Rows as read"))
        self.problem_table.setAccessibleName(self.tr("Problems"))

    def initializePage(self) -> None:
        self.start()

    def cleanupPage(self) -> None:
        self.runner.cancel()
        self.runner.wait()

    def start(self) -> None:
        """Read and check the files on the worker thread."""
        self.preview, self.file_error = None, None
        self.busy.setRange(0, 0)
        self.busy.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.recheck_button.setEnabled(False)
        self.summary.setText(self.tr("Reading and checking the files…"))
        self.completeChanged.emit()
        ws, paths, kind = self._wizard.ws, self._wizard.files_page.paths(), self._wizard.files_page.chosen_kind()
        self.runner.start(lambda progress: importing.preview(ws, paths, kind, progress))

    def cancel(self) -> None:
        """Stop reading a large file; the job ends at its next row check."""
        self.runner.cancel()
        self.cancel_button.setEnabled(False)

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:  # files read of all
            self.busy.setRange(0, total)
            self.busy.setValue(done)
        elif done > 0:  # the row reached in a large file, whose length is not known
            self.busy.setRange(0, 0)
            self.summary.setText(self.tr("Reading and checking the files… (row %1)").replace("%1", f"{done:,}"))

    def is_busy(self) -> bool:
        return self.runner.is_running()

    def isComplete(self) -> bool:
        return self.preview is not None and self.preview.ok and not self.runner.is_running()

    def _loaded(self, preview: object) -> None:
        assert isinstance(preview, ImportPreview)
        self.preview = preview
        self.busy.hide()
        self.cancel_button.hide()
        self.recheck_button.setEnabled(True)
        self.problem_model.set_problems(preview.problems)
        self.sheet_choice.blockSignals(True)
        self.sheet_choice.clear()
        for view in preview.sheets:  # the sheet, and what it was read as in the UI's language
            self.sheet_choice.addItem(self.tr("%1 (%2)").replace("%1", view.sheet or Path(view.file).name)
                                      .replace("%2", kind_title(view.kind)))
        self.sheet_choice.blockSignals(False)
        self._show_sheet(0)
        self.problem_table.horizontalHeader().setResizeContentsPrecision(60)  # measure a sample, not every row
        self.problem_table.resizeColumnsToContents()
        self.summary.setText(self._summary_text(preview))
        self.completeChanged.emit()

    def _summary_text(self, preview: ImportPreview) -> str:
        encodings = [f"{Path(f.path).name}: {f.encoding}" for f in preview.files if f.encoding]
        read_as = ("\n" + self.tr("Read as %1.").replace("%1", "; ".join(encodings))) if encodings else ""
        if not preview.ok:
            text = self.tr("%1 problem(s) must be fixed in the file before anything can be imported. "
                           "Nothing has been changed.").replace("%1", str(len(preview.errors)))
            return text + read_as
        if not preview.has_work:
            return self.tr("Everything in the files is already in ALTdesk: nothing would change.") + read_as
        text = self.tr("Ready to import.") + "\n" + counts_text(preview.counts, done=False)
        if preview.warnings:
            text += "\n" + self.tr("%1 warning(s): read them below; they do not stop the import.").replace(
                "%1", str(len(preview.warnings)))
        return text + read_as

    def _failed(self, exc: object) -> None:
        self.busy.hide()
        self.cancel_button.hide()
        self.recheck_button.setEnabled(True)
        self.file_error = _error_text(exc)
        problem = getattr(exc, "problem", None)
        self.problem_model.set_problems([problem] if isinstance(problem, Problem) else [])
        self.sheet_choice.clear()
        self.sheet_model.set_sheet(None, [])
        self.summary.setText(self.file_error)
        self.completeChanged.emit()

    def _show_sheet(self, index: int) -> None:
        if self.preview is None or not 0 <= index < len(self.preview.sheets):
            self.sheet_model.set_sheet(None, [])
            return
        self.sheet_model.set_sheet(self.preview.sheets[index], self.preview.problems)
        self.sheet_table.horizontalHeader().setResizeContentsPrecision(60)  # measure a sample, not every row
        self.sheet_table.resizeColumnsToContents()
        header = self.sheet_table.horizontalHeader()
        for column in range(header.count()):
            header.resizeSection(column, min(header.sectionSize(column), 260))

    def _go_to_problem(self, index: QModelIndex) -> None:
        """Show the problem's cell in the preview table."""
        if self.preview is None or not index.isValid():
            return
        problem = self.problem_model.problem_at(index.row())
        for position, view in enumerate(self.preview.sheets):
            if view.file == problem.file and view.sheet == problem.sheet:
                if self.sheet_choice.currentIndex() != position:
                    self.sheet_choice.setCurrentIndex(position)
                cell = self.sheet_model.index_of(problem.row or 0, problem.column_index)
                if cell.isValid():
                    self.sheet_table.setCurrentIndex(cell)
                    self.sheet_table.scrollTo(cell, QAbstractItemView.ScrollHint.PositionAtCenter)
                return


class ConfirmPage(QWizardPage):
    """What will be created and updated; the Import button commits."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setObjectName("import_confirm_page")
        self.setCommitPage(True)
        self.counts = QLabel(self)
        self.counts.setObjectName("import_confirm_counts")
        self.counts.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.change_model = ChangeModel(self)
        self.change_table = _table(self, self.change_model, "import_change_table")
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.change_table, 1)
        layout.addWidget(self.note)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Confirm the import"))
        self.setSubTitle(self.tr("These records will be created or updated."))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.note.setText(self.tr("Everything is written in one step. If anything goes wrong, nothing is changed."))
        self.change_table.setAccessibleName(self.tr("Records to create or update"))

    def initializePage(self) -> None:
        preview = self._wizard.preview_page.preview
        if preview is None:
            return
        self.counts.setText(counts_text(preview.counts, done=False))
        self.change_model.set_changes(preview.changes)
        self.change_table.horizontalHeader().setResizeContentsPrecision(60)  # measure a sample, not every row
        self.change_table.resizeColumnsToContents()


class ProgressPage(QWizardPage):
    """Runs the import on the worker thread; moves on to the summary when it is done."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setObjectName("import_progress_page")
        self.outcome: ImportOutcome | None = None
        self.error: str | None = None
        self.runner = JobRunner(self)
        self.runner.progressed.connect(self._progressed)
        self.runner.done.connect(self._done)
        self.runner.error.connect(self._failed)
        self.status = QLabel(self)
        self.status.setObjectName("import_progress_status")
        self.status.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("import_progress_bar")
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.cancel)
        self.again_button = QPushButton(self)
        self.again_button.clicked.connect(wizard.restart)
        self.again_button.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Importing"))
        self.cancel_button.setText(self.tr("Cancel import"))
        self.again_button.setText(self.tr("Start again"))

    def initializePage(self) -> None:
        self.outcome, self.error = None, None
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.again_button.hide()
        self.status.setText(self.tr("Writing to the database…"))
        preview = self._wizard.preview_page.preview
        ws = self._wizard.ws
        self.runner.start(lambda progress: self._wizard.apply(ws, preview, progress))

    def cancel(self) -> None:
        self.runner.cancel()
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Cancelling… nothing will be changed."))

    def is_busy(self) -> bool:
        return self.runner.is_running()

    def isComplete(self) -> bool:
        return self.outcome is not None

    def _progressed(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _done(self, outcome: object) -> None:
        assert isinstance(outcome, ImportOutcome)
        self.outcome = outcome
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Imported."))
        self.completeChanged.emit()
        self._wizard.imported.emit(outcome)
        self._wizard.next()

    def _failed(self, exc: object) -> None:
        self.error = _error_text(exc)
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.cancel_button.setEnabled(False)
        self.again_button.show()
        self.status.setText(self.error)
        self.completeChanged.emit()


class SummaryPage(QWizardPage):
    """What changed, record by record."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setObjectName("import_summary_page")
        self.setFinalPage(True)
        self.counts = QLabel(self)
        self.counts.setObjectName("import_result_counts")
        self.counts.setWordWrap(True)
        self.change_model = ChangeModel(self)
        self.change_table = _table(self, self.change_model, "import_result_table")
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.change_table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Imported"))
        self.setSubTitle(self.tr("What changed in ALTdesk."))
        self.change_table.setAccessibleName(self.tr("Records created or updated"))

    def initializePage(self) -> None:
        outcome = self._wizard.progress_page.outcome
        if outcome is None:
            return
        text = counts_text(outcome.counts, done=True)
        visits = outcome.visits
        if any(visits.values()):
            text += "\n" + self.tr("Visits of new and changed placements: %1 generated, %2 updated, %3 removed") \
                .replace("%1", str(visits.get("created", 0))).replace("%2", str(visits.get("updated", 0))) \
                .replace("%3", str(visits.get("deleted", 0)))
        if outcome.warnings:
            text += "\n" + self.tr("%1 warning(s) were shown before the import.").replace(
                "%1", str(len(outcome.warnings)))
        self.counts.setText(text)
        self.change_model.set_changes(outcome.changes)
        self.change_table.horizontalHeader().setResizeContentsPrecision(60)  # measure a sample, not every row
        self.change_table.resizeColumnsToContents()


# --- The wizard ----------------------------------------------------------------------------

# What an import changed, in the names pages listen for on AppContext.data_changed.
ANNOUNCED = {
    "boards": ("boards",), "schools": ("schools",), "alts": ("alts",), "placements": ("placements",),
    "closures": ("day_offs", "calendar"), "events": ("events", "visits", "absences"),
    "absences": ("absences", "visits"),
    "branch": ("branch",),
}


def changed_kinds(outcome: ImportOutcome) -> set[str]:
    """The data kinds to announce after an import (nothing for what was left alone)."""
    return {name for kind, tally in outcome.counts.items() if tally["create"] or tally["update"]
            for name in ANNOUNCED.get(kind, ())}


class ImportWizard(QWizard):
    """Import spreadsheets into the branch. Emits `imported(ImportOutcome)` after a successful import."""

    imported = Signal(object)

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setObjectName("import_wizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.files_page = FilesPage(self)
        self.preview_page = PreviewPage(self)
        self.confirm_page = ConfirmPage(self)
        self.progress_page = ProgressPage(self)
        self.summary_page = SummaryPage(self)
        for page in (self.files_page, self.preview_page, self.confirm_page, self.progress_page, self.summary_page):
            self.addPage(page)
        self.resize(980, 680)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import spreadsheets"))
        for page in (self.files_page, self.preview_page, self.confirm_page, self.progress_page, self.summary_page):
            page.retranslate()
        for model in (self.preview_page.sheet_model, self.preview_page.problem_model, self.confirm_page.change_model,
                      self.summary_page.change_model):
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, model.columnCount() - 1))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @staticmethod
    def apply(ws: Workspace, preview: ImportPreview | None, progress: Callable[[int, int], bool]) -> ImportOutcome:
        """The import as the worker runs it (a seam tests can watch)."""
        if preview is None:
            raise UserError("Nothing to import.", "取り込むものがありません。")
        return importing.apply(ws, preview, progress=progress)

    def is_busy(self) -> bool:
        return self.preview_page.is_busy() or self.progress_page.is_busy() or self.files_page.template_runner.is_running()

    def reject(self) -> None:
        """Closing while a job runs: ask it to stop, let it roll back, then close."""
        for runner in (self.preview_page.runner, self.progress_page.runner, self.files_page.template_runner):
            if runner.is_running():
                runner.cancel()
                runner.wait()
        super().reject()

    def done(self, result: int) -> None:
        for runner in (self.preview_page.runner, self.progress_page.runner, self.files_page.template_runner):
            runner.wait()
        super().done(result)
