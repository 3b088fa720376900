"""The main window: a sidebar of sections, the section in view, the database in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from altdesk.services.rosters import list_alts, list_schools
from altdesk.services.workspace import Workspace
from ui.models.rosters import make_alt_model, make_school_model
from ui.pages.placeholder_page import PlaceholderPage
from ui.pages.roster_page import RosterPage


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


SECTIONS: list[tuple[str, str]] = [
    ("calendar", "Calendar"),
    ("alts", "ALTs"),
    ("schools", "Schools"),
    ("placements", "Placements"),
    ("lunch", "Lunch"),
    ("reports", "Reports"),
    ("conflicts", "Conflicts"),
]

PLACEHOLDER_TEXT = {
    "calendar": lambda: _tr("The month, week and board views of every ALT's visits will appear here."),
    "placements": lambda: _tr("Which ALT visits which school, on which weekdays, will be listed here."),
    "lunch": lambda: _tr("School lunch days, order sheets, fees and notice deadlines will appear here."),
    "reports": lambda: _tr("Visit schedules for schools and ALTs, as PDF and Excel, will be made here."),
    "conflicts": lambda: _tr("Double bookings, visits on days off and overloaded weeks will be listed here."),
}


class MainWindow(QMainWindow):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setObjectName("MainWindow")
        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setMinimumWidth(140)
        self.stack = QStackedWidget(self)
        self.pages: dict[str, QWidget] = {}

        self.alt_page = RosterPage(make_alt_model(self), "page_alts")
        self.school_page = RosterPage(make_school_model(self), "page_schools")
        for key, _title in SECTIONS:
            if key == "alts":
                page: QWidget = self.alt_page
            elif key == "schools":
                page = self.school_page
            else:
                page = PlaceholderPage(f"page_{key}", PLACEHOLDER_TEXT[key])
            self.pages[key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.sidebar.addItem(item)
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)

        splitter = QSplitter(self)
        splitter.addWidget(self.sidebar)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(1, False)
        splitter.setSizes([170, 1200])
        self.setCentralWidget(splitter)

        self.db_label = QLabel(self)
        self.db_label.setObjectName("database_label")
        self.statusBar().addPermanentWidget(self.db_label)
        self._make_menus()
        self.retranslate()
        self.refresh()
        self.show_section("alts")

    def _make_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)
        self.section_actions: list[QAction] = []
        for number, (key, _title) in enumerate(SECTIONS, start=1):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, k=key: self.show_section(k))
            self.addAction(action)
            self.section_actions.append(action)

    def retranslate(self) -> None:
        self.setWindowTitle(_tr("ALTdesk"))
        for row, (_key, title) in enumerate(SECTIONS):
            self.sidebar.item(row).setText(_tr(title))
        self.sidebar.setAccessibleName(_tr("Sections"))
        self.file_menu.setTitle(_tr("&File"))
        self.quit_action.setText(_tr("&Quit"))
        for action, (_key, title) in zip(self.section_actions, SECTIONS, strict=True):
            action.setText(_tr(title))
        self.db_label.setText(_tr("Database: %1").replace("%1", self.ws.db.target.describe()))
        for page in self.pages.values():
            page.retranslate()  # type: ignore[attr-defined]

    def refresh(self) -> None:
        self.alt_page.model.set_rows(list_alts(self.ws))
        self.school_page.model.set_rows(list_schools(self.ws))
        self.alt_page.fit_columns()
        self.school_page.fit_columns()

    def show_section(self, key: str) -> None:
        index = [k for k, _ in SECTIONS].index(key)
        self.sidebar.setCurrentRow(index)

    def current_section(self) -> str:
        return SECTIONS[self.sidebar.currentRow()][0]
