"""Export dialog: which report, which month, for which schools or ALTs, in which format; runs on
a worker with progress and Cancel, then offers to open the folder or preview the PDF.

Layout and behaviour only: the reports, the subjects and the export itself come from
altdesk.services.reporting.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from altdesk.errors import Cancelled, UserError
from altdesk.io.export_request import ExportRequest, ExportResult
from altdesk.services.reporting import (
    ExportCancelled,
    ReportChoice,
    SubjectChoice,
    default_month,
    list_subjects,
    render_preview,
    report_choices,
    run,
)
from altdesk.services.workspace import Workspace
from ui import faults
from ui.dialogs.pdf_preview import PdfPreview
from ui.settings import current_language
from ui.worker import Worker, run_with_progress

FORMAT_NAMES = {"pdf": "PDF", "xlsx": "Excel (.xlsx)", "csv": "CSV", "ics": "iCalendar (.ics)"}


def _folder_problem(exc: OSError) -> str:
    """Why a folder could not be made, in the person's words (the system's text can be English
    on a Japanese desktop, and names a path the person typed, not what to do)."""
    if isinstance(exc, PermissionError):
        return QCoreApplication.translate("ExportDialog", "you may not write in that place")
    if isinstance(exc, FileExistsError | NotADirectoryError):
        return QCoreApplication.translate("ExportDialog", "a file of that name is in the way")
    return QCoreApplication.translate("ExportDialog", "the system refused it; choose another folder")


def default_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / "ALTdesk"


class ExportDialog(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.lang = current_language()
        self.choices = report_choices()
        self._subjects: dict[str, list[SubjectChoice]] = {}
        self.worker: Worker | None = None
        self.last_result: ExportResult | None = None
        self.last_error = ""
        self.preview: PdfPreview | None = None
        self.show_messages = True  # False: results only in the status line (scripted use, tests)
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export reports"))
        self._build()
        self._connect()
        self._report_changed()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.report_combo = QComboBox(self)
        self.report_combo.setObjectName("report_combo")
        for choice in self.choices:
            self.report_combo.addItem(choice.label(self.lang), choice.key)
        self.month_edit = QDateEdit(self)
        self.month_edit.setObjectName("month_edit")
        self.month_edit.setDisplayFormat("yyyy年M月" if self.lang == "ja" else "yyyy-MM")
        year, month = (int(p) for p in default_month(self.ws).split("-"))
        self.month_edit.setDate(QDate(year, month, 1))

        self.all_radio = QRadioButton(self)
        self.all_radio.setObjectName("all_radio")
        self.pick_radio = QRadioButton(self.tr("Only those ticked below"), self)
        self.pick_radio.setObjectName("pick_radio")
        self.all_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.all_radio)
        group.addButton(self.pick_radio)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("filter_edit")
        self.filter_edit.setPlaceholderText(self.tr("Filter by code or name"))
        self.filter_edit.setClearButtonEnabled(True)
        self.subject_list = QListWidget(self)
        self.subject_list.setObjectName("subject_list")
        self.subject_list.setMinimumHeight(160)
        self.subject_box = QWidget(self)
        box = QVBoxLayout(self.subject_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.all_radio)
        box.addWidget(self.pick_radio)
        box.addWidget(self.filter_edit)
        box.addWidget(self.subject_list)

        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("format_combo")
        self.era_combo = QComboBox(self)
        self.era_combo.setObjectName("era_combo")
        self.era_combo.addItem(self.tr("Branch setting"), "")
        self.era_combo.addItem(self.tr("Western year (2026年)"), "western")
        self.era_combo.addItem(self.tr("Japanese era (令和8年)"), "reiwa")
        self.combined_check = QCheckBox(self.tr("One combined file instead of one file each"), self)
        self.combined_check.setObjectName("combined_check")

        self.folder_edit = QLineEdit(str(default_folder()), self)
        self.folder_edit.setObjectName("folder_edit")
        self.browse_button = QPushButton(self.tr("Browse…"), self)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        self.preview_button = QPushButton(self.tr("Pre&view"), self)
        self.preview_button.setObjectName("preview_button")
        self.export_button = QPushButton(self.tr("&Export"), self)
        self.export_button.setObjectName("export_button")
        self.export_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)

        form = QFormLayout()
        form.addRow(self.tr("Report:"), self.report_combo)
        form.addRow(self.tr("Month:"), self.month_edit)
        self.subject_label = QLabel(self)
        form.addRow(self.subject_label, self.subject_box)
        form.addRow(self.tr("Format:"), self.format_combo)
        self.era_label = QLabel(self.tr("Year style:"), self)
        form.addRow(self.era_label, self.era_combo)
        form.addRow("", self.combined_check)
        form.addRow(self.tr("Save in folder:"), folder_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.resize(560, 620)

    def _connect(self) -> None:
        self.report_combo.currentIndexChanged.connect(self._report_changed)
        self.format_combo.currentIndexChanged.connect(self._update_enabled)
        self.all_radio.toggled.connect(self._update_enabled)
        self.subject_list.itemChanged.connect(self._item_ticked)
        self.filter_edit.textChanged.connect(self._filter)
        self.browse_button.clicked.connect(self._browse)
        self.preview_button.clicked.connect(self.start_preview)
        self.export_button.clicked.connect(self.start_export)
        self.close_button.clicked.connect(self.reject)

    # --- state ----------------------------------------------------------------------------

    def choice(self) -> ReportChoice:
        return self.choices[max(0, self.report_combo.currentIndex())]

    def _report_changed(self) -> None:
        choice = self.choice()
        self.format_combo.blockSignals(True)
        self.format_combo.clear()
        for fmt in choice.formats:
            self.format_combo.addItem(FORMAT_NAMES.get(fmt, fmt), fmt)
        self.format_combo.blockSignals(False)
        self.subject_box.setVisible(choice.subject is not None)
        self.subject_label.setVisible(choice.subject is not None)
        if choice.subject == "school":
            self.subject_label.setText(self.tr("Schools:"))
            self.all_radio.setText(self.tr("All schools with visits"))
        elif choice.subject == "alt":
            self.subject_label.setText(self.tr("ALTs:"))
            self.all_radio.setText(self.tr("All ALTs with visits"))
        if choice.subject is not None:
            self._fill_subjects(choice.subject)
        self.era_combo.setVisible(choice.uses_era)
        self.era_label.setVisible(choice.uses_era)
        self._update_enabled()

    def _fill_subjects(self, subject: str) -> None:
        if subject not in self._subjects:
            self._subjects[subject] = list_subjects(self.ws, subject)
        self.subject_list.blockSignals(True)
        self.subject_list.clear()
        for item in self._subjects[subject]:
            row = QListWidgetItem(f"{item.code}  {item.label}")
            row.setData(Qt.ItemDataRole.UserRole, item.code)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
            row.setToolTip(item.label)
            self.subject_list.addItem(row)
        self.subject_list.blockSignals(False)
        self._filter(self.filter_edit.text())

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for index in range(self.subject_list.count()):
            item = self.subject_list.item(index)
            item.setHidden(bool(needle) and needle not in item.text().lower())

    def _item_ticked(self, _item: QListWidgetItem) -> None:
        if self.picked_codes():
            self.pick_radio.setChecked(True)
        self._update_enabled()

    def picked_codes(self) -> list[str]:
        return [self.subject_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.subject_list.count())
                if self.subject_list.item(i).checkState() == Qt.CheckState.Checked]

    def format(self) -> str:
        return self.format_combo.currentData() or ""

    def _many(self) -> bool:
        return self.choice().subject is not None and (self.all_radio.isChecked() or len(self.picked_codes()) > 1)

    def _update_enabled(self) -> None:
        fmt = self.format()
        self.subject_list.setEnabled(True)
        self.combined_check.setVisible(self.choice().subject is not None and fmt in ("pdf", "xlsx"))
        self.combined_check.setEnabled(self._many())
        self.preview_button.setEnabled(fmt == "pdf" and self.choice().preview)

    def month(self) -> str:
        return self.month_edit.date().toString("yyyy-MM")

    def request(self, preview: bool = False) -> ExportRequest | None:
        """The export the form describes, or None (with the reason shown) when it is incomplete."""
        choice = self.choice()
        who: str | None = None
        if choice.subject is not None:
            if self.all_radio.isChecked():
                who = "all"
            else:
                codes = self.picked_codes()
                if not codes:
                    self._say(self.tr("Tick at least one, or choose all."))
                    return None
                who = ",".join(codes)
        folder = Path(self.folder_edit.text().strip() or default_folder()).expanduser()
        fmt = "pdf" if preview else self.format()
        out = folder / f"visits_{self.month()}.csv" if fmt == "csv" else folder
        options = {"era": self.era_combo.currentData()} if choice.uses_era and self.era_combo.currentData() else {}
        if preview:
            options["record_issue"] = "no"
        return ExportRequest(
            format=fmt, report=choice.report_value(), out=out, month=self.month(),
            school=who if choice.subject == "school" else None, alt=who if choice.subject == "alt" else None,
            combined=self.combined_check.isVisible() and self.combined_check.isChecked() and self._many(),
            options=options,
        )

    def _say(self, text: str) -> None:
        self.status_label.setText(text)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save reports in"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def _busy(self, busy: bool) -> None:
        for widget in (self.export_button, self.preview_button, self.report_combo, self.close_button):
            widget.setEnabled(not busy)
        if not busy:
            self._update_enabled()

    # --- running --------------------------------------------------------------------------

    def start_export(self) -> None:
        request = self.request()
        if request is None:
            return
        try:
            Path(self.folder_edit.text().strip() or default_folder()).expanduser().mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # the reason in the person's words, not the system's message
            self._say(self.tr("The folder cannot be created: %1").replace("%1", _folder_problem(exc)))
            return
        self._busy(True)
        self._say(self.tr("Exporting…"))
        self.worker = run_with_progress(
            self, self.tr("Export"), self.tr("Writing the reports…"),
            lambda progress: run(self.ws, request, progress), self._exported, self._failed, faults.EXPORT)

    def start_preview(self) -> None:
        request = self.request(preview=True)
        if request is None:
            return
        self._busy(True)
        self._say(self.tr("Preparing the preview…"))
        self.worker = run_with_progress(
            self, self.tr("Preview"), self.tr("Drawing the pages…"),
            lambda progress: render_preview(self.ws, request, progress), self._show_preview, self._failed,
            faults.PREVIEW)

    def _exported(self, result: object) -> None:
        self._busy(False)
        if isinstance(result, Cancelled):  # the files finished before the cancel are kept
            self._say(result.message(self.lang))
            return
        assert isinstance(result, ExportResult)
        self.last_result = result
        summary = result.summary_ja if self.lang == "ja" else result.summary_en
        self._say(summary)
        if not self.show_messages:
            return
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Export finished"), summary, parent=self)
        if result.warnings:
            box.setDetailedText("\n".join(result.warnings))
        open_button = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        preview_button = None
        if result.files and result.files[0].suffix == ".pdf":
            preview_button = box.addButton(self.tr("Preview"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_button and result.files:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.files[0].parent)))
        elif preview_button is not None and box.clickedButton() is preview_button:
            self.open_preview(result.files[0])

    def _show_preview(self, data: object) -> None:
        self._busy(False)
        self._say("")
        if isinstance(data, Cancelled):
            return
        assert isinstance(data, bytes)
        self.open_preview(data)

    def open_preview(self, source: Path | bytes) -> PdfPreview:
        self.preview = PdfPreview(source, self)
        self.preview.show()
        return self.preview

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, ExportCancelled):
            self.last_error = exc.message(self.lang)
            self._say(self.last_error)
            return
        self.last_error = faults.failure_text(exc, faults.EXPORT, self.lang)
        self._say(self.last_error)
        # A fault has its own dialog already (ui.faults); a user error is told here.
        if self.show_messages and isinstance(exc, UserError):
            QMessageBox.warning(self, self.tr("Export"), self.last_error)
