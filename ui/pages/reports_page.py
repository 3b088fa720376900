"""The Reports section: what each report is for, and one click to make it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.app_context import AppContext
from ui.settings import current_language

FORMAT_NAMES = {"pdf": "PDF", "xlsx": "Excel", "csv": "CSV", "ics": "iCalendar"}


class ReportsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_reports")
        self.ctx = ctx
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(self)
        self.table.setObjectName("reports_table")
        self.table.setColumnCount(3)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda index: self.open_export(index.row()))
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("open_export")
        self.export_button.clicked.connect(lambda: self.open_export(self.table.currentRow()))
        self.send_button = QPushButton(self)
        self.send_button.setObjectName("open_send_wizard")
        self.send_button.clicked.connect(self.open_send_wizard)
        self.send_intro = QLabel(self)
        self.send_intro.setWordWrap(True)
        from ui.pages.month_closing import MonthClosingPanel

        self.closing = MonthClosingPanel(ctx, self)
        self.closing.open_actuals.connect(self.open_actuals)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.send_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.send_intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.closing)
        self.retranslate()

    def retranslate(self) -> None:
        lang = current_language()
        self.intro.setText(self.tr(
            "Visit schedules for schools (訪問予定表), monthly calendars for ALTs, the branch board, lunch "
            "order sheets and fees, as PDF or Excel. Double-click a report to make it."))
        self.table.setHorizontalHeaderLabels([self.tr("Report"), self.tr("For"), self.tr("Formats")])
        audience = {"school": self.tr("each school"), "alt": self.tr("each ALT"), None: self.tr("the branch")}
        from altdesk.services.reporting import report_choices  # see open_export

        choices = report_choices()
        self.table.setRowCount(len(choices))
        for row, choice in enumerate(choices):
            cells = (choice.label(lang), audience.get(choice.subject, ""),
                     ", ".join(FORMAT_NAMES.get(f, f) for f in choice.formats))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # the whole name, when a narrow window cuts the column
                item.setData(Qt.ItemDataRole.UserRole, choice.key)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.export_button.setText(self.tr("Export reports…"))
        self.send_button.setText(self.tr("Send next month…"))
        self.send_intro.setText(self.tr(
            "Month-end: Send next month checks the month, then writes every school's schedule and lunch order "
            "sheet (one print file per board of education), each ALT's month and calendar, and marks it sent."))
        self.closing.retranslate()

    def open_export(self, row: int = -1) -> QWidget:
        # Loaded on first use: reportlab, openpyxl and icalendar are not needed to start the window.
        from ui.dialogs.export_dialog import ExportDialog

        dialog = ExportDialog(self.ctx.ws, self)
        if row >= 0:
            dialog.report_combo.setCurrentIndex(row)
        dialog.show()
        return dialog

    def open_actuals(self, month: str) -> QWidget:
        """The export dialog on the month's actuals report."""
        from PySide6.QtCore import QDate

        dialog = self.open_export()
        dialog.report_combo.setCurrentIndex(dialog.report_combo.findData("actuals"))  # type: ignore[attr-defined]
        dialog.month_edit.setDate(QDate(int(month[:4]), int(month[5:]), 1))  # type: ignore[attr-defined]
        return dialog

    def open_send_wizard(self, month: str | None = None) -> QWidget:
        # Loaded on first use, like the export dialog. The window's sections are where the
        # wizard's jumps go (None when the page stands alone).
        from ui.dialogs.send_wizard import SendWizard

        wizard = SendWizard(self.ctx, self, month, getattr(self.window(), "show_section", None))
        wizard.setWindowFlag(Qt.WindowType.Window)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.show()
        return wizard

    def refresh(self) -> None:
        """Nothing to reload: the dialog reads the branch when it opens."""
