"""The main window: a sidebar of sections, the section in view, menus, the database in the status bar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from altdesk.errors import Cancelled, UserError
from altdesk.scheduling.generate import GenerateResult, fiscal_year_bounds, fiscal_year_of
from altdesk.services.workspace import Workspace
from ui import faults
from ui.app_context import AppContext
from ui.calendar.calendar_page import CalendarPage
from ui.dialogs.safety_actions import SafetyActions
from ui.formatting import format_date
from ui.i18n import install_translators
from ui.sections import SECTION_TITLES
from ui.sections import SECTIONS as BASE_SECTIONS
from ui.settings import current_language, set_current_language, settings
from ui.sidebar_counts import SidebarCountKeeper
from ui.worker import Worker, run_with_progress, stop_all_jobs

SECTIONS: list[tuple[str, str]] = [*BASE_SECTIONS, ("audit", SECTION_TITLES["audit"])]


class MainWindow(QMainWindow):
    def __init__(self, ws: Workspace, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ctx = AppContext(ws, self, today=lambda: self.today)
        self.today = today or dt.date.today()
        self.setObjectName("MainWindow")
        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setMinimumWidth(130)
        self.stack = QStackedWidget(self)
        self.pages: dict[str, QWidget] = {}
        self._workers: list[Worker] = []  # generate and rollover, each on a worker waiting on its process
        # Asked when the window is closed while one of them runs; tests replace it.
        self.confirm_stop_jobs: Callable[[], bool] = self._ask_to_stop_jobs

        self.calendar_page = CalendarPage(self.ctx, today=self.today)
        self.safety = SafetyActions(self, ws)
        self.safety.restored.connect(lambda: self.ctx.changed("alts", "schools", "boards", "placements", "visits",
                                                               "absences", "events", "calendar"))
        # Every other section is built the first time it is shown (or asked for), so the window
        # opens fast on a large branch and hidden sections do not reload on every change.
        self._holders: dict[str, QWidget] = {}
        for key, _title in SECTIONS:
            holder = QWidget(self.stack)
            holder.setObjectName(f"section_{key}")
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            self._holders[key] = holder
            self.stack.addWidget(holder)
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.sidebar.addItem(item)
        self.page("calendar")
        self.sidebar.currentRowChanged.connect(self._section_changed)

        splitter = QSplitter(self)
        splitter.addWidget(self.sidebar)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(1, False)
        splitter.setSizes([150, 1200])
        self.setCentralWidget(splitter)

        self.db_label = QLabel(self)
        self.db_label.setObjectName("database_label")
        self.statusBar().addPermanentWidget(self.db_label)
        self.ctx.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.ctx.data_changed.connect(self._data_changed)
        self.ctx.show_day.connect(self.show_day)
        # "Conflicts: 3 errors"…, read off the UI thread now and after every change.
        self.sidebar_counts = SidebarCountKeeper(self.ctx, self.sidebar, SECTIONS, lambda: self.today)
        self._make_menus()
        self.retranslate()
        self.refresh()
        self._restore_state()
        self.sidebar_counts.start()

    def _make_page(self, key: str) -> QWidget:
        # Each page's module is loaded with the page: the window opens without them.
        ctx, ws = self.ctx, self.ws
        if key == "calendar":
            return self.calendar_page
        if key in ("alts", "schools"):
            from ui.pages.roster_page import alt_roster_page, school_roster_page

            return alt_roster_page(ctx) if key == "alts" else school_roster_page(ctx)
        if key == "placements":
            from ui.pages.placements_page import PlacementsPage

            return PlacementsPage(ctx)
        if key == "planner":
            from ui.pages.planner_page import PlannerPage

            return PlannerPage(ctx)
        if key == "days_off":
            from ui.pages.calendar_layers_page import CalendarLayersPage

            return CalendarLayersPage(ctx)
        if key == "absences":
            from ui.pages.absences_page import AbsencesPage

            return AbsencesPage(ctx, today=self.today)
        if key == "conflicts":
            from ui.pages.conflicts_page import ConflictsPage

            return ConflictsPage(ctx, today=self.today)
        if key == "lunch":
            from ui.pages.lunch_page import LunchPage

            page = LunchPage(ws, today=self.today)
            page.touches = ctx.touches
            ctx.data_changed.connect(page.on_data_changed)
            return page
        if key == "reports":
            from ui.pages.reports_page import ReportsPage

            return ReportsPage(ctx)
        if key == "overview":
            from ui.overview_read import start_overview_read

            # The figures are read while the page's module loads and its widgets are built.
            first_read = start_overview_read(ctx, fiscal_year_of(self.today), f"{self.today:%Y-%m}", self.today)
            from ui.pages.overview_page import OverviewPage

            return OverviewPage(ctx, self.today, first_read=first_read)
        if key == "audit":
            from ui.pages.audit_page import AuditPage

            audit = AuditPage(ws)
            ctx.data_changed.connect(lambda _kinds: audit.refresh() if audit.isVisible() else None)
            return audit
        raise KeyError(key)

    def page(self, key: str) -> QWidget:
        """The section's page, built on first use."""
        page = self.pages.get(key)
        if page is None:
            page = self._make_page(key)
            self._holders[key].layout().addWidget(page)
            self.pages[key] = page
            refresh_now = getattr(page, "refresh", None)
            if key in ("alts", "schools", "placements", "days_off") and refresh_now is not None:
                refresh_now()
                fit = getattr(page, "fit_columns", None)
                if fit is not None:
                    fit()
        return page

    @property
    def alt_page(self) -> QWidget:
        return self.page("alts")

    @property
    def school_page(self) -> QWidget:
        return self.page("schools")

    @property
    def placements_page(self) -> QWidget:
        return self.page("placements")

    @property
    def days_off_page(self) -> QWidget:
        return self.page("days_off")

    @property
    def absences_page(self) -> QWidget:
        return self.page("absences")

    @property
    def conflicts_page(self) -> QWidget:
        return self.page("conflicts")

    @property
    def lunch_page(self) -> QWidget:
        return self.page("lunch")

    @property
    def reports_page(self) -> QWidget:
        return self.page("reports")

    @property
    def audit_page(self) -> QWidget:
        return self.page("audit")

    # --- menus --------------------------------------------------------------------------------
    def _action(self, menu, slot: Callable[[], None], shortcut: QKeySequence | str | None = None,  # type: ignore[no-untyped-def]
                name: str = "") -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.import_action = self._action(self.file_menu, self.open_import_wizard, "Ctrl+I", "import")
        self.export_action = self._action(self.file_menu, self.open_export_dialog, "Ctrl+E", "export")
        self.file_menu.addSeparator()
        for action in self.safety.actions():
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.quit_action = self._action(self.file_menu, self.close, QKeySequence.StandardKey.Quit, "quit")
        self.edit_menu = bar.addMenu("")
        self.undo_action = self.ctx.undo_stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.ctx.undo_stack.createRedoAction(self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.new_visit_action = self._action(self.edit_menu, self._new_visit, "Ctrl+N", "new_visit")
        self.find_action = self._action(self.edit_menu, self.find_in_section, QKeySequence.StandardKey.Find, "find")
        self.schedule_menu = bar.addMenu("")
        self.generate_action = self._action(self.schedule_menu, self.generate_dialog, "Ctrl+G", "generate")
        self.rollover_action = self._action(self.schedule_menu, self.rollover_dialog, None, "rollover")
        self.schedule_menu.addSeparator()
        self.absence_action = self._action(self.schedule_menu, self.record_absence, "Ctrl+Shift+A", "record_absence")
        self.substitute_action = self._action(self.schedule_menu, self.find_substitutes, "Ctrl+Shift+F",
                                              "find_substitutes")
        self.event_action = self._action(self.schedule_menu, self.record_event, "Ctrl+Shift+E", "record_event")
        self.check_action = self._action(self.schedule_menu, self.check_conflicts, "Ctrl+Shift+K", "check_conflicts")
        self.schedule_menu.addSeparator()
        self.send_action = self._action(self.schedule_menu, self.send_month_wizard, None, "send_month")
        self.view_menu = bar.addMenu("")
        self.section_actions: list[QAction] = []
        for number, (key, _title) in enumerate(SECTIONS, start=1):
            # Ctrl+1 ... Ctrl+9, then Ctrl+0 for the tenth (there is no key "Ctrl+10").
            shortcut = f"Ctrl+{number % 10}" if number <= 10 else None
            action = self._action(self.view_menu, lambda k=key: self.show_section(k), shortcut, f"section_{key}")
            self.section_actions.append(action)
        self.view_menu.addSeparator()
        self.today_action = self._action(self.view_menu, self._go_today, "Ctrl+T", "today")
        self.settings_menu = bar.addMenu("")
        self.branch_action = self._action(self.settings_menu, self.branch_dialog, None, "branch")
        self.preferences_action = self._action(self.settings_menu, self.preferences_dialog,
                                               QKeySequence.StandardKey.Preferences, "preferences")

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "ALTdesk"))
        self.sidebar_counts.retranslate()  # each section's title, with its count
        self.sidebar.setAccessibleName(QCoreApplication.translate("MainWindow", "Sections"))
        self.file_menu.setTitle(QCoreApplication.translate("MainWindow", "&File"))
        self.quit_action.setText(QCoreApplication.translate("MainWindow", "&Quit"))
        self.export_action.setText(QCoreApplication.translate("MainWindow", "&Export reports…"))
        self.import_action.setText(QCoreApplication.translate("MainWindow", "&Import spreadsheets…"))
        self.edit_menu.setTitle(QCoreApplication.translate("MainWindow", "&Edit"))
        self.undo_action.setText(QCoreApplication.translate("MainWindow", "&Undo"))
        self.redo_action.setText(QCoreApplication.translate("MainWindow", "&Redo"))
        self.new_visit_action.setText(QCoreApplication.translate("MainWindow", "&New visit…"))
        self.find_action.setText(QCoreApplication.translate("MainWindow", "&Find"))
        self.schedule_menu.setTitle(QCoreApplication.translate("MainWindow", "&Schedule"))
        self.generate_action.setText(QCoreApplication.translate("MainWindow", "&Generate visits…"))
        self.rollover_action.setText(QCoreApplication.translate("MainWindow", "April &rollover…"))
        self.absence_action.setText(QCoreApplication.translate("MainWindow", "Record &Absence…"))
        self.substitute_action.setText(QCoreApplication.translate("MainWindow", "Find &Substitutes…"))
        self.event_action.setText(QCoreApplication.translate("MainWindow", "Record School &Event…"))
        self.check_action.setText(QCoreApplication.translate("MainWindow", "Check &Conflicts"))
        self.send_action.setText(QCoreApplication.translate("MainWindow", "Send &next month…"))
        self.view_menu.setTitle(QCoreApplication.translate("MainWindow", "&View"))
        for action, (_key, title) in zip(self.section_actions, SECTIONS, strict=True):
            action.setText(QCoreApplication.translate("MainWindow", title))
        self.today_action.setText(QCoreApplication.translate("MainWindow", "&Today"))
        self.settings_menu.setTitle(QCoreApplication.translate("MainWindow", "Se&ttings"))
        self.branch_action.setText(QCoreApplication.translate("MainWindow", "&Branch…"))
        self.preferences_action.setText(QCoreApplication.translate("MainWindow", "&Preferences…"))
        self.safety.retranslate()
        self.db_label.setText(QCoreApplication.translate("MainWindow", "Database: %1").replace("%1", self.ws.db.target.describe()))
        for page in self.pages.values():
            retranslate = getattr(page, "retranslate", None)
            if retranslate is not None:
                retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- sections -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the sections built so far (the others load when first shown)."""
        for key in ("alts", "schools", "placements", "days_off"):
            page = self.pages.get(key)
            if page is not None:
                page.refresh()  # type: ignore[attr-defined]

    def _data_changed(self, kinds: set) -> None:
        """Each page follows the kinds of change it shows; the window has nothing to redo."""

    def show_section(self, key: str) -> None:
        index = [k for k, _ in SECTIONS].index(key)
        self.sidebar.setCurrentRow(index)

    def current_section(self) -> str:
        return SECTIONS[self.sidebar.currentRow()][0]

    def _section_changed(self, row: int) -> None:
        if 0 <= row < len(SECTIONS):
            self.page(SECTIONS[row][0])
        self.stack.setCurrentIndex(row)
        if 0 <= row < len(SECTIONS):
            settings().setValue("window/section", SECTIONS[row][0])

    def show_day(self, day: dt.date, alt_id: int | None = None) -> None:
        self.show_section("calendar")
        self.calendar_page.go_to(day, alt_id)

    def _go_today(self) -> None:
        self.show_section("calendar")
        self.calendar_page.go_today()

    def _new_visit(self) -> None:
        """Ctrl+N: a new record of the section in view (an ALT on ALTs...), a visit elsewhere."""
        page = self.stack.currentWidget()
        new_record = getattr(page, "new_record", None)
        if new_record is not None and page is not self.calendar_page:
            new_record()
            return
        self.show_section("calendar")
        self.calendar_page.new_visit_here()

    def find_in_section(self) -> None:
        """Ctrl+F: to the search box of the section in view."""
        page = self.page(self.current_section())
        box = getattr(page, "search", None)
        if not isinstance(box, QLineEdit) or not box.isVisible():
            box = next((edit for edit in page.findChildren(QLineEdit)
                        if edit.isVisible() and edit.placeholderText() and edit.isEnabled()), None)
        if box is not None:
            box.setFocus(Qt.FocusReason.ShortcutFocusReason)
            box.selectAll()

    def open_import_wizard(self) -> QWidget:
        # Loaded on first use: the importer is not needed to start the window.
        from ui.dialogs.import_wizard import ImportWizard, changed_kinds

        wizard = ImportWizard(self.ws, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.imported.connect(lambda outcome: self.ctx.changed(*changed_kinds(outcome)))
        wizard.open()
        return wizard

    def open_export_dialog(self) -> None:
        self.reports_page.open_export()

    def record_absence(self) -> None:
        self.show_section("absences")
        self.absences_page.new_absence(day=self.calendar_page.current_day)

    def find_substitutes(self) -> None:
        absence = self.absences_page.selected_absence()
        from ui.dialogs.substitute_finder import open_substitute_finder

        open_substitute_finder(self.ctx, self, absence.id if absence is not None else None)

    def record_event(self) -> None:
        self.show_section("absences")
        self.absences_page.new_event()

    def check_conflicts(self) -> None:
        self.show_section("conflicts")
        self.conflicts_page.refresh()

    def send_month_wizard(self) -> QWidget:
        return self.reports_page.open_send_wizard()  # type: ignore[attr-defined, no-any-return]

    def branch_dialog(self) -> None:
        from ui.dialogs.branch_dialog import BranchDialog

        BranchDialog(self.ctx, self).exec()

    def welcome_if_new(self) -> bool:
        """On a new database's first start: the welcome, then the way in the coordinator chose.
        Returns whether it was shown."""
        from ui.dialogs.welcome_dialog import DEMO, TEMPLATE, WelcomeDialog, load_demo_branch, wants_welcome

        if not wants_welcome(self.ctx):
            return False
        dialog = WelcomeDialog(self.ctx, self)
        dialog.exec()
        if dialog.choice == TEMPLATE:
            self.open_import_wizard()
        elif dialog.choice == DEMO:
            worker = load_demo_branch(self, self.ctx, fiscal_year_of(self.today), self._go_today,
                                      self._job_failed)
            self._workers.append(worker)
        else:
            self.show_section("schools")
        return True

    def preferences_dialog(self) -> None:
        from ui.dialogs.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self)
        if dialog.exec() == PreferencesDialog.DialogCode.Accepted:
            self.set_language(dialog.chosen_language())

    def set_language(self, lang: str) -> None:
        """Switch the UI language at once: translators, then every page retranslates."""
        set_current_language(lang)
        install_translators(QApplication.instance(), lang)  # sends LanguageChange -> retranslate()
        self.retranslate()
        self.calendar_page.reload()

    # --- long jobs ------------------------------------------------------------------------------
    def generate_dialog(self) -> None:
        fiscal_year = fiscal_year_of(self.calendar_page.current_day)
        year, ok = QInputDialog.getInt(
            self, QCoreApplication.translate("MainWindow", "Generate visits"),
            QCoreApplication.translate("MainWindow", "Generate the visits of fiscal year (April–March), keeping visits edited by hand:"),
            fiscal_year, 2000, 2100)
        if ok:
            self.start_generate(*fiscal_year_bounds(year))

    def start_generate(self, first: dt.date, last: dt.date) -> object:
        from altdesk.services.job_process import run_in_process, spec_for

        ws = self.ws
        worker = run_with_progress(
            self, QCoreApplication.translate("MainWindow", "Generate visits"), QCoreApplication.translate("MainWindow", "Generating visits from %1 to %2…")
            .replace("%1", format_date(first)).replace("%2", format_date(last)),
            # In a process of its own: see altdesk/services/job_process.py.
            lambda progress: run_in_process(spec_for(ws, "generate", first, last), progress),
            self._generated, self._job_failed, faults.GENERATE)
        self._workers.append(worker)
        return worker

    def _generated(self, result: GenerateResult | Cancelled) -> None:
        if isinstance(result, Cancelled) or result.cancelled:
            self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Generation cancelled; nothing was changed."), 8000)
            return
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Visits generated: %1 created, %2 updated, %3 removed, %4 kept as edited by hand.")
            .replace("%1", str(result.created)).replace("%2", str(result.updated))
            .replace("%3", str(result.deleted)).replace("%4", str(result.kept_manual)), 10000)
        self.ctx.changed("visits")

    def rollover_dialog(self) -> None:
        year, ok = QInputDialog.getInt(
            self, QCoreApplication.translate("MainWindow", "April rollover"),
            QCoreApplication.translate("MainWindow", "Copy this year's placements, breaks and closures into fiscal year:"),
            fiscal_year_of(self.today) + 1, 2000, 2100)
        if not ok:
            return
        from altdesk.services.job_process import run_in_process, spec_for

        ws = self.ws
        worker = run_with_progress(
            self, QCoreApplication.translate("MainWindow", "April rollover"), QCoreApplication.translate("MainWindow", "Copying placements and generating visits…"),
            lambda progress: run_in_process(spec_for(ws, "rollover", year), progress),
            lambda result: self._rolled_over(year, result), self._job_failed, faults.ROLLOVER)
        self._workers.append(worker)

    def _rolled_over(self, year: int, result: tuple | Cancelled) -> None:
        if isinstance(result, Cancelled):
            self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "April rollover cancelled."), 8000)
            return
        copied, generated = result
        QMessageBox.information(
            self, QCoreApplication.translate("MainWindow", "April rollover"),
            QCoreApplication.translate("MainWindow", "Fiscal year %1: %2 placements copied, %3 breaks and closures copied (check their dates), "
                "%4 visits generated.").replace("%1", str(year)).replace("%2", str(copied.placements_copied))
            .replace("%3", str(copied.day_offs_copied)).replace("%4", str(generated.created if generated else 0)))
        self.ctx.changed("visits", "placements", "calendar")

    def _job_failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):  # a fault has reached the person through ui.faults already
            QMessageBox.warning(self, QCoreApplication.translate("MainWindow", "ALTdesk"), exc.message(current_language()))

    # --- state ----------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        store = settings()
        geometry = store.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        section = store.value("window/section", "calendar", type=str)
        self.show_section(section if section in dict(SECTIONS) else "calendar")
        self.calendar_page.restore_filters()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.jobs_running() and not self.confirm_stop_jobs():
            event.ignore()  # the coordinator keeps working; the job goes on
            return
        stop_all_jobs()  # a generate stopped here writes nothing (its child process rolls back)
        settings().setValue("window/geometry", self.saveGeometry())
        self.calendar_page.wait_for_background(3000)
        # The undo commands go now, while everything they point at is alive: left to the stack's
        # destructor, they may be deleted after Python's collector freed their wrappers (a crash).
        self.ctx.undo_stack.clear()
        super().closeEvent(event)

    def jobs_running(self) -> bool:
        return any(worker.is_running() for worker in self._workers)

    def _ask_to_stop_jobs(self) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("MainWindow", "ALTdesk"),
                          QCoreApplication.translate(
                              "MainWindow", "Visits are still being generated. Stop now and close? Nothing of the "
                              "unfinished job is saved; run it again later."), parent=self)
        stop = box.addButton(QCoreApplication.translate("MainWindow", "Stop and close"),
                             QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(QCoreApplication.translate("MainWindow", "Keep working"),
                             QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)  # Enter does not throw away a running job
        box.exec()
        return box.clickedButton() is stop
