"""File menu: Back Up Now, Back Up To…, Restore From Backup…, Verify Database.

The work runs on a worker thread (ui.worker); the dialogs only ask and tell.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from altdesk.db.backup import MANUAL, backup_name, backups_dir_for, parse_backup_name
from altdesk.db.checks import FileCheck
from altdesk.db.restore import RestoreOutcome, check_backup
from altdesk.errors import Cancelled, UserError
from altdesk.services.safety import VerifyReport, make_backup, restore_into_open, verify_target
from altdesk.services.workspace import Workspace
from ui import faults
from ui.formatting import format_timestamp
from ui.settings import current_language
from ui.worker import run_with_progress


class SafetyActions(QObject):
    """Owns the four actions; emits `restored` after a restore so the window reloads everything."""

    restored = Signal()

    def __init__(self, window: QWidget, ws: Workspace) -> None:
        super().__init__(window)
        self.window = window
        self.ws = ws
        self._worker: Any = None
        self.backup_action = QAction(self)
        self.backup_action.setObjectName("action_backup_now")
        self.backup_action.triggered.connect(lambda: self.backup_now(None))
        self.backup_to_action = QAction(self)
        self.backup_to_action.setObjectName("action_backup_to")
        self.backup_to_action.triggered.connect(self.backup_to)
        self.restore_action = QAction(self)
        self.restore_action.setObjectName("action_restore")
        self.restore_action.triggered.connect(self.choose_and_restore)
        self.verify_action = QAction(self)
        self.verify_action.setObjectName("action_verify")
        self.verify_action.triggered.connect(self.verify)
        self.retranslate()

    def actions(self) -> list[QAction]:
        return [self.backup_action, self.backup_to_action, self.restore_action, self.verify_action]

    def retranslate(self) -> None:
        self.backup_action.setText(self.tr("&Back Up Now"))
        self.backup_to_action.setText(self.tr("Back Up &To…"))
        self.restore_action.setText(self.tr("&Restore From Backup…"))
        self.verify_action.setText(self.tr("&Verify Database"))

    # --- helpers ---------------------------------------------------------------------------

    def _run(self, title: str, label: str, fn: Any, on_done: Any) -> None:
        def done(result: object) -> None:
            if not isinstance(result, Cancelled):  # cancelled by the person: nothing to say
                on_done(result)

        self._worker = run_with_progress(self.window, title, label, lambda _progress: fn(), done, self._failed,
                                         faults.SAFETY)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):  # a fault has reached the person through ui.faults already
            QMessageBox.critical(self.window, self.tr("ALTdesk"), exc.message(current_language()))

    def wait(self, ms: int = 30000) -> bool:
        """For tests and shutdown: wait for the running job, if any."""
        return self._worker.wait(ms) if self._worker is not None else True

    # --- backup ----------------------------------------------------------------------------

    def backup_now(self, out: Path | None) -> None:
        self._run(self.tr("Back up"), self.tr("Backing up the database…"),
                  lambda: make_backup(self.ws, out), self._backed_up)

    def _backed_up(self, path: Path) -> None:
        QMessageBox.information(self.window, self.tr("Back up"),
                                self.tr("The backup was written to:\n%1").replace("%1", str(path)))

    def backup_to(self) -> None:
        db_path = self.ws.db.target.sqlite_path
        suggested = backup_name(db_path, MANUAL) if db_path else "altdesk-backup.dump"
        chosen, _ = QFileDialog.getSaveFileName(self.window, self.tr("Back up to"), str(Path.home() / suggested))
        if chosen:
            self.backup_now(Path(chosen))

    # --- restore ---------------------------------------------------------------------------

    def choose_and_restore(self) -> None:
        db_path = self.ws.db.target.sqlite_path
        start = str(backups_dir_for(db_path)) if db_path else str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Restore from backup"), start,
            self.tr("ALTdesk backups (*.sqlite3);;All files (*)"))
        if chosen:
            self.restore(Path(chosen))

    def restore(self, backup: Path, confirm: bool = True) -> None:
        """Check the backup, ask, then restore it (a copy of the current file is kept first)."""
        self._run(self.tr("Restore"), self.tr("Checking the backup…"), lambda: check_backup(backup),
                  lambda check: self._confirm_restore(backup, check, confirm))

    def confirm_text(self, backup: Path, check: FileCheck) -> str:
        db_path = self.ws.db.target.sqlite_path
        parsed = parse_backup_name(db_path, backup) if db_path else None
        when = format_timestamp(parsed.taken) if parsed else self.tr("unknown time")
        counts = check.counts
        return (self.tr("Replace the database with the backup from %1 (%2 ALTs, %3 schools, %4 visits)?\n\n"
                        "A copy of the database as it is now is kept in the backups folder first.")
                .replace("%1", when).replace("%2", str(counts.get("alt", 0)))
                .replace("%3", str(counts.get("school", 0))).replace("%4", str(counts.get("visit", 0))))

    def _confirm_restore(self, backup: Path, check: FileCheck, confirm: bool) -> None:
        if confirm:
            # No by default: Enter must not replace the database.
            answer = QMessageBox.question(self.window, self.tr("Restore"), self.confirm_text(backup, check),
                                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                          QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._run(self.tr("Restore"), self.tr("Restoring the backup…"),
                  lambda: restore_into_open(self.ws.db, backup), self._restored)

    def _restored(self, outcome: RestoreOutcome) -> None:
        self.restored.emit()
        QMessageBox.information(
            self.window, self.tr("Restore"),
            self.tr("The backup was restored. The previous database is kept as:\n%1")
            .replace("%1", str(outcome.kept or "-")))

    # --- verify ----------------------------------------------------------------------------

    def verify(self) -> None:
        self._run(self.tr("Verify"), self.tr("Checking the database…"),
                  lambda: verify_target(self.ws.db.target), self._verified)

    def report_text(self, report: VerifyReport) -> str:
        if report.damaged:
            return (self.tr("The database is damaged: %1\n\nIt has not been changed. Close ALTdesk and start it "
                            "again to restore the newest good backup, or use Restore From Backup.")
                    .replace("%1", report.problems[0]))
        lines = [self.tr("The database passed the integrity check."),
                 self.tr("Schema: %1 (this ALTdesk: %2)").replace("%1", report.revision or "-")
                 .replace("%2", report.head)]
        if report.backups:
            lines.append(self.tr("Backups: %1, the newest from %2").replace("%1", str(len(report.backups)))
                         .replace("%2", format_timestamp(report.backups[0].taken)))
        elif report.where and self.ws.db.target.sqlite_path is not None:
            lines.append(self.tr("There are no backups yet."))
        return "\n".join(lines)

    def _verified(self, report: VerifyReport) -> None:
        box = QMessageBox.critical if report.damaged else QMessageBox.information
        box(self.window, self.tr("Verify"), self.report_text(report))
