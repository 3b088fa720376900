"""A damaged database at start-up: say so, and offer the newest good backup.

The damaged file is never overwritten: restoring moves it (with its -wal/-shm) into the
backups folder untouched, then puts the backup in its place.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from altdesk.db.backup import backups_dir_for
from altdesk.db.engine import DatabaseTarget
from altdesk.db.restore import RestoreOutcome
from altdesk.errors import DatabaseDamaged, UserError
from altdesk.services.safety import newest_good_backup, restore_backup
from ui.formatting import format_timestamp

translate = QCoreApplication.translate


class RecoveryDialog(QMessageBox):
    def __init__(self, target: DatabaseTarget, damage: DatabaseDamaged, lang: str, actor: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert target.sqlite_path is not None
        self.setObjectName("recovery_dialog")
        self.target = target
        self.lang = lang
        self.actor = actor
        self.outcome: RestoreOutcome | None = None
        self.backup = newest_good_backup(target.sqlite_path)
        folder = str(backups_dir_for(target.sqlite_path))
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(translate("RecoveryDialog", "The database is damaged"))
        self.setText(damage.message(lang))
        self.restore_button: QPushButton | None = None
        if self.backup is None:
            self.setInformativeText(
                translate("RecoveryDialog", "No good backup was found in %1. The damaged file has not been changed; "
                    "keep it and ask for help before doing anything else.").replace("%1", folder))
            self.setStandardButtons(QMessageBox.StandardButton.Close)
            return
        taken = format_timestamp(self.backup.taken, lang)
        self.setInformativeText(
            translate("RecoveryDialog", "The newest good backup is from %1. Restore it? Changes made after that time are "
                "not in it. The damaged file is kept, unchanged, in %2.")
            .replace("%1", taken).replace("%2", folder))
        self.setDetailedText(str(self.backup.path))
        self.restore_button = self.addButton(translate("RecoveryDialog", "Restore this backup"), QMessageBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restore_backup")
        quit_button = self.addButton(translate("RecoveryDialog", "Quit"), QMessageBox.ButtonRole.RejectRole)
        quit_button.setObjectName("quit")
        self.setDefaultButton(self.restore_button)

    def restore(self) -> RestoreOutcome | None:
        """Restore the offered backup; on failure say why and return None."""
        if self.backup is None:
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.outcome = restore_backup(self.target, self.backup.path, self.actor)
        except UserError as exc:
            QMessageBox.critical(self.parentWidget(), translate("RecoveryDialog", "Restore failed"), exc.message(self.lang))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        return self.outcome

    def run(self) -> bool:
        """Show the dialog; True when a backup was restored and the database can be opened again."""
        self.exec()
        if self.restore_button is not None and self.clickedButton() is self.restore_button:
            return self.restore() is not None
        return False
